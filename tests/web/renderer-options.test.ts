import type { UISchemaElement } from '@jsonforms/core';
import type { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createFormAjv } from '../../form-logic/ajv.js';
import { formatHint, formatStored, parseTyped } from '../../web/src/forms/renderers/date-formats.js';

interface FormViewProps {
  schema: object;
  uischema: UISchemaElement;
  data: object;
  ajv: Ajv;
  validationMode: 'NoValidation';
}

// The page component is JSX, which the tests' TypeScript project does not compile; vitest does. React is
// loaded by a module name held in a variable too: its type declarations would put placeholder DOM types into
// the tests' project, which has no DOM library, and break the Playwright tests' types.
const formViewModule = '../../web/src/forms/FormView.js';
const reactModule = 'react';
const reactServerModule = 'react-dom/server';
type Element = unknown;
const { FormView } = (await import(formViewModule)) as { FormView: unknown };
const { createElement } = (await import(reactModule)) as {
  createElement: (type: unknown, props: FormViewProps) => Element;
};
const { renderToStaticMarkup } = (await import(reactServerModule)) as {
  renderToStaticMarkup: (element: Element) => string;
};

/** The page JSON Forms renders for a schema and UI schema (server-side, as static HTML). */
const render = (schema: object, uischema: object, data: object = {}): string =>
  renderToStaticMarkup(
    createElement(FormView, {
      schema,
      uischema: uischema as UISchemaElement,
      data,
      ajv: createFormAjv(),
      validationMode: 'NoValidation',
    }),
  );

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/#]/g, '\\$&');

/** The opening tag of the first element whose attribute has this value. */
const tagWith = (html: string, attribute: string, value: string): string => {
  const tag = new RegExp(`<[a-z]+[^>]*\\s${attribute}="${escape(value)}"[^>]*>`).exec(html)?.[0];
  if (!tag) throw new Error(`no element with ${attribute}="${value}"`);
  return tag;
};

/**
 * The opening tag of a control's input, description, … by the field's key and the id's suffix.
 * JSON Forms numbers ids that are already taken („#/properties/code2-input“).
 */
const partOf = (html: string, key: string, part: 'input' | 'description'): string => {
  const tag = new RegExp(`<[a-z]+[^>]*\\sid="${escape(`#/properties/${key}`)}\\d*-${part}"[^>]*>`).exec(
    html,
  )?.[0];
  if (!tag) throw new Error(`no ${part} of ${key}`);
  return tag;
};

/** The CSS rules emotion rendered for the class of an element's opening tag. */
const stylesOf = (html: string, tag: string): string => {
  const classes = /class="([^"]*)"/.exec(tag)?.[1]?.split(' ') ?? [];
  return classes
    .filter((name) => name.startsWith('css-'))
    .map((name) => new RegExp(`\\.${name}\\{([^}]*)\\}`).exec(html)?.[1] ?? '')
    .join(';');
};

const withoutStyles = (html: string) => html.replace(/<style[^>]*>[^<]*<\/style>/g, '');

const form = (properties: Record<string, object>, required: string[] = []) => ({
  type: 'object',
  properties,
  required,
});
const vertical = (...elements: object[]) => ({ type: 'VerticalLayout', elements });
const control = (key: string, extra: object = {}) => ({
  type: 'Control',
  scope: `#/properties/${key}`,
  ...extra,
});

describe('controls without a visible label ("label": false)', () => {
  it('keep the schema title, else the key, as the name a screen reader announces', () => {
    const html = render(
      form({
        name: { type: 'string', title: 'Name der Einrichtung' },
        postalCode: { type: 'string' },
        kind: { type: 'string', title: 'Art', oneOf: [{ const: 'a', title: 'A' }] },
        amount: { type: 'integer', format: 'cents', title: 'Betrag' },
      }),
      vertical(
        control('name', { label: false }),
        control('postalCode', { label: false }),
        control('kind', { label: false }),
        control('amount', { label: false }),
      ),
    );
    expect(partOf(html, 'name', 'input')).toContain('aria-label="Name der Einrichtung"');
    expect(partOf(html, 'postalCode', 'input')).toContain('aria-label="Postal Code"');
    expect(partOf(html, 'kind', 'input')).toContain('aria-label="Art"');
    expect(partOf(html, 'amount', 'input')).toContain('aria-label="Betrag in Euro"');
    // No visible label is drawn.
    expect(withoutStyles(html)).not.toContain('<label');
  });

  it('give yes/no questions, choices as radio buttons, lists and computed values a hidden name', () => {
    const html = withoutStyles(
      render(
        form({
          agreed: { type: 'boolean', title: 'Einverstanden' },
          choice: { type: 'string', title: 'Auswahl', oneOf: [{ const: 'x', title: 'X' }] },
          lines: { type: 'array', title: 'Positionen', items: { type: 'string' } },
          total: { type: 'integer', title: 'Summe', readOnly: true, 'x-derived': '1 + 1' },
        }),
        vertical(
          control('agreed', { label: false }),
          control('choice', { label: false, options: { format: 'radio' } }),
          control('lines', { label: false }),
          control('total', { label: false }),
        ),
      ),
    );
    expect(html).toMatch(/<span class="MuiBox-root [^"]*">Einverstanden<\/span>/);
    expect(html).toMatch(/<legend[^>]*>Auswahl<\/legend>/);
    expect(html).toMatch(/<h2[^>]*>Positionen<\/h2>/);
    expect(html).toMatch(/<span[^>]*id="[^"]*-label"[^>]*>Summe<\/span>/);
  });
});

describe('options of the material renderers', () => {
  const schema = form(
    {
      code: { type: 'string', title: 'Kennung', maxLength: 8, description: 'Acht Zeichen' },
      note: { type: 'string', title: 'Notiz' },
      agreed: { type: 'boolean', title: 'Einverstanden' },
      kind: { type: 'string', title: 'Art', enum: ['a', 'b'] },
    },
    ['code', 'kind'],
  );

  it('restrict limits the input to maxLength; trim makes it only as wide', () => {
    const html = render(schema, vertical(control('code', { options: { restrict: true, trim: true } })));
    const input = partOf(html, 'code', 'input');
    expect(input).toContain('maxLength="8"');
    expect(input).toContain('size="8"');
    expect(html).not.toContain('MuiFormControl-fullWidth');
    const plain = render(schema, vertical(control('code')));
    expect(partOf(plain, 'code', 'input')).not.toContain('maxLength');
    expect(plain).toContain('MuiFormControl-fullWidth');
  });

  it('hideRequiredAsterisk drops the asterisk, not the required state', () => {
    const shown = withoutStyles(render(schema, vertical(control('code'), control('kind'))));
    expect(shown).toContain('MuiFormLabel-asterisk');
    const hidden = render(
      schema,
      vertical(
        control('code', { options: { hideRequiredAsterisk: true } }),
        control('kind', { options: { hideRequiredAsterisk: true } }),
      ),
    );
    expect(withoutStyles(hidden)).not.toContain('MuiFormLabel-asterisk');
    expect(partOf(hidden, 'code', 'input')).toContain('aria-required="true"');
    expect(partOf(hidden, 'kind', 'input')).toContain('aria-required="true"');
  });

  it('showUnfocusedDescription: false hides the description visually but keeps it for screen readers', () => {
    const hidden = render(
      schema,
      vertical(control('code', { options: { showUnfocusedDescription: false } })),
    );
    const description = partOf(hidden, 'code', 'description');
    expect(stylesOf(hidden, description)).toContain('clip:rect(0 0 0 0)');
    expect(partOf(hidden, 'code', 'input')).toMatch(/aria-describedby="#\/properties\/code\d*-description"/);
    const shown = render(schema, vertical(control('code')));
    expect(stylesOf(shown, partOf(shown, 'code', 'description'))).not.toContain('clip');
  });

  it('the form-wide config is the default and the UI schema overrides it', () => {
    const html = render(schema, vertical(control('note', { options: { multi: true } })));
    expect(html).toContain('<textarea');
  });

  it('toggle shows a yes/no question as a switch', () => {
    const html = withoutStyles(render(schema, vertical(control('agreed', { options: { toggle: true } }))));
    expect(html).toContain('MuiSwitch-root');
    expect(html).not.toContain('MuiCheckbox-root');
    expect(withoutStyles(render(schema, vertical(control('agreed'))))).toContain('MuiCheckbox-root');
  });

  it('format: password hides what is typed', () => {
    const html = render(schema, vertical(control('note', { options: { format: 'password' } })));
    expect(partOf(html, 'note', 'input')).toContain('type="password"');
  });

  it('readonly shows the value without an editable input', () => {
    const html = render(schema, vertical(control('note', { options: { readonly: true } })), {
      note: 'Hallo',
    });
    expect(partOf(html, 'note', 'input')).toContain('readOnly=""');
  });
});

describe('lists', () => {
  const schema = form({
    goals: {
      type: 'array',
      title: 'Ziele',
      items: { type: 'object', title: 'Ziel', properties: { goal: { type: 'string', title: 'Ziel' } } },
    },
  });
  const data = { goals: [{ goal: 'Eins' }, { goal: 'Zwei' }, { goal: 'Drei' }] };
  const buttons = (html: string) =>
    [...withoutStyles(html).matchAll(/<button[^>]*>/g)].map((match) => match[0]);

  it('showSortButtons (or the layout’s or table’s variant) move entries up and down; the ends cannot move further', () => {
    for (const option of ['showSortButtons', 'showArrayLayoutSortButtons', 'showArrayTableSortButtons']) {
      const html = render(schema, vertical(control('goals', { options: { [option]: true } })), data);
      const labels = buttons(html).map((tag) => /aria-label="([^"]*)"/.exec(tag)?.[1]);
      expect(labels).toContain('Ziele: Ziel 1 nach unten verschieben');
      expect(labels).toContain('Ziele: Ziel 3 nach oben verschieben');
      const firstUp = buttons(html).find((tag) => tag.includes('Ziel 1 nach oben'))!;
      const lastDown = buttons(html).find((tag) => tag.includes('Ziel 3 nach unten'))!;
      expect(firstUp).toContain('disabled=""');
      expect(lastDown).toContain('disabled=""');
    }
    expect(buttons(render(schema, vertical(control('goals')), data)).join()).not.toContain('verschieben');
  });

  it('as a ListWithDetail, one entry is open; the closed ones stay in the page for the error summary', () => {
    const html = withoutStyles(
      render(schema, vertical({ type: 'ListWithDetail', scope: '#/properties/goals' }), data),
    );
    const toggles = buttons(html).filter((tag) => tag.includes('aria-expanded'));
    expect(toggles).toHaveLength(3);
    expect(toggles[0]).toContain('aria-expanded="true"');
    expect(toggles[1]).toContain('aria-expanded="false"');
    expect(toggles[1]).toContain('aria-label="Ziele: Ziel 2 aufklappen"');
    const bodies = [...html.matchAll(/<div[^>]*id="[^"]*-body-\d"[^>]*>/g)].map((match) => match[0]);
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).not.toContain('hidden');
    expect(bodies[2]).toContain('hidden');
    expect(bodies[2]).toContain('data-form-reveal-index="2"');
    expect(html).toContain('data-field-path="goals.2.goal"');
  });

  it('disableAdd and disableRemove take the buttons away', () => {
    const html = withoutStyles(
      render(
        schema,
        vertical(control('goals', { options: { disableAdd: true, disableRemove: true } })),
        data,
      ),
    );
    expect(html).not.toContain('hinzufügen');
    expect(html).not.toContain('entfernen');
    const plain = withoutStyles(render(schema, vertical(control('goals')), data));
    expect(plain).toContain('Ziel hinzufügen');
    expect(plain).toContain('Ziele: Ziel 1 entfernen');
  });
});

describe('dates and times', () => {
  const schema = form({
    day: { type: 'string', format: 'date', title: 'Tag' },
    moment: { type: 'string', format: 'date-time', title: 'Zeitpunkt' },
    time: { type: 'string', format: 'time', title: 'Uhrzeit' },
  });

  it('show the German formats by default and the UI schema’s formats when it names them', () => {
    const data = { day: '2026-11-24', moment: '2026-11-24T13:45:00', time: '08:05:00' };
    const german = render(schema, vertical(control('day'), control('moment'), control('time')), data);
    expect(partOf(german, 'day', 'input')).toContain('value="24.11.2026"');
    expect(partOf(german, 'moment', 'input')).toContain('value="24.11.2026 13:45"');
    expect(partOf(german, 'time', 'input')).toContain('value="08:05"');
    expect(withoutStyles(german)).toContain('Zeitpunkt (TT.MM.JJJJ HH:MM)');
    expect(withoutStyles(german)).toContain('Uhrzeit (HH:MM)');

    const custom = render(
      schema,
      vertical(
        control('day', { options: { dateFormat: 'YYYY/MM/DD' } }),
        control('moment', { options: { dateTimeFormat: 'YYYY-MM-DD HH:mm' } }),
        control('time', { options: { ampm: true } }),
      ),
      data,
    );
    expect(partOf(custom, 'day', 'input')).toContain('value="2026/11/24"');
    expect(partOf(custom, 'moment', 'input')).toContain('value="2026-11-24 13:45"');
    expect(partOf(custom, 'time', 'input')).toContain('value="08:05 AM"');
    expect(withoutStyles(custom)).toContain('Tag (JJJJ/MM/TT)');
  });

  it('store typed text in the save format; text that is not a date stays for validation to report', () => {
    expect(parseTyped('2026/11/24', { display: 'YYYY/MM/DD', save: 'YYYY-MM-DD' })).toBe('2026-11-24');
    expect(parseTyped('24.11.2026', { display: 'DD.MM.YYYY', save: 'DD.MM.YYYY' })).toBe('24.11.2026');
    expect(parseTyped('31.02.2026', { display: 'DD.MM.YYYY', save: 'YYYY-MM-DD' })).toBe('31.02.2026');
    expect(parseTyped('1:30 PM', { display: 'h:mm A', save: 'HH:mm:ss' })).toBe('13:30:00');
    const iso = parseTyped('24.11.2026 13:45', { display: 'DD.MM.YYYY HH:mm' }) as string;
    expect(new Date(iso).getTime()).toBe(new Date(2026, 10, 24, 13, 45).getTime());
    expect(formatStored(iso, { display: 'DD.MM.YYYY HH:mm' })).toBe('24.11.2026 13:45');
    expect(formatStored('kein Datum', { display: 'DD.MM.YYYY', save: 'YYYY-MM-DD' })).toBe('kein Datum');
    expect(formatHint('DD.MM.YYYY HH:mm:ss')).toBe('(TT.MM.JJJJ HH:MM:SS)');
  });
});

describe('layouts', () => {
  const schema = form({
    name: { type: 'string', title: 'Name' },
    pay: {
      title: 'Zahlung',
      oneOf: [
        { title: 'Überweisung', type: 'object', properties: { iban: { type: 'string', title: 'IBAN' } } },
        { title: 'Bar', type: 'object', properties: { cash: { type: 'boolean', title: 'Bar' } } },
      ],
    },
  });

  it('each control is one box of its layout, even one that renders several elements', () => {
    const html = render(
      schema,
      { type: 'HorizontalLayout', elements: [control('name'), control('pay')] },
      {},
    );
    for (const path of ['name', 'pay']) {
      const anchor = tagWith(html, 'data-field-path', path);
      const styles = stylesOf(html, anchor);
      expect(styles).not.toContain('display:contents');
      expect(styles).toContain('min-width:0');
    }
  });

  const steps = form({
    name: { type: 'string', title: 'Name' },
    iban: { type: 'string', title: 'IBAN' },
  });

  it('tabs (Categorization) keep every category in the page, hidden until selected', () => {
    const html = withoutStyles(
      render(steps, {
        type: 'Categorization',
        elements: [
          { type: 'Category', label: 'Person', elements: [control('name')] },
          { type: 'Category', label: 'Zahlung', elements: [control('iban')] },
        ],
      }),
    );
    expect(html).toContain('role="tablist"');
    const tabs = [...html.matchAll(/<button[^>]*role="tab"[^>]*>/g)].map((match) => match[0]);
    expect(tabs).toHaveLength(2);
    expect(tabs[0]).toContain('aria-selected="true"');
    expect(tabs[1]).toContain('aria-selected="false"');
    const panels = [...html.matchAll(/<div[^>]*role="tabpanel"[^>]*>/g)].map((match) => match[0]);
    expect(panels).toHaveLength(2);
    expect(panels[0]).not.toContain('hidden');
    expect(panels[1]).toContain('hidden');
    expect(panels[1]).toContain('data-form-reveal');
    expect(html).toContain('data-field-path="iban"');
  });

  it('the stepper variant shows the steps and, with showNavButtons, „Zurück“ and „Weiter“', () => {
    const html = withoutStyles(
      render(steps, {
        type: 'Categorization',
        options: { variant: 'stepper', showNavButtons: true },
        elements: [
          { type: 'Category', label: 'Person', elements: [control('name')] },
          { type: 'Category', label: 'Zahlung', elements: [control('iban')] },
        ],
      }),
    );
    expect(html).not.toContain('role="tablist"');
    expect(html).toMatch(/<button[^>]*aria-current="step"[^>]*>.*?Person/);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Zurück<\/button>/);
    expect(html).toMatch(/<button(?![^>]*disabled)[^>]*>Weiter<\/button>/);
    const panels = [...html.matchAll(/<div[^>]*role="region"[^>]*>/g)].map((match) => match[0]);
    expect(panels).toHaveLength(2);
    expect(panels[1]).toContain('hidden');
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  checkFormDefinition,
  compileFormValidator,
  createFormAjv,
  importDefinition,
  ROOT_NOT_OBJECT_MESSAGE,
  type UiSchema,
} from '../../form-logic/index.js';
import { interopDefault } from '../../form-logic/interop.js';

const addFormats = interopDefault<FormatsPlugin>(addFormatsModule);

interface ParityCase {
  description: string;
  schema: Record<string, unknown>;
  uischema?: UiSchema;
  /** The UI schema JSON Forms generates when the case brings none. */
  expectedUiSchema?: UiSchema;
  valid: unknown[];
  invalid: unknown[];
}

const dir = path.join(import.meta.dirname, 'import-parity');
const cases = readdirSync(dir)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => [name, JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as ParityCase] as const);

/** Plain Ajv as anyone would set it up for draft-07, knowing nothing of the platform. */
function plainAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  return ajv;
}

interface RenderModules {
  renderToString: (element: unknown) => string;
  createElement: (...args: unknown[]) => unknown;
  FormView: unknown;
}

/**
 * The web's form view, loaded the way the browser gets it. The module names are values, so the
 * server's type check (no DOM types) does not pull in React's and the web's types.
 */
async function loadFormView(): Promise<RenderModules> {
  const modules: string[] = ['react-dom/server', 'react', '../../web/src/forms/FormView.tsx'];
  const [server, react, view] = (await Promise.all(
    modules.map((name) => import(/* @vite-ignore */ name)),
  )) as [
    { renderToString: RenderModules['renderToString'] },
    { createElement: RenderModules['createElement'] },
    { FormView: unknown },
  ];
  return {
    renderToString: server.renderToString,
    createElement: react.createElement,
    FormView: view.FormView,
  };
}

/** What JSON Forms shows where no renderer (or cell) applies: „No applicable renderer found.“ */
const NO_RENDERER = 'No applicable';

describe('import parity: JSON Schema + UI schema pairs as JSON Forms renders them', () => {
  let formView: Promise<RenderModules>;
  beforeAll(() => {
    formView = loadFormView();
  });

  it('has cases for each point of the import', () => {
    expect(cases.map(([name]) => name)).toEqual([
      'arrays-and-categorization.json',
      'combinator-root-generated.json',
      'combinators.json',
      'generated-ui-schema.json',
      'scopes-and-refs.json',
    ]);
  });

  describe.each(cases)('%s', (_name, parity) => {
    it('imports without problems, with the UI schema JSON Forms would generate when none is given', async () => {
      const imported = await importDefinition({ schema: parity.schema, uischema: parity.uischema });
      expect(imported.problems).toEqual([]);
      expect(imported.schema).toEqual(parity.schema);
      expect(imported.generatedUiSchema).toBe(parity.uischema === undefined);
      expect(imported.uischema).toEqual(parity.uischema ?? parity.expectedUiSchema);
      // What is imported also passes the check at publish.
      expect(await checkFormDefinition(imported)).toEqual([]);
    });

    it('agrees with plain Ajv on valid and invalid data', () => {
      const platform = compileFormValidator(parity.schema);
      const plain = plainAjv().compile(parity.schema);
      for (const data of parity.valid) {
        expect({ data, errors: platform(data as Record<string, unknown>) }).toEqual({ data, errors: [] });
        expect(plain(data)).toBe(true);
      }
      for (const data of parity.invalid) {
        expect({ data, failed: platform(data as Record<string, unknown>).length > 0 }).toEqual({
          data,
          failed: true,
        });
        expect(plain(data)).toBe(false);
      }
    });

    it('renders with the platform renderers, none missing', { timeout: 60_000 }, async () => {
      const { renderToString, createElement, FormView } = await formView;
      const imported = await importDefinition({ schema: parity.schema, uischema: parity.uischema });
      // Server rendering shows the first step of a categorization only, so each step is rendered too.
      const steps = Array.isArray(imported.uischema.elements)
        ? (imported.uischema.elements as UiSchema[]).filter((element) => element.type === 'Category')
        : [];
      const layouts = [
        imported.uischema,
        ...steps.map((step) => ({ type: 'VerticalLayout', elements: step.elements })),
      ];
      for (const uischema of layouts) {
        for (const data of [...parity.valid, {}]) {
          const html = renderToString(
            createElement(FormView, { schema: imported.schema, uischema, data, ajv: createFormAjv() }),
          );
          expect(html).not.toContain(NO_RENDERER);
          expect(html.length).toBeGreaterThan(200);
        }
      }
    });
  });

  it('would notice a missing renderer', { timeout: 60_000 }, async () => {
    const { renderToString, createElement, FormView } = await formView;
    const html = renderToString(
      createElement(FormView, {
        schema: { type: 'object', properties: {} },
        uischema: { type: 'Unbekannt' },
        data: {},
        ajv: createFormAjv(),
      }),
    );
    expect(html).toContain(NO_RENDERER);
  });
});

describe('importDefinition', () => {
  it('refuses a root that is not an object with the one message, also without a UI schema', async () => {
    for (const schema of [{ type: 'string' }, { type: 'array', items: { type: 'integer' } }]) {
      expect((await importDefinition({ schema })).problems).toEqual([
        { path: '/schema', message: ROOT_NOT_OBJECT_MESSAGE },
      ]);
      expect(
        (await importDefinition({ schema, uischema: { type: 'Control', scope: '#' } })).problems,
      ).toEqual([{ path: '/schema', message: ROOT_NOT_OBJECT_MESSAGE }]);
    }
  });

  it('reports every problem of an imported pair, with the same Ajv options as at publish and submit', async () => {
    const imported = await importDefinition({
      schema: {
        type: 'object',
        required: ['hidden'],
        properties: {
          name: { type: 'string', titel: 'Name' },
          when: { type: 'string', format: 'datum' },
          plz: { type: 'string', pattern: '^.*a.*b$' },
          hidden: { type: 'string' },
        },
      },
      uischema: {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/name' },
          { type: 'Control', scope: '#/properties/nmae' },
        ],
      },
    });
    expect(imported.problems.map((problem) => problem.path).sort()).toEqual([
      '/schema/properties/name/titel',
      '/schema/properties/plz/pattern',
      '/schema/properties/when/format',
      '/schema/required/0',
      '/uischema/elements/1/scope',
    ]);
  });

  it('does not change the schema it was given', async () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } } };
    const copy = structuredClone(schema);
    const imported = await importDefinition({ schema });
    expect(schema).toEqual(copy);
    expect(imported.schema).not.toBe(schema);
  });
});

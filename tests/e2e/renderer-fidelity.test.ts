import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  browserAvailable,
  DEMO_ADMIN,
  DEMO_PROVIDER,
  demoUser,
  type E2eEnvironment,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';

const FORM = `query { form(key: "offer-description") { published { id } } }`;
const CREATE_DRAFT = `mutation($formKey: String!, $from: UUID) { createDraft(formKey: $formKey, fromVersionId: $from) { id revision schema uischema } }`;
const UPDATE_DRAFT = `mutation($id: UUID!, $schema: JSON!, $uischema: JSON!, $expectedRevision: Int!) {
  updateDraft(id: $id, schema: $schema, uischema: $uischema, expectedRevision: $expectedRevision) { errorCount errors { path message } }
}`;
const PUBLISH = `mutation($id: UUID!) { publishFormVersion(id: $id) { errorCount errors { path message } } }`;

const control = (scope: string, extra: Record<string, unknown> = {}) => ({
  type: 'Control',
  scope: `#/properties/${scope}`,
  ...extra,
});

/**
 * Anlage 1's schema under a UI schema as an import might bring it: tabs, options of JSON Forms'
 * material renderers, a control without a visible label, a choice between alternatives in columns.
 */
const UISCHEMA = {
  type: 'Categorization',
  elements: [
    {
      type: 'Category',
      label: 'Maßnahme',
      elements: [
        control('title', { options: { trim: true, restrict: true, focus: true } }),
        {
          type: 'HorizontalLayout',
          elements: [
            control('socialArea'),
            control('offerType', { options: { hideRequiredAsterisk: true } }),
          ],
        },
        {
          type: 'HorizontalLayout',
          elements: [
            control('contactPerson/properties/name', { label: false }),
            control('contactPerson/properties/phone'),
            control('contactPerson/properties/email'),
          ],
        },
        control('plannedStart', { options: { dateFormat: 'YYYY-MM-DD' } }),
        control('durationMonths'),
      ],
    },
    {
      type: 'Category',
      label: 'Bedarf und Ziele',
      elements: [
        control('situation', { options: { multi: true, showUnfocusedDescription: false } }),
        control('needs', { options: { multi: true } }),
        control('needsAnalysis'),
        control('targetGroup'),
        control('goals', { options: { showSortButtons: true, elementLabelProp: 'goal' } }),
        control('contentsAndMethods', { options: { multi: true } }),
        control('networking', { options: { multi: true } }),
        control('cooperationPartners'),
        control('staffing'),
        { type: 'ListWithDetail', scope: '#/properties/locations' },
        control('evaluation'),
      ],
    },
  ],
};

/** The label (or aria-label) of the element that has focus. */
const focusedLabel = (page: Page) =>
  page.evaluate<string | null>(`(() => {
    const element = document.activeElement;
    if (!element) return null;
    return element.labels?.[0]?.textContent ?? element.getAttribute('aria-label');
  })()`);

/** A computed CSS property of the first element a CSS selector finds. */
const cssOf = (page: Page, selector: string, property: string) =>
  page.evaluate<string>(`getComputedStyle(document.querySelector(${JSON.stringify(selector)})).${property}`);

describe.skipIf(!browserAvailable())('a form under an imported UI schema', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
    const admin = demoUser(DEMO_ADMIN);
    const asAdmin = await apiSession(env.platform.url, admin.email, admin.password);
    const current = (await asAdmin(FORM)).form.published.id as string;
    const draft = (await asAdmin(CREATE_DRAFT, { formKey: 'offer-description', from: current })).createDraft;
    const updated = (
      await asAdmin(UPDATE_DRAFT, {
        id: draft.id,
        schema: draft.schema,
        uischema: UISCHEMA,
        expectedRevision: draft.revision,
      })
    ).updateDraft;
    expect(updated.errors).toEqual([]);
    expect((await asAdmin(PUBLISH, { id: draft.id })).publishFormVersion.errors).toEqual([]);
  });
  afterAll(() => env?.close());

  it('honours the options, names every field and leads from the error summary into the other tab and the closed entry', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_PROVIDER, '/forms/offer-description');
    await page.getByRole('heading', { level: 1 }).waitFor();

    // focus: the title takes focus; restrict and trim: no more than 200 characters, a narrow input.
    const title = page.getByRole('textbox', { name: /Titel/ });
    await expect.poll(() => focusedLabel(page)).toMatch(/Titel/);
    expect(await title.getAttribute('maxlength')).toBe('200');
    expect(await title.getAttribute('size')).toBe('200');
    // label: false keeps a name for screen readers; hideRequiredAsterisk keeps „required“ for them.
    await page.getByRole('textbox', { name: 'Name', exact: true }).waitFor();
    const offerType = page.locator('[data-field-path="offerType"] select');
    expect(await offerType.getAttribute('aria-required')).toBe('true');
    expect(await page.locator('[data-field-path="offerType"] label').textContent()).not.toContain('*');
    // dateFormat: the date is typed and shown as the UI schema says, stored as ISO.
    await page.getByRole('textbox', { name: /Geplanter Maßnahmebeginn.*\(JJJJ-MM-TT\)/ }).waitFor();

    // Columns keep their layout: each control is one cell of its row.
    expect(await cssOf(page, '[data-field-path="contactPerson.name"]', 'display')).toBe('block');

    // The second tab is in the page but hidden; its fields are not reachable until it is selected.
    const tabs = page.getByRole('tab');
    expect(await tabs.allTextContents()).toEqual(['Maßnahme', 'Bedarf und Ziele']);
    expect(await page.getByRole('tab', { name: 'Maßnahme' }).getAttribute('aria-selected')).toBe('true');
    expect(await wcagViolations(page)).toEqual([]);

    // By keyboard: the arrow keys move between the tabs, Enter selects one.
    await page.getByRole('tab', { name: 'Maßnahme' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('tab', { name: 'Bedarf und Ziele' }).getAttribute('aria-selected'))
      .toBe('true');
    // showSortButtons: entries can be moved up and down.
    const addGoal = page.getByRole('button', { name: /Ziel hinzufügen/ });
    await addGoal.click();
    await page.keyboard.type('Erstes Ziel');
    await addGoal.click();
    await page.keyboard.type('Zweites Ziel');
    await page.getByRole('button', { name: /Ziel 2 nach oben verschieben/ }).click();
    await expect
      .poll(() =>
        page
          .locator('[data-field-path="goals.0.goal"] textarea, [data-field-path="goals.0.goal"] input')
          .first()
          .inputValue(),
      )
      .toBe('Zweites Ziel');
    // ListWithDetail: one entry open at a time; adding the second closes the first (left empty).
    const addLocation = page.getByRole('button', { name: /Ort\(e\) der Durchführung hinzufügen/ });
    await addLocation.click();
    await addLocation.click();
    await page.keyboard.type('Jugendhaus');
    const firstLocation = page.getByRole('button', { name: /Eintrag 1 aufklappen/ });
    expect(await firstLocation.getAttribute('aria-expanded')).toBe('false');

    // showUnfocusedDescription: false: the help text shows while the field has focus (screen readers always hear it).
    const help = '[data-field-path="situation"] [id$="-description"]';
    expect(await cssOf(page, help, 'position')).toBe('absolute');
    await page.getByRole('textbox', { name: /Ausgangslage/ }).focus();
    await expect.poll(() => cssOf(page, help, 'position')).toBe('static');
    expect(await wcagViolations(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Maßnahme' }).click();

    // The error summary's link to a field of the hidden tab selects that tab, then focuses the field.
    await page.getByRole('button', { name: 'Absenden' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    await summary
      .getByRole('button', { name: /^Ausgangslage/ })
      .first()
      .click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Bedarf und Ziele' }).getAttribute('aria-selected'))
      .toBe('true');
    await expect.poll(() => focusedLabel(page)).toMatch(/Ausgangslage/);
    // … and the link to a field of a closed list entry opens that entry, then focuses the field.
    await summary.getByRole('button', { name: /Eintrag 1/ }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /Eintrag 1 zuklappen/ }).getAttribute('aria-expanded'))
      .toBe('true');
    await expect.poll(() => focusedLabel(page)).toMatch(/Einrichtung \/ Ort/);
    expect(await wcagViolations(page)).toEqual([]);
  });
});

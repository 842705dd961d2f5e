import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSession,
  browserAvailable,
  DEMO_ADMIN,
  demoUser,
  type E2eEnvironment,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';

const CREATE_DRAFT = `mutation($formKey: String!) { createDraft(formKey: $formKey) { id } }`;
const VERSION = `query($id: UUID!) { formVersion(id: $id) { revision schema uischema } }`;

const builderPath = (key: string, id: string) => `/verwaltung/formulare/${key}/entwurf/${id}`;

/** The labels of the tree's entries in document order. */
const treeLabels = (page: Page) =>
  page
    .getByRole('list', { name: 'Aufbau des Formulars' })
    .locator('[data-element-id] .MuiListItemText-primary')
    .allTextContents();

/** Presses a button that has focus-by-keyboard: focus, then Enter. */
const pressButton = async (page: Page, name: string | RegExp) => {
  await page.getByRole('button', { name, exact: typeof name === 'string' }).focus();
  await page.keyboard.press('Enter');
};

describe.skipIf(!browserAvailable())('the form builder', () => {
  let env: E2eEnvironment;
  let api: Awaited<ReturnType<typeof apiSession>>;
  const drafts: Record<string, string> = {};

  beforeAll(async () => {
    env = await startE2eEnvironment();
    const admin = demoUser(DEMO_ADMIN);
    api = await apiSession(env.platform.url, admin.email, admin.password);
    for (const key of ['offer-description', 'cost-calculation', 'criteria']) {
      drafts[key] = (await api(CREATE_DRAFT, { formKey: key })).createDraft.id as string;
    }
  });
  afterAll(() => env?.close());

  it('adds a required yes/no field and a text field with a show-rule by keyboard alone, reorders, saves and shows it again', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_ADMIN, builderPath('offer-description', drafts['offer-description']!));
    await page.getByRole('heading', { level: 1, name: /Entwurf bearbeiten/ }).waitFor();
    await expect
      .poll(() => page.getByTestId('check-status').textContent())
      .toMatch(/Keine Probleme|Probleme?$/);
    expect(await wcagViolations(page)).toEqual([]);

    // A yes/no field: the type picker is a listbox; the label suggests the key.
    await pressButton(page, 'Feld hinzufügen');
    const dialog = page.getByRole('dialog', { name: 'Feld hinzufügen' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Feldtyp' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Ja/Nein' }).waitFor();
    for (let step = 0; step < 6; step += 1) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Feldtyp' }).textContent()).toBe('Ja/Nein');
    await dialog.getByRole('textbox', { name: /Beschriftung/ }).focus();
    await page.keyboard.type('Kooperation vereinbart');
    expect(await dialog.getByRole('textbox', { name: /Schlüssel/ }).inputValue()).toBe(
      'kooperationVereinbart',
    );
    expect(await wcagViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByTestId('builder-announcer').textContent())
      .toBe('Feld „Kooperation vereinbart“ hinzugefügt.');
    // The new entry is selected and has focus; its properties are open.
    await expect
      .poll(() => page.evaluate<string>(`document.activeElement?.textContent ?? ''`))
      .toContain('Kooperation vereinbart');
    await page.getByRole('checkbox', { name: 'Pflichtfeld' }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByRole('checkbox', { name: 'Pflichtfeld' }).isChecked()).toBe(true);

    // A short text field after it, shown only when the cooperation is agreed.
    await pressButton(page, 'Feld hinzufügen');
    await dialog.getByRole('textbox', { name: /Beschriftung/ }).focus();
    await page.keyboard.type('Art der Kooperation');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const labels = await treeLabels(page);
    expect(labels.slice(-2)).toEqual(['Kooperation vereinbart', 'Art der Kooperation']);

    await page.getByRole('combobox', { name: 'Feld der Bedingung' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('listbox').waitFor();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Feld der Bedingung' }).textContent())
      .toBe('Kooperation vereinbart');
    expect(await page.getByRole('combobox', { name: /^Bedingung/ }).textContent()).toBe('ist Ja');
    await pressButton(page, 'Regel übernehmen');
    await expect
      .poll(() => page.getByTestId('rule-description').textContent())
      .toBe('Dieses Element wird nur angezeigt, wenn „Kooperation vereinbart“ = Ja.');

    // Reorder: „Nach oben“ moves the text field above the yes/no field …
    await pressButton(page, 'Nach oben');
    await expect
      .poll(async () => (await treeLabels(page)).slice(-2))
      .toEqual(['Art der Kooperation', 'Kooperation vereinbart']);
    expect(await page.getByTestId('builder-announcer').textContent()).toMatch(
      /„Art der Kooperation“ verschoben: Position \d+ von \d+\./,
    );
    // … and the drag handle moves it back by keyboard (Space, arrow, Space).
    await page
      .getByRole('button', { name: '„Art der Kooperation“ ziehen oder mit der Tastatur verschieben' })
      .focus();
    const dndAnnouncer = page.locator('[id^="DndLiveRegion"]');
    await page.keyboard.press('Space');
    await expect.poll(() => dndAnnouncer.textContent()).toMatch(/„Art der Kooperation“/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => dndAnnouncer.textContent()).toMatch(/ist über Position (\d+) von \1\./);
    await page.keyboard.press('Space');
    await expect.poll(() => dndAnnouncer.textContent()).toMatch(/abgelegt/);
    await expect
      .poll(async () => (await treeLabels(page)).slice(-2))
      .toEqual(['Kooperation vereinbart', 'Art der Kooperation']);
    expect(await wcagViolations(page)).toEqual([]);

    // Ctrl+S saves, also what is still being typed; the status is announced.
    await page.getByRole('textbox', { name: 'Hilfetext' }).focus();
    await page.keyboard.type('Nur bei vereinbarter Kooperation');
    await page.keyboard.press('Control+s');
    await expect
      .poll(() => page.getByTestId('save-status').textContent())
      .toMatch(/^Gespeichert um \d\d:\d\d$/);
    const stored = (await api(VERSION, { id: drafts['offer-description'] })).formVersion;
    expect(stored.schema.required).toContain('kooperationVereinbart');
    expect(stored.schema.properties.artDerKooperation).toMatchObject({
      type: 'string',
      title: 'Art der Kooperation',
      description: 'Nur bei vereinbarter Kooperation',
    });
    const elements = stored.uischema.elements as { scope?: string; rule?: unknown }[];
    expect(elements.slice(-2).map((element) => element.scope)).toEqual([
      '#/properties/kooperationVereinbart',
      '#/properties/artDerKooperation',
    ]);
    expect(elements[elements.length - 1]!.rule).toMatchObject({
      effect: 'SHOW',
      condition: { scope: '#/properties/kooperationVereinbart', schema: { const: true } },
    });

    // After a reload the builder shows the saved state.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /Entwurf bearbeiten/ }).waitFor();
    expect((await treeLabels(page)).slice(-2)).toEqual(['Kooperation vereinbart', 'Art der Kooperation']);
    await page.locator('[data-element-id]', { hasText: 'Art der Kooperation' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('rule-description').textContent())
      .toBe('Dieses Element wird nur angezeigt, wenn „Kooperation vereinbart“ = Ja.');
    expect(await page.getByTestId('save-status').textContent()).toBe('Alle Änderungen gespeichert');
  });

  it('has no WCAG violation on the preview and the advanced tab, and keeps both views in step', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_ADMIN, builderPath('offer-description', drafts['offer-description']!));
    await page.getByRole('heading', { level: 1, name: /Entwurf bearbeiten/ }).waitFor();

    // A pattern with catastrophic backtracking: the server's check names it at the field.
    await page.locator('[data-element-id]', { hasText: 'Titel der Maßnahme' }).click();
    await page.getByRole('textbox', { name: 'Muster (regulärer Ausdruck)' }).fill('^(a+)+$');
    await page.keyboard.press('Tab');
    await page.getByTestId('field-check-problems').waitFor();
    await expect.poll(() => page.getByTestId('check-status').textContent()).toMatch(/^\d+ Probleme?$/);
    await page.getByRole('button', { name: 'Rückgängig' }).click();
    await page.getByTestId('field-check-problems').waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: 'Vorschau' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('tab', { name: 'Vorschau' }).click();
    await page.getByRole('heading', { level: 2, name: 'Vorschau mit Beispieldaten' }).waitFor();
    await page.getByRole('button', { name: 'Als Beispieldaten übernehmen' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // The code editor is its own chunk, loaded only when „Erweitert“ opens.
    const loadedScripts = () =>
      page.evaluate<string[]>(`performance.getEntriesByType('resource').map((entry) => entry.name)`);
    expect((await loadedScripts()).some((name) => name.includes('JsonCodeEditor'))).toBe(false);
    await page.getByRole('tab', { name: 'Erweitert' }).click();
    await page.locator('.cm-editor').first().waitFor();
    expect((await loadedScripts()).some((name) => name.includes('JsonCodeEditor'))).toBe(true);
    expect(await page.locator('.cm-editor').count()).toBe(2);
    expect(await wcagViolations(page)).toEqual([]);

    // A change in the UI schema's text reaches the builder: the first section gets a new label.
    await page
      .locator('.cm-content[aria-label="UI-Schema"] .cm-line', { hasText: '1. Angaben zur Maßnahme' })
      .click();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.type('"label": "Angaben",');
    await page.getByRole('tab', { name: 'Aufbau' }).click();
    await expect.poll(async () => (await treeLabels(page)).slice(0, 2)).toEqual(['Formular', 'Angaben']);
  });

  it('tells the second of two administrators saving the same draft, lets them compare and load, and loses nothing', async () => {
    const path = builderPath('cost-calculation', drafts['cost-calculation']!);
    const first = await env.newPage();
    const second = await env.newPage();
    await signInAs(first, DEMO_ADMIN, path);
    await signInAs(second, DEMO_ADMIN, path);
    for (const page of [first, second]) {
      await page.getByRole('heading', { level: 1, name: /Entwurf bearbeiten/ }).waitFor();
    }

    const addSection = async (page: Page, label: string) => {
      await page.locator('[data-element-id=""]').click();
      await page.getByRole('button', { name: 'Bereich hinzufügen' }).click();
      const dialog = page.getByRole('dialog', { name: 'Bereich hinzufügen' });
      await dialog.getByRole('textbox', { name: 'Beschriftung' }).fill(label);
      await dialog.getByRole('button', { name: 'Hinzufügen' }).click();
      await dialog.waitFor({ state: 'detached' });
    };

    await addSection(first, 'Abschnitt der Ersten');
    await first.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect.poll(() => first.getByTestId('save-status').textContent()).toMatch(/^Gespeichert um/);

    await addSection(second, 'Abschnitt der Zweiten');
    await second.getByRole('button', { name: 'Entwurf speichern' }).click();
    const conflict = second.getByRole('dialog', { name: 'Jemand hat diesen Entwurf inzwischen gespeichert' });
    await conflict.waitFor();
    expect(await wcagViolations(second)).toEqual([]);
    await conflict.getByRole('button', { name: 'Unterschiede ansehen' }).click();
    const diff = await conflict.getByTestId('conflict-diff').textContent();
    expect(diff).toContain('Abschnitt der Zweiten');
    expect(diff).toContain('Abschnitt der Ersten');

    // Loading the server's version keeps the own one in the tab; restored, it saves over the server's.
    await conflict.getByRole('button', { name: 'Server-Fassung laden' }).click();
    await conflict.waitFor({ state: 'detached' });
    expect(await treeLabels(second)).toContain('Abschnitt der Ersten');
    expect(await treeLabels(second)).not.toContain('Abschnitt der Zweiten');
    await second.getByRole('button', { name: 'Meine Fassung wiederherstellen' }).click();
    expect(await treeLabels(second)).toContain('Abschnitt der Zweiten');
    await second.getByRole('button', { name: 'Entwurf speichern' }).click();
    await expect.poll(() => second.getByTestId('save-status').textContent()).toMatch(/^Gespeichert um/);

    // Now the first is behind and saves its next change over the server's version.
    await addSection(first, 'Noch ein Abschnitt');
    await first.getByRole('button', { name: 'Entwurf speichern' }).click();
    const firstConflict = first.getByRole('dialog', {
      name: 'Jemand hat diesen Entwurf inzwischen gespeichert',
    });
    await firstConflict.waitFor();
    await firstConflict.getByRole('button', { name: 'Meine Änderungen darüber speichern' }).click();
    await expect.poll(() => first.getByTestId('save-status').textContent()).toMatch(/^Gespeichert um/);
    const stored = JSON.stringify(
      (await api(VERSION, { id: drafts['cost-calculation'] })).formVersion.uischema,
    );
    expect(stored).toContain('Noch ein Abschnitt');
    expect(stored).not.toContain('Abschnitt der Zweiten');
  });

  it('computes a derived field on the sample data and shows the criteria tab of a scoring sheet without WCAG violations', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_ADMIN, builderPath('criteria', drafts.criteria!));
    await page.getByRole('heading', { level: 1, name: /Entwurf bearbeiten/ }).waitFor();
    // A derived field: its result on the sample data, and syntax problems as you type.
    await page.locator('[data-element-id]', { hasText: 'Gewichtete Gesamtbewertung' }).click();
    await expect
      .poll(() => page.getByText(/^Ergebnis mit den Beispieldaten:/).textContent())
      .toMatch(/^Ergebnis mit den Beispieldaten: \d/);
    await page.getByRole('textbox', { name: 'Ausdruck (JSONata)' }).fill('1 +');
    await page.getByText(/Der Ausdruck endet unerwartet/).waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Kriterien' }).click();
    await expect.poll(() => page.getByRole('tabpanel').count()).toBeGreaterThan(0);
    expect(await wcagViolations(page)).toEqual([]);
  });
});

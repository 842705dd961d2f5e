import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
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
import { activate, tabTo } from '../support/keyboard.js';

const CRITERIA_TITLE = 'Anlage 3 – Kriterien und Gewichtung';

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const row = (page: Page, number: number) => page.getByTestId(`version-${number}`);

describe.skipIf(!browserAvailable())('form administration in the browser', () => {
  let env: E2eEnvironment;
  let files: string;

  beforeAll(async () => {
    env = await startE2eEnvironment();
    files = await mkdtemp(path.join(tmpdir(), 'form-admin-e2e-'));
  }, 180_000);

  afterAll(async () => {
    await env?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });

  it('an administrator changes a weight, adds a criterion with its scale and removes one of Anlage 3 in a new draft, compares, checks the impact, publishes, exports and imports, by keyboard and axe-clean', async () => {
    const admin = demoUser(DEMO_ADMIN);
    const page = await env.newPage();
    await signInAs(page, DEMO_ADMIN, '/verwaltung');
    await heading(page, 'Verwaltung').waitFor();

    // From the administration overview to the list of forms.
    await activate(page, page.getByRole('link', { name: /^Formulare/ }).last());
    await heading(page, 'Formulare verwalten').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await activate(page, page.getByRole('link', { name: CRITERIA_TITLE }));
    await heading(page, `Versionen: ${CRITERIA_TITLE}`).waitFor();
    await row(page, 1).waitFor();
    expect(await row(page, 1).textContent()).toContain('In Kraft');
    expect(await row(page, 1).textContent()).toContain('Definitionsdatei');
    expect(await wcagViolations(page)).toEqual([]);

    // A new draft from the version in force opens in the builder.
    await activate(page, page.getByRole('button', { name: 'Neuen Entwurf aus Version 1' }));
    await heading(page, /^Entwurf bearbeiten: .*\(Version 2\)$/).waitFor();

    // The criteria tab: the tab bar is reached with Tab, the tab chosen with the arrow keys.
    await tabTo(page, page.getByRole('tab', { name: 'Aufbau' }));
    for (let step = 0; step < 3; step++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() =>
        page
          .getByRole('tab', { name: 'Kriterien' })
          .evaluate((element) => element === element.ownerDocument.activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Kriterien und Gewichtung' }).waitFor();
    const needFit = page.getByRole('region', { name: 'Bedarfsgerechtigkeit' }).first();
    const sampleScore = page.getByTestId('sample-score');
    expect(await sampleScore.textContent()).toContain('unverändert');
    const weight = needFit.getByLabel(/^Gewichtung/);
    await tabTo(page, weight);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    expect(await weight.inputValue()).toBe('5');
    await expect.poll(() => sampleScore.textContent()).toMatch(/[+−]\d+,\d Prozentpunkte/);
    expect(await page.getByRole('table').first().textContent()).toContain('Gewichtung in Kraft');
    expect(await wcagViolations(page)).toEqual([]);

    // A new criterion with its own scale text; another one removed after confirmation.
    const status = page.getByRole('status').filter({ hasText: /Kriterium|Skala/ });
    await tabTo(page, page.getByLabel(/^Bezeichnung des neuen Kriteriums/));
    await page.keyboard.type('Beteiligung von Familien');
    await tabTo(page, page.getByLabel(/^Gewichtung des neuen Kriteriums/));
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await activate(page, page.getByRole('button', { name: 'Kriterium hinzufügen' }));
    const added = page.getByRole('region', { name: 'Beteiligung von Familien' }).first();
    await added.waitFor();
    await expect.poll(() => status.textContent()).toContain('„Beteiligung von Familien“ wurde hinzugefügt');
    await activate(page, added.getByRole('button', { name: /^Skala: 0 bis 4/ }), 'Shift+Tab');
    const firstStep = added.getByLabel('Beschreibung der Stufe 1');
    await tabTo(page, firstStep);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('0 – keine Beteiligung erkennbar');
    await activate(page, added.getByRole('button', { name: 'Skala übernehmen' }));
    await expect.poll(() => status.textContent()).toContain('Die Skala von „Beteiligung von Familien“');
    expect(await wcagViolations(page)).toEqual([]);
    const sustainability = page.getByRole('region', { name: 'Nachhaltigkeit' }).first();
    await activate(page, sustainability.getByRole('button', { name: 'Kriterium entfernen' }), 'Shift+Tab');
    const removeDialog = page.getByRole('dialog', { name: 'Kriterium entfernen?' });
    await removeDialog.waitFor();
    await activate(page, removeDialog.getByRole('button', { name: 'Entfernen' }));
    await sustainability.waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page
          .getByRole('heading', { level: 2, name: 'Kriterien und Gewichtung' })
          .evaluate((element) => element === element.ownerDocument.activeElement),
      )
      .toBe(true);

    await activate(page, page.getByRole('button', { name: 'Entwurf speichern' }), 'Shift+Tab');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Gespeichert um/);

    // Back to the versions; compare the version in force with the draft.
    await activate(page, page.getByRole('link', { name: 'Versionen' }), 'Shift+Tab');
    await heading(page, `Versionen: ${CRITERIA_TITLE}`).waitFor();
    expect(await row(page, 2).textContent()).toContain('Entwurf');
    expect(await row(page, 2).textContent()).toContain(admin.displayName);
    await activate(page, page.getByRole('button', { name: 'Vergleichen' }));
    await heading(page, `Fassungen vergleichen: ${CRITERIA_TITLE}`).waitFor();
    const weights = page.getByRole('heading', { level: 3, name: /^Geänderte Gewichtungen/ });
    await weights.waitFor();
    expect(await page.locator('main').textContent()).toContain('Bedarfsgerechtigkeit');
    await page.getByRole('heading', { level: 3, name: /^Neue Felder/ }).waitFor();
    await page.getByRole('heading', { level: 3, name: /^Entfernte Felder/ }).waitFor();
    // Another pair is chosen with the keyboard; the address keeps the choice.
    const newer = page.getByRole('combobox', { name: /^Neuere Fassung/ });
    await tabTo(page, newer, 'Shift+Tab');
    await page.keyboard.press('ArrowDown');
    await page.getByRole('option', { name: 'Version 1 (In Kraft)' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByText('Die beiden Fassungen unterscheiden sich nicht.').waitFor();
    const chosen = new URL(page.url()).searchParams;
    expect(chosen.get('zu')).toBe(chosen.get('von'));
    expect(await wcagViolations(page)).toEqual([]);
    expect(new URL(page.url()).searchParams.get('von')).toBeTruthy();
    expect(await wcagViolations(page)).toEqual([]);

    // Check and publish.
    await activate(page, page.getByRole('link', { name: /^Zu den Versionen/ }), 'Shift+Tab');
    await heading(page, `Versionen: ${CRITERIA_TITLE}`).waitFor();
    await activate(page, page.getByRole('link', { name: 'Version 2 prüfen und veröffentlichen' }));
    await heading(page, `Prüfen und veröffentlichen: ${CRITERIA_TITLE}, Version 2`).waitFor();
    await page.getByText(/geprüft, davon/).waitFor({ timeout: 30_000 });
    await page.getByText('Der Entwurf enthält alles, was der Ablauf von diesem Formular braucht.').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, page.getByRole('button', { name: 'Veröffentlichen', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'Version 2 veröffentlichen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('löst Version 1 ab');
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, dialog.getByRole('button', { name: 'Veröffentlichen' }));
    await heading(page, `Versionen: ${CRITERIA_TITLE}`).waitFor();
    await page.getByText('Version 2 ist jetzt in Kraft.').waitFor();
    expect(await row(page, 2).textContent()).toContain('In Kraft');
    expect(await row(page, 2).textContent()).toContain(admin.displayName);
    expect(await row(page, 1).textContent()).toContain('Archiviert');
    expect(await wcagViolations(page)).toEqual([]);

    // Export downloads the version as a form-definitions/ file.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      activate(page, page.getByRole('link', { name: 'Version 2 exportieren (JSON-Datei)' })),
    ]);
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8')) as Record<string, unknown>;
    expect(exported.key).toBe('criteria');
    expect(
      (exported.schema as { properties: { scores: { properties: { needFit: Record<string, unknown> } } } })
        .properties.scores.properties.needFit['x-weight'],
    ).toBe(5);
    const exportedScores = (
      exported.schema as { properties: { scores: { properties: Record<string, any> } } }
    ).properties.scores.properties;
    expect(exportedScores.sustainability).toBeUndefined();
    expect(exportedScores.beteiligungVonFamilien['x-weight']).toBe(2);
    expect(exportedScores.beteiligungVonFamilien.properties.score.oneOf[0].title).toBe(
      '0 – keine Beteiligung erkennbar',
    );

    // Import of a schema without UI schema starts a draft and opens it in the builder.
    const file = path.join(files, 'bewertung.json');
    await writeFile(
      file,
      JSON.stringify({
        schema: {
          type: 'object',
          properties: {
            reviewer: { type: 'string', title: 'Bewertet von' },
            remark: { type: 'string', title: 'Anmerkung der Planung' },
          },
        },
      }),
    );
    const input = page.getByLabel('JSON-Datei', { exact: true });
    await tabTo(page, input);
    await input.setInputFiles(file);
    await activate(page, page.getByRole('button', { name: 'Importieren' }));
    await heading(page, /^Entwurf bearbeiten: .*\(Version 3\)$/).waitFor();
    await expect.poll(() => page.locator('main').textContent()).toContain('Anmerkung der Planung');
    await page.close();
  }, 240_000);

  it('the impact check counts a submission the draft breaks, a broken process contract blocks publishing, an existing draft is named and archived, an import lists its problems and offers to replace a draft saved meanwhile', async () => {
    const provider = demoUser(DEMO_PROVIDER);
    const admin = demoUser(DEMO_ADMIN);
    const asProvider = await apiSession(env.platform.url, provider.email, provider.password);
    const asAdmin = await apiSession(env.platform.url, admin.email, admin.password);
    const FORM = `query($key: String!) { form(key: $key) { published { id sampleData schema uischema } } }`;
    const DRAFT = `mutation($formKey: String!) { createDraft(formKey: $formKey) { id revision schema uischema } }`;
    const SAVE = `mutation($id: UUID!, $expectedRevision: Int!, $schema: JSON!, $uischema: JSON!) {
        updateDraft(id: $id, expectedRevision: $expectedRevision, schema: $schema, uischema: $uischema) {
          formVersion { id } errors { path message } }
      }`;

    // A submitted Anlage 2 under the version in force; the draft adds a required field it lacks.
    const costs = (await asProvider(FORM, { key: 'cost-calculation' })).form.published;
    const submitted = await asProvider(
      `mutation($data: JSON!, $id: ID!) { submitForm(formKey: "cost-calculation", data: $data, clientSubmissionId: $id) {
          submission { id } errors { path message } } }`,
      { data: costs.sampleData, id: randomUUID() },
    );
    expect(submitted.submitForm.errors).toEqual([]);
    const costsDraft = (await asAdmin(DRAFT, { formKey: 'cost-calculation' })).createDraft;
    const schema = structuredClone(costsDraft.schema);
    schema.properties.fundingReference = {
      type: 'string',
      title: 'Aktenzeichen der Förderung',
      minLength: 1,
    };
    schema.required = [...schema.required, 'fundingReference'];
    const uischema = structuredClone(costsDraft.uischema);
    uischema.elements.push({ type: 'Control', scope: '#/properties/fundingReference' });
    const saved = await asAdmin(SAVE, {
      id: costsDraft.id,
      expectedRevision: costsDraft.revision,
      schema,
      uischema,
    });
    expect(saved.updateDraft.errors).toEqual([]);

    const page = await env.newPage();
    await signInAs(
      page,
      DEMO_ADMIN,
      `/verwaltung/formulare/cost-calculation/veroeffentlichen/${costsDraft.id}`,
    );
    await heading(page, /^Prüfen und veröffentlichen: .*, Version 2$/).waitFor();
    await page.getByText(/geprüft, davon/).waitFor({ timeout: 30_000 });
    const summary = await page.getByText(/geprüft, davon/).textContent();
    expect(summary).not.toContain('davon keiner');
    expect(await page.getByRole('table', { name: 'Gründe, häufigste zuerst' }).textContent()).toContain(
      '/fundingReference',
    );
    expect(await page.getByRole('heading', { level: 3, name: 'Beispiele' }).count()).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, page.getByRole('button', { name: 'Veröffentlichen', exact: true }));
    const dialog = page.getByRole('dialog', { name: 'Version 2 veröffentlichen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(
      /\d+ Datens(atz|ätze) von \d+ würden die neue Fassung nicht erfüllen/,
    );
    await activate(page, dialog.getByRole('button', { name: 'Abbrechen' }));
    await dialog.waitFor({ state: 'detached' });

    // A draft that no longer derives the requested amount cannot be published.
    const broken = structuredClone(schema);
    delete broken.properties.requestedAmount;
    broken.required = broken.required.filter((key: string) => key !== 'requestedAmount');
    const brokenUi = structuredClone(uischema);
    const withoutAmount = (element: any): any => ({
      ...element,
      ...(Array.isArray(element.elements)
        ? {
            elements: element.elements
              .filter((child: any) => child.scope !== '#/properties/requestedAmount')
              .map(withoutAmount),
          }
        : {}),
    });
    const revision = (
      await asAdmin(`query($id: UUID!) { formVersion(id: $id) { revision } }`, { id: costsDraft.id })
    ).formVersion.revision;
    const brokenSave = await asAdmin(SAVE, {
      id: costsDraft.id,
      expectedRevision: revision,
      schema: broken,
      uischema: withoutAmount(brokenUi),
    });
    expect(brokenSave.updateDraft.errors).toEqual([]);
    await page.reload();
    await page.getByText(/geprüft, davon/).waitFor({ timeout: 30_000 });
    await page.getByText('Dem Entwurf fehlt, was der Ablauf braucht').waitFor();
    expect(await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).isDisabled()).toBe(true);
    expect(await wcagViolations(page)).toEqual([]);

    // Starting another draft names the existing one; archiving it (confirmed) frees the way.
    await activate(page, page.getByRole('link', { name: /^Zu den Versionen/ }), 'Shift+Tab');
    await heading(page, /^Versionen: /).waitFor();
    await activate(page, page.getByRole('button', { name: 'Neuen Entwurf aus Version 1' }));
    const refusal = page.getByRole('alert').filter({ hasText: 'Es gibt schon einen Entwurf' });
    await refusal.waitFor();
    expect(await refusal.getByRole('link', { name: 'Zum Entwurf (Version 2)' }).getAttribute('href')).toBe(
      `/verwaltung/formulare/cost-calculation/entwurf/${costsDraft.id}`,
    );
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, page.getByRole('button', { name: 'Entwurf archivieren' }));
    const confirm = page.getByRole('dialog', { name: 'Entwurf Version 2 archivieren?' });
    await confirm.waitFor();
    await activate(page, confirm.getByRole('button', { name: 'Archivieren' }));
    await page.getByText('Der Entwurf Version 2 wurde archiviert.').waitFor();
    await expect.poll(async () => row(page, 2).textContent()).toContain('Archiviert');

    // An import with problems lists them and stores nothing.
    const file = path.join(files, 'kaputt.json');
    await writeFile(file, JSON.stringify({ schema: { type: 'array', items: { type: 'string' } } }));
    await page.getByLabel('JSON-Datei', { exact: true }).setInputFiles(file);
    await activate(page, page.getByRole('button', { name: 'Importieren' }));
    const problems = page.getByRole('alert').filter({ hasText: 'Die Datei wurde nicht übernommen' });
    await problems.waitFor();
    expect(await problems.textContent()).toContain('der neue Entwurf Version 3 ist unverändert');
    expect(await wcagViolations(page)).toEqual([]);

    // Someone saves the draft meanwhile: the import offers to replace the state now stored.
    const third = (
      await asAdmin(
        `query { form(key: "cost-calculation") { versions { id number status revision schema uischema } } }`,
      )
    ).form.versions.find((version: { number: number }) => version.number === 3);
    expect(third.status).toBe('DRAFT');
    await page.reload();
    await row(page, 3).waitFor();
    const resaved = await asAdmin(SAVE, {
      id: third.id,
      expectedRevision: third.revision,
      schema: { ...third.schema, description: 'Zwischendurch gespeichert' },
      uischema: third.uischema,
    });
    expect(resaved.updateDraft.errors).toEqual([]);
    const pairFile = path.join(files, 'kalkulation.json');
    await writeFile(pairFile, JSON.stringify({ schema: costs.schema, uischema: costs.uischema }));
    await page.getByLabel('JSON-Datei', { exact: true }).setInputFiles(pairFile);
    await activate(page, page.getByRole('button', { name: 'Importieren' }));
    const replace = page.getByRole('dialog', { name: 'Entwurf Version 3 ersetzen?' });
    await replace.waitFor();
    await activate(page, replace.getByRole('button', { name: 'Ersetzen' }));
    const stale = page.getByRole('alert').filter({ hasText: 'inzwischen gespeichert' });
    await stale.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, stale.getByRole('button', { name: 'Gespeicherten Stand ersetzen' }));
    await heading(page, /^Entwurf bearbeiten: .*\(Version 3\)$/).waitFor();
    await page.close();
  }, 240_000);
});

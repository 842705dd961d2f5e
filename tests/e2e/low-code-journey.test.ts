import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CALL } from '../../server/src/applications/seed-demo-applications.js';
import {
  apiSession,
  browserAvailable,
  DEMO_ADMIN,
  DEMO_PROVIDER,
  demoUser,
  type E2eEnvironment,
  fieldLabel,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';

/** The second demo Träger: its demo application is a draft, which it withdraws before applying anew. */
const SECOND_PROVIDER = 'traeger2@demo.sozialraum.invalid';
const OFFER_DESCRIPTION = 'Anlage 1 – Maßnahmebeschreibung';
const CRITERIA = 'Anlage 3 – Kriterien und Gewichtung';

const PUBLISHED = /* GraphQL */ `
  query ($key: String!) {
    form(key: $key) {
      published {
        number
        schema
      }
    }
  }
`;

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const noViolations = async (page: Page) => expect(await wcagViolations(page)).toEqual([]);

/** From the list of forms to a new draft of `title`, opened in the builder. */
async function newDraft(page: Page, title: string): Promise<void> {
  await page.goto(new URL('/verwaltung/formulare', page.url()).href);
  await heading(page, 'Formulare verwalten').waitFor();
  await page.getByRole('link', { name: title }).click();
  await heading(page, `Versionen: ${title}`).waitFor();
  await page.getByRole('button', { name: 'Neuen Entwurf aus Version 1' }).click();
  await heading(page, /^Entwurf bearbeiten: .*\(Version 2\)$/).waitFor();
}

/** From the builder: save, check the impact, publish; returns the impact summary text. */
async function checkAndPublish(page: Page, title: string): Promise<string> {
  await page.getByRole('button', { name: 'Entwurf speichern' }).click();
  await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/^Gespeichert um/);
  await page.getByRole('link', { name: 'Prüfen und veröffentlichen' }).click();
  await heading(page, `Prüfen und veröffentlichen: ${title}, Version 2`).waitFor();
  const impact = page.getByText(/geprüft, davon/);
  await impact.waitFor({ timeout: 30_000 });
  await noViolations(page);
  const summary = (await page.locator('main').textContent()) ?? '';
  await page.getByRole('button', { name: 'Veröffentlichen', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Version 2 veröffentlichen?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Veröffentlichen' }).click();
  await page.getByText('Version 2 ist jetzt in Kraft.').waitFor();
  return summary;
}

describe.skipIf(!browserAvailable())('low-code administration, end to end', () => {
  let env: E2eEnvironment;
  beforeAll(async () => {
    env = await startE2eEnvironment();
  }, 180_000);
  afterAll(() => env?.close());

  it('an administrator adds a required field with a show-rule to Anlage 1 and changes a weight of Anlage 3, checks the impact and publishes; a new application shows the field, an older one keeps its version', async () => {
    const admin = await env.newPage();
    await signInAs(admin, DEMO_ADMIN, '/verwaltung');
    await heading(admin, 'Verwaltung').waitFor();

    // Anlage 1: a yes/no question and a required text shown only when it is answered „Ja“.
    await newDraft(admin, OFFER_DESCRIPTION);
    await noViolations(admin);
    const addField = async (kind: string | null, label: string) => {
      await admin.getByRole('button', { name: 'Feld hinzufügen', exact: true }).click();
      const dialog = admin.getByRole('dialog', { name: 'Feld hinzufügen' });
      await dialog.waitFor();
      if (kind) {
        await dialog.getByRole('combobox', { name: 'Feldtyp' }).click();
        await admin.getByRole('option', { name: kind }).click();
      }
      await dialog.getByRole('textbox', { name: /Beschriftung/ }).fill(label);
      await dialog.getByRole('button', { name: 'Hinzufügen' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await addField('Ja/Nein', 'Kooperation mit der Schule vereinbart');
    await addField(null, 'Ansprechperson der Schule');
    await admin.getByRole('checkbox', { name: 'Pflichtfeld' }).check();
    await admin.getByRole('combobox', { name: 'Feld der Bedingung' }).click();
    await admin.getByRole('option', { name: 'Kooperation mit der Schule vereinbart' }).click();
    expect(await admin.getByRole('combobox', { name: /^Bedingung/ }).textContent()).toBe('ist Ja');
    await admin.getByRole('button', { name: 'Regel übernehmen' }).click();
    await expect
      .poll(() => admin.getByTestId('rule-description').textContent())
      .toBe('Dieses Element wird nur angezeigt, wenn „Kooperation mit der Schule vereinbart“ = Ja.');
    await noViolations(admin);

    // The preview renders the new fields with the renderers staff use.
    await admin.getByRole('tab', { name: 'Vorschau' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Vorschau mit Beispieldaten' }).waitFor();
    const preview = admin.getByRole('tabpanel');
    await preview.getByLabel(fieldLabel('Kooperation mit der Schule vereinbart')).waitFor();
    await noViolations(admin);
    await admin.getByRole('tab', { name: 'Aufbau' }).click();

    // The impact check finds the submitted demo application, which lacks nothing: the new field is
    // required only when the question is answered „Ja“.
    const offerSummary = await checkAndPublish(admin, OFFER_DESCRIPTION);
    const impact = /(\d+) Datens(?:atz|ätze) geprüft, davon keiner mit dem Entwurf nicht mehr gültig/.exec(
      offerSummary,
    );
    expect(Number(impact?.[1])).toBeGreaterThanOrEqual(2);

    // Anlage 3: one weight changed in the criteria tab.
    await newDraft(admin, CRITERIA);
    await admin.getByRole('tab', { name: 'Kriterien' }).click();
    await admin.getByRole('heading', { level: 2, name: 'Kriterien und Gewichtung' }).waitFor();
    const weight = admin
      .getByRole('region', { name: 'Bedarfsgerechtigkeit' })
      .first()
      .getByLabel(/^Gewichtung/);
    await weight.fill('6');
    await expect.poll(() => admin.getByTestId('sample-score').textContent()).toMatch(/Prozentpunkte/);
    await noViolations(admin);
    await checkAndPublish(admin, CRITERIA);

    const adminUser = demoUser(DEMO_ADMIN);
    const api = await apiSession(env.platform.url, adminUser.email, adminUser.password);
    const offerForm = (await api(PUBLISHED, { key: 'offer-description' })).form.published;
    expect(offerForm.number).toBe(2);
    const required = JSON.stringify(offerForm.schema.allOf ?? []);
    expect(required).toContain('ansprechpersonDerSchule');
    const criteria = (await api(PUBLISHED, { key: 'criteria' })).form.published;
    expect(criteria.number).toBe(2);
    expect(criteria.schema.properties.scores.properties.needFit['x-weight']).toBe(6);

    // A provider applying now gets the new version: the question, and the text only after „Ja“.
    const provider = await env.newPage();
    provider.on('dialog', (dialog) => void dialog.accept());
    await signInAs(provider, SECOND_PROVIDER, '/interessensbekundungen');
    await heading(provider, 'Interessensbekundungen').waitFor();
    await provider.getByRole('link', { name: DEMO_CALL.needTitle }).click();
    await heading(provider, `Interessensbekundung: ${DEMO_CALL.needTitle}`).waitFor();
    await provider.getByRole('button', { name: 'Zurückziehen' }).click();
    const withdraw = provider.getByRole('dialog', { name: 'Interessensbekundung zurückziehen?' });
    await withdraw.getByRole('button', { name: 'Zurückziehen' }).click();
    await provider.getByTestId('application-notice').getByText('zurückgezogen').waitFor();
    await provider.goto(new URL('/aufrufe', provider.url()).href);
    await heading(provider, 'Aufrufe zur Interessensbekundung').waitFor();
    await provider.getByRole('link', { name: DEMO_CALL.needTitle }).click();
    await provider.getByRole('button', { name: 'Interessensbekundung anlegen' }).click();
    const anlage1 = provider.locator('#anlage-1');
    const question = anlage1.getByLabel(fieldLabel('Kooperation mit der Schule vereinbart'));
    await question.waitFor();
    const contact = anlage1.getByLabel(fieldLabel('Ansprechperson der Schule'));
    expect(await contact.count()).toBe(0);
    await question.check();
    await contact.waitFor();
    await noViolations(provider);

    // Submitting without the now required contact names it in the error summary.
    await provider.getByRole('button', { name: 'Beispieldaten einfügen in Anlage 1' }).click();
    await provider.getByRole('button', { name: 'Beispieldaten einfügen in Anlage 2' }).click();
    if (!(await question.isChecked())) await question.check();
    await provider.getByRole('button', { name: 'Einreichen' }).click();
    const summary = provider.getByTestId('error-summary');
    await summary.getByRole('button', { name: /^Anlage 1: Ansprechperson der Schule/ }).waitFor();
    await contact.fill('Frau Beispiel, Grundschule Oyten');
    await provider.getByRole('button', { name: 'Einreichen' }).click();
    await provider
      .getByTestId('application-notice')
      .getByText('Die Interessensbekundung wurde eingereicht.')
      .waitFor();

    // The first Träger's application, submitted before, still renders with the version it was filled in.
    const older = await env.newPage();
    await signInAs(older, DEMO_PROVIDER, '/interessensbekundungen');
    await heading(older, 'Interessensbekundungen').waitFor();
    await older.getByRole('link', { name: DEMO_CALL.needTitle }).click();
    await heading(older, `Interessensbekundung: ${DEMO_CALL.needTitle}`).waitFor();
    await older.locator('#anlage-1').getByLabel(fieldLabel('Titel der Maßnahme')).waitFor();
    expect(await older.locator('#anlage-1').getByText('Kooperation mit der Schule vereinbart').count()).toBe(
      0,
    );
    await noViolations(older);
  });
});

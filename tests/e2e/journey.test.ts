import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_PROVIDER,
  DEMO_TEAM_LEAD,
  demoUser,
  type E2eEnvironment,
  fieldLabel,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';
import { activate, tabTo } from '../support/keyboard.js';

const REGIONAL_TEAM = 'regionalteam@demo.sozialraum.invalid';
const FINANCE = 'wjh@demo.sozialraum.invalid';

/** A demo need in Achim with an offer planned: the team lead opens its call for interest. */
const NEED_TITLE = 'Soziales Training in den 5. Klassen der Oberschule Achim';
/** The title the provider gives its offer in Anlage 1; the running offer and its evaluations carry it. */
const OFFER_TITLE = 'Stark im Team: Soziales Training an der Oberschule Achim';

/** Tabs to a field and types `text` into it (replacing what it holds). */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}

/** Tabs to a native select and chooses the option starting with `text` by typing it. */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await tabTo(page, select);
  // Typing into a select searches from the start only after the browser's type-ahead pause.
  await page.waitForTimeout(1100);
  await page.keyboard.type(text);
  await expect.poll(() => select.locator('option:checked').textContent()).toMatch(new RegExp(`^${text}`));
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe.skipIf(!browserAvailable())('the whole process in the browser, one user per role', () => {
  let env: E2eEnvironment;
  /** Every page the journey looks at, with what axe found there (each expected empty). */
  const visited: { role: string; page: string; path: string; violations: string[] }[] = [];

  /** Runs axe on the page as it is now and expects no WCAG 2.1 A/AA violation. */
  async function axeClean(page: Page, role: string, name: string): Promise<void> {
    const violations = await wcagViolations(page);
    visited.push({ role, page: name, path: new URL(page.url()).pathname, violations });
    expect({ role, page: name, violations }).toEqual({ role, page: name, violations: [] });
  }

  /** Opens „Meine Aufgaben“ from the navigation and follows the task named `task` to its page. */
  async function followTask(page: Page, role: string, task: string | RegExp): Promise<void> {
    await activate(page, nav(page).getByRole('link', { name: 'Meine Aufgaben' }));
    await heading(page, 'Meine Aufgaben').waitFor();
    const link = page.getByRole('link', { name: task });
    await link.waitFor();
    await axeClean(page, role, 'Meine Aufgaben');
    await activate(page, link);
  }

  beforeAll(async () => {
    env = await startE2eEnvironment();
  }, 300_000);
  afterAll(() => env?.close());

  it('the team lead opens a call, a provider applies, the team lead scores it, the Regionalteam approves, finance issues the notice and its PDF, the provider evaluates, the team lead accepts; axe on every page', async () => {
    const providerName = demoUser(DEMO_PROVIDER).providerName!;
    const year = new Date().getFullYear() + 1;

    // The team lead: „Meine Aufgaben“ names the need whose offer is planned; the call is opened on its page.
    const lead = await env.newPage();
    await signInAs(lead, DEMO_TEAM_LEAD);
    await followTask(lead, 'Teamleitung', `Angebot planen und Aufruf eröffnen: ${NEED_TITLE}`);
    await heading(lead, NEED_TITLE).waitFor();
    await axeClean(lead, 'Teamleitung', 'Bedarf');
    await activate(lead, lead.getByRole('button', { name: 'Interessensbekundung eröffnen' }));
    const openDialog = lead.getByRole('dialog', { name: 'Interessensbekundung eröffnen' });
    await openDialog.waitFor();
    await typeInto(lead, openDialog.getByLabel(fieldLabel('Frist: Datum')), `31.01.${year}`);
    const category = openDialog.getByLabel(fieldLabel('Angebotsart (bestimmt die Finanzierung)'));
    await tabTo(lead, category);
    await lead.keyboard.type('Offenes');
    await expect.poll(() => category.locator('option:checked').textContent()).toMatch(/^Offenes Angebot/);
    expect(
      await openDialog
        .getByLabel(fieldLabel('Für wen ist der Aufruf?'))
        .locator('option:checked')
        .textContent(),
    ).toBe('Alle Träger');
    await axeClean(lead, 'Teamleitung', 'Dialog: Interessensbekundung eröffnen');
    await activate(lead, openDialog.getByRole('button', { name: 'Aufruf eröffnen' }));
    await lead
      .getByTestId('need-notice')
      .getByText('Der Aufruf zur Interessensbekundung wurde eröffnet.')
      .waitFor();
    await lead.getByText('Zustand: Interessensbekundung offen').waitFor();
    await axeClean(lead, 'Teamleitung', 'Bedarf mit offenem Aufruf');

    // The provider finds the call under „Aufrufe“, creates an application and submits Anlage 1 and 2.
    const provider = await env.newPage();
    provider.on('dialog', (dialog) => void dialog.accept());
    await signInAs(provider, DEMO_PROVIDER);
    await activate(provider, nav(provider).getByRole('link', { name: 'Aufrufe' }));
    await heading(provider, 'Aufrufe zur Interessensbekundung').waitFor();
    const callLink = provider.getByRole('link', { name: NEED_TITLE });
    await callLink.waitFor();
    await axeClean(provider, 'Träger', 'Aufrufe');
    await activate(provider, callLink);
    await heading(provider, `Aufruf: ${NEED_TITLE}`).waitFor();
    expect(await provider.getByTestId('call-financing').textContent()).toBe('Kreiszuschuss (§ 74 SGB VIII)');
    expect(await provider.getByTestId('call-deadline').textContent()).toBe(`31.01.${year}, 23:59 Uhr`);
    await axeClean(provider, 'Träger', 'Aufruf');
    await activate(provider, provider.getByRole('button', { name: 'Interessensbekundung anlegen' }));
    await heading(provider, `Interessensbekundung: ${NEED_TITLE}`).waitFor();
    const titleField = provider.locator('#anlage-1').getByLabel(fieldLabel('Titel der Maßnahme'));
    await titleField.waitFor();
    await provider.locator('#anlage-2').waitFor();
    expect(await provider.getByTestId('application-state').textContent()).toBe('Zustand: Entwurf');
    await axeClean(provider, 'Träger', 'Interessensbekundung (Entwurf)');
    await activate(provider, provider.getByRole('button', { name: 'Beispieldaten einfügen in Anlage 1' }));
    await activate(provider, provider.getByRole('button', { name: 'Beispieldaten einfügen in Anlage 2' }));
    await expect.poll(() => titleField.inputValue()).not.toBe('');
    await typeInto(provider, titleField, OFFER_TITLE);
    await activate(provider, provider.getByRole('button', { name: 'Entwurf speichern' }));
    await provider
      .getByTestId('editor-status')
      .getByText(/^Entwurf gespeichert am /)
      .waitFor();
    await activate(provider, provider.getByRole('button', { name: 'Einreichen' }));
    await provider
      .getByTestId('application-notice')
      .getByText('Die Interessensbekundung wurde eingereicht.')
      .waitFor();
    expect(await provider.getByTestId('application-state').textContent()).toBe('Zustand: Eingereicht');
    await axeClean(provider, 'Träger', 'Interessensbekundung (eingereicht)');

    // The team lead: the application waits in „Meine Aufgaben“ to be scored (Anlage 3).
    await followTask(lead, 'Teamleitung', `Interessensbekundung bewerten: ${providerName} – ${NEED_TITLE}`);
    await heading(lead, `Bewertung: ${NEED_TITLE} – ${providerName}`).waitFor();
    await axeClean(lead, 'Teamleitung', 'Bewertung');
    await activate(lead, lead.getByRole('button', { name: 'Bewertung beginnen' }));
    await lead.getByTestId('score-notice').waitFor();
    const sheet = lead.locator('#anlage-3');
    // Bedarfsgerechtigkeit (weight 3) by keyboard: 4 of 4; the other six criteria 3 of 4 → 51 / 64.
    await tabTo(lead, sheet.getByRole('radio').first());
    await lead.keyboard.press('Space');
    for (let step = 0; step < 4; step++) await lead.keyboard.press('ArrowDown');
    expect(await sheet.getByRole('radio', { name: /^4 – / }).first().isChecked()).toBe(true);
    const threes = sheet.getByRole('radio', { name: /^3 – / });
    for (let index = 1; index < 7; index++) await threes.nth(index).check();
    await expect
      .poll(() => lead.getByTestId('live-weighted-score').textContent())
      .toBe('Gewichtete Bewertung: 79,69 %');
    await axeClean(lead, 'Teamleitung', 'Bewertung (ausgefüllt)');
    await activate(lead, lead.getByRole('button', { name: 'Bewertung einreichen' }));
    await lead.getByTestId('score-notice').getByText('Die Bewertung wurde eingereicht: 79,69 %.').waitFor();

    // From the scoring sheet to the ranking and on to the need, where the team lead closes the call.
    await activate(lead, lead.getByRole('link', { name: 'Zur Rangfolge' }));
    await heading(lead, `Rangfolge: ${NEED_TITLE}`).waitFor();
    const ranked = lead.getByTestId('ranking-row').first();
    await ranked.waitFor();
    expect((await ranked.locator('td, th').allTextContents()).slice(0, 3).map((text) => text.trim())).toEqual(
      ['1', providerName, '79,69 %'],
    );
    await axeClean(lead, 'Teamleitung', 'Rangfolge');
    await activate(lead, lead.getByRole('link', { name: 'Zum Bedarf' }));
    await heading(lead, NEED_TITLE).waitFor();
    const callSection = lead.getByRole('region', { name: /^Aufruf zur Interessensbekundung/ });
    await activate(lead, callSection.getByRole('button', { name: 'Aufruf schließen' }));
    const closeDialog = lead.getByRole('dialog', { name: 'Aufruf schließen?' });
    await closeDialog.waitFor();
    await axeClean(lead, 'Teamleitung', 'Dialog: Aufruf schließen');
    await activate(lead, closeDialog.getByRole('button', { name: 'Aufruf schließen' }));
    await lead.getByTestId('need-notice').getByText('Der Aufruf wurde geschlossen.').waitFor();
    await lead.getByText('Zustand: Interessensbekundung geschlossen').waitFor();
    await axeClean(lead, 'Teamleitung', 'Bedarf mit geschlossenem Aufruf');

    // The Regionalteam: the decision waits in „Meine Aufgaben“; it approves with a justification.
    const team = await env.newPage();
    await signInAs(team, REGIONAL_TEAM);
    await followTask(
      team,
      'Regionalteam',
      `Über Interessensbekundung entscheiden: ${providerName} – ${NEED_TITLE}`,
    );
    await heading(team, `Entscheidung: ${NEED_TITLE}`).waitFor();
    await team.getByTestId('budget-check').waitFor();
    // Prefilled from Anlage 2: the requested amount in German format and the period.
    expect(await team.getByLabel('Bewilligter Betrag in Euro').inputValue()).toMatch(
      /^\d{1,3}(\.\d{3})*,\d{2}$/,
    );
    expect(await team.getByLabel('Beginn des Bewilligungszeitraums').inputValue()).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
    await axeClean(team, 'Regionalteam', 'Entscheidung');
    await typeInto(
      team,
      team.getByLabel(fieldLabel('Begründung')),
      'Der Bedarf ist belegt, das Konzept überzeugt und die Kalkulation ist wirtschaftlich.',
    );
    await activate(team, team.getByRole('button', { name: 'Bewilligen' }));
    await team.getByRole('status').filter({ hasText: 'Die Entscheidung ist gespeichert.' }).waitFor();
    await team.getByRole('heading', { level: 2, name: 'Bewilligt' }).waitFor();
    await axeClean(team, 'Regionalteam', 'Entscheidung (bewilligt)');

    // Finance: the notice waits in „Meine Aufgaben“; it issues it with today's date.
    const finance = await env.newPage();
    await signInAs(finance, FINANCE);
    await followTask(
      finance,
      'Wirtschaftliche Jugendhilfe',
      `Bescheid erteilen: ${providerName} – ${NEED_TITLE}`,
    );
    await heading(finance, 'Bescheide').waitFor();
    await finance.getByRole('heading', { level: 3, name: NEED_TITLE }).waitFor();
    await axeClean(finance, 'Wirtschaftliche Jugendhilfe', 'Bescheide');
    await activate(finance, finance.getByRole('button', { name: `Bescheid erlassen: ${NEED_TITLE}` }));
    const issued = finance.getByRole('status').filter({ hasText: /Der Bescheid \S+ ist erlassen/ });
    await issued.waitFor();
    const number = /Der Bescheid (\S+) ist erlassen/.exec((await issued.textContent()) ?? '')![1]!;
    await axeClean(finance, 'Wirtschaftliche Jugendhilfe', 'Bescheide (erlassen)');

    // The notice page: figures, legal basis and the letter as PDF, downloaded through its link.
    await activate(finance, finance.getByRole('link', { name: number }));
    await heading(finance, `Bescheid ${number}`).waitFor();
    await finance.getByText('§ 74 SGB VIII').first().waitFor();
    await finance.getByText(OFFER_TITLE).waitFor();
    await axeClean(finance, 'Wirtschaftliche Jugendhilfe', 'Bescheid');
    const pdfLink = finance.getByRole('link', { name: 'PDF herunterladen' });
    const href = await pdfLink.getAttribute('href');
    expect(href).toMatch(/^\/api\/notices\/[0-9a-f-]{36}\/pdf$/);
    const [download] = await Promise.all([finance.waitForEvent('download'), activate(finance, pdfLink)]);
    expect(download.suggestedFilename()).toBe(`Bescheid-${number}.pdf`);
    const file = await readFile((await download.path())!);
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The same link with the browser's session: served as a PDF.
    const response = await finance.request.get(href!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // From the notice to the running offer.
    await activate(finance, finance.getByRole('link', { name: 'Zum Angebot' }));
    await heading(finance, OFFER_TITLE).waitFor();
    await finance.getByTestId('offer-evaluations').waitFor();
    await axeClean(finance, 'Wirtschaftliche Jugendhilfe', 'Angebot');

    // The provider: the running offer in the Angebotsübersicht, its first evaluation on the offer page.
    await activate(provider, nav(provider).getByRole('link', { name: 'Angebote' }));
    await heading(provider, 'Angebotsübersicht').waitFor();
    const offerLink = provider
      .getByRole('table', { name: 'Angebote' })
      .getByRole('link', { name: OFFER_TITLE });
    await offerLink.waitFor();
    await axeClean(provider, 'Träger', 'Angebotsübersicht');
    await activate(provider, offerLink);
    await heading(provider, OFFER_TITLE).waitFor();
    const evaluations = provider.getByTestId('offer-evaluation-list');
    const firstEvaluation = evaluations.getByRole('link', { name: /^Evaluation 1\. Zeitraum/ });
    await firstEvaluation.waitFor();
    await axeClean(provider, 'Träger', 'Angebot');
    await activate(provider, firstEvaluation);
    await heading(provider, `Evaluation: ${OFFER_TITLE}`).waitFor();
    expect(await provider.getByTestId('evaluation-state').textContent()).toBe('Fällig');
    const evaluationSheet = provider.locator('#evaluationsbogen');
    // Prefilled with the offer's title and the goals of its Anlage 1.
    await expect
      .poll(() => evaluationSheet.getByLabel(fieldLabel('Titel der Maßnahme')).inputValue())
      .toBe(OFFER_TITLE);
    const grades = evaluationSheet.getByLabel(fieldLabel('Grad der Zielerreichung'));
    await grades.first().waitFor();
    const goalCount = await grades.count();
    expect(goalCount).toBeGreaterThan(0);
    await axeClean(provider, 'Träger', 'Evaluation (fällig)');
    for (let index = 0; index < goalCount; index++) {
      await choose(provider, grades.nth(index), 'voll');
    }
    await typeInto(provider, evaluationSheet.getByLabel(fieldLabel('Zielerreichung in %')).first(), '75');
    await typeInto(provider, evaluationSheet.getByLabel(fieldLabel('Erreichte Teilnehmende')), '22');
    await typeInto(provider, evaluationSheet.getByLabel(fieldLabel('Durchgeführte Termine')), '18');
    await typeInto(
      provider,
      evaluationSheet.getByLabel(fieldLabel('Geleistete Fachleistungsstunden')),
      '64,5',
    );
    await typeInto(provider, evaluationSheet.getByLabel(/^Ausgaben im Berichtszeitraum/), '4.980,25');
    const adjusted = evaluationSheet.getByLabel(fieldLabel('Ziele oder Vorgehen werden angepasst'));
    await tabTo(provider, adjusted);
    await provider.keyboard.press('Space');
    await provider.keyboard.press('Space');
    await expect.poll(() => adjusted.isChecked()).toBe(false);
    await activate(provider, provider.getByRole('button', { name: 'Evaluation einreichen' }));
    await provider
      .getByTestId('evaluation-notice')
      .getByText(/wurde eingereicht/)
      .waitFor();
    expect(await provider.getByTestId('evaluation-state').textContent()).toBe('Eingereicht');
    await axeClean(provider, 'Träger', 'Evaluation (eingereicht)');

    // The team lead: the evaluation waits in „Meine Aufgaben“ for review; it accepts it.
    await followTask(
      lead,
      'Teamleitung',
      new RegExp(`^Evaluation prüfen: ${escape(OFFER_TITLE)}, Zeitraum 1`),
    );
    await heading(lead, `Evaluation: ${OFFER_TITLE}`).waitFor();
    await lead.getByRole('heading', { name: 'Auswertung' }).waitFor();
    await axeClean(lead, 'Teamleitung', 'Evaluation (zur Prüfung)');
    await activate(lead, lead.getByRole('button', { name: 'Evaluation annehmen' }));
    await lead
      .getByTestId('evaluation-notice')
      .getByText(/wurde angenommen/)
      .waitFor();
    expect(await lead.getByTestId('evaluation-state').textContent()).toBe('Angenommen');
    const facts = ((await lead.getByTestId('evaluation-facts').textContent()) ?? '').replace(/\u00a0/g, ' ');
    expect(facts).toContain('Erreichte Teilnehmende22');
    expect(facts).toContain('4.980,25 €');
    await axeClean(lead, 'Teamleitung', 'Evaluation (angenommen)');

    // The provider sees the evaluation accepted.
    await provider.reload();
    await heading(provider, `Evaluation: ${OFFER_TITLE}`).waitFor();
    expect(await provider.getByTestId('evaluation-state').textContent()).toBe('Angenommen');
    await axeClean(provider, 'Träger', 'Evaluation (angenommen)');

    // Every page of the journey was checked, and none had a violation.
    expect(visited.length).toBeGreaterThanOrEqual(25);
    expect(visited.filter((entry) => entry.violations.length > 0)).toEqual([]);
  }, 900_000);
});

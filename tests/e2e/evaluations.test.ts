import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../server/src/common/command.js';
import { Role } from '../../server/src/common/context.js';
import { addMonths } from '../../server/src/evaluations/evaluation-schedule.js';
import { startOfferFollowUp } from '../../server/src/evaluations/offer-follow-up.js';
import { Offer } from '../../server/src/offers/offer.entity.js';
import {
  browserAvailable,
  DEMO_PROVIDER,
  DEMO_TEAM_LEAD,
  type E2eEnvironment,
  fieldLabel,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';
import { insertOfferRows } from '../server/authorization/offers.cases.js';
import { activate, tabTo } from '../support/keyboard.js';

/** Tabs to a field and types `text` into it (replacing what it holds). */
async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Tabs to a native select and chooses the option starting with `text` by typing it. */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await tabTo(page, select);
  await page.waitForTimeout(1100);
  await page.keyboard.type(text);
  await expect.poll(() => select.locator('option:checked').textContent()).toMatch(new RegExp(`^${text}`));
}

/** Fills in the figures of the evaluation sheet by keyboard (the prefill brings title, period and goals). */
async function fillSheet(page: Page): Promise<void> {
  const sheet = page.locator('#evaluationsbogen');
  await choose(page, sheet.getByLabel(fieldLabel('Grad der Zielerreichung')).first(), 'voll');
  await typeInto(page, sheet.getByLabel(fieldLabel('Zielerreichung in %')).first(), '80');
  await typeInto(page, sheet.getByLabel(fieldLabel('Erreichte Teilnehmende')), '34');
  await typeInto(page, sheet.getByLabel(fieldLabel('Durchgeführte Termine')), '24');
  await typeInto(page, sheet.getByLabel(fieldLabel('Geleistete Fachleistungsstunden')), '90,5');
  await typeInto(page, sheet.getByLabel(/^Ausgaben im Berichtszeitraum/), '7.420,50');
  // „Ziele oder Vorgehen werden angepasst“: answered no (checked and unchecked again).
  const changed = sheet.getByLabel(fieldLabel('Ziele oder Vorgehen werden angepasst'));
  await tabTo(page, changed);
  await page.keyboard.press('Space');
  await page.keyboard.press('Space');
  await expect.poll(() => changed.isChecked()).toBe(false);
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

const GOALS = [
  { goal: 'Eltern nutzen das Elterncafé regelmäßig.', indicator: 'Teilnahmen', targetValue: '15 Familien' },
];

describe.skipIf(!browserAvailable())('evaluations in the browser', () => {
  let env: E2eEnvironment;
  const suffix = randomUUID().slice(0, 6);
  const titles = { submitted: `Elterncafé Achim ${suffix}`, overdue: `Jugendtreff Achim ${suffix}` };
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
  const start = addMonths(today, -8);
  const offerIds: Record<keyof typeof titles, string> = { submitted: '', overdue: '' };

  beforeAll(async () => {
    env = await startE2eEnvironment();
    const connection = env.platform.orm.em.getConnection();
    const sql = <T = Record<string, any>>(query: string, params: unknown[] = []) =>
      connection.execute(query, params) as Promise<T[]>;
    const insert = async (table: string, values: Record<string, unknown>) => {
      const id = randomUUID();
      const columns = Object.keys(values);
      await sql(
        `insert into "${table}" ("id", "created_by", ${columns.map((c) => `"${c}"`).join(', ')})
         values (?, 'e2e', ${columns.map(() => '?').join(', ')})`,
        [id, ...Object.values(values)],
      );
      return id;
    };
    const idOf = async (table: string, name: string) =>
      (await sql<{ id: string }>(`select id from "${table}" where name = ?`, [name]))[0]!.id;
    const achim = await idOf('social_area', 'Achim');
    const provider = await idOf('provider', 'Jugendhilfe Weser-Aller e. V.');
    const categoryId = await insert('offer_category', {
      name: `E2E Evaluation ${suffix}`,
      financing_kind: 'GRANT',
    });
    for (const [key, title] of Object.entries(titles) as [keyof typeof titles, string][]) {
      const { offerId } = await insertOfferRows(sql, insert, {
        socialAreaId: achim,
        providerId: provider,
        offerCategoryId: categoryId,
        financingKind: 'GRANT',
        title,
        periodStart: start,
        periodEnd: addMonths(start, 12),
      });
      offerIds[key] = offerId;
      // As the notice does when it starts the offer: goal revision 1 and the evaluations.
      await runCommand(
        {
          em: env.platform.orm.em.fork(),
          caller: { userId: 'e2e-finance', displayName: 'Finanzen', roles: [Role.FINANCE] },
          requestId: 'e2e',
        },
        'issueNotice',
        async (cmd) => {
          await startOfferFollowUp(cmd, await cmd.tx.findOneOrFail(Offer, { id: offerId }), { goals: GOALS });
        },
      );
    }
  }, 240_000);

  afterAll(() => env?.close());

  it('the provider fills in and submits an evaluation by keyboard, the team lead accepts it; every page passes axe', async () => {
    const provider = await env.newPage();
    await signInAs(provider, DEMO_PROVIDER, '/evaluationen');
    await heading(provider, 'Evaluationen').waitFor();
    const list = provider.getByTestId('evaluation-list');
    await list
      .getByRole('row', { name: new RegExp(titles.submitted) })
      .first()
      .waitFor();
    expect(await wcagViolations(provider)).toEqual([]);

    // The first period of the offer started eight months ago is overdue.
    const link = provider.getByRole('link', {
      name: new RegExp(`^Evaluation „${titles.submitted}“, 1\\. Zeitraum`),
    });
    await activate(provider, link);
    await heading(provider, `Evaluation: ${titles.submitted}`).waitFor();
    expect(await provider.getByTestId('evaluation-state').textContent()).toBe('Fällig');
    const sheet = provider.locator('#evaluationsbogen');
    // Prefilled with the offer's title and the goals of Anlage 1.
    await expect
      .poll(() => sheet.getByLabel(fieldLabel('Titel der Maßnahme')).inputValue())
      .toBe(titles.submitted);
    // Beside the sheet: the goals with their indicators and target values.
    await provider.getByTestId('evaluation-goals').getByRole('cell', { name: '15 Familien' }).waitFor();
    expect(await wcagViolations(provider)).toEqual([]);

    // Submitting the prefill alone: the error summary names the missing figures, nothing is submitted.
    await activate(provider, provider.getByRole('button', { name: 'Evaluation einreichen' }));
    const summary = provider.getByTestId('error-summary');
    await summary.waitFor();
    await expect.poll(() => summary.textContent()).toContain('Erreichte Teilnehmende');
    expect(await wcagViolations(provider)).toEqual([]);

    await fillSheet(provider);
    await activate(provider, provider.getByRole('button', { name: 'Entwurf speichern' }));
    await provider.getByText(/^Entwurf gespeichert am \d{2}\.\d{2}\.\d{4}/).waitFor();

    await activate(provider, provider.getByRole('button', { name: 'Evaluation einreichen' }));
    await provider
      .getByTestId('evaluation-notice')
      .getByText(/wurde eingereicht/)
      .waitFor();
    expect(await provider.getByTestId('evaluation-state').textContent()).toBe('Eingereicht');
    expect(await provider.getByTestId('evaluation-revisions').textContent()).toMatch(
      /Fassung 1: eingereicht am/,
    );
    expect(await wcagViolations(provider)).toEqual([]);

    // The team lead of Achim finds it waiting for review and accepts it.
    const lead = await env.newPage();
    await signInAs(lead, DEMO_TEAM_LEAD, '/evaluationen');
    await heading(lead, 'Evaluationen').waitFor();
    const awaiting = lead.getByTestId('awaiting-review');
    const review = awaiting.getByRole('link', { name: new RegExp(`^Evaluation „${titles.submitted}“`) });
    await review.waitFor();
    expect(await wcagViolations(lead)).toEqual([]);
    await activate(lead, review);
    await heading(lead, `Evaluation: ${titles.submitted}`).waitFor();
    await lead.getByRole('heading', { name: 'Auswertung' }).waitFor();
    expect(await wcagViolations(lead)).toEqual([]);
    await activate(lead, lead.getByRole('button', { name: 'Evaluation annehmen' }));
    await lead
      .getByTestId('evaluation-notice')
      .getByText(/wurde angenommen/)
      .waitFor();
    expect(await lead.getByTestId('evaluation-state').textContent()).toBe('Angenommen');
    const facts = lead.getByTestId('evaluation-facts');
    const factsText = ((await facts.textContent()) ?? '').replace(/\u00a0/g, ' ');
    expect(factsText).toContain('Erreichte Teilnehmende34');
    expect(factsText).toContain('7.420,50 €');
    expect(factsText).toContain('80 %');
    expect(await wcagViolations(lead)).toEqual([]);

    // The overdue list: the other offer's first evaluation, not the accepted one.
    await lead.goto('/evaluationen');
    await heading(lead, 'Evaluationen').waitFor();
    await activate(lead, lead.getByRole('link', { name: 'Überfällige Evaluationen anzeigen' }));
    await heading(lead, 'Überfällige Evaluationen').waitFor();
    const overdue = lead.getByTestId('overdue-evaluations');
    await overdue.getByRole('row', { name: new RegExp(titles.overdue) }).waitFor();
    expect(await overdue.getByRole('row', { name: new RegExp(titles.submitted) }).count()).toBe(0);
    expect(await wcagViolations(lead)).toEqual([]);

    // Provider staff have no overdue list.
    await provider.goto('/evaluationen/ueberfaellig');
    await heading(provider, 'Keine Berechtigung').waitFor();
  }, 240_000);

  it('the team lead adjusts the goals on the offer page (Umsteuerung) by keyboard; the provider’s next evaluation starts from them; a change request and the resubmit', async () => {
    const lead = await env.newPage();
    await signInAs(lead, DEMO_TEAM_LEAD, `/angebote/${offerIds.overdue}`);
    await heading(lead, titles.overdue).waitFor();
    const section = lead.getByTestId('offer-evaluations');
    await section.getByTestId('current-goals').getByText(GOALS[0]!.goal).waitFor();
    expect(await section.getByTestId('offer-evaluation-list').getByRole('row').count()).toBeGreaterThan(1);
    expect(await wcagViolations(lead)).toEqual([]);

    await activate(lead, section.getByRole('button', { name: 'Ziele anpassen (Umsteuerung)' }));
    const form = lead.getByTestId('adjust-goals');
    await form.waitFor();
    // Saving without a reason: the field says what is missing and takes the focus.
    await activate(lead, form.getByRole('button', { name: 'Ziele speichern' }));
    await form.getByText('Bitte begründen Sie die Umsteuerung.').waitFor();
    expect(await wcagViolations(lead)).toEqual([]);
    await typeInto(lead, form.getByLabel(fieldLabel('Ziel (Ziel 1)')), 'Väter nehmen am Elterncafé teil.');
    await typeInto(lead, form.getByLabel(fieldLabel('Zielwert (Ziel 1)')), '5 Väter');
    await typeInto(
      lead,
      form.getByLabel(fieldLabel('Begründung der Umsteuerung')),
      'Berufstätige Väter wurden bisher nicht erreicht.',
    );
    await activate(lead, form.getByRole('button', { name: 'Ziele speichern' }));
    await section.getByText(/Die Ziele wurden angepasst/).waitFor();
    await section
      .getByTestId('current-goals')
      .getByText('Väter nehmen am Elterncafé teil.', { exact: false })
      .waitFor();
    expect(await section.getByText('Frühere Fassungen der Ziele (1)').count()).toBe(1);
    expect(await wcagViolations(lead)).toEqual([]);

    // The provider's evaluation not yet submitted is prefilled with the adjusted goal.
    const provider = await env.newPage();
    await signInAs(provider, DEMO_PROVIDER, '/evaluationen');
    await activate(
      provider,
      provider.getByRole('link', { name: new RegExp(`^Evaluation „${titles.overdue}“, 1\\. Zeitraum`) }),
    );
    await heading(provider, `Evaluation: ${titles.overdue}`).waitFor();
    const goal = provider.locator('#evaluationsbogen').getByLabel(fieldLabel('Ziel')).first();
    await expect.poll(() => goal.inputValue()).toBe('Väter nehmen am Elterncafé teil.');
    await provider.getByTestId('evaluation-goals').getByRole('cell', { name: '5 Väter' }).waitFor();
    expect(await wcagViolations(provider)).toEqual([]);
    await fillSheet(provider);
    await activate(provider, provider.getByRole('button', { name: 'Evaluation einreichen' }));
    await provider
      .getByTestId('evaluation-notice')
      .getByText(/wurde eingereicht/)
      .waitFor();

    // The team lead asks for changes with a comment (an empty comment is refused at the field).
    await lead.goto('/evaluationen');
    await activate(
      lead,
      lead
        .getByTestId('awaiting-review')
        .getByRole('link', { name: new RegExp(`^Evaluation „${titles.overdue}“`) }),
    );
    await heading(lead, `Evaluation: ${titles.overdue}`).waitFor();
    await activate(lead, lead.getByRole('button', { name: 'Änderungen anfordern' }));
    await lead.getByText('Bitte beschreiben Sie, was geändert werden soll.').waitFor();
    expect(await wcagViolations(lead)).toEqual([]);
    await typeInto(
      lead,
      lead.getByLabel(fieldLabel('Kommentar zur Änderungsanforderung')),
      'Bitte die Teilnahme der Väter belegen.',
    );
    await activate(lead, lead.getByRole('button', { name: 'Änderungen anfordern' }));
    await lead
      .getByTestId('evaluation-notice')
      .getByText(/Änderungen wurden angefordert/)
      .waitFor();
    expect(await lead.getByTestId('evaluation-state').textContent()).toBe('Änderungen angefordert');

    // The provider sees the comment and resubmits.
    await provider.reload();
    await heading(provider, `Evaluation: ${titles.overdue}`).waitFor();
    await provider
      .getByTestId('change-request')
      .getByText('Bitte die Teilnahme der Väter belegen.')
      .waitFor();
    expect(await wcagViolations(provider)).toEqual([]);
    await activate(provider, provider.getByRole('button', { name: 'Erneut einreichen' }));
    await provider
      .getByTestId('evaluation-notice')
      .getByText(/erneut eingereicht/)
      .waitFor();
    expect(await provider.getByTestId('evaluation-revisions').textContent()).toMatch(/Fassung 2/);
  }, 240_000);
});

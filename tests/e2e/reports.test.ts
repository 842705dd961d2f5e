import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_ADMIN,
  type E2eEnvironment,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';
import { insertOfferRows } from '../server/authorization/offers.cases.js';
import { activate, tabTo } from '../support/keyboard.js';

const COMMITTEE = 'gremium@demo.sozialraum.invalid';
const YEAR = 2026;

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
/** The text with non-breaking spaces (German money: „12.345,67 €“) as plain ones. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ').trim();
/** „12.345,67 €“ → 1234567 */
const cents = (euros: string) => Number(euros.replace(/[^\d-]/g, ''));

/** Tabs to a native select and chooses the option starting with `label` by typing it. */
async function choose(page: Page, select: Locator, label: string): Promise<void> {
  await tabTo(page, select);
  await page.waitForTimeout(1100);
  await page.keyboard.type(label);
  await expect.poll(() => select.locator('option:checked').textContent()).toMatch(new RegExp(`^${label}`));
}

/** The Achim row of the budget-use table on the dashboard, by column header. */
async function budgetRow(budget: Locator, area: string): Promise<Record<string, string>> {
  const table = budget.getByRole('table');
  await table.waitFor();
  const row = table.getByRole('row', { name: new RegExp(area) }).first();
  const headers = await table.getByRole('columnheader').allTextContents();
  const cells = await row.getByRole('cell').allTextContents();
  return Object.fromEntries(
    headers.slice(1).map((header, index) => [header, (cells[index] ?? '').replace(/\u00a0/g, ' ')]),
  );
}

describe.skipIf(!browserAvailable())('reports and the committee dashboard in the browser', () => {
  let env: E2eEnvironment;
  const suffix = randomUUID().slice(0, 6);
  const offerTitle = `Jugendtreff Achim ${suffix}`;
  let achim = '';
  let offerId = '';
  /** Adds a running offer of the year in Achim. */
  let addOffer: (title: string) => Promise<string>;

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
    achim = await idOf('social_area', 'Achim');
    const [area] = await sql<{ regional_team_id: string }>(
      `select regional_team_id from social_area where id = ?`,
      [achim],
    );
    const provider = await idOf('provider', 'Jugendhilfe Weser-Aller e. V.');
    const category = await insert('offer_category', { name: `E2E Treff ${suffix}`, financing_kind: 'GRANT' });
    offerId = (
      await insertOfferRows(sql, insert, {
        socialAreaId: achim,
        providerId: provider,
        offerCategoryId: category,
        financingKind: 'GRANT',
        title: offerTitle,
        approvedAmount: 1_234_567,
        periodStart: `${YEAR}-01-01`,
        periodEnd: `${YEAR}-12-31`,
      })
    ).offerId;
    addOffer = async (title) =>
      (
        await insertOfferRows(sql, insert, {
          socialAreaId: achim,
          providerId: provider,
          offerCategoryId: category,
          title,
          periodStart: `${YEAR}-01-01`,
          periodEnd: `${YEAR}-12-31`,
        })
      ).offerId;
    const ledger = (values: Record<string, unknown>) =>
      sql(
        `insert into ledger_entry (id, created_by, created_by_name, kind, amount, budget_year, booked_on,
           social_area_id, regional_team_id, financing_kind, offer_id, provider_id, offer_category_id, reason)
         values (?, 'e2e', 'E2E', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          randomUUID(),
          values.kind,
          values.amount,
          YEAR,
          values.bookedOn,
          achim,
          area!.regional_team_id,
          values.financingKind ?? null,
          values.offerId ?? null,
          values.providerId ?? null,
          values.categoryId ?? null,
          values.reason ?? null,
        ],
      );
    await ledger({ kind: 'ALLOCATION', amount: 10_000_000, bookedOn: `${YEAR}-01-02`, reason: 'Haushalt' });
    await ledger({
      kind: 'COMMITMENT',
      amount: 1_234_567,
      bookedOn: `${YEAR}-02-01`,
      financingKind: 'GRANT',
      offerId,
      providerId: provider,
      categoryId: category,
    });
  }, 240_000);
  afterAll(() => env?.close());

  it('a committee member filters the dashboard (the address keeps the filters) and drills down to an offer', async () => {
    const page = await env.newPage();
    await signInAs(page, COMMITTEE, '/berichte');
    await heading(page, 'Dashboard des Fachgremiums').waitFor();
    const budget = page.getByRole('region', { name: 'Budgetverwendung je Sozialraum' });
    await budget.getByTestId('report-summary').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // Filters go into the address.
    await choose(page, page.getByLabel('Haushaltsjahr', { exact: true }), String(YEAR));
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(String(YEAR));
    await choose(page, page.getByLabel('Sozialraum', { exact: true }), 'Achim');
    await expect.poll(() => new URL(page.url()).searchParams.get('socialAreaIds')).toBe(achim);
    await page.getByTestId('social-area-pdf').waitFor();

    // The chart is reachable by keyboard, and so is its table.
    await tabTo(page, budget.locator('svg[tabindex="0"]').first());
    // The tabs are one stop: the arrow keys move between „Diagramm“ and „Tabelle“.
    await tabTo(page, budget.getByRole('tab', { name: 'Diagramm' }), 'Shift+Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await tabTo(page, budget.getByRole('region', { name: 'Tabelle: Budgetverwendung je Sozialraum' }));
    const onScreen = await budgetRow(budget, 'Achim');
    expect(cents(onScreen['Zugewiesen']!)).toBeGreaterThanOrEqual(10_000_000);
    expect(cents(onScreen['Gebunden']!)).toBeGreaterThanOrEqual(1_234_567);
    expect(await wcagViolations(page)).toEqual([]);

    // The server's figures for the same filters are the figures on the screen.
    const answer = await page.request.post('/graphql', {
      data: {
        query: `query($filters: ReportFilterInput) { report(key: "budget-use", filters: $filters) { columns { key label } rows } }`,
        variables: { filters: { years: [YEAR], socialAreaIds: [achim] } },
      },
    });
    const { report } = (await answer.json()).data as {
      report: { columns: { label: string }[]; rows: unknown[][] };
    };
    const allocated = report.columns.findIndex((column) => column.label === 'Zugewiesen');
    expect(Number(report.rows[0]![allocated])).toBe(cents(onScreen['Zugewiesen']!));

    // Back returns to the previous selection.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('socialAreaIds')).toBeNull();
    await page.goForward();
    await expect.poll(() => new URL(page.url()).searchParams.get('socialAreaIds')).toBe(achim);

    // Drill-down: the Sozialraum leads to its offers, an offer to its page.
    const area = page
      .getByRole('region', { name: 'Budgetverwendung je Sozialraum' })
      .getByRole('link', { name: 'Achim', exact: true })
      .first();
    if (!(await area.isVisible())) await budget.getByRole('tab', { name: 'Tabelle' }).click();
    await activate(page, area);
    await heading(page, 'Angebotsübersicht').waitFor();
    expect(new URL(page.url()).pathname).toBe('/berichte/angebote');
    expect(new URL(page.url()).searchParams.get('socialAreaIds')).toBe(achim);
    expect(new URL(page.url()).searchParams.get('year')).toBe(String(YEAR));
    const offer = page.getByRole('link', { name: offerTitle, exact: true });
    await offer.waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, offer);
    await heading(page, offerTitle).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/angebote/${offerId}`);

    // In the chart, the arrow keys choose a Sozialraum and Enter opens its offers.
    await page.goto(`/berichte?year=${YEAR}&socialAreaIds=${achim}`);
    const chart = page
      .getByRole('region', { name: 'Budgetverwendung je Sozialraum' })
      .locator('svg[tabindex="0"]')
      .first();
    await tabTo(page, chart);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await heading(page, 'Angebotsübersicht').waitFor();
    expect(new URL(page.url()).searchParams.get('socialAreaIds')).toBe(achim);
    await page.close();
  });

  it('a committee member pages through the offer overview by keyboard, on the dashboard and on its page', async () => {
    // More offers than one page holds (50), so there is a next page whatever the demo data holds.
    for (let index = 1; index <= 55; index++)
      await addOffer(`Seitentreff ${suffix} ${String(index).padStart(2, '0')}`);
    const page = await env.newPage();
    await signInAs(page, COMMITTEE, `/berichte?year=${YEAR}`);
    await heading(page, 'Dashboard des Fachgremiums').waitFor();
    const overview = page.getByRole('region', { name: 'Angebotsübersicht', exact: true });
    await overview.getByTestId('report-summary').waitFor();
    const pages = overview.getByRole('navigation', { name: 'Seiten: Angebotsübersicht' });
    const shown = pages.getByText(/^[\d.]+–[\d.]+ von [\d.]+$/);
    expect(await text(shown)).toMatch(/^1–50 von [\d.]+$/);
    const total = Number((await text(shown)).split(' von ')[1]!.replace(/\./g, ''));
    expect(total).toBeGreaterThan(50);
    expect(await text(pages)).toContain('Zeilen pro Seite');
    // The summary counts every offer, not the page.
    expect(await text(overview.getByTestId('report-summary'))).toContain(
      `${total.toLocaleString('de-DE')} Zeilen`,
    );
    const offers = () =>
      overview.getByRole('table').locator('tbody').getByRole('rowheader').allTextContents();
    const first = await offers();
    expect(first.length).toBe(50);
    expect(await wcagViolations(page)).toEqual([]);

    const next = pages.getByRole('button', { name: 'Nächste Seite' });
    await activate(page, next);
    await expect.poll(() => text(shown)).toMatch(/^51–/);
    // The rows of the page before stay until the next page has come.
    await expect.poll(async () => (await offers())[0]).not.toBe(first[0]);
    const second = await offers();
    expect(second.length).toBe(Math.min(50, total - 50));
    expect(second.filter((title) => first.includes(title))).toEqual([]);
    // The focus stays in the pagination (on the last page, where „Nächste Seite“ is disabled, it moves to
    // „Vorherige Seite“).
    expect(await pages.evaluate((element) => element.contains(element.ownerDocument.activeElement))).toBe(
      true,
    );
    await activate(page, pages.getByRole('button', { name: 'Vorherige Seite' }), 'Shift+Tab');
    await expect.poll(() => text(shown)).toMatch(/^1–50 /);
    await expect.poll(offers).toEqual(first);
    expect(await wcagViolations(page)).toEqual([]);

    // On the report's own page the page is in the address: a link shares it, Back returns to the first.
    await page.goto(`/berichte/angebote?year=${YEAR}`);
    await heading(page, 'Angebotsübersicht').waitFor();
    const own = page.getByRole('navigation', { name: 'Seiten: Angebotsübersicht' });
    await activate(page, own.getByRole('button', { name: 'Nächste Seite' }));
    await expect.poll(() => new URL(page.url()).searchParams.get('seite')).toBe('2');
    await expect.poll(() => text(own.getByText(/ von /))).toMatch(/^51–/);
    expect(await wcagViolations(page)).toEqual([]);
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('seite')).toBeNull();
    await expect.poll(() => text(own.getByText(/ von /))).toMatch(/^1–50 /);
    await page.close();
  });

  it('the exports of a report hold the figures on the screen, with the filters applied', async () => {
    const page = await env.newPage();
    await signInAs(page, COMMITTEE, `/berichte?year=${YEAR}&socialAreaIds=${achim}`);
    await heading(page, 'Dashboard des Fachgremiums').waitFor();
    const budget = page.getByRole('region', { name: 'Budgetverwendung je Sozialraum' });
    await budget.getByRole('tab', { name: 'Tabelle' }).click();
    const onScreen = await budgetRow(budget, 'Achim');
    // XLSX: a real workbook with the same figures.
    const xlsx = budget.getByRole('link', { name: /als Excel-Datei/ });
    expect(await xlsx.getAttribute('href')).toBe(
      `/api/reports/budget-use.xlsx?years=${YEAR}&socialAreaIds=${achim}`,
    );
    const [download] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
    const file = (await download.path())!;
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const numbers: number[] = [];
    workbook.worksheets[0]!.eachRow((sheetRow) => {
      const values = sheetRow.values as unknown[];
      if (values.some((value) => typeof value === 'string' && value.includes('Achim'))) {
        for (const value of values) if (typeof value === 'number') numbers.push(Math.round(value * 100));
      }
    });
    expect(numbers).toContain(cents(onScreen['Zugewiesen']!));
    expect(numbers).toContain(cents(onScreen['Gebunden']!));
    const csv = await page.request.get(`/api/reports/budget-use.csv?years=${YEAR}&socialAreaIds=${achim}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('Achim');

    const pdf = await page.request.get(`/api/reports/sozialraum/${achim}.pdf?years=${YEAR}`);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });

  it('an administrator builds a new report in the editor and finds it on its page', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_ADMIN, '/verwaltung');
    await activate(page, page.getByRole('main').getByRole('link', { name: /^Berichte/ }));
    await heading(page, 'Berichte bearbeiten').waitFor();
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, page.getByRole('link', { name: 'Neuer Bericht' }));
    await heading(page, 'Neuer Bericht').waitFor();

    const title = `Zuweisungen je Monat ${suffix}`;
    await page.getByLabel('Titel').fill(title);
    await choose(page, page.getByLabel('Datenbestand'), 'Haushalt');
    await page.getByTestId('report-dimensions').getByLabel('Monat').check();
    await page.getByTestId('report-measures').getByLabel('Zugewiesen').check();
    await page.getByTestId('report-filters').getByLabel('Haushaltsjahr').check();
    await page.getByRole('radio', { name: 'Linie' }).check();
    const preview = page.getByTestId('report-preview');
    await preview.getByTestId('report-summary').waitFor();
    expect(await text(preview.getByRole('heading', { level: 3 }))).toBe(title);
    expect(await wcagViolations(page)).toEqual([]);

    await activate(page, page.getByRole('button', { name: 'Speichern' }));
    const saved = page.getByTestId('report-saved');
    await saved.waitFor();
    expect(await text(saved)).toContain('Version 1');
    await activate(page, saved.getByRole('link', { name: 'Bericht ansehen' }));
    await heading(page, title).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/berichte\/zuweisungen-je-monat-/);
    await page.getByTestId('report-summary').waitFor();
    await tabTo(page, page.locator('svg[tabindex="0"]').first());
    expect(await wcagViolations(page)).toEqual([]);

    // Two administrators edit it at once: the second save is refused with a message, nothing is lost silently.
    const key = new URL(page.url()).pathname.split('/').pop()!;
    const other = await env.newPage();
    await signInAs(other, DEMO_ADMIN, `/verwaltung/berichte/${key}`);
    await page.goto(`/verwaltung/berichte/${key}`);
    for (const editor of [page, other]) {
      await heading(editor, 'Bericht bearbeiten').waitFor();
      await expect.poll(() => editor.getByLabel('Titel').inputValue()).toBe(title);
    }
    await page.getByLabel('Beschreibung').fill('Zuweisungen je Monat für das Gremium');
    await page.getByRole('button', { name: 'Speichern' }).click();
    expect(await text(page.getByTestId('report-saved'))).toContain('Version 2');
    await other.getByLabel('Beschreibung').fill('Eine andere Beschreibung');
    await other.getByRole('button', { name: 'Speichern' }).click();
    expect(await text(other.getByTestId('report-conflict'))).toContain('inzwischen geändert');
    await other.close();
    await page.close();
  });
});

import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  browserAvailable,
  DEMO_PROVIDER,
  type E2eEnvironment,
  signInAs,
  startE2eEnvironment,
  wcagViolations,
} from '../support/e2e.js';
import { insertOfferRows } from '../server/authorization/offers.cases.js';
import { activate, tabTo } from '../support/keyboard.js';

/** Tabs to a native select and chooses the option starting with `text` by typing it. */
async function choose(page: Page, select: Locator, text: string): Promise<void> {
  await tabTo(page, select);
  await page.waitForTimeout(1100);
  await page.keyboard.type(text);
  await expect.poll(() => select.locator('option:checked').textContent()).toMatch(new RegExp(`^${text}`));
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });
const nav = (page: Page) => page.getByRole('navigation', { name: 'Hauptnavigation' });
/** The text with non-breaking spaces (German money: „12.345,67 €“) as plain ones. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');
const titles = (page: Page) => page.getByTestId('offer-row').locator('th').allTextContents();

/** Today (Europe/Berlin) plus `days`, as an ISO date. */
const isoDay = (days: number) => {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};
const german = (iso: string) => `${iso.slice(8)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

describe.skipIf(!browserAvailable())('offers (Angebotsübersicht) in the browser', () => {
  let env: E2eEnvironment;
  const suffix = randomUUID().slice(0, 6);
  const category = `E2E Angebotsart ${suffix}`;
  const names = {
    cafe: `Elterncafé ${suffix}`,
    group: `Gruppe Achim ${suffix}`,
    county: `Beratung kreisweit ${suffix}`,
  };
  const ids = { cafe: '', group: '', county: '' };

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
    const oyten = await idOf('social_area', 'Oyten');
    const first = await idOf('provider', 'Jugendhilfe Weser-Aller e. V.');
    const second = await idOf('provider', 'Familienzentrum Allerbogen gGmbH');
    const categoryId = await insert('offer_category', { name: category, financing_kind: 'FEE' });
    ids.cafe = (
      await insertOfferRows(sql, insert, {
        socialAreaId: oyten,
        providerId: second,
        offerCategoryId: categoryId,
        financingKind: 'FEE',
        title: names.cafe,
        approvedAmount: 500_000,
        feeHours: '100.00',
        hourlyRate: 5_000,
      })
    ).offerId;
    ids.group = (
      await insertOfferRows(sql, insert, {
        socialAreaId: achim,
        providerId: first,
        offerCategoryId: categoryId,
        financingKind: 'FEE',
        title: names.group,
        approvedAmount: 1_234_567,
        feeHours: '240.50',
        hourlyRate: 5_133,
        periodStart: '2026-02-01',
        periodEnd: '2027-01-31',
      })
    ).offerId;
    ids.county = (
      await insertOfferRows(sql, insert, {
        socialAreaId: null,
        providerId: first,
        offerCategoryId: categoryId,
        financingKind: 'FEE',
        title: names.county,
        approvedAmount: 2_000_000,
        feeHours: '400.00',
        hourlyRate: 5_000,
      })
    ).offerId;
    const [version] = await sql<{ id: string }>(
      `select id from form_version where status = 'PUBLISHED' order by form_key = 'evaluation' desc limit 1`,
    );
    await insert('evaluation', {
      offer_id: ids.group,
      period_number: 1,
      period_from: '2026-02-01',
      period_to: '2026-07-31',
      due_date: isoDay(-5),
      state: 'DUE',
      form_version_id: version!.id,
      data: JSON.stringify({}),
    });
  });
  afterAll(() => env?.close());

  it('finance filters, sorts (kept in the address), downloads the CSV and opens an offer, by keyboard and axe-clean', async () => {
    const page = await env.newPage();
    await signInAs(page, 'wjh@demo.sozialraum.invalid');
    await activate(page, nav(page).getByRole('link', { name: 'Angebote' }));
    await heading(page, 'Angebotsübersicht').waitFor();
    await page.getByTestId('offer-count').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    // Filter by the category: exactly its three offers, kreisweit last (the default order by Sozialraum).
    await choose(page, page.getByLabel('Angebotsart', { exact: true }), category);
    await expect.poll(() => titles(page)).toEqual([names.group, names.cafe, names.county]);
    expect(new URL(page.url()).searchParams.get('angebotsart')).toBeTruthy();
    expect(await page.getByTestId('offer-count').textContent()).toBe('3 Angebote');

    // The row shows German money, the Sozialraum and the overdue evaluation in words.
    const groupRow = page.getByTestId('offer-row').filter({ hasText: names.group });
    expect(await text(groupRow)).toContain('12.345,67 €');
    expect(await text(groupRow)).toContain(`${german(isoDay(-5))}überfällig`);
    expect(await page.getByTestId('offer-row').filter({ hasText: names.county }).textContent()).toContain(
      'Kreisweit',
    );
    expect(await wcagViolations(page)).toEqual([]);

    // Sort by the approved amount by keyboard: ascending, then descending; the address keeps it.
    const amountHeader = page.getByTestId('sort-APPROVED_AMOUNT');
    await activate(page, amountHeader);
    await expect.poll(() => titles(page)).toEqual([names.cafe, names.group, names.county]);
    await page.keyboard.press('Enter');
    await expect.poll(() => titles(page)).toEqual([names.county, names.group, names.cafe]);
    expect(
      await page.getByRole('columnheader', { name: /Bewilligter Betrag/ }).getAttribute('aria-sort'),
    ).toBe('descending');
    const url = new URL(page.url());
    expect(url.searchParams.get('sortierung')).toBe('betrag');
    expect(url.searchParams.get('richtung')).toBe('ab');
    await page.reload();
    await heading(page, 'Angebotsübersicht').waitFor();
    await expect.poll(() => titles(page)).toEqual([names.county, names.group, names.cafe]);
    expect(await wcagViolations(page)).toEqual([]);

    // The CSV link carries the filters and the order; the download has exactly these rows.
    const csvLink = page.getByTestId('offers-csv');
    const href = (await csvLink.getAttribute('href'))!;
    const csvParams = new URL(href, env.platform.url).searchParams;
    expect(csvParams.get('offerCategoryId')).toBeTruthy();
    expect(csvParams.get('sort')).toBe('APPROVED_AMOUNT');
    expect(csvParams.get('direction')).toBe('DESC');
    const csv = await page.request.get(href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-disposition']).toMatch(
      /attachment; filename="angebote-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^Titel;Sozialraum;Regionalteam;Träger;Angebotsart;Finanzierungsart;Status;/);
    expect(lines.slice(1).map((line) => line.split(';')[0])).toEqual([names.county, names.group, names.cafe]);
    expect(lines[2]).toContain(';12345,67;240,5;51,33;');

    // The detail page: the figures, the period and the way back, by keyboard.
    await activate(page, page.getByRole('link', { name: names.group }));
    await heading(page, names.group).waitFor();
    const main = page.getByRole('main');
    await main.getByText('01.02.2026 bis 31.01.2027').waitFor();
    expect(await text(main)).toContain('12.345,67 €');
    expect(await text(main)).toContain('240,5');
    expect(await text(main)).toContain('51,33 €');
    expect(await text(main)).toContain('überfällig');
    await main.getByRole('link', { name: 'Bewilligte Interessensbekundung öffnen' }).waitFor();
    expect(await main.getByRole('link', { name: /^Bedarf / }).count()).toBe(1);
    expect(await wcagViolations(page)).toEqual([]);
    await activate(page, page.getByRole('link', { name: 'Zur Angebotsübersicht' }));
    await heading(page, 'Angebotsübersicht').waitFor();
  });

  it('provider staff see only their own Träger’s offers, the empty state when a filter leaves none, and no link to the need', async () => {
    const page = await env.newPage();
    await signInAs(page, DEMO_PROVIDER, '/angebote');
    await heading(page, 'Angebotsübersicht').waitFor();
    await page.getByTestId('offer-count').waitFor();
    const visible = await titles(page);
    expect(visible).toContain(names.group);
    expect(visible).toContain(names.county);
    expect(visible).not.toContain(names.cafe);
    // Only the own Träger in the Träger filter.
    const providerOptions = await page
      .getByLabel('Träger', { exact: true })
      .locator('option')
      .allTextContents();
    expect(providerOptions).toEqual(['Alle', 'Jugendhilfe Weser-Aller e. V.']);
    expect(await wcagViolations(page)).toEqual([]);

    await choose(page, page.getByLabel('Status', { exact: true }), 'Beendet');
    await page.getByTestId('offers-empty').waitFor();
    expect(await page.getByTestId('offer-count').textContent()).toBe('0 Angebote');
    expect(await wcagViolations(page)).toEqual([]);

    // Another Träger's offer: not found.
    await page.goto(`/angebote/${ids.cafe}`);
    await page.getByText('Das Angebot wurde nicht gefunden.').waitFor();
    expect(await wcagViolations(page)).toEqual([]);

    await page.goto(`/angebote/${ids.group}`);
    await heading(page, names.group).waitFor();
    expect(
      await page
        .getByRole('main')
        .getByRole('link', { name: /^Bedarf / })
        .count(),
    ).toBe(0);
    await page.getByRole('link', { name: 'Bewilligte Interessensbekundung öffnen' }).waitFor();
    expect(await wcagViolations(page)).toEqual([]);
  });
});

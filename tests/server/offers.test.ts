import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { todayInVerden } from '../../server/src/common/local-date.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { insertOfferRows, type OfferRowOptions } from './authorization/offers.cases.js';

let api: TestApi;

const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const teams = { north: '', south: '' };
const areas = { achim: '', oyten: '', verden: '' };
const providers = { a: '', b: '' };
const categories = { group: '', open: '' };
const offers = {
  /** Achim (north), Träger A, group (FEE), running, 12.000,00 €, evaluation overdue. */
  achimGroup: '',
  /** Oyten (north), Träger B, open (GRANT), running, 5.000,00 €, evaluation due in the future. */
  oytenCafe: '',
  /** Verden (south), Träger A, open (GRANT), ended, 8.000,50 €, no open evaluation. */
  verdenEnded: '',
  /** County-wide, Träger B, group (FEE), running, 20.000,00 €, one evaluation accepted, one due. */
  countyWide: '',
};

const admin: Caller = { userId: 'offers-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
let lead: Caller;
let regionalSouth: Caller;
let providerA: Caller;
let providerB: Caller;

const daysFromToday = (days: number) => {
  const date = new Date(`${todayInVerden()}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

async function evaluation(offerId: string, periodNumber: number, dueDate: string, state: string) {
  const [version] = await sql<{ id: string }>(
    `select id from form_version where status = 'PUBLISHED' order by form_key = 'evaluation' desc limit 1`,
  );
  await insert('evaluation', {
    offer_id: offerId,
    period_number: periodNumber,
    period_from: '2026-01-01',
    period_to: '2026-06-30',
    due_date: dueDate,
    state,
    form_version_id: version!.id,
    data: JSON.stringify({}),
  });
}

beforeAll(async () => {
  api = await startTestApi();
  teams.north = await insert('regional_team', { name: 'Angebote Nord' });
  teams.south = await insert('regional_team', { name: 'Angebote Süd' });
  areas.achim = await insert('social_area', { name: 'Angebote Achim', regional_team_id: teams.north });
  areas.oyten = await insert('social_area', { name: 'Angebote Oyten', regional_team_id: teams.north });
  areas.verden = await insert('social_area', { name: 'Angebote Verden', regional_team_id: teams.south });
  providers.a = await insert('provider', { name: 'Angebote Träger Ahorn' });
  providers.b = await insert('provider', { name: 'Angebote Träger Birke' });
  categories.group = await insert('offer_category', {
    name: 'Angebote Gruppenangebot',
    financing_kind: 'FEE',
  });
  categories.open = await insert('offer_category', {
    name: 'Angebote Offenes Angebot',
    financing_kind: 'GRANT',
  });
  const offer = async (options: OfferRowOptions) => (await insertOfferRows(sql, insert, options)).offerId;
  offers.achimGroup = await offer({
    socialAreaId: areas.achim,
    providerId: providers.a,
    offerCategoryId: categories.group,
    financingKind: 'FEE',
    title: 'Elterncafé Achim',
    approvedAmount: 1_200_000,
    feeHours: '240.50',
    hourlyRate: 4_990,
    periodStart: '2026-02-01',
    periodEnd: '2027-01-31',
  });
  offers.oytenCafe = await offer({
    socialAreaId: areas.oyten,
    providerId: providers.b,
    offerCategoryId: categories.open,
    title: 'Offener Treff Oyten',
    approvedAmount: 500_000,
    periodStart: '2026-03-01',
  });
  offers.verdenEnded = await offer({
    socialAreaId: areas.verden,
    providerId: providers.a,
    offerCategoryId: categories.open,
    title: 'Ältere Jugendliche Verden',
    approvedAmount: 800_050,
    state: 'ENDED',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
  });
  offers.countyWide = await offer({
    socialAreaId: null,
    providerId: providers.b,
    offerCategoryId: categories.group,
    financingKind: 'FEE',
    title: 'Beratung kreisweit',
    approvedAmount: 2_000_000,
    periodStart: '2026-01-01',
  });
  await evaluation(offers.achimGroup, 1, daysFromToday(-10), 'DUE');
  await evaluation(offers.achimGroup, 2, daysFromToday(170), 'DUE');
  await evaluation(offers.oytenCafe, 1, daysFromToday(20), 'DUE');
  await evaluation(offers.verdenEnded, 1, '2025-07-31', 'ACCEPTED');
  await evaluation(offers.countyWide, 1, daysFromToday(-40), 'ACCEPTED');
  await evaluation(offers.countyWide, 2, daysFromToday(60), 'CHANGES_REQUESTED');
  await evaluation(offers.countyWide, 3, daysFromToday(30), 'SUBMITTED');

  lead = {
    userId: 'offers-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim],
  };
  regionalSouth = {
    userId: 'offers-rt-south',
    displayName: 'Sven Sander',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: teams.south,
  };
  const staff = (name: string, providerId: string): Caller => ({
    userId: `offers-provider-${name}`,
    displayName: `Fachkraft ${name}`,
    roles: [Role.PROVIDER],
    providerId,
  });
  providerA = staff('A', providers.a);
  providerB = staff('B', providers.b);
});
afterAll(() => api?.close());

const OFFERS = /* GraphQL */ `
  query ($filter: OfferFilter, $sort: OfferSort, $limit: Int, $offset: Int) {
    offers(filter: $filter, sort: $sort, limit: $limit, offset: $offset) {
      totalCount
      nodes {
        id
        title
      }
    }
  }
`;

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) {
  const response = await api.gql<T>(query, variables, { caller });
  expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
  return response.data!;
}

async function titles(variables: Record<string, unknown>, caller: Caller = admin): Promise<string[]> {
  const data = await ok(OFFERS, variables, caller);
  return data.offers.nodes.map((node: { title: string }) => node.title);
}

const ALL = ['Elterncafé Achim', 'Offener Treff Oyten', 'Ältere Jugendliche Verden', 'Beratung kreisweit'];

describe('offers: the Angebotsübersicht through GraphQL', () => {
  it('gives every column of an offer, amounts in cents and § 77 figures', async () => {
    const data = await ok(
      `query($id: UUID!) { offer(id: $id) {
        id title countyWide financingKind state periodStart periodEnd approvedAmount feeHours hourlyRate
        nextEvaluationDue nextEvaluationOverdue socialArea { name regionalTeam { name } } provider { name }
        offerCategory { name financingKind } need { id } application { id state }
        viewerCan { readNeed readApplication }
      } }`,
      { id: offers.achimGroup },
      lead,
    );
    expect(data.offer).toMatchObject({
      title: 'Elterncafé Achim',
      countyWide: false,
      financingKind: 'FEE',
      state: 'RUNNING',
      periodStart: '2026-02-01',
      periodEnd: '2027-01-31',
      approvedAmount: 1_200_000,
      feeHours: 240.5,
      hourlyRate: 4_990,
      nextEvaluationDue: daysFromToday(-10),
      nextEvaluationOverdue: true,
      socialArea: { name: 'Angebote Achim', regionalTeam: { name: 'Angebote Nord' } },
      provider: { name: 'Angebote Träger Ahorn' },
      offerCategory: { name: 'Angebote Gruppenangebot', financingKind: 'FEE' },
      application: { state: 'APPROVED' },
      viewerCan: { readNeed: true, readApplication: true },
    });
    expect(data.offer.need.id).toBeTruthy();
  });

  it('takes the earliest evaluation not yet submitted or accepted as the next one', async () => {
    const data = await ok(
      `query { offers(sort: { field: TITLE }) { nodes { title nextEvaluationDue nextEvaluationOverdue feeHours hourlyRate } } }`,
      {},
      admin,
    );
    const byTitle = Object.fromEntries(data.offers.nodes.map((node: any) => [node.title, node]));
    expect(byTitle['Offener Treff Oyten']).toMatchObject({
      nextEvaluationDue: daysFromToday(20),
      nextEvaluationOverdue: false,
      feeHours: null,
      hourlyRate: null,
    });
    expect(byTitle['Ältere Jugendliche Verden']).toMatchObject({
      nextEvaluationDue: null,
      nextEvaluationOverdue: false,
    });
    // Accepted (overdue date) and submitted (earlier date) do not count; the sent-back one does.
    expect(byTitle['Beratung kreisweit']).toMatchObject({
      nextEvaluationDue: daysFromToday(60),
      nextEvaluationOverdue: false,
    });
  });

  it('filters by Sozialraum, kreisweit, Regionalteam, Träger, category, financing kind and state', async () => {
    expect(await titles({ filter: { socialAreaId: areas.oyten } })).toEqual(['Offener Treff Oyten']);
    expect(await titles({ filter: { countyWide: true } })).toEqual(['Beratung kreisweit']);
    expect((await titles({ filter: { countyWide: false } })).sort()).toEqual(
      ALL.filter((t) => t !== 'Beratung kreisweit').sort(),
    );
    expect((await titles({ filter: { regionalTeamId: teams.north } })).sort()).toEqual([
      'Elterncafé Achim',
      'Offener Treff Oyten',
    ]);
    expect((await titles({ filter: { providerId: providers.a } })).sort()).toEqual([
      'Elterncafé Achim',
      'Ältere Jugendliche Verden',
    ]);
    expect((await titles({ filter: { offerCategoryId: categories.group } })).sort()).toEqual([
      'Beratung kreisweit',
      'Elterncafé Achim',
    ]);
    expect((await titles({ filter: { financingKind: 'GRANT' } })).sort()).toEqual([
      'Offener Treff Oyten',
      'Ältere Jugendliche Verden',
    ]);
    expect(await titles({ filter: { states: ['ENDED'] } })).toEqual(['Ältere Jugendliche Verden']);
    expect(
      await titles({ filter: { states: ['RUNNING'], financingKind: 'FEE', regionalTeamId: teams.north } }),
    ).toEqual(['Elterncafé Achim']);
  });

  it('filters within the caller’s scope only (a filter never widens it)', async () => {
    expect(await titles({ filter: { socialAreaId: areas.verden } }, lead)).toEqual([]);
    expect((await titles({}, lead)).sort()).toEqual(['Beratung kreisweit', 'Elterncafé Achim']);
    expect((await titles({}, regionalSouth)).sort()).toEqual([
      'Beratung kreisweit',
      'Ältere Jugendliche Verden',
    ]);
    expect((await titles({}, providerA)).sort()).toEqual(['Elterncafé Achim', 'Ältere Jugendliche Verden']);
    expect(await titles({ filter: { providerId: providers.b } }, providerA)).toEqual([]);
  });

  it('gives a caller with several roles the union of their scopes, in the list and by id alike', async () => {
    const both: Caller = {
      ...lead,
      userId: 'offers-lead-provider',
      roles: [Role.TEAM_LEAD, Role.PROVIDER],
      providerId: providers.b,
    };
    expect((await titles({}, both)).sort()).toEqual([
      'Beratung kreisweit',
      'Elterncafé Achim',
      'Offener Treff Oyten',
    ]);
    for (const [id, found] of [
      [offers.achimGroup, true],
      [offers.oytenCafe, true],
      [offers.countyWide, true],
      [offers.verdenEnded, false],
    ] as const) {
      const response = await api.gql(`query($id: UUID!) { offer(id: $id) { id } }`, { id }, { caller: both });
      expect(response.errors?.[0]?.extensions?.code ?? 'found').toBe(found ? 'found' : 'NOT_FOUND');
    }
    const none: Caller = { userId: 'offers-nobody', displayName: 'Niemand', roles: [] };
    expect(await titles({}, none)).toEqual([]);
  });

  it('sorts by every column, both ways, German names as a German reader expects', async () => {
    const asc = (field: string) => titles({ sort: { field, direction: 'ASC' } });
    const desc = (field: string) => titles({ sort: { field, direction: 'DESC' } });
    // Ä sorts with A, not after Z.
    expect(await asc('TITLE')).toEqual([
      'Ältere Jugendliche Verden',
      'Beratung kreisweit',
      'Elterncafé Achim',
      'Offener Treff Oyten',
    ]);
    expect(await desc('TITLE')).toEqual([
      'Offener Treff Oyten',
      'Elterncafé Achim',
      'Beratung kreisweit',
      'Ältere Jugendliche Verden',
    ]);
    // Kreisweit (no Sozialraum) last either way.
    expect(await asc('SOCIAL_AREA')).toEqual([
      'Elterncafé Achim',
      'Offener Treff Oyten',
      'Ältere Jugendliche Verden',
      'Beratung kreisweit',
    ]);
    expect(await desc('SOCIAL_AREA')).toEqual([
      'Ältere Jugendliche Verden',
      'Offener Treff Oyten',
      'Elterncafé Achim',
      'Beratung kreisweit',
    ]);
    expect(await asc('PROVIDER')).toEqual([
      'Ältere Jugendliche Verden',
      'Elterncafé Achim',
      'Beratung kreisweit',
      'Offener Treff Oyten',
    ]);
    expect(await asc('OFFER_CATEGORY')).toEqual([
      'Beratung kreisweit',
      'Elterncafé Achim',
      'Ältere Jugendliche Verden',
      'Offener Treff Oyten',
    ]);
    expect(await asc('FINANCING_KIND')).toEqual([
      'Beratung kreisweit',
      'Elterncafé Achim',
      'Ältere Jugendliche Verden',
      'Offener Treff Oyten',
    ]);
    expect(await desc('STATE')).toEqual([
      'Ältere Jugendliche Verden',
      'Beratung kreisweit',
      'Elterncafé Achim',
      'Offener Treff Oyten',
    ]);
    expect(await desc('APPROVED_AMOUNT')).toEqual([
      'Beratung kreisweit',
      'Elterncafé Achim',
      'Ältere Jugendliche Verden',
      'Offener Treff Oyten',
    ]);
    expect(await asc('PERIOD_START')).toEqual([
      'Ältere Jugendliche Verden',
      'Beratung kreisweit',
      'Elterncafé Achim',
      'Offener Treff Oyten',
    ]);
    expect(await asc('PERIOD_END')).toEqual([
      'Ältere Jugendliche Verden',
      'Beratung kreisweit',
      'Offener Treff Oyten',
      'Elterncafé Achim',
    ]);
    // Without an open evaluation last either way.
    expect(await asc('NEXT_EVALUATION_DUE')).toEqual([
      'Elterncafé Achim',
      'Offener Treff Oyten',
      'Beratung kreisweit',
      'Ältere Jugendliche Verden',
    ]);
    expect(await desc('NEXT_EVALUATION_DUE')).toEqual([
      'Beratung kreisweit',
      'Offener Treff Oyten',
      'Elterncafé Achim',
      'Ältere Jugendliche Verden',
    ]);
  });

  it('pages with limit and offset, totalCount counting all pages, and caps the page size', async () => {
    const sort = { field: 'TITLE', direction: 'ASC' };
    const first = await ok(OFFERS, { sort, limit: 3, offset: 0 }, admin);
    const second = await ok(OFFERS, { sort, limit: 3, offset: 3 }, admin);
    expect(first.offers.totalCount).toBe(4);
    expect(second.offers.totalCount).toBe(4);
    expect([...first.offers.nodes, ...second.offers.nodes].map((node: any) => node.title)).toEqual(
      await titles({ sort }),
    );
    const tooMany = await api.gql(OFFERS, { limit: 201 }, { caller: admin });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const negative = await api.gql(OFFERS, { offset: -1 }, { caller: admin });
    expect(negative.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers NOT_FOUND for an offer out of scope and UNAUTHENTICATED without a caller', async () => {
    const outside = await api.gql(
      `query($id: UUID!) { offer(id: $id) { id } }`,
      { id: offers.verdenEnded },
      {
        caller: lead,
      },
    );
    expect(outside.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const foreign = await api.gql(
      `query($id: UUID!) { offer(id: $id) { id } }`,
      { id: offers.oytenCafe },
      {
        caller: providerA,
      },
    );
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const anonymous = await api.gql(`query { offers { totalCount } }`, {}, { caller: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('loads a page of offers with its relations in a fixed number of queries (no N+1)', async () => {
    const statements: string[] = [];
    const knex = api.orm.em.getConnection().getKnex();
    const record = (data: { sql: string }) => statements.push(data.sql);
    knex.on('query', record);
    try {
      await ok(
        `query { offers { nodes { id socialArea { name } provider { name } offerCategory { name }
          need { id } application { id } nextEvaluationDue viewerCan { readNeed readApplication } } } }`,
        {},
        admin,
      );
    } finally {
      knex.off('query', record);
    }
    // ids + count, the offers, Sozialräume, Träger, categories, needs, applications, evaluations.
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.length).toBeLessThanOrEqual(10);
  });
});

const CALLER_HEADER = 'x-test-caller';

async function download(query: string, caller: Caller | null) {
  return api.app.http.inject({
    method: 'GET',
    url: `/api/offers.csv${query}`,
    headers: { [CALLER_HEADER]: JSON.stringify(caller) },
  });
}

/** Parses the export (BOM, `;`, CRLF, quoted cells). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell]);
      row = [];
      cell = '';
      i += 1;
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

describe('offers: the CSV export', () => {
  it('sends German headers, a BOM, euros as German decimals, German dates and a dated file name', async () => {
    const response = await download('?sort=TITLE', admin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="angebote-${todayInVerden()}.csv"`,
    );
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(response.body.slice(1));
    expect(rows[0]).toEqual([
      'Titel',
      'Sozialraum',
      'Regionalteam',
      'Träger',
      'Angebotsart',
      'Finanzierungsart',
      'Status',
      'Beginn',
      'Ende',
      'Bewilligter Betrag (EUR)',
      'Fachleistungsstunden',
      'Stundensatz (EUR)',
      'Nächste Evaluation',
      'Evaluation überfällig',
      'Angebots-ID',
    ]);
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      'Ältere Jugendliche Verden',
      'Beratung kreisweit',
      'Elterncafé Achim',
      'Offener Treff Oyten',
    ]);
    const [day, month, year] = [
      daysFromToday(-10).slice(8),
      daysFromToday(-10).slice(5, 7),
      daysFromToday(-10).slice(0, 4),
    ];
    expect(rows[3]).toEqual([
      'Elterncafé Achim',
      'Angebote Achim',
      'Angebote Nord',
      'Angebote Träger Ahorn',
      'Angebote Gruppenangebot',
      'Fachleistungsstunden (§ 77 SGB VIII)',
      'Laufend',
      '01.02.2026',
      '31.01.2027',
      '12000,00',
      '240,5',
      '49,90',
      `${day}.${month}.${year}`,
      'ja',
      offers.achimGroup,
    ]);
    expect(rows[1]).toMatchObject({
      1: 'Angebote Verden',
      6: 'Beendet',
      9: '8000,50',
      10: '',
      11: '',
      12: '',
      13: 'nein',
    });
    expect(rows[2]).toMatchObject({ 1: 'kreisweit', 2: '' });
    expect(response.headers['x-total-count']).toBe('4');
  });

  it('exports only the caller’s scope: provider staff only their own Träger’s offers', async () => {
    const forA = parseCsv((await download('', providerA)).body.slice(1));
    expect(
      forA
        .slice(1)
        .map((row) => row[14])
        .sort(),
    ).toEqual([offers.achimGroup, offers.verdenEnded].sort());
    const forB = parseCsv((await download('', providerB)).body.slice(1));
    expect(
      forB
        .slice(1)
        .map((row) => row[14])
        .sort(),
    ).toEqual([offers.oytenCafe, offers.countyWide].sort());
    const forLead = parseCsv((await download('?providerId=' + providers.b, lead)).body.slice(1));
    expect(forLead.slice(1).map((row) => row[0])).toEqual(['Beratung kreisweit']);
  });

  it('applies the same filters and order as the query', async () => {
    const query =
      `?regionalTeamId=${teams.north}&financingKind=GRANT&states=RUNNING,ENDED&sort=APPROVED_AMOUNT&direction=DESC` +
      `&socialAreaId=&countyWide=false`;
    const rows = parseCsv((await download(query, admin)).body.slice(1));
    expect(rows.slice(1).map((row) => row[0])).toEqual(['Offener Treff Oyten']);
    const byAmount = parseCsv((await download('?sort=APPROVED_AMOUNT&direction=DESC', admin)).body.slice(1));
    expect(byAmount.slice(1).map((row) => row[0])).toEqual(
      await titles({ sort: { field: 'APPROVED_AMOUNT', direction: 'DESC' } }),
    );
    const ended = parseCsv(
      (await download(`?states=ENDED&offerCategoryId=${categories.open}`, admin)).body.slice(1),
    );
    expect(ended.slice(1).map((row) => row[0])).toEqual(['Ältere Jugendliche Verden']);
  });

  it('refuses anonymous callers and malformed filters', async () => {
    const anonymous = await download('', null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    for (const query of [
      '?providerId=nope',
      '?states=OPEN',
      '?sort=COST',
      '?financingKind=X',
      '?countyWide=ja',
    ]) {
      const response = await download(query, admin);
      expect(response.statusCode, query).toBe(400);
      expect(response.json().errors[0].extensions.code).toBe('BAD_USER_INPUT');
    }
    const twice = await download(`?providerId=${providers.a}&providerId=${providers.b}`, admin);
    expect(twice.statusCode).toBe(400);
  });

  it('escapes cells a spreadsheet would run as a formula', async () => {
    await insertOfferRows(sql, insert, {
      socialAreaId: areas.achim,
      providerId: providers.a,
      offerCategoryId: categories.open,
      title: '=HYPERLINK("http://x")',
    });
    const rows = parseCsv((await download(`?socialAreaId=${areas.achim}&sort=TITLE`, admin)).body.slice(1));
    expect(rows.map((row) => row[0])).toContain(`'=HYPERLINK("http://x")`);
  });
});

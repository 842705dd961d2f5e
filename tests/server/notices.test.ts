import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import { formatEuro, formatGermanDate } from '../../server/src/notices/notice-pdf.js';
import {
  DEFAULT_NOTICE_LEGAL_REMEDY,
  formatNoticeNumber,
  noticeNumberPatternProblem,
} from '../../server/src/notices/notice-settings.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
const sql = <T = Record<string, any>>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);
const insert = (table: string, values: Record<string, unknown>) => insertRow(api, table, values);

const areas = { achim: '', verden: '' };
const providers = { a: '', b: '' };
const categories = { grant: '', fee: '' };
let regionalNorth: Caller;
let lead: Caller;
let foreignLead: Caller;
let providerA: Caller;
let providerB: Caller;
const admin: Caller = { userId: 'notice-admin', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const finance: Caller = { userId: 'notice-finance', displayName: 'Frank Fehse', roles: [Role.FINANCE] };
const committee: Caller = {
  userId: 'notice-committee',
  displayName: 'Greta Gerdes',
  roles: [Role.COMMITTEE],
};
const versions = { offer: '', cost: '' };

beforeAll(async () => {
  api = await startTestApi();
  const north = await insert('regional_team', { name: 'Bescheid Nord' });
  const south = await insert('regional_team', { name: 'Bescheid Süd' });
  areas.achim = await insert('social_area', { name: 'Bescheid Achim', regional_team_id: north });
  areas.verden = await insert('social_area', { name: 'Bescheid Verden', regional_team_id: south });
  providers.a = await insert('provider', {
    name: 'Familienhilfe Weserbogen e. V.',
    street: 'Obernstraße 12',
    postal_code: '28832',
    city: 'Achim',
  });
  providers.b = await insert('provider', { name: 'Bescheid Träger B' });
  categories.grant = await insert('offer_category', { name: 'Bescheid Offen', financing_kind: 'GRANT' });
  categories.fee = await insert('offer_category', { name: 'Bescheid Gruppe', financing_kind: 'FEE' });
  for (const year of [2026, 2027, 2028])
    await insert('budget_year', { year, starts_on: `${year}-01-01`, ends_on: `${year}-12-31` });
  regionalNorth = {
    userId: 'notice-rt-n',
    displayName: 'Rita Rolfs',
    roles: [Role.REGIONAL_TEAM],
    regionalTeamId: north,
  };
  lead = {
    userId: 'notice-lead',
    displayName: 'Tarek Thiel',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.achim],
  };
  foreignLead = {
    userId: 'notice-lead-v',
    displayName: 'Vera Vogt',
    roles: [Role.TEAM_LEAD],
    socialAreaIds: [areas.verden],
  };
  providerA = {
    userId: 'notice-p-a',
    displayName: 'Fachkraft A',
    roles: [Role.PROVIDER],
    providerId: providers.a,
  };
  providerB = {
    userId: 'notice-p-b',
    displayName: 'Fachkraft B',
    roles: [Role.PROVIDER],
    providerId: providers.b,
  };
  const rows = await sql<{ id: string; form_key: string }>(
    `select id, form_key from form_version where status = 'PUBLISHED' and form_key in ('offer-description', 'cost-calculation')`,
  );
  versions.offer = rows.find((row) => row.form_key === 'offer-description')!.id;
  versions.cost = rows.find((row) => row.form_key === 'cost-calculation')!.id;
});
afterAll(() => api?.close());

async function ok<T = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  caller: Caller,
) {
  const { data, errors } = await api.gql<T>(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

async function refused(query: string, variables: Record<string, unknown>, caller: Caller) {
  const { errors } = await api.gql(query, variables, { caller });
  expect(errors).toBeDefined();
  return errors![0]!;
}

let counter = 0;

const APPROVE = `mutation($input: ApproveApplicationInput!) { approveApplication(input: $input) { id } }`;
const NOTICE_FIELDS = `id number year sequence noticeDate addresseeName addresseeStreet addresseePostalCode addresseeCity
  title socialAreaName offerCategoryName amount periodStart periodEnd financingKind legalBasis feeHours hourlyRate
  issuedByName pdfUrl shares { budgetYear amount financingKind } application { id state } offer { id state title }`;
const ISSUE = `mutation($applicationId: UUID!, $noticeDate: String) {
  issueNotice(applicationId: $applicationId, noticeDate: $noticeDate) { ${NOTICE_FIELDS} }
}`;

/** An application of `provider` in `area`, submitted and approved by the Regionalteam (GRANT unless `fee`). */
async function approvedApplication(
  options: {
    amount?: number;
    periodStart?: string;
    periodEnd?: string;
    fee?: boolean;
    provider?: string;
    /** false: leave it submitted. */
    approve?: boolean;
  } = {},
): Promise<string> {
  counter += 1;
  const needId = await insert('need', {
    social_area_id: areas.achim,
    title: `Bescheid Bedarf ${counter}`,
    situation_description: 'Lage',
    created_by_name: 'Test',
    state: 'CLOSED',
    outcome: 'OFFER',
  });
  const callId = await insert('call_for_interest', {
    need_id: needId,
    title: `Bescheid Aufruf ${counter}`,
    deadline: new Date(Date.now() - 3_600_000),
    open_to_all: true,
    invited_provider_ids: '{}',
    offer_category_id: options.fee ? categories.fee : categories.grant,
    opened_by_name: 'Test',
  });
  const data = JSON.stringify({
    title: `Elterncafé Nummer ${counter}`,
    goals: [{ goal: 'Eltern vernetzen', indicator: 'Teilnehmende', targetValue: '20' }],
  });
  const id = await insert('application', {
    call_id: callId,
    provider_id: options.provider ?? providers.a,
    state: 'SUBMITTED',
    offer_description_version_id: versions.offer,
    cost_calculation_version_id: versions.cost,
    offer_description_data: data,
    cost_calculation_data: '{}',
    created_by_name: 'Test',
    submitted_at: new Date(),
  });
  await insert('application_revision', {
    application_id: id,
    number: 1,
    offer_description_data: data,
    cost_calculation_data: '{}',
    requested_amount: 5_000_000,
    submitted_at: new Date(),
    submitted_by_name: 'Test',
  });
  if (options.approve === false) return id;
  const fee = options.fee ? { feeHours: 187.5, hourlyRate: 6250 } : {};
  await ok(
    APPROVE,
    {
      input: {
        applicationId: id,
        revision: 1,
        amount: options.fee ? 1_171_875 : (options.amount ?? 1_234_567),
        periodStart: options.periodStart ?? '2026-07-01',
        periodEnd: options.periodEnd ?? '2027-06-30',
        justification: 'Bewilligt.',
        ...fee,
      },
    },
    regionalNorth,
  );
  return id;
}

describe('notice numbers', () => {
  it('follow the configured pattern, unique per year', () => {
    expect(formatNoticeNumber('SRB-{YYYY}-{NNNN}', 2026, 7)).toBe('SRB-2026-0007');
    expect(formatNoticeNumber('JA/{YYYY}/{NN}', 2027, 123)).toBe('JA/2027/123');
    expect(noticeNumberPatternProblem('SRB-{NNNN}')).toContain('{YYYY}');
    expect(noticeNumberPatternProblem('SRB-{YYYY}')).toContain('{N');
    expect(noticeNumberPatternProblem('SRB-{YYYY}-{NNNN}')).toBeNull();
    expect(formatEuro(123_456)).toBe('1.234,56 €');
    expect(formatEuro(5)).toBe('0,05 €');
    expect(formatGermanDate('2027-01-31')).toBe('31.01.2027');
  });
});

describe('issueNotice', () => {
  it('FINANCE issues the notice: number, addressee, figures, legal basis, shares per budget year; the offer starts', async () => {
    const id = await approvedApplication();
    const awaiting = (
      await ok(`query { applicationsAwaitingNotice { id viewerCanIssueNotice } }`, {}, finance)
    ).applicationsAwaitingNotice;
    expect(awaiting).toContainEqual({ id, viewerCanIssueNotice: true });
    const notice = (await ok(ISSUE, { applicationId: id, noticeDate: '2026-06-15' }, finance)).issueNotice;
    expect(notice).toMatchObject({
      number: expect.stringMatching(/^SRB-2026-\d{4}$/),
      year: 2026,
      noticeDate: '2026-06-15',
      addresseeName: 'Familienhilfe Weserbogen e. V.',
      addresseeStreet: 'Obernstraße 12',
      addresseePostalCode: '28832',
      addresseeCity: 'Achim',
      title: `Elterncafé Nummer ${counter}`,
      socialAreaName: 'Bescheid Achim',
      offerCategoryName: 'Bescheid Offen',
      amount: 1_234_567,
      periodStart: '2026-07-01',
      periodEnd: '2027-06-30',
      financingKind: 'GRANT',
      legalBasis: '§ 74 SGB VIII',
      feeHours: null,
      issuedByName: 'Frank Fehse',
      pdfUrl: `/api/notices/${notice.id}/pdf`,
      application: { id, state: 'APPROVED' },
      offer: { state: 'RUNNING', title: `Elterncafé Nummer ${counter}` },
    });
    // 184 of 365 days in 2026, the rest in 2027; the facts add up to the amount.
    expect(notice.shares).toEqual([
      { budgetYear: 2026, amount: Math.floor((1_234_567 * 184) / 365), financingKind: 'GRANT' },
      { budgetYear: 2027, amount: 1_234_567 - Math.floor((1_234_567 * 184) / 365), financingKind: 'GRANT' },
    ]);
    const facts = await sql(
      `select s.budget_year, s.amount, s.financing_kind, s.social_area_id, s.provider_id, s.offer_category_id
         from decision_notice_share s where s.notice_id = ? order by s.budget_year`,
      [notice.id],
    );
    expect(facts.reduce((sum, row) => sum + Number(row.amount), 0)).toBe(1_234_567);
    expect(facts.every((row) => row.social_area_id === areas.achim && row.provider_id === providers.a)).toBe(
      true,
    );
    expect(
      facts.every((row) => row.offer_category_id === categories.grant && row.financing_kind === 'GRANT'),
    ).toBe(true);
    const [offer] = await sql(`select * from offer where application_id = ?`, [id]);
    expect(offer).toMatchObject({ state: 'RUNNING', approved_amount: '1234567', financing_kind: 'GRANT' });
    const goals = await sql(`select * from offer_goal_revision where offer_id = ?`, [offer!.id]);
    expect(goals).toHaveLength(1);
    const evaluations = await sql(`select * from evaluation where offer_id = ?`, [offer!.id]);
    expect(evaluations.length).toBeGreaterThanOrEqual(2);
    const [event] = await sql(
      `select role, entity_type, details from audit_event where operation = 'issueNotice' and entity_id = ?`,
      [notice.id],
    );
    expect(event).toMatchObject({ role: 'FINANCE', entity_type: 'DecisionNotice' });
    expect(event!.details.after).toMatchObject({ number: notice.number, amount: 1_234_567 });
    const after = (await ok(`query { applicationsAwaitingNotice { id } }`, {}, finance))
      .applicationsAwaitingNotice;
    expect(after.map((a: any) => a.id)).not.toContain(id);
  });

  it('§ 77: the notice carries hours, rate and § 77 SGB VIII', async () => {
    const id = await approvedApplication({ fee: true, periodStart: '2027-01-01', periodEnd: '2027-12-31' });
    const notice = (await ok(ISSUE, { applicationId: id }, finance)).issueNotice;
    expect(notice).toMatchObject({
      financingKind: 'FEE',
      legalBasis: '§ 77 SGB VIII',
      feeHours: 187.5,
      hourlyRate: 6250,
      amount: 1_171_875,
    });
    expect(notice.shares).toEqual([{ budgetYear: 2027, amount: 1_171_875, financingKind: 'FEE' }]);
  });

  it('a second notice for the same application is CONFLICT and changes nothing', async () => {
    const id = await approvedApplication();
    await ok(ISSUE, { applicationId: id }, finance);
    const count = async () =>
      (await sql(`select count(*)::int as n from decision_notice where application_id = ?`, [id]))[0]!.n;
    const error = await refused(ISSUE, { applicationId: id }, finance);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTICE_EXISTS' });
    expect(await count()).toBe(1);
    expect((await sql(`select count(*)::int as n from offer where application_id = ?`, [id]))[0]!.n).toBe(1);
  });

  it('only FINANCE issues; others are refused or do not find the application; an unapproved one is INVALID_TRANSITION', async () => {
    const id = await approvedApplication();
    for (const caller of [admin, regionalNorth, lead, committee, providerA])
      expect((await refused(ISSUE, { applicationId: id }, caller)).extensions?.code).toBe('FORBIDDEN');
    for (const caller of [foreignLead, providerB])
      expect((await refused(ISSUE, { applicationId: id }, caller)).extensions?.code).toBe('NOT_FOUND');
    expect(
      (await sql(`select count(*)::int as n from decision_notice where application_id = ?`, [id]))[0]!.n,
    ).toBe(0);
    const submitted = await approvedApplication({ approve: false });
    const error = await refused(ISSUE, { applicationId: submitted }, finance);
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(
      (await sql(`select count(*)::int as n from offer where application_id = ?`, [submitted]))[0]!.n,
    ).toBe(0);
    expect(
      (await refused(ISSUE, { applicationId: id, noticeDate: '2026-02-30' }, finance)).extensions?.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('parallel issues on different applications get distinct consecutive numbers of the year', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await approvedApplication());
    const results = await Promise.all(
      ids.map((applicationId) =>
        api.gql(ISSUE, { applicationId, noticeDate: '2028-03-01' }, { caller: finance }),
      ),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    const sequences = results
      .map((result) => result.data!.issueNotice.sequence)
      .sort((a: number, b: number) => a - b);
    expect(sequences).toEqual([1, 2, 3, 4, 5]);
    const numbers = results.map((result) => result.data!.issueNotice.number).sort();
    expect(numbers).toEqual([
      'SRB-2028-0001',
      'SRB-2028-0002',
      'SRB-2028-0003',
      'SRB-2028-0004',
      'SRB-2028-0005',
    ]);
  });

  it('reading: FINANCE, ADMIN, the addressed Träger and the office in scope; others do not find it', async () => {
    const id = await approvedApplication();
    const notice = (await ok(ISSUE, { applicationId: id }, finance)).issueNotice;
    const ONE = `query($id: UUID!) { decisionNotice(id: $id) { id number } }`;
    for (const caller of [finance, admin, providerA, lead, regionalNorth])
      expect((await ok(ONE, { id: notice.id }, caller)).decisionNotice.id).toBe(notice.id);
    for (const caller of [providerB, foreignLead, committee])
      expect((await refused(ONE, { id: notice.id }, caller)).extensions?.code).toBe('NOT_FOUND');
    const mine = (await ok(`query { decisionNotices { id addresseeName } }`, {}, providerB)).decisionNotices;
    expect(mine).toEqual([]);
  });
});

describe('the notice letter (PDF)', () => {
  const download = (url: string, caller: Caller | null) =>
    api.app.http.inject({
      method: 'GET',
      url,
      headers: { 'x-test-caller': JSON.stringify(caller) },
    });

  it('is a PDF with number, addressee, amount in German format, period, legal basis and the Rechtsbehelfsbelehrung', async () => {
    const id = await approvedApplication({ amount: 1_234_567 });
    const notice = (await ok(ISSUE, { applicationId: id, noticeDate: '2026-06-15' }, finance)).issueNotice;
    const response = await download(notice.pdfUrl, finance);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain(`Bescheid-${notice.number}.pdf`);
    const pdf = await getDocumentProxy(new Uint8Array(response.rawPayload));
    const { text } = await extractText(pdf, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(notice.number);
    expect(flat).toContain('Familienhilfe Weserbogen e. V.');
    expect(flat).toContain('28832 Achim');
    expect(flat).toContain('12.345,67 €');
    expect(flat).toContain('01.07.2026 bis 30.06.2027');
    expect(flat).toContain('15.06.2026');
    expect(flat).toContain('§ 74 SGB VIII');
    expect(flat).toContain('Landkreis Verden');
    expect(flat).toContain(DEFAULT_NOTICE_LEGAL_REMEDY.replace(/\s+/g, ' ').slice(0, 80));
    expect(flat).toContain('Verwaltungsgericht Stade');
    expect(flat).toContain(`Haushaltsjahr 2026: ${formatEuro(Math.floor((1_234_567 * 184) / 365))}`);
  });

  it('is for the notice’s readers only: others 404, anonymous 401; no audit event', async () => {
    const id = await approvedApplication();
    const notice = (await ok(ISSUE, { applicationId: id }, finance)).issueNotice;
    for (const caller of [providerA, lead, regionalNorth, admin])
      expect((await download(notice.pdfUrl, caller)).statusCode).toBe(200);
    for (const caller of [providerB, foreignLead, committee])
      expect((await download(notice.pdfUrl, caller)).statusCode).toBe(404);
    expect((await download(notice.pdfUrl, null)).statusCode).toBe(401);
    expect((await download('/api/notices/not-a-uuid/pdf', finance)).statusCode).toBe(404);
    const events = await sql(`select operation from audit_event where entity_id = ?`, [notice.id]);
    expect(events.map((event) => event.operation)).toEqual(['issueNotice']);
  });
});

import { ReportValueFormat } from './report.types.js';

/** The filters a report may offer; each dataset says which apply to it and on which column. */
export const FILTER_KEYS = [
  'years',
  'socialAreaIds',
  'regionalTeamIds',
  'financingKinds',
  'providerIds',
  'offerIds',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** A value a report groups by: its SQL expression, the id behind it (for drill-downs) and its format. */
export interface DatasetDimension {
  key: string;
  label: string;
  format: ReportValueFormat;
  sql: string;
  /** The id of the thing the value names (a Sozialraum, an offer), or none. */
  idSql?: string;
  /** The expressions rows are ordered by for this dimension (default: `sql`); only grouped columns or columns of a grouped key. */
  orderSql?: string[];
}

/** A figure a report computes per row: an aggregate over the dataset's rows. */
export interface DatasetMeasure {
  key: string;
  label: string;
  format: ReportValueFormat;
  /** An aggregate expression; integers stay integers (cents are bigint sums). */
  sql: string;
  /** Whether the figures of several rows add up to a meaningful total (sums do, averages do not). */
  additive: boolean;
}

/** A fixed condition a report may pick, such as "overdue". */
export interface DatasetCondition {
  label: string;
  sql: string;
}

/**
 * A whitelisted view over typed tables. Every SQL fragment here is written in code; a report definition
 * only picks fragments by key, and filter values are bound as parameters (`?` takes an array).
 */
export interface Dataset {
  key: string;
  label: string;
  /** `from … join …`: the base rows. */
  from: string;
  /** The Sozialraum of a row (null: kreisweit) and its Regionalteam, for the caller's scope. */
  socialAreaSql: string;
  regionalTeamSql: string;
  dimensions: DatasetDimension[];
  measures: DatasetMeasure[];
  /** Per filter key a condition with one `?` that receives the list of values as an array (`= any(?::type[])`). */
  filters: Partial<Record<FilterKey, string>>;
  conditions?: Record<string, DatasetCondition>;
}

const KREISWEIT = `'kreisweit'`;
const GERMAN = 'collate "und-x-icu"';
const OPEN_EVALUATION = `('DUE', 'CHANGES_REQUESTED')`;
const TODAY = `(now() at time zone 'Europe/Berlin')::date`;

const socialArea: DatasetDimension = {
  key: 'socialArea',
  label: 'Sozialraum',
  format: ReportValueFormat.TEXT,
  sql: `coalesce(sa.name, ${KREISWEIT})`,
  idSql: 'sa.id',
  // kreisweit after the Sozialräume
  orderSql: ['sa.name is null', `sa.name ${GERMAN}`],
};
const regionalTeam: DatasetDimension = {
  key: 'regionalTeam',
  label: 'Regionalteam',
  format: ReportValueFormat.TEXT,
  sql: 'rt.name',
  idSql: 'rt.id',
  orderSql: [`rt.name ${GERMAN}`],
};
const provider = (alias: string): DatasetDimension => ({
  key: 'provider',
  label: 'Träger',
  format: ReportValueFormat.TEXT,
  sql: `${alias}.name`,
  idSql: `${alias}.id`,
  orderSql: [`${alias}.name ${GERMAN}`],
});
const financingKind = (column: string): DatasetDimension => ({
  key: 'financingKind',
  label: 'Finanzierungsart',
  format: ReportValueFormat.TEXT,
  sql: `case ${column} when 'GRANT' then '§ 74 Kreiszuschuss' when 'FEE' then '§ 77 Fachleistungsstunden' end`,
});
const count = (label: string, sql = 'count(*)'): DatasetMeasure => ({
  key: 'count',
  label,
  format: ReportValueFormat.NUMBER,
  sql: `${sql}::int`,
  additive: true,
});
const cents = (key: string, label: string, kinds: string, extra = ''): DatasetMeasure => ({
  key,
  label,
  format: ReportValueFormat.CENTS,
  sql: `coalesce(sum(le.amount) filter (where le.kind in (${kinds})${extra}), 0)::bigint`,
  additive: true,
});

const SOCIAL_AREA_JOINS = `left join social_area sa on sa.id = {area}
  left join regional_team rt on rt.id = sa.regional_team_id`;
const areaJoins = (column: string) => SOCIAL_AREA_JOINS.replace('{area}', column);

const ALLOCATION = `'ALLOCATION'`;
const COMMITTED = `'COMMITMENT', 'CANCELLATION'`;
const PAID = `'PAYMENT', 'REPAYMENT'`;

/** The budget ledger: allocations, commitments, payments per Sozialraum and Haushaltsjahr. */
const ledger: Dataset = {
  key: 'ledger',
  label: 'Haushalt (Buchungen)',
  from: `from ledger_entry le ${areaJoins('le.social_area_id')}`,
  socialAreaSql: 'le.social_area_id',
  regionalTeamSql: 'sa.regional_team_id',
  dimensions: [
    socialArea,
    regionalTeam,
    { key: 'budgetYear', label: 'Haushaltsjahr', format: ReportValueFormat.YEAR, sql: 'le.budget_year' },
    {
      key: 'month',
      label: 'Monat',
      format: ReportValueFormat.MONTH,
      sql: `to_char(le.booked_on, 'YYYY-MM')`,
    },
    financingKind('le.financing_kind'),
  ],
  measures: [
    cents('allocated', 'Zugewiesen', ALLOCATION),
    cents('committed', 'Gebunden', COMMITTED),
    cents('paid', 'Ausgezahlt', PAID),
    {
      key: 'remaining',
      label: 'Verfügbar',
      format: ReportValueFormat.CENTS,
      sql: `(coalesce(sum(le.amount) filter (where le.kind = ${ALLOCATION}), 0) - coalesce(sum(le.amount) filter (where le.kind in (${COMMITTED})), 0))::bigint`,
      additive: true,
    },
    cents('committedGrant', 'Gebunden § 74', COMMITTED, ` and le.financing_kind = 'GRANT'`),
    cents('committedFee', 'Gebunden § 77', COMMITTED, ` and le.financing_kind = 'FEE'`),
    cents('paidGrant', 'Ausgezahlt § 74', PAID, ` and le.financing_kind = 'GRANT'`),
    cents('paidFee', 'Ausgezahlt § 77', PAID, ` and le.financing_kind = 'FEE'`),
  ],
  filters: {
    years: 'le.budget_year = any(?::int[])',
    socialAreaIds: 'le.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'le.regional_team_id = any(?::uuid[])',
    // allocations carry no financing kind: they stay, so "verfügbar" keeps its meaning
    financingKinds: `(le.kind = 'ALLOCATION' or le.financing_kind::text = any(?::text[]))`,
    providerIds: 'le.provider_id = any(?::uuid[])',
    offerIds: 'le.offer_id = any(?::uuid[])',
  },
};

/** The offers (Angebotsübersicht). */
const offers: Dataset = {
  key: 'offers',
  label: 'Angebote',
  from: `from offer o ${areaJoins('o.social_area_id')}
    join provider p on p.id = o.provider_id
    join offer_category c on c.id = o.offer_category_id
    left join lateral (
      select min(e.due_date) as next_due from evaluation e
      where e.offer_id = o.id and e.state in ${OPEN_EVALUATION}
    ) ne on true`,
  socialAreaSql: 'o.social_area_id',
  regionalTeamSql: 'sa.regional_team_id',
  dimensions: [
    {
      key: 'offer',
      label: 'Angebot',
      format: ReportValueFormat.TEXT,
      sql: 'o.title',
      idSql: 'o.id',
      orderSql: [`o.title ${GERMAN}`],
    },
    socialArea,
    regionalTeam,
    provider('p'),
    {
      key: 'offerCategory',
      label: 'Angebotsart',
      format: ReportValueFormat.TEXT,
      sql: 'c.name',
      idSql: 'c.id',
      orderSql: [`c.name ${GERMAN}`],
    },
    financingKind('o.financing_kind'),
    {
      key: 'state',
      label: 'Status',
      format: ReportValueFormat.TEXT,
      sql: `case o.state when 'RUNNING' then 'läuft' when 'ENDED' then 'beendet' end`,
    },
    {
      key: 'periodStart',
      label: 'Beginn',
      format: ReportValueFormat.DATE,
      sql: `to_char(o.period_start, 'YYYY-MM-DD')`,
    },
    {
      key: 'periodEnd',
      label: 'Ende',
      format: ReportValueFormat.DATE,
      sql: `to_char(o.period_end, 'YYYY-MM-DD')`,
    },
    {
      key: 'nextEvaluationDue',
      label: 'Nächste Evaluation fällig',
      format: ReportValueFormat.DATE,
      sql: `to_char(ne.next_due, 'YYYY-MM-DD')`,
    },
  ],
  measures: [
    {
      key: 'approvedAmount',
      label: 'Bewilligt',
      format: ReportValueFormat.CENTS,
      sql: 'coalesce(sum(o.approved_amount), 0)::bigint',
      additive: true,
    },
    count('Angebote'),
  ],
  filters: {
    years: `exists (select 1 from unnest(?::int[]) as y(year)
      where y.year between extract(year from o.period_start) and extract(year from o.period_end))`,
    socialAreaIds: 'o.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
    financingKinds: 'o.financing_kind::text = any(?::text[])',
    providerIds: 'o.provider_id = any(?::uuid[])',
    offerIds: 'o.id = any(?::uuid[])',
  },
  conditions: { running: { label: 'nur laufende Angebote', sql: `o.state = 'RUNNING'` } },
};

const HALF_YEAR = (column: string) =>
  `to_char(${column}, 'YYYY') || case when extract(month from ${column}) <= 6 then ' H1' else ' H2' end`;

/** Goal achievement per goal of accepted evaluations (evaluation_goal_fact). */
const goalAchievement: Dataset = {
  key: 'goalAchievement',
  label: 'Zielerreichung (je Ziel)',
  from: `from evaluation_goal_fact g ${areaJoins('g.social_area_id')}
    join offer o on o.id = g.offer_id
    join provider p on p.id = g.provider_id`,
  socialAreaSql: 'g.social_area_id',
  regionalTeamSql: 'sa.regional_team_id',
  dimensions: [
    socialArea,
    regionalTeam,
    {
      key: 'halfYear',
      label: 'Halbjahr',
      format: ReportValueFormat.TEXT,
      sql: HALF_YEAR('g.period_from'),
    },
    { key: 'offer', label: 'Angebot', format: ReportValueFormat.TEXT, sql: 'o.title', idSql: 'o.id' },
    provider('p'),
  ],
  measures: [
    {
      key: 'achievementPercent',
      label: 'Zielerreichung (Durchschnitt)',
      format: ReportValueFormat.PERCENT,
      sql: 'round(avg(g.achievement_percent), 1)',
      additive: false,
    },
    count('Ziele'),
    {
      key: 'offers',
      label: 'Angebote',
      format: ReportValueFormat.NUMBER,
      sql: 'count(distinct g.offer_id)::int',
      additive: false,
    },
  ],
  filters: {
    years: 'extract(year from g.period_from)::int = any(?::int[])',
    socialAreaIds: 'g.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
    financingKinds: 'o.financing_kind::text = any(?::text[])',
    providerIds: 'g.provider_id = any(?::uuid[])',
    offerIds: 'g.offer_id = any(?::uuid[])',
  },
};

/** The half-yearly evaluations of the offers, with the average achievement of their goals. */
const evaluations: Dataset = {
  key: 'evaluations',
  label: 'Evaluationen',
  from: `from evaluation e
    join offer o on o.id = e.offer_id
    ${areaJoins('o.social_area_id')}
    join provider p on p.id = o.provider_id
    left join lateral (
      select avg(gf.achievement_percent) as percent from evaluation_goal_fact gf where gf.evaluation_id = e.id
    ) ga on true`,
  socialAreaSql: 'o.social_area_id',
  regionalTeamSql: 'sa.regional_team_id',
  dimensions: [
    { key: 'offer', label: 'Angebot', format: ReportValueFormat.TEXT, sql: 'o.title', idSql: 'o.id' },
    socialArea,
    regionalTeam,
    provider('p'),
    { key: 'period', label: 'Zeitraum', format: ReportValueFormat.NUMBER, sql: 'e.period_number' },
    {
      key: 'periodFrom',
      label: 'Von',
      format: ReportValueFormat.DATE,
      sql: `to_char(e.period_from, 'YYYY-MM-DD')`,
    },
    {
      key: 'periodTo',
      label: 'Bis',
      format: ReportValueFormat.DATE,
      sql: `to_char(e.period_to, 'YYYY-MM-DD')`,
    },
    {
      key: 'dueDate',
      label: 'Fällig am',
      format: ReportValueFormat.DATE,
      sql: `to_char(e.due_date, 'YYYY-MM-DD')`,
    },
    {
      key: 'state',
      label: 'Status',
      format: ReportValueFormat.TEXT,
      sql: `case e.state when 'DUE' then 'fällig' when 'SUBMITTED' then 'eingereicht' when 'CHANGES_REQUESTED' then 'Nachbesserung angefordert' when 'ACCEPTED' then 'angenommen' end`,
    },
  ],
  measures: [
    {
      key: 'achievementPercent',
      label: 'Zielerreichung',
      format: ReportValueFormat.PERCENT,
      sql: 'round(avg(ga.percent), 1)',
      additive: false,
    },
    {
      key: 'daysOverdue',
      label: 'Tage überfällig',
      format: ReportValueFormat.NUMBER,
      sql: `greatest(max(${TODAY} - e.due_date), 0)::int`,
      additive: false,
    },
    count('Evaluationen'),
  ],
  filters: {
    years: 'extract(year from e.due_date)::int = any(?::int[])',
    socialAreaIds: 'o.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
    financingKinds: 'o.financing_kind::text = any(?::text[])',
    providerIds: 'o.provider_id = any(?::uuid[])',
    offerIds: 'e.offer_id = any(?::uuid[])',
  },
  conditions: {
    overdue: {
      label: 'nur überfällige',
      sql: `e.state in ${OPEN_EVALUATION} and e.due_date < ${TODAY}`,
    },
  },
};

/** Bedarfe and how they were resolved. */
const needs: Dataset = {
  key: 'needs',
  label: 'Bedarfe',
  from: `from need n ${areaJoins('n.social_area_id')}`,
  socialAreaSql: 'n.social_area_id',
  regionalTeamSql: 'sa.regional_team_id',
  dimensions: [
    socialArea,
    regionalTeam,
    {
      key: 'outcome',
      label: 'Ergebnis',
      format: ReportValueFormat.TEXT,
      sql: `case n.outcome when 'COVERED_BY_RESOURCES' then 'durch Ressourcen gedeckt' when 'NO_OFFER' then 'kein Angebot' when 'OFFER' then 'Angebot' else 'offen' end`,
    },
    {
      key: 'year',
      label: 'Jahr',
      format: ReportValueFormat.YEAR,
      sql: `extract(year from n.created_at at time zone 'Europe/Berlin')::int`,
    },
  ],
  measures: [count('Bedarfe')],
  filters: {
    years: `extract(year from n.created_at at time zone 'Europe/Berlin')::int = any(?::int[])`,
    socialAreaIds: 'n.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
  },
};

/** Submitted applications (Interessensbekundungen) and their decisions. */
const applications: Dataset = {
  key: 'applications',
  label: 'Interessensbekundungen',
  from: `from application a
    join call_for_interest cfi on cfi.id = a.call_id
    join need n on n.id = cfi.need_id
    ${areaJoins('n.social_area_id')}
    join provider p on p.id = a.provider_id
    left join application_decision d on d.application_id = a.id`,
  socialAreaSql: 'n.social_area_id',
  regionalTeamSql: 'sa.regional_team_id',
  dimensions: [
    provider('p'),
    socialArea,
    regionalTeam,
    {
      key: 'year',
      label: 'Jahr',
      format: ReportValueFormat.YEAR,
      sql: `extract(year from a.submitted_at at time zone 'Europe/Berlin')::int`,
    },
  ],
  measures: [
    count('Interessensbekundungen'),
    {
      key: 'approved',
      label: 'Bewilligt',
      format: ReportValueFormat.NUMBER,
      sql: `(count(*) filter (where d.outcome = 'APPROVED'))::int`,
      additive: true,
    },
    {
      key: 'rejected',
      label: 'Abgelehnt',
      format: ReportValueFormat.NUMBER,
      sql: `(count(*) filter (where d.outcome = 'REJECTED'))::int`,
      additive: true,
    },
    {
      key: 'approvedAmount',
      label: 'Bewilligter Betrag',
      format: ReportValueFormat.CENTS,
      sql: `coalesce(sum(d.approved_amount) filter (where d.outcome = 'APPROVED'), 0)::bigint`,
      additive: true,
    },
    {
      key: 'approvalRate',
      label: 'Bewilligungsquote',
      format: ReportValueFormat.PERCENT,
      sql: `round(100.0 * count(*) filter (where d.outcome = 'APPROVED') / nullif(count(*), 0), 1)`,
      additive: false,
    },
  ],
  filters: {
    years: `extract(year from a.submitted_at at time zone 'Europe/Berlin')::int = any(?::int[])`,
    socialAreaIds: 'n.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
    financingKinds: 'd.financing_kind::text = any(?::text[])',
    providerIds: 'a.provider_id = any(?::uuid[])',
  },
  conditions: { submitted: { label: 'nur eingereichte', sql: 'a.submitted_at is not null' } },
};

/** Every dataset a report may read, by key. */
export const DATASETS: ReadonlyMap<string, Dataset> = new Map(
  [ledger, offers, goalAchievement, evaluations, needs, applications].map((dataset) => [
    dataset.key,
    dataset,
  ]),
);

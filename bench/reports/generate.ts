import type pg from 'pg';

/**
 * Synthetic data for the reports benchmark, written with set-based SQL (insert … select from
 * generate_series) into a migrated platform database. Every value derives from md5 of a seed, a tag and
 * a row number, so the same scale and seed give the same rows on every machine and in every order of
 * execution. All names carry "Bench" so the rows never collide with demo master data.
 */
export interface Scale {
  /** Name printed in the results. */
  name: string;
  socialAreas: number;
  budgetYears: number;
  /** The last budget year; the first is lastYear - budgetYears + 1. */
  lastYear: number;
  offers: number;
  ledgerEntries: number;
  evaluations: number;
  goalsPerEvaluation: number;
  /** Needs per offer (needs without offer are resolved otherwise or still open). */
  needsPerOffer: number;
  /** Day the evaluations' states are reckoned from (due before it and not accepted = overdue). */
  today: string;
  seed: number;
}

export const COUNTY: Scale = {
  name: 'county',
  socialAreas: 20,
  budgetYears: 10,
  lastYear: 2026,
  offers: 5_000,
  ledgerEntries: 1_000_000,
  evaluations: 50_000,
  goalsPerEvaluation: 3,
  needsPerOffer: 1.5,
  today: '2026-11-26',
  seed: 10,
};

/** Ten times the county in offers, entries and evaluations; 200 Sozialräume over the same 10 years. */
export const STATE: Scale = {
  ...COUNTY,
  name: 'state',
  socialAreas: 200,
  offers: 50_000,
  ledgerEntries: 10_000_000,
  evaluations: 500_000,
};

/** A fraction of a scale (the state scale where a machine cannot hold all of it), at least 1 of each. */
export function fractionOf(scale: Scale, fraction: number): Scale {
  const part = (value: number) => Math.max(1, Math.round(value * fraction));
  return {
    ...scale,
    name: `${scale.name} × ${fraction}`,
    socialAreas: part(scale.socialAreas),
    offers: part(scale.offers),
    ledgerEntries: part(scale.ledgerEntries),
    evaluations: part(scale.evaluations),
  };
}

export interface GeneratedCounts {
  [table: string]: number;
}

export interface GenerateOptions {
  /** Called after each table with its name, the rows written and the seconds it took. */
  progress?(table: string, rows: number, seconds: number): void;
}

/** Whether the ledger table of the budget ledger exists in this database yet. */
export async function hasLedger(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ exists: boolean }>(
    `select to_regclass('public.ledger_entry') is not null as exists`,
  );
  return rows[0].exists;
}

function checkScale(scale: Scale): void {
  const counts = [
    scale.socialAreas,
    scale.budgetYears,
    scale.lastYear,
    scale.offers,
    scale.ledgerEntries,
    scale.evaluations,
    scale.goalsPerEvaluation,
    scale.seed,
  ];
  if (!counts.every((value) => Number.isInteger(value) && value > 0)) {
    throw new Error('Jede Mengenangabe des Benchmarks muss eine positive ganze Zahl sein.');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(scale.today)) throw new Error('today muss ein Datum JJJJ-MM-TT sein.');
  if (!(scale.needsPerOffer >= 1)) throw new Error('needsPerOffer muss mindestens 1 sein.');
}

/**
 * Writes the benchmark's rows: Regionalteams, Sozialräume, Träger, Angebotsarten, Haushaltsjahre,
 * needs, calls, applications with revisions and decisions, offers with notices and budget-year shares,
 * evaluations with their facts and goal facts, and (when the ledger table exists) ledger entries:
 * allocations with deltas, a commitment per notice share, cancellations, payments and repayments.
 * Returns the rows written per table. Runs on one connection in one transaction.
 */
export async function generateReportData(
  client: pg.ClientBase,
  scale: Scale,
  options: GenerateOptions = {},
): Promise<GeneratedCounts> {
  checkScale(scale);
  const counts: GeneratedCounts = {};
  const firstYear = scale.lastYear - scale.budgetYears + 1;
  const teams = Math.max(1, Math.ceil(scale.socialAreas / 4));
  const providers = Math.max(4, Math.round(scale.offers / 50));
  const needs = Math.max(scale.offers, Math.round(scale.offers * scale.needsPerOffer));
  const evaluationsPerOffer = Math.ceil(scale.evaluations / scale.offers);
  const p = {
    seed: scale.seed,
    areas: scale.socialAreas,
    teams,
    providers,
    firstYear,
    years: scale.budgetYears,
    lastYear: scale.lastYear,
    offers: scale.offers,
    needs,
    evaluations: scale.evaluations,
    evaluationsPerOffer,
    goals: scale.goalsPerEvaluation,
    today: scale.today,
  };
  // The statements below are constants; only these checked integers and the date are put into them.
  const sql = (text: string) =>
    text.replace(/:(\w+)/g, (match, name: string) => {
      if (!(name in p)) return match;
      const value = p[name as keyof typeof p];
      return typeof value === 'string' ? `'${value}'::date` : String(value);
    });
  const step = async (table: string, text: string) => {
    const started = performance.now();
    const result = await client.query(sql(text));
    const rows = result.rowCount ?? 0;
    counts[table] = (counts[table] ?? 0) + rows;
    options.progress?.(table, rows, (performance.now() - started) / 1000);
  };

  await client.query('begin');
  try {
    await client.query('set local synchronous_commit = off');
    // r(tag, i): a uniform number in [0, 1) (PostgreSQL's stable 64-bit hash, cheaper than md5 at 10 million
    // rows); u(tag, i): a uuid; both pure functions of seed, tag and i.
    await client.query(
      sql(`create function pg_temp.r(tag text, i bigint) returns double precision language sql immutable as
        $$ select ((hashint8extended(i, hashtextextended(tag, :seed)) >> 16) & 281474976710655)::double precision
                 / 281474976710656.0 $$`),
    );
    await client.query(
      sql(`create function pg_temp.u(tag text, i bigint) returns uuid language sql immutable as
        $$ select md5('bench:seed:' || tag || ':' || i)::uuid $$`),
    );
    // The Sozialraum of offer/need i: none (kreisweit) for about 5 %.
    await client.query(
      sql(`create function pg_temp.area_of(i bigint) returns int language sql immutable as
        $$ select case when pg_temp.r('kreisweit', i) < 0.05 then null
                       else 1 + floor(pg_temp.r('area', i) * :areas)::int end $$`),
    );

    await step(
      'regional_team',
      `insert into regional_team (id, created_by, name)
       select pg_temp.u('team', t), 'bench', 'Regionalteam Bench ' || lpad(t::text, 4, '0')
       from generate_series(1, :teams) t`,
    );
    await step(
      'social_area',
      `insert into social_area (id, created_by, name, regional_team_id)
       select pg_temp.u('area', a), 'bench', 'Sozialraum Bench ' || lpad(a::text, 4, '0'),
              pg_temp.u('team', 1 + (a - 1) / 4)
       from generate_series(1, :areas) a`,
    );
    await step(
      'provider',
      `insert into provider (id, created_by, name, city)
       select pg_temp.u('provider', t), 'bench', 'Träger Bench ' || lpad(t::text, 5, '0'), 'Verden (Aller)'
       from generate_series(1, :providers) t`,
    );
    // Odd categories are § 77 (FEE, Fachleistungsstunden), even ones § 74 (GRANT).
    await step(
      'offer_category',
      `insert into offer_category (id, created_by, name, financing_kind)
       select pg_temp.u('category', c), 'bench', 'Angebotsart Bench ' || c,
              (case when c % 2 = 1 then 'FEE' else 'GRANT' end)::financing_kind
       from generate_series(1, 6) c`,
    );
    await step(
      'budget_year',
      `insert into budget_year (id, created_by, year, starts_on, ends_on, closed)
       select pg_temp.u('year', y), 'bench', y, make_date(y, 1, 1), make_date(y, 12, 31), y < :lastYear - 1
       from generate_series(:firstYear, :lastYear) y
       on conflict (year) do nothing`,
    );

    // One plan row per offer, kept for the statements below (dropped with the transaction's end).
    await client.query(
      sql(`create temporary table bench_offer on commit drop as
       select i,
              pg_temp.area_of(i) as area,
              1 + floor(pg_temp.r('provider', i) * :providers)::int as provider,
              1 + floor(pg_temp.r('category', i) * 6)::int as category,
              make_date(:firstYear + floor(pg_temp.r('year', i) * :years)::int,
                        1 + floor(pg_temp.r('month', i) * 12)::int, 1) as period_start,
              6 + floor(pg_temp.r('months', i) * 31)::int as months,
              round((100 + pg_temp.r('hours', i) * 1400)::numeric, 2) as fee_hours,
              (5500 + floor(pg_temp.r('rate', i) * 2000))::bigint as hourly_rate,
              (500000 + floor(pg_temp.r('grant', i) * 7500000))::bigint as grant_amount
       from generate_series(1, :offers) i`),
    );
    await client.query(
      sql(`alter table bench_offer
             add column financing_kind financing_kind, add column period_end date, add column amount bigint`),
    );
    await client.query(
      sql(`update bench_offer set
             financing_kind = (case when category % 2 = 1 then 'FEE' else 'GRANT' end)::financing_kind,
             period_end = least((period_start + make_interval(months => months))::date - 1, make_date(:lastYear, 12, 31)),
             amount = case when category % 2 = 1 then round(fee_hours * hourly_rate)::bigint else grant_amount end`),
    );
    // The ids each of the offer's ledger entries names, computed once instead of once per entry.
    await client.query(
      `alter table bench_offer add column offer_id uuid, add column notice_id uuid, add column area_id uuid,
         add column team_id uuid, add column provider_id uuid, add column category_id uuid;
       update bench_offer set offer_id = pg_temp.u('offer', i), notice_id = pg_temp.u('notice', i),
         area_id = pg_temp.u('area', area), team_id = pg_temp.u('team', 1 + (area - 1) / 4),
         provider_id = pg_temp.u('provider', provider), category_id = pg_temp.u('category', category)`,
    );
    await client.query('create unique index on bench_offer (i)');
    await client.query('analyze bench_offer');

    // Needs 1..offers led to an offer; the others were covered by resources, found no offer or are open.
    await step(
      'need',
      `insert into need (id, created_at, created_by, social_area_id, title, situation_description, state, outcome,
                         created_by_name, updated_at, priority)
       select pg_temp.u('need', n), created_at, 'bench', pg_temp.u('area', area),
              'Bedarf Bench ' || n, 'Synthetische Ausgangslage für den Benchmark.', state::need_state,
              outcome::need_outcome, 'Benchmark', created_at, 1 + floor(pg_temp.r('priority', n) * 5)::int
       from (
         select n,
                coalesce(o.area, pg_temp.area_of(n)) as area,
                coalesce(o.period_start - 90, make_date(:firstYear + floor(pg_temp.r('need-year', n) * :years)::int, 1, 1)
                  + floor(pg_temp.r('need-day', n) * 360)::int)::timestamptz as created_at,
                case when n <= :offers then 'CLOSED'
                     when pg_temp.r('need-state', n) < 0.4 then 'COVERED_BY_RESOURCES'
                     when pg_temp.r('need-state', n) < 0.7 then 'NO_OFFER'
                     when pg_temp.r('need-state', n) < 0.85 then 'RESOURCES_INSUFFICIENT'
                     else 'RECORDED' end as state,
                case when n <= :offers then 'OFFER'
                     when pg_temp.r('need-state', n) < 0.4 then 'COVERED_BY_RESOURCES'
                     when pg_temp.r('need-state', n) < 0.7 then 'NO_OFFER' end as outcome
         from generate_series(1, :needs) n left join bench_offer o on o.i = n
       ) planned`,
    );
    await step(
      'call_for_interest',
      `insert into call_for_interest (id, created_at, created_by, need_id, title, deadline, open_to_all,
                                      offer_category_id, opened_by_name, closed_at, closed_by_name)
       select pg_temp.u('call', i), period_start - 80, 'bench', pg_temp.u('need', i), 'Interessenbekundung Bench ' || i,
              period_start - 50, true, pg_temp.u('category', category), 'Benchmark', period_start - 50, 'Benchmark'
       from bench_offer`,
    );
    // Application 1 of a call is the approved one (the offer's Träger); 0-2 more were rejected, withdrawn or drafts.
    await client.query(
      sql(`create temporary table bench_application on commit drop as
       select o.i, k, (o.i - 1) * 3 + k as a,
              case when k = 1 then o.provider else 1 + floor(pg_temp.r('other-provider', (o.i - 1) * 3 + k) * :providers)::int end as provider,
              case when k = 1 then 'APPROVED'
                   when pg_temp.r('app-state', (o.i - 1) * 3 + k) < 0.7 then 'REJECTED'
                   when pg_temp.r('app-state', (o.i - 1) * 3 + k) < 0.9 then 'WITHDRAWN'
                   else 'DRAFT' end as state,
              o.period_start, o.amount, o.category, o.area
       from bench_offer o cross join generate_series(1, 3) k
       where k <= 1 + floor(pg_temp.r('applications', o.i) * 3)`),
    );
    await step(
      'application',
      `insert into application (id, created_at, created_by, call_id, provider_id, state, offer_description_version_id,
                                cost_calculation_version_id, offer_description_data, cost_calculation_data,
                                created_by_name, submitted_at, withdrawn_at, updated_at)
       select pg_temp.u('application', a), period_start - 70, 'bench', pg_temp.u('call', i), pg_temp.u('provider', provider),
              state::application_state, pg_temp.u('form-version', 1), pg_temp.u('form-version', 2), '{}', '{}',
              'Benchmark', case when state <> 'DRAFT' then (period_start - 60)::timestamptz end,
              case when state = 'WITHDRAWN' then (period_start - 55)::timestamptz end, period_start - 40
       from bench_application`,
    );
    await step(
      'application_revision',
      `insert into application_revision (id, created_at, created_by, application_id, number, offer_description_data,
                                         cost_calculation_data, requested_amount, submitted_at, submitted_by_name)
       select pg_temp.u('application-revision', a), period_start - 60, 'bench', pg_temp.u('application', a), 1, '{}', '{}',
              amount + floor(pg_temp.r('requested', a) * amount * 0.1)::bigint, period_start - 60, 'Benchmark'
       from bench_application where state <> 'DRAFT'`,
    );
    await step(
      'application_decision',
      `insert into application_decision (id, created_at, created_by, application_id, outcome, justification,
                                         decided_by_name, decided_at, application_revision_number, social_area_id,
                                         offer_category_id, approved_amount, period_start, period_end, financing_kind,
                                         fee_hours, hourly_rate)
       select pg_temp.u('decision', a.a), a.period_start - 40, 'bench', pg_temp.u('application', a.a),
              a.state::decision_outcome, 'Entscheidung im Benchmark.', 'Benchmark', a.period_start - 40, 1,
              pg_temp.u('area', a.area), pg_temp.u('category', a.category),
              case when a.state = 'APPROVED' then o.amount end,
              case when a.state = 'APPROVED' then o.period_start end,
              case when a.state = 'APPROVED' then o.period_end end,
              case when a.state = 'APPROVED' then o.financing_kind end,
              case when a.state = 'APPROVED' and o.financing_kind = 'FEE' then o.fee_hours end,
              case when a.state = 'APPROVED' and o.financing_kind = 'FEE' then o.hourly_rate end
       from bench_application a join bench_offer o on o.i = a.i
       where a.state in ('APPROVED', 'REJECTED')`,
    );
    await step(
      'offer',
      `insert into offer (id, created_at, created_by, application_id, need_id, social_area_id, provider_id,
                          offer_category_id, financing_kind, title, period_start, period_end, approved_amount,
                          fee_hours, hourly_rate, state, ended_at, updated_at)
       select pg_temp.u('offer', i), period_start - 30, 'bench', pg_temp.u('application', (i - 1) * 3 + 1),
              pg_temp.u('need', i), pg_temp.u('area', area), pg_temp.u('provider', provider), pg_temp.u('category', category),
              financing_kind, 'Angebot Bench ' || i, period_start, period_end, amount,
              case when financing_kind = 'FEE' then fee_hours end, case when financing_kind = 'FEE' then hourly_rate end,
              (case when period_end < :today then 'ENDED' else 'RUNNING' end)::offer_state,
              case when period_end < :today then (period_end + 1)::timestamptz end, period_start - 30
       from bench_offer`,
    );
    await step(
      'decision_notice',
      `insert into decision_notice (id, created_at, created_by, application_id, decision_id, offer_id, number, year,
                                    sequence, notice_date, provider_id, addressee_name, title, social_area_id,
                                    offer_category_id, amount, period_start, period_end, financing_kind, legal_basis,
                                    fee_hours, hourly_rate, issued_by_name)
       select pg_temp.u('notice', i), period_start - 30, 'bench', pg_temp.u('application', (i - 1) * 3 + 1),
              pg_temp.u('decision', (i - 1) * 3 + 1), pg_temp.u('offer', i), 'BENCH-' || i,
              extract(year from period_start - 30)::int, 1000000 + i, period_start - 30, pg_temp.u('provider', provider),
              'Träger Bench ' || lpad(provider::text, 5, '0'), 'Angebot Bench ' || i, pg_temp.u('area', area),
              pg_temp.u('category', category), amount, period_start, period_end, financing_kind,
              case when financing_kind = 'FEE' then '§ 77 SGB VIII' else '§ 74 SGB VIII' end,
              case when financing_kind = 'FEE' then fee_hours end, case when financing_kind = 'FEE' then hourly_rate end,
              'Benchmark'
       from bench_offer`,
    );
    // Notice sequences start at 1,000,001 so they never meet those of the demo data or of real notices.
    // A notice's amount is spread over the budget years of the period by days; the last year takes the rest.
    await client.query(
      sql(`create temporary table bench_share on commit drop as
       select i, y as budget_year, area, provider, category, financing_kind, notice_date,
              case when y = extract(year from period_end) then amount - coalesce(sum(share) over earlier, 0)
                   else share end as amount
       from (
         select o.*, o.period_start - 30 as notice_date, y,
                floor(o.amount::numeric * (least(o.period_end, make_date(y, 12, 31)) - greatest(o.period_start, make_date(y, 1, 1)) + 1)
                      / (o.period_end - o.period_start + 1))::bigint as share
         from bench_offer o
         cross join lateral generate_series(extract(year from o.period_start)::int, extract(year from o.period_end)::int) y
       ) spread
       window earlier as (partition by i order by y rows between unbounded preceding and 1 preceding)`),
    );
    await step(
      'decision_notice_share',
      `insert into decision_notice_share (id, created_at, created_by, notice_id, budget_year, amount, financing_kind,
                                          social_area_id, provider_id, offer_category_id)
       select pg_temp.u('share', i * 100 + budget_year % 100), notice_date, 'bench', pg_temp.u('notice', i), budget_year,
              amount, financing_kind, pg_temp.u('area', area), pg_temp.u('provider', provider), pg_temp.u('category', category)
       from bench_share`,
    );

    // Half-year evaluations from the offer's start; due a month after the period. Before :today most are
    // accepted, some submitted, some overdue; later ones are due.
    await client.query(
      sql(`create temporary table bench_evaluation on commit drop as
       select e, o.i, n, o.area, o.provider,
              (o.period_start + make_interval(months => 6 * (n - 1)))::date as period_from,
              (o.period_start + make_interval(months => 6 * n))::date - 1 as period_to,
              (o.period_start + make_interval(months => 6 * n + 1))::date - 1 as due_date
       from generate_series(1, :evaluations) e
       cross join lateral (select 1 + (e - 1) % :offers as i, 1 + (e - 1) / :offers as n) position
       join bench_offer o on o.i = position.i`),
    );
    await client.query(
      `alter table bench_evaluation add column state text; update bench_evaluation set state =
         case when due_date >= '${scale.today}'::date then 'DUE'
              when pg_temp.r('evaluation-state', e) < 0.88 then 'ACCEPTED'
              when pg_temp.r('evaluation-state', e) < 0.93 then 'SUBMITTED'
              when pg_temp.r('evaluation-state', e) < 0.95 then 'CHANGES_REQUESTED'
              else 'DUE' end`,
    );
    await step(
      'evaluation',
      `insert into evaluation (id, created_at, created_by, offer_id, period_number, period_from, period_to, due_date,
                               state, form_version_id, data, submitted_at, accepted_at, accepted_by_name, updated_at)
       select pg_temp.u('evaluation', e), period_start - 30, 'bench', pg_temp.u('offer', ev.i), n, period_from, period_to,
              due_date, state::evaluation_state, pg_temp.u('form-version', 3), '{}',
              case when state in ('SUBMITTED', 'ACCEPTED', 'CHANGES_REQUESTED') then (due_date - 5)::timestamptz end,
              case when state = 'ACCEPTED' then (due_date + 10)::timestamptz end,
              case when state = 'ACCEPTED' then 'Benchmark' end, period_start - 30
       from bench_evaluation ev join bench_offer o on o.i = ev.i`,
    );
    await step(
      'evaluation_fact',
      `insert into evaluation_fact (id, created_at, created_by, evaluation_id, offer_id, social_area_id, provider_id,
                                    period_from, period_to, participants_reached, new_participants, sessions_held,
                                    professional_hours_delivered, expenses_in_period, accepted_at)
       select pg_temp.u('evaluation-fact', e), due_date + 10, 'bench', pg_temp.u('evaluation', e), pg_temp.u('offer', i),
              pg_temp.u('area', area), pg_temp.u('provider', provider), period_from, period_to,
              5 + floor(pg_temp.r('participants', e) * 40)::int, floor(pg_temp.r('new', e) * 10)::int,
              10 + floor(pg_temp.r('sessions', e) * 40)::int, round((20 + pg_temp.r('hours-delivered', e) * 200)::numeric, 2),
              floor(pg_temp.r('expenses', e) * 2000000)::bigint, due_date + 10
       from bench_evaluation where state = 'ACCEPTED'`,
    );
    await step(
      'evaluation_goal_fact',
      `insert into evaluation_goal_fact (id, created_at, created_by, evaluation_id, offer_id, social_area_id, provider_id,
                                         period_from, period_to, goal_index, goal, achievement, achievement_percent,
                                         percent_given)
       select pg_temp.u('goal-fact', e * 100 + g), due_date + 10, 'bench', pg_temp.u('evaluation', e), pg_temp.u('offer', i),
              pg_temp.u('area', area), pg_temp.u('provider', provider), period_from, period_to, g - 1,
              'Ziel ' || g || ' des Angebots', grade::goal_achievement,
              case when given then floor(pg_temp.r('percent', e * 100 + g) * 101)::smallint
                   else (case grade when 'NOT' then 0 when 'PARTLY' then 50 when 'MOSTLY' then 75 else 100 end)::smallint end,
              given
       from (
         select ev.*, g,
                (array['NOT', 'PARTLY', 'MOSTLY', 'FULLY'])[1 + floor(pg_temp.r('grade', e * 100 + g) * 4)::int] as grade,
                pg_temp.r('given', e * 100 + g) < 0.3 as given
         from bench_evaluation ev cross join generate_series(1, :goals) g
         where ev.state = 'ACCEPTED'
       ) graded`,
    );

    if (await hasLedger(client)) await generateLedger(client, scale, sql, step);

    await client.query('commit');
  } catch (error) {
    await client.query('rollback');
    throw error;
  }
  // VACUUM as well, so the visibility map lets index-only scans skip the table, as autovacuum would.
  await client.query('vacuum analyze');
  return counts;
}

/**
 * Ledger entries: per Sozialraum and year one allocation and for about a third a delta with a reason;
 * one commitment per notice share; a cancellation for about 5 % of offers; the rest payments over the
 * offers' periods (§ 77 as hours × rate) with about 1 % repayments, up to scale.ledgerEntries in all.
 */
async function generateLedger(
  client: pg.ClientBase,
  scale: Scale,
  sql: (text: string) => string,
  step: (table: string, text: string) => Promise<void>,
): Promise<void> {
  const columns = `id, created_by, created_by_name, kind, amount, budget_year, booked_on, social_area_id, regional_team_id,
                   financing_kind, offer_id, notice_id, provider_id, offer_category_id, period_from, period_to, fee_hours,
                   hourly_rate, reason`;
  const team = (area: string) => `pg_temp.u('team', 1 + (${area} - 1) / 4)`;
  await step(
    'ledger_entry',
    `insert into ledger_entry (${columns})
     select pg_temp.u('allocation', a * 10000 + y * 10 + d), 'bench', 'Benchmark', 'ALLOCATION',
            case when d = 0 then (20000000 + floor(pg_temp.r('allocation', a * 10000 + y) * 30000000))::bigint
                 else (floor(pg_temp.r('delta', a * 10000 + y) * 4000000) - 1000000)::bigint end,
            y, case when d = 0 then make_date(y, 1, 1) else make_date(y, 7, 1) end, pg_temp.u('area', a), ${team('a')},
            null, null, null, null, null, null, null, null, null,
            case when d = 0 then 'Sozialraumbudget ' || y else 'Nachtrag zum Sozialraumbudget ' || y end
     from generate_series(1, :areas) a cross join generate_series(:firstYear, :lastYear) y cross join generate_series(0, 1) d
     where d = 0 or pg_temp.r('has-delta', a * 10000 + y) < 0.3`,
  );
  await step(
    'ledger_entry',
    `insert into ledger_entry (${columns})
     select pg_temp.u('commitment', i * 100 + budget_year % 100), 'bench', 'Benchmark', 'COMMITMENT', amount, budget_year,
            greatest(notice_date, make_date(budget_year, 1, 1)), pg_temp.u('area', area), ${team('area')}, financing_kind,
            pg_temp.u('offer', i), pg_temp.u('notice', i), pg_temp.u('provider', provider), pg_temp.u('category', category),
            null, null, null, null, null
     from bench_share`,
  );
  await step(
    'ledger_entry',
    `insert into ledger_entry (${columns})
     select pg_temp.u('cancellation', s.i), 'bench', 'Benchmark', 'CANCELLATION', -(s.amount / 10), s.budget_year,
            make_date(s.budget_year, 10, 1), pg_temp.u('area', s.area), ${team('s.area')}, s.financing_kind,
            pg_temp.u('offer', s.i), pg_temp.u('notice', s.i), pg_temp.u('provider', s.provider),
            pg_temp.u('category', s.category), null, null, null, null, 'Teilaufhebung: Angebot früher beendet'
     from bench_share s
     where pg_temp.r('cancel', s.i) < 0.05
       and (s.i, s.budget_year) in (select i, max(budget_year) from bench_share group by i)`,
  );
  const { rows } = await client.query<{ written: string }>(`select count(*) as written from ledger_entry`);
  const remaining = Math.max(0, scale.ledgerEntries - Number(rows[0].written));
  // Payment j belongs to offer 1 + (j - 1) % offers and falls on a day of its period; all payments of an
  // offer add up to about 90 % of its amount.
  const perOffer = Math.max(1, Math.ceil(remaining / scale.offers));
  await step(
    'ledger_entry',
    sql(`insert into ledger_entry (${columns})
     select pg_temp.u('payment', j), 'bench', 'Benchmark', kind::ledger_entry_kind,
            case when kind = 'REPAYMENT' then -(amount / 10) else amount end,
            extract(year from booked_on)::int, booked_on, area_id, team_id, financing_kind,
            offer_id, notice_id, provider_id, category_id,
            case when kind = 'PAYMENT' then date_trunc('month', booked_on)::date end,
            case when kind = 'PAYMENT' then (date_trunc('month', booked_on) + interval '1 month')::date - 1 end,
            case when kind = 'PAYMENT' then fee end, case when kind = 'PAYMENT' then rate end,
            case when kind = 'REPAYMENT' then 'Rückforderung nicht verbrauchter Mittel' end
     from (
       select j, o.area_id, o.team_id, o.offer_id, o.notice_id, o.provider_id, o.category_id, o.financing_kind,
              case when pg_temp.r('repayment', j) < 0.01 then 'REPAYMENT' else 'PAYMENT' end as kind,
              o.period_start + floor(pg_temp.r('paid-on', j) * (o.period_end - o.period_start + 1))::int as booked_on,
              fee, case when o.financing_kind = 'FEE' then o.hourly_rate end as rate,
              case when o.financing_kind = 'FEE' then round(fee * o.hourly_rate)::bigint
                   else floor(o.amount * 0.9 / ${perOffer} * (0.6 + pg_temp.r('paid', j) * 0.8))::bigint end as amount
       from generate_series(1, ${remaining}) j
       join bench_offer o on o.i = 1 + (j - 1) % :offers
       cross join lateral (select case when o.financing_kind = 'FEE'
                                       then round(o.fee_hours * 0.9 / ${perOffer} * (0.6 + pg_temp.r('paid', j)::numeric * 0.8), 2) end as fee) hours
     ) planned`),
  );
}

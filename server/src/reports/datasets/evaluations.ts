import type { Dataset } from '../datasets.js';
import { ReportValueFormat } from '../report.types.js';
import {
  OPEN_EVALUATION,
  TODAY,
  areaJoins,
  count,
  provider,
  regionalTeam,
  socialArea,
  yearsOfDate,
} from './fields.js';

const HALF_YEAR = (column: string) =>
  `to_char(${column}, 'YYYY') || case when extract(month from ${column}) <= 6 then ' H1' else ' H2' end`;

/**
 * Goal achievement per goal of accepted evaluations (evaluation_goal_fact), read as the goals' sums per
 * period, Sozialraum, provider and offer (an evaluation's goals share them): a third of the rows to sort,
 * since the number of offers needs a sort per group (`count(distinct)`). Every dimension and filter reads
 * grouped columns, so PostgreSQL applies the filters inside, on the goal facts' covering index in its
 * order (Migration20261207100000_report_year_ranges). The average is the sum of the percentages over the
 * number of goals, as `avg` over the goal facts computes it. Offer and provider are left joins on their
 * primary keys: every goal fact names both (not null, foreign keys), so no row is lost, and PostgreSQL
 * leaves the joins out of reports that use neither.
 */
export const goalAchievement: Dataset = {
  key: 'goalAchievement',
  label: 'Zielerreichung (je Ziel)',
  from: `from (
      select period_from, social_area_id, provider_id, offer_id,
        sum(achievement_percent) as percent_sum, count(*) as goals
      from evaluation_goal_fact
      group by period_from, social_area_id, provider_id, offer_id
    ) g
    ${areaJoins('g.social_area_id')}
    left join offer o on o.id = g.offer_id
    left join provider p on p.id = g.provider_id`,
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
      sql: 'round(sum(g.percent_sum) / sum(g.goals), 1)',
      additive: false,
    },
    count('Ziele', 'sum(g.goals)'),
    {
      key: 'offers',
      label: 'Angebote',
      format: ReportValueFormat.NUMBER,
      sql: 'count(distinct g.offer_id)::int',
      additive: false,
    },
  ],
  filters: {
    years: yearsOfDate('g.period_from'),
    socialAreaIds: 'g.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
    financingKinds: 'o.financing_kind::text = any(?::text[])',
    providerIds: 'g.provider_id = any(?::uuid[])',
    offerIds: 'g.offer_id = any(?::uuid[])',
  },
};

/** The half-yearly evaluations of the offers, with the average achievement of their goals. */
export const evaluations: Dataset = {
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
  // an evaluation is its offer's evaluation of one period (unique)
  rowKey: {
    dimensions: ['offer', 'period'],
    idSql: 'e.id',
    groupBy: ['e.id', 'o.id', 'sa.id', 'rt.id', 'p.id'],
  },
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
      rowSql: 'round(ga.percent, 1)',
      additive: false,
    },
    {
      key: 'daysOverdue',
      label: 'Tage überfällig',
      format: ReportValueFormat.NUMBER,
      sql: `greatest(max(${TODAY} - e.due_date), 0)::int`,
      rowSql: `greatest(${TODAY} - e.due_date, 0)::int`,
      additive: false,
    },
    count('Evaluationen'),
  ],
  filters: {
    years: yearsOfDate('e.due_date'),
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

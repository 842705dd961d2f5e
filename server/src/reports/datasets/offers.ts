import type { Dataset } from '../datasets.js';
import { ReportValueFormat } from '../report.types.js';
import {
  GERMAN,
  OPEN_EVALUATION,
  areaJoins,
  count,
  financingKind,
  provider,
  regionalTeam,
  socialArea,
} from './fields.js';

/**
 * The offers (Angebotsübersicht): one row per offer. The next due evaluation is a subquery in the select
 * list, not a join: grouped by the offer, PostgreSQL evaluates it only for the rows it returns (one page),
 * from the index of open evaluations by offer and due date (Migration20261207000001_offer_report_paging).
 */
export const offers: Dataset = {
  key: 'offers',
  label: 'Angebote',
  from: `from offer o ${areaJoins('o.social_area_id')}
    join provider p on p.id = o.provider_id
    join offer_category c on c.id = o.offer_category_id`,
  socialAreaSql: 'o.social_area_id',
  regionalTeamSql: 'sa.regional_team_id',
  rowKey: { dimensions: ['offer'], idSql: 'o.id', groupBy: ['o.id', 'sa.id', 'rt.id', 'p.id', 'c.id'] },
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
      sql: `(select to_char(min(e.due_date), 'YYYY-MM-DD') from evaluation e
        where e.offer_id = o.id and e.state in ${OPEN_EVALUATION})`,
    },
  ],
  measures: [
    {
      key: 'approvedAmount',
      label: 'Bewilligt',
      format: ReportValueFormat.CENTS,
      sql: 'coalesce(sum(o.approved_amount), 0)::bigint',
      rowSql: 'coalesce(o.approved_amount, 0)::bigint',
      additive: true,
    },
    count('Angebote'),
  ],
  filters: {
    // Offers whose period overlaps a year chosen: first the range from the first to the last year (its
    // bounds constants when planned, Migration20261207100000_report_year_ranges), exact per year only
    // when the years are not consecutive. Dates, not extract(), and no subquery per offer for consecutive
    // years (measured on 25,000 offers: 11 → 8 ms).
    years: `(o.period_start <= make_date(report_last_year(?::int[]), 12, 31)
      and o.period_end >= make_date(report_first_year(?::int[]), 1, 1)
      and (report_years_contiguous(?::int[]) or exists (select 1 from unnest(?::int[]) as y(year)
        where o.period_start <= make_date(y.year, 12, 31) and o.period_end >= make_date(y.year, 1, 1))))`,
    socialAreaIds: 'o.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
    financingKinds: 'o.financing_kind::text = any(?::text[])',
    providerIds: 'o.provider_id = any(?::uuid[])',
    offerIds: 'o.id = any(?::uuid[])',
  },
  conditions: { running: { label: 'nur laufende Angebote', sql: `o.state = 'RUNNING'` } },
};

import type { Dataset } from '../datasets.js';
import { ReportValueFormat } from '../report.types.js';
import {
  ALLOCATION,
  COMMITTED,
  PAID,
  areaJoins,
  cents,
  financingKind,
  regionalTeam,
  socialArea,
} from './fields.js';

/** The budget ledger: allocations, commitments, payments per Sozialraum and Haushaltsjahr. */
export const ledger: Dataset = {
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
  // Monthly totals (Migration20261207000002_ledger_month_totals) carry the same columns under the same
  // alias, summed: every dimension and measure above reads them unchanged, and booked_on is the month's
  // first day. Only reports for a Träger or an offer need the entries.
  summary: {
    from: `from ledger_month_total le ${areaJoins('le.social_area_id')}`,
    dimensions: ['socialArea', 'regionalTeam', 'budgetYear', 'month', 'financingKind'],
    measures: [
      'allocated',
      'committed',
      'paid',
      'remaining',
      'committedGrant',
      'committedFee',
      'paidGrant',
      'paidFee',
    ],
    filters: ['years', 'socialAreaIds', 'regionalTeamIds', 'financingKinds'],
    // booked_on of a total is already its month's first day: group by it, format once per month
    groupBy: { month: 'le.booked_on' },
  },
};

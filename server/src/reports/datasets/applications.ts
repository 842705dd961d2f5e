import type { Dataset } from '../datasets.js';
import { ReportValueFormat } from '../report.types.js';
import { areaJoins, count, provider, regionalTeam, socialArea, yearsInBerlin } from './fields.js';

/**
 * Submitted applications (Interessensbekundungen) and their decisions. Call, need and provider are left
 * joins on their primary keys: every application names its call and provider and every call its need
 * (not null, foreign keys), so no row is lost, and PostgreSQL leaves out the joins a report does not use.
 */
export const applications: Dataset = {
  key: 'applications',
  label: 'Interessensbekundungen',
  from: `from application a
    left join call_for_interest cfi on cfi.id = a.call_id
    left join need n on n.id = cfi.need_id
    ${areaJoins('n.social_area_id')}
    left join provider p on p.id = a.provider_id
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
    years: yearsInBerlin('a.submitted_at'),
    socialAreaIds: 'n.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
    financingKinds: 'd.financing_kind::text = any(?::text[])',
    providerIds: 'a.provider_id = any(?::uuid[])',
  },
  conditions: { submitted: { label: 'nur eingereichte', sql: 'a.submitted_at is not null' } },
};

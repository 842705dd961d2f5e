import type { Dataset } from '../datasets.js';
import { ReportValueFormat } from '../report.types.js';
import { areaJoins, count, regionalTeam, socialArea, yearsInBerlin } from './fields.js';

/** Bedarfe and how they were resolved. */
export const needs: Dataset = {
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
    years: yearsInBerlin('n.created_at'),
    socialAreaIds: 'n.social_area_id = any(?::uuid[])',
    regionalTeamIds: 'sa.regional_team_id = any(?::uuid[])',
  },
};

import type { Knex } from '@mikro-orm/postgresql';
import type { AppliedFilters } from './report-query.js';
import type { ReportFiltersApplied } from './report.types.js';

/** The German names of the financing kinds. */
export const FINANCING_KIND_LABELS: Record<string, string> = {
  GRANT: '§ 74 Kreiszuschuss',
  FEE: '§ 77 Fachleistungsstunden',
};

async function namesOf(db: Knex, table: string, column: string, ids: (string | number)[] | undefined) {
  if (!ids?.length) return [];
  const result = await db.raw<{ rows: { name: string }[] }>(
    `select ${column} as name from ${table} where id = any(?::uuid[]) order by ${column} collate "und-x-icu"`,
    [ids.map(String)],
  );
  return result.rows.map((row) => row.name);
}

/** The filters a report was run with, by name, and as one German line ("Haushaltsjahr 2026 · Sozialraum: Achim"). */
export async function describeFilters(db: Knex, applied: AppliedFilters): Promise<ReportFiltersApplied> {
  const years = ((applied.years ?? []) as number[]).slice().sort((a, b) => a - b);
  const socialAreas = await namesOf(db, 'social_area', 'name', applied.socialAreaIds);
  const regionalTeams = await namesOf(db, 'regional_team', 'name', applied.regionalTeamIds);
  const providers = await namesOf(db, 'provider', 'name', applied.providerIds);
  const offers = await namesOf(db, 'offer', 'title', applied.offerIds);
  const financingKinds = (applied.financingKinds ?? []).map((kind) => FINANCING_KIND_LABELS[String(kind)]);
  const parts = [
    years.length ? `${years.length === 1 ? 'Haushaltsjahr' : 'Haushaltsjahre'} ${years.join(', ')}` : '',
    socialAreas.length
      ? `${socialAreas.length === 1 ? 'Sozialraum' : 'Sozialräume'}: ${socialAreas.join(', ')}`
      : '',
    regionalTeams.length ? `Regionalteam: ${regionalTeams.join(', ')}` : '',
    financingKinds.length ? `Finanzierung: ${financingKinds.join(', ')}` : '',
    providers.length ? `Träger: ${providers.join(', ')}` : '',
    offers.length ? `Angebot: ${offers.join(', ')}` : '',
  ].filter(Boolean);
  return {
    years,
    socialAreas,
    regionalTeams,
    financingKinds,
    providers,
    offers,
    text: parts.length > 0 ? parts.join(' · ') : 'ohne Filter',
  };
}

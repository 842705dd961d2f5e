import type { AppliedFilters } from './report-query.js';
import type { ReportReader } from './reports-database.js';
import type { ReportFiltersApplied } from './report.types.js';

/** The German names of the financing kinds. */
export const FINANCING_KIND_LABELS: Record<string, string> = {
  GRANT: '§ 74 Kreiszuschuss',
  FEE: '§ 77 Fachleistungsstunden',
};

/** The filters whose values are ids, with the table and column that name them. */
const NAMED_FILTERS = [
  { filter: 'socialAreaIds', table: 'social_area', column: 'name' },
  { filter: 'regionalTeamIds', table: 'regional_team', column: 'name' },
  { filter: 'providerIds', table: 'provider', column: 'name' },
  { filter: 'offerIds', table: 'offer', column: 'title' },
] as const;

/** The names behind the applied id filters, in one query (none when no id filter is applied). */
async function namesOf(db: ReportReader, applied: AppliedFilters): Promise<string[][]> {
  const wanted = NAMED_FILTERS.flatMap((entry, index) =>
    applied[entry.filter]?.length ? [{ ...entry, index, ids: applied[entry.filter]!.map(String) }] : [],
  );
  const names: string[][] = NAMED_FILTERS.map(() => []);
  if (wanted.length === 0) return names;
  const result = await db.raw<{ rows: { list: number; name: string }[] }>(
    `select list, name from (${wanted
      .map(
        (entry) =>
          `select ${entry.index} as list, ${entry.column} as name from ${entry.table} where id = any(?::uuid[])`,
      )
      .join(' union all ')}) named order by list, name collate "und-x-icu"`,
    wanted.map((entry) => entry.ids),
  );
  for (const row of result.rows) names[row.list]!.push(row.name);
  return names;
}

/** The filters a report was run with, by name, and as one German line ("Haushaltsjahr 2026 · Sozialraum: Achim"). */
export async function describeFilters(
  db: ReportReader,
  applied: AppliedFilters,
): Promise<ReportFiltersApplied> {
  const years = ((applied.years ?? []) as number[]).slice().sort((a, b) => a - b);
  const [socialAreas, regionalTeams, providers, offers] = (await namesOf(db, applied)) as [
    string[],
    string[],
    string[],
    string[],
  ];
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

import type { ReportChartType } from './report-types.js';

/** What the report editor lets an administrator choose; turned into a report definition (JSON). */
export interface ReportDraft {
  key: string;
  title: string;
  description: string;
  dataset: string;
  dimensions: string[];
  measures: string[];
  filterKeys: string[];
  /** Without a year in the filter, the report shows the current budget year. */
  currentYearByDefault: boolean;
  chartType: ReportChartType;
  x: string;
  series: string[];
  /** Parts of a stored definition the editor does not offer (sort, limit, conditions, drill-downs); kept. */
  kept: Record<string, unknown>;
  /** The stored version the draft starts from; null for a new report. */
  version: number | null;
}

export const CHART_TYPE_LABELS: Readonly<Record<ReportChartType, string>> = {
  BAR: 'Balken',
  STACKED_BAR: 'Gestapelte Balken',
  LINE: 'Linie',
  PIE: 'Kreis',
  TABLE: 'Nur Tabelle',
};

export const FILTER_KEY_LABELS: Readonly<Record<string, string>> = {
  years: 'Haushaltsjahr',
  socialAreaIds: 'Sozialraum',
  regionalTeamIds: 'Regionalteam',
  financingKinds: 'Finanzierungsart',
  providerIds: 'Träger',
  offerIds: 'Angebot',
};

export const newDraft = (): ReportDraft => ({
  key: '',
  title: '',
  description: '',
  dataset: '',
  dimensions: [],
  measures: [],
  filterKeys: [],
  currentYearByDefault: false,
  chartType: 'BAR',
  x: '',
  series: [],
  kept: {},
  version: null,
});

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const CHART_TYPES = Object.keys(CHART_TYPE_LABELS) as ReportChartType[];

/** A stored definition (as reportDefinition answers it) as a draft; what is missing stays empty. */
export const draftFromDefinition = (definition: unknown): ReportDraft => {
  const source = (definition && typeof definition === 'object' ? definition : {}) as Record<string, unknown>;
  const filters = (source.filters && typeof source.filters === 'object' ? source.filters : {}) as Record<
    string,
    unknown
  >;
  const defaults = (
    filters.defaults && typeof filters.defaults === 'object' ? filters.defaults : {}
  ) as Record<string, unknown>;
  const chart = (source.chart && typeof source.chart === 'object' ? source.chart : {}) as Record<
    string,
    unknown
  >;
  const type = CHART_TYPES.find((candidate) => candidate === chart.type) ?? 'TABLE';
  const kept: Record<string, unknown> = {};
  for (const name of ['sort', 'limit', 'conditions', 'drillDowns']) {
    if (source[name] !== undefined) kept[name] = source[name];
  }
  return {
    key: text(source.key),
    title: text(source.title),
    description: text(source.description),
    dataset: text(source.dataset),
    dimensions: strings(source.dimensions),
    measures: strings(source.measures),
    filterKeys: strings(filters.keys),
    currentYearByDefault: defaults.years === 'CURRENT',
    chartType: type === 'BAR' && chart.stacked === true ? 'STACKED_BAR' : type,
    x: text(chart.x),
    series: strings(chart.series),
    kept,
    version: typeof source.version === 'number' ? source.version : null,
  };
};

/** A key for a new report from its title: „Budget je Träger 2026“ → „budget-je-traeger-2026“. */
export const keyFromTitle = (title: string): string =>
  title
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[^a-z]+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');

/** Adds or removes `value`, keeping the order in which things were chosen. */
export const toggle = (list: readonly string[], value: string, on: boolean): string[] =>
  on ? (list.includes(value) ? [...list] : [...list, value]) : list.filter((item) => item !== value);

/**
 * The draft after a change, kept consistent: the x axis is a chosen dimension, the series are chosen
 * measures (one for a pie), and a new dataset clears what belonged to the old one.
 */
export const updateDraft = (draft: ReportDraft, change: Partial<ReportDraft>): ReportDraft => {
  let next = { ...draft, ...change };
  if (change.dataset !== undefined && change.dataset !== draft.dataset) {
    next = { ...next, dimensions: [], measures: [], filterKeys: [], x: '', series: [], kept: {} };
  }
  const x = next.dimensions.includes(next.x) ? next.x : (next.dimensions[0] ?? '');
  let series = next.series.filter((key) => next.measures.includes(key));
  // A measure chosen anew also becomes a series, so the chart shows what was picked.
  const added = change.measures?.filter((key) => !draft.measures.includes(key)) ?? [];
  series = [...series, ...added.filter((key) => !series.includes(key))];
  if (series.length === 0 && next.measures[0]) series = [next.measures[0]];
  if (next.chartType === 'PIE') series = series.slice(0, 1);
  return { ...next, x, series };
};

/** The report definition the server checks, previews and saves. */
export const definitionOf = (draft: ReportDraft): Record<string, unknown> => {
  const chosen = new Set(draft.dimensions);
  const drillDowns = Array.isArray(draft.kept.drillDowns)
    ? (draft.kept.drillDowns as { column?: unknown }[]).filter(
        (drill) => typeof drill.column === 'string' && chosen.has(drill.column),
      )
    : undefined;
  const columns = new Set([...draft.dimensions, ...draft.measures]);
  const sort = Array.isArray(draft.kept.sort)
    ? (draft.kept.sort as { key?: unknown }[]).filter(
        (entry) => typeof entry.key === 'string' && columns.has(entry.key),
      )
    : undefined;
  return {
    key: draft.key,
    title: draft.title,
    ...(draft.description.trim() ? { description: draft.description.trim() } : {}),
    dataset: draft.dataset,
    dimensions: draft.dimensions,
    measures: draft.measures,
    filters: {
      keys: draft.filterKeys,
      ...(draft.currentYearByDefault && draft.filterKeys.includes('years')
        ? { defaults: { years: 'CURRENT' } }
        : {}),
    },
    ...(draft.kept.conditions !== undefined ? { conditions: draft.kept.conditions } : {}),
    ...(sort && sort.length > 0 ? { sort } : {}),
    ...(draft.kept.limit !== undefined ? { limit: draft.kept.limit } : {}),
    chart: {
      type: draft.chartType,
      x: draft.x || null,
      series: draft.series,
      stacked: draft.chartType === 'STACKED_BAR',
    },
    ...(drillDowns && drillDowns.length > 0 ? { drillDowns } : {}),
  };
};

/** Problems the editor can name before asking the server (German, one per line). */
export const draftProblems = (draft: ReportDraft): string[] => {
  const problems: string[] = [];
  if (!draft.title.trim()) problems.push('Bitte geben Sie einen Titel ein.');
  if (!/^[a-z][a-z0-9-]{1,98}$/.test(draft.key))
    problems.push(
      'Der Schlüssel besteht aus Kleinbuchstaben, Ziffern und Bindestrichen (mindestens 2 Zeichen).',
    );
  if (!draft.dataset) problems.push('Bitte wählen Sie einen Datenbestand.');
  if (draft.measures.length === 0) problems.push('Bitte wählen Sie mindestens eine Kennzahl.');
  if (draft.chartType !== 'TABLE' && draft.dimensions.length === 0)
    problems.push('Ein Diagramm braucht mindestens eine Dimension für die x-Achse.');
  return problems;
};

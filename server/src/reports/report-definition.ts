import { z } from 'zod';
import type { FieldError } from '../common/field-error.js';
import { DATASETS, FILTER_KEYS, type FilterKey } from './datasets.js';
import { ReportChartType } from './report.types.js';

const KEY = /^[a-z][a-z0-9-]{1,98}$/;
const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9]{0,60}$/;

const fieldKey = z.string().regex(FIELD_KEY, 'ist kein gültiger Feldschlüssel');

const reportDefinitionSchema = z.strictObject({
  key: z.string().regex(KEY, 'nur Kleinbuchstaben, Ziffern und Bindestriche (2 bis 99 Zeichen)'),
  title: z.string().trim().min(1, 'darf nicht leer sein').max(200, 'höchstens 200 Zeichen'),
  description: z.string().max(2000, 'höchstens 2000 Zeichen').optional(),
  dataset: z.string().max(100),
  dimensions: z.array(fieldKey).max(10, 'höchstens 10 Dimensionen'),
  measures: z.array(fieldKey).min(1, 'mindestens eine Kennzahl').max(20, 'höchstens 20 Kennzahlen'),
  filters: z
    .strictObject({
      keys: z.array(z.string().max(100)).max(FILTER_KEYS.length).default([]),
      defaults: z
        .strictObject({
          years: z.union([z.literal('CURRENT'), z.array(z.int().min(1900).max(2200)).max(50)]).optional(),
        })
        .optional(),
    })
    .default({ keys: [] }),
  conditions: z.array(fieldKey).max(10).optional(),
  sort: z
    .array(z.strictObject({ key: fieldKey, direction: z.enum(['ASC', 'DESC'], 'ASC oder DESC') }))
    .max(10)
    .optional(),
  limit: z.int('muss eine ganze Zahl sein').min(1, 'mindestens 1').max(10_000, 'höchstens 10000').optional(),
  chart: z.strictObject({
    type: z.enum(ReportChartType, 'ist keine bekannte Diagrammart'),
    x: fieldKey.nullable().optional(),
    series: z.array(fieldKey).default([]),
    stacked: z.boolean().default(false),
  }),
  drillDowns: z
    .array(
      z.strictObject({
        column: fieldKey,
        report: z.string().regex(KEY, 'ist kein gültiger Berichtsschlüssel'),
        filter: z.enum(FILTER_KEYS, 'ist kein bekannter Filter'),
      }),
    )
    .max(10)
    .default([]),
});

/** A report as data (reports/<key>.json): what it reads, groups, computes, filters and draws. */
export type ReportDefinition = Omit<z.output<typeof reportDefinitionSchema>, 'filters'> & {
  filters: { keys: FilterKey[]; defaults?: { years?: 'CURRENT' | number[] } };
};

const DEFINITION_LIMIT = 50_000;

/**
 * Checks a report definition: its shape, and that every dimension, measure, filter, condition, sort key,
 * chart column and drill-down names something its dataset has. `knownReports` are the report keys a
 * drill-down may open (omitted: drill-down targets are not checked). Answers the definition or every
 * problem as a German message at its place.
 */
export function checkReportDefinition(
  input: unknown,
  knownReports?: ReadonlySet<string>,
): { definition: ReportDefinition; errors: [] } | { definition: null; errors: FieldError[] } {
  if (JSON.stringify(input ?? null).length > DEFINITION_LIMIT) {
    return { definition: null, errors: [{ path: '', message: 'Die Berichtsdefinition ist zu groß.' }] };
  }
  const parsed = reportDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const shapeErrors = parsed.error.issues.map((issue) => ({
      path: `/${issue.path.join('/')}`,
      message: issueMessage(issue),
    }));
    // The names are checked too, so one round shows every problem; a place already named is not repeated.
    const looseDefinition = loose(input);
    const nameErrors = looseDefinition ? crossCheck(looseDefinition, knownReports) : [];
    const taken = (path: string) => shapeErrors.some((e) => path === e.path || path.startsWith(`${e.path}/`));
    return { definition: null, errors: [...shapeErrors, ...nameErrors.filter((e) => !taken(e.path))] };
  }
  const errors = crossCheck(parsed.data as ReportDefinition, knownReports);
  return errors.length > 0
    ? { definition: null, errors }
    : { definition: parsed.data as ReportDefinition, errors: [] };
}

/** The parts of a definition that could be read, for checking names when its shape is wrong. */
function loose(input: unknown): ReportDefinition | null {
  const object = (value: unknown): Record<string, unknown> =>
    value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  if (!input || typeof input !== 'object' || Array.isArray(input)) return null;
  const source = object(input);
  // Entries that are not text keep their place (as '') so the paths still point at the right entry.
  const strings = (value: unknown) =>
    Array.isArray(value) ? value.map((entry) => (typeof entry === 'string' ? entry : '')) : [];
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const chart = object(source.chart);
  const type =
    Object.values(ReportChartType).find((candidate) => candidate === chart.type) ?? ReportChartType.TABLE;
  return {
    key: text(source.key),
    title: text(source.title),
    dataset: text(source.dataset),
    dimensions: strings(source.dimensions),
    measures: strings(source.measures),
    filters: { keys: strings(object(source.filters).keys) as FilterKey[] },
    conditions: strings(source.conditions),
    sort: (Array.isArray(source.sort) ? source.sort : []).map((entry) => ({
      key: text(object(entry).key),
      direction: 'ASC' as const,
    })),
    chart: {
      type,
      x: typeof chart.x === 'string' ? chart.x : null,
      series: strings(chart.series),
      stacked: false,
    },
    drillDowns: (Array.isArray(source.drillDowns) ? source.drillDowns : []).map((entry) => ({
      column: text(object(entry).column),
      report: text(object(entry).report),
      filter: 'socialAreaIds' as const,
    })),
  } as ReportDefinition;
}

/** Checks that every name of a definition exists in its dataset (and drill-down targets in `knownReports`). */
function crossCheck(definition: ReportDefinition, knownReports?: ReadonlySet<string>): FieldError[] {
  const errors: FieldError[] = [];
  const problem = (path: string, message: string) => errors.push({ path, message });
  const dataset = DATASETS.get(definition.dataset);
  if (!dataset) {
    problem('/dataset', `Den Datenbestand „${definition.dataset}“ gibt es nicht.`);
    return errors;
  }
  const dimensions = new Set(dataset.dimensions.map((d) => d.key));
  const measures = new Set(dataset.measures.map((m) => m.key));
  const unique = (list: string[], path: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((key, index) => {
      if (seen.has(key)) problem(`${path}/${index}`, `${what} „${key}“ ist doppelt.`);
      seen.add(key);
    });
  };
  definition.dimensions.forEach((key, index) => {
    if (!dimensions.has(key))
      problem(
        `/dimensions/${index}`,
        `Die Dimension „${key}“ gibt es im Datenbestand „${dataset.label}“ nicht.`,
      );
  });
  unique(definition.dimensions, '/dimensions', 'Die Dimension');
  definition.measures.forEach((key, index) => {
    if (!measures.has(key))
      problem(
        `/measures/${index}`,
        `Die Kennzahl „${key}“ gibt es im Datenbestand „${dataset.label}“ nicht.`,
      );
  });
  unique(definition.measures, '/measures', 'Die Kennzahl');
  definition.filters.keys.forEach((key, index) => {
    if (!(FILTER_KEYS as readonly string[]).includes(key))
      problem(`/filters/keys/${index}`, `Den Filter „${key}“ gibt es nicht.`);
    else if (!dataset.filters[key as FilterKey])
      problem(
        `/filters/keys/${index}`,
        `Den Filter „${key}“ bietet der Datenbestand „${dataset.label}“ nicht.`,
      );
  });
  definition.conditions?.forEach((key, index) => {
    if (!dataset.conditions?.[key])
      problem(
        `/conditions/${index}`,
        `Die Bedingung „${key}“ gibt es im Datenbestand „${dataset.label}“ nicht.`,
      );
  });
  const chosen = new Set([...definition.dimensions, ...definition.measures]);
  definition.sort?.forEach((entry, index) => {
    if (!chosen.has(entry.key))
      problem(
        `/sort/${index}/key`,
        `Sortiert werden kann nur nach einer gewählten Spalte, nicht nach „${entry.key}“.`,
      );
  });
  const { chart } = definition;
  if (chart.x != null && !definition.dimensions.includes(chart.x))
    problem('/chart/x', `Die x-Achse muss eine gewählte Dimension sein, nicht „${chart.x}“.`);
  chart.series.forEach((key, index) => {
    if (!definition.measures.includes(key))
      problem(`/chart/series/${index}`, `Eine Reihe muss eine gewählte Kennzahl sein, nicht „${key}“.`);
  });
  if (chart.type !== ReportChartType.TABLE) {
    if (chart.x == null) problem('/chart/x', 'Ein Diagramm braucht eine Dimension für die x-Achse.');
    if (chart.series.length === 0) problem('/chart/series', 'Ein Diagramm braucht mindestens eine Reihe.');
  }
  if (chart.type === ReportChartType.PIE && chart.series.length > 1)
    problem('/chart/series', 'Ein Kreisdiagramm zeigt genau eine Reihe.');
  definition.drillDowns.forEach((drill, index) => {
    const dimension = dataset.dimensions.find((d) => d.key === drill.column);
    if (!dimension || !definition.dimensions.includes(drill.column))
      problem(`/drillDowns/${index}/column`, `Die Spalte „${drill.column}“ ist keine gewählte Dimension.`);
    else if (!dimension.idSql)
      problem(`/drillDowns/${index}/column`, `Die Spalte „${drill.column}“ hat keine id für einen Sprung.`);
    if (knownReports && !knownReports.has(drill.report) && drill.report !== definition.key)
      problem(`/drillDowns/${index}/report`, `Den Bericht „${drill.report}“ gibt es nicht.`);
  });
  return errors;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys')
    return `Unbekannte Angabe: ${issue.keys.map((k) => `„${k}“`).join(', ')}.`;
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'Angabe fehlt.' : 'Falscher Typ.';
  return issue.message;
}

const dashboardSchema = z.strictObject({
  key: z.string().regex(KEY, 'nur Kleinbuchstaben, Ziffern und Bindestriche'),
  title: z.string().trim().min(1),
  description: z.string().optional(),
  filterKeys: z.array(z.enum(FILTER_KEYS, 'ist kein bekannter Filter')),
  items: z.array(z.strictObject({ report: z.string().regex(KEY), width: z.int().min(1).max(12) })).min(1),
});

/** A dashboard as data (reports/dashboards/<key>.json): reports side by side with shared filters. */
export type DashboardDefinition = z.output<typeof dashboardSchema>;

/** Checks a dashboard definition and that its reports exist. */
export function checkDashboardDefinition(
  input: unknown,
  knownReports: ReadonlySet<string>,
): { definition: DashboardDefinition; errors: [] } | { definition: null; errors: FieldError[] } {
  const parsed = dashboardSchema.safeParse(input);
  if (!parsed.success) {
    return {
      definition: null,
      errors: parsed.error.issues.map((issue) => ({
        path: `/${issue.path.join('/')}`,
        message: issueMessage(issue),
      })),
    };
  }
  const errors = parsed.data.items.flatMap((item, index) =>
    knownReports.has(item.report)
      ? []
      : [{ path: `/items/${index}/report`, message: `Den Bericht „${item.report}“ gibt es nicht.` }],
  );
  return errors.length > 0 ? { definition: null, errors } : { definition: parsed.data, errors: [] };
}

import { formatAxisValue, formatReportValue, toNumber } from './report-format.js';
import type {
  ReportColumnView,
  ReportDrillDownView,
  ReportResultView,
  ReportValueFormat,
} from './report-types.js';
import { drillDownHref, offerHref, type ReportFilterState } from './report-filters.js';

/** One line, bar or slice of a chart. */
export interface ChartSeries {
  /** The data key of the series in each datum. */
  key: string;
  label: string;
}

/** One point of the x axis (or one slice): its label, its row's link and a number per series. */
export interface ChartDatum {
  label: string;
  /** Where a click on this point leads (drill-down), if anywhere. */
  href: string | null;
  values: Record<string, number | null>;
}

export interface ChartModel {
  series: ChartSeries[];
  data: ChartDatum[];
  /** How the values are written (all series share the format of the first measure). */
  format: ReportValueFormat;
}

const dimensionsOf = (columns: readonly ReportColumnView[]) =>
  columns.filter((column) => column.role === 'DIMENSION');

const indexOf = (columns: readonly ReportColumnView[], key: string | null | undefined) =>
  key ? columns.findIndex((column) => column.key === key) : -1;

/** The link of a cell: a drill-down to a report, or to the offer's page for an offer. */
export const cellHref = (
  result: Pick<ReportResultView, 'columns' | 'rowIds' | 'drillDowns'>,
  rowIndex: number,
  columnIndex: number,
  filters: ReportFilterState,
): string | null => {
  const column = result.columns[columnIndex];
  const id = result.rowIds[rowIndex]?.[columnIndex];
  if (!column || !id) return null;
  const drillDown = result.drillDowns.find((candidate) => candidate.column === column.key);
  if (!drillDown) return null;
  if (drillDown.filter === 'offerIds') return offerHref(id);
  return drillDownHref(drillDown, id, filters);
};

/** Further links of a cell besides its main one (an offer's evaluations report). */
export const cellExtraLinks = (
  result: Pick<ReportResultView, 'columns' | 'rowIds' | 'drillDowns'>,
  rowIndex: number,
  columnIndex: number,
  filters: ReportFilterState,
): { href: string; drillDown: ReportDrillDownView }[] => {
  const column = result.columns[columnIndex];
  const id = result.rowIds[rowIndex]?.[columnIndex];
  if (!column || !id) return [];
  return result.drillDowns
    .filter((drillDown) => drillDown.column === column.key && drillDown.filter === 'offerIds')
    .flatMap((drillDown) => {
      const href = drillDownHref(drillDown, id, filters);
      return href ? [{ href, drillDown }] : [];
    });
};

/**
 * The figures of a report arranged for a chart. The x axis is the chart's `x` dimension; with one
 * further dimension and one measure, that dimension's values become the series (Sozialraum per
 * half-year); otherwise further dimensions are joined into the label.
 */
export const chartModel = (result: ReportResultView, filters: ReportFilterState): ChartModel => {
  const { columns, rows, chart } = result;
  const dimensions = dimensionsOf(columns);
  const measures = columns.filter((column) => column.role === 'MEASURE');
  const seriesColumns = chart.series
    .map((key) => columns.find((column) => column.key === key))
    .filter((column): column is ReportColumnView => column !== undefined && column.role === 'MEASURE');
  const shown = seriesColumns.length > 0 ? seriesColumns : measures.slice(0, 1);
  const xColumn =
    columns.find((column) => column.key === chart.x && column.role === 'DIMENSION') ?? dimensions[0];
  const xIndex = xColumn ? columns.indexOf(xColumn) : -1;
  // A dimension with one value in every row (the year chosen in the filter) adds nothing to a label.
  const others = dimensions.filter(
    (column) =>
      column !== xColumn &&
      new Set(rows.map((row) => JSON.stringify(row?.[columns.indexOf(column)] ?? null))).size > 1,
  );
  const format = shown[0]?.format ?? 'NUMBER';

  const labelOf = (row: readonly unknown[], of: readonly ReportColumnView[]) =>
    of.map((column) => formatReportValue(row[columns.indexOf(column)], column.format)).join(' · ');

  const pivot = others.length === 1 && shown.length === 1 && chart.type !== 'PIE';
  const data = new Map<string, ChartDatum>();
  const series = new Map<string, ChartSeries>();
  if (!pivot) for (const column of shown) series.set(column.key, { key: column.key, label: column.label });

  rows.forEach((listed, rowIndex) => {
    const row = listed ?? [];
    const label = xIndex >= 0 ? labelOf(row, pivot ? [xColumn!] : [xColumn!, ...others]) : result.title;
    let datum = data.get(label);
    if (!datum) {
      datum = { label, href: xIndex >= 0 ? cellHref(result, rowIndex, xIndex, filters) : null, values: {} };
      data.set(label, datum);
    }
    if (pivot) {
      const seriesLabel = labelOf(row, others);
      const key = `s${series.size}`;
      const existing = [...series.values()].find((candidate) => candidate.label === seriesLabel);
      const target = existing ?? { key, label: seriesLabel };
      if (!existing) series.set(key, target);
      datum.values[target.key] = toNumber(row[indexOf(columns, shown[0]!.key)]);
    } else {
      for (const column of shown) datum.values[column.key] = toNumber(row[indexOf(columns, column.key)]);
    }
  });

  return { series: [...series.values()], data: [...data.values()], format };
};

/** The tick and tooltip text of a chart value. */
export const chartValueText = (value: unknown, format: ReportValueFormat, axis = false): string =>
  axis ? formatAxisValue(value, format) : formatReportValue(value, format);

/**
 * Colours of the series: each has at least 3:1 contrast to white (WCAG 1.4.11), and neighbours differ
 * in lightness too; the legend and labels name every series, so no information rests on colour alone.
 */
export const SERIES_COLOURS = [
  '#0d47a1',
  '#c43e00',
  '#1b5e20',
  '#6a1b9a',
  '#00695c',
  '#ad1457',
  '#4e342e',
  '#37474f',
] as const;

export const seriesColour = (index: number): string => SERIES_COLOURS[index % SERIES_COLOURS.length]!;

import type { AuditEventFilter, AuditOutcome } from '../gql/graphql.js';

/** The outcomes of an audit event in German. */
export const OUTCOME_LABELS: Readonly<Record<AuditOutcome, string>> = {
  SUCCESS: 'Ausgeführt',
  DENIED: 'Abgelehnt (keine Berechtigung)',
  FAILED: 'Fehlgeschlagen',
};

/** The filter fields as they appear in the address (and in the CSV link): the API's names. */
export const FILTER_KEYS = [
  'userId',
  'operation',
  'entityType',
  'entityId',
  'outcome',
  'from',
  'to',
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type FilterValues = Record<FilterKey, string>;

export const readFilter = (params: URLSearchParams): FilterValues =>
  Object.fromEntries(FILTER_KEYS.map((key) => [key, params.get(key) ?? ''])) as FilterValues;

/** A day from the form (`2026-11-26`) as the first (from) or last (to) instant of that day in the browser's time zone. */
const dayBoundary = (day: string, end: boolean): string | undefined => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const local = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00'}`);
  return Number.isNaN(local.getTime()) ? undefined : local.toISOString();
};

/** The API filter for the applied values; empty fields are left out. */
export const toApiFilter = (values: FilterValues): AuditEventFilter => {
  const filter: AuditEventFilter = {};
  if (values.userId) filter.userId = values.userId;
  if (values.operation.trim()) filter.operation = values.operation.trim();
  if (values.entityType.trim()) filter.entityType = values.entityType.trim();
  if (values.entityId.trim()) filter.entityId = values.entityId.trim();
  if (values.outcome in OUTCOME_LABELS) filter.outcome = values.outcome as AuditOutcome;
  const from = dayBoundary(values.from, false);
  const to = dayBoundary(values.to, true);
  if (from) filter.from = from;
  if (to) filter.to = to;
  return filter;
};

/** `/api/audit-events.csv?…` with the same filter as the table. */
export const csvHref = (filter: AuditEventFilter): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  const query = params.toString();
  return `/api/audit-events.csv${query ? `?${query}` : ''}`;
};

import { MAX_FIELD_ERRORS } from '../../../form-logic/index.js';
import type { Caller } from '../common/context.js';
import { type CommandContext, runCommand } from '../common/command.js';
import { BadUserInput, Conflict, Forbidden, NotFound } from '../common/errors.js';
import type { FieldError } from '../common/field-error.js';
import { allowingRole } from '../common/policy.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DATASETS, FILTER_KEYS } from './datasets.js';
import {
  dashboards,
  ensureReportsLoaded,
  insertReportVersion,
  latestVersionNumber,
  reportInForce,
  reportLockKey,
  reportsInForce,
  type StoredReport,
} from './report-catalog.js';
import { checkReportDefinition } from './report-definition.js';
import { type DefinitionSource, mayRunReports, type ReportPage, runReport } from './report-query.js';
import { reportPolicy } from './report.policy.js';
import type {
  Dashboard,
  ReportDatasetInfo,
  ReportFilterInput,
  ReportResult,
  ReportSummary,
} from './report.types.js';
import { reportsDatabase } from './reports-database.js';

/** Fails with FORBIDDEN unless the caller may run reports. */
export function requireReportCaller(caller: Caller): void {
  if (!allowingRole(reportPolicy, caller, 'run', null) || !mayRunReports(caller)) throw Forbidden();
}

/** Fails with FORBIDDEN unless the caller may edit report definitions. */
export function requireReportEditor(caller: Caller): void {
  if (!allowingRole(reportPolicy, caller, 'edit', null)) throw Forbidden();
}

const summaryOf = ({ key, version, definition }: StoredReport): ReportSummary => ({
  key,
  version,
  title: definition.title,
  description: definition.description ?? null,
  dataset: definition.dataset,
  chartType: definition.chart.type,
  filterKeys: definition.filters.keys,
});

/** The reports the caller may run (none for provider staff), by title. */
export async function listReports(em: EntityManager, caller: Caller): Promise<ReportSummary[]> {
  if (!allowingRole(reportPolicy, caller, 'run', null)) return [];
  const stored = await reportsInForce(em);
  return stored.map(summaryOf).sort((a, b) => a.title.localeCompare(b.title, 'de'));
}

/** A dashboard by key (null when there is none); only for callers who may run reports. */
export async function findDashboard(
  em: EntityManager,
  caller: Caller,
  key: string,
): Promise<Dashboard | null> {
  requireReportCaller(caller);
  await ensureReportsLoaded(em);
  const found = dashboards().find((dashboard) => dashboard.key === key);
  return found
    ? {
        key: found.key,
        title: found.title,
        description: found.description ?? null,
        filterKeys: found.filterKeys,
        items: found.items,
      }
    : null;
}

/**
 * Stored definitions checked against the datasets of this release, by the id of the stored version: a
 * version never changes, so each is checked once per process. Bounded, as the editor may save many.
 */
const checkedDefinitions = new Map<string, ReturnType<typeof checkReportDefinition>>();
const MAX_CHECKED_DEFINITIONS = 500;

/** The version in force of every report, by id (small: one row per report). */
const VERSIONS_IN_FORCE = `select distinct on (key) key, id::text as id from report_definition_version order by key, version desc`;

/**
 * The version in force of a report, checked again against the datasets of this release. Which version is
 * in force is read with the opening of the report's transaction; its definition only the first time.
 */
const definitionInForce = (key: string): DefinitionSource => ({
  sql: VERSIONS_IN_FORCE,
  async pick(rows, reader) {
    const id = rows.find((row) => row.key === key)?.id as string | undefined;
    if (!id) throw NotFound('Der Bericht');
    let checked = checkedDefinitions.get(id);
    if (!checked) {
      const stored = await reader.raw<{ rows: { definition: unknown }[] }>(
        'select definition from report_definition_version where id = ?',
        [id],
      );
      checked = checkReportDefinition(stored.rows[0]!.definition);
      if (checkedDefinitions.size >= MAX_CHECKED_DEFINITIONS) checkedDefinitions.clear();
      checkedDefinitions.set(id, checked);
    }
    if (!checked.definition) {
      throw BadUserInput('Die gespeicherte Berichtsdefinition passt nicht mehr zu den Datenbeständen.', {
        fieldErrors: checked.errors,
      });
    }
    return checked.definition;
  },
});

/**
 * Runs a stored report for the caller, within the caller's scope; with `page` only those rows (the
 * number of rows, totals and summary still cover the whole report).
 */
export async function runStoredReport(
  em: EntityManager,
  caller: Caller,
  key: string,
  filters: ReportFilterInput | null | undefined,
  page?: ReportPage | null,
): Promise<ReportResult> {
  requireReportCaller(caller);
  await ensureReportsLoaded(em);
  return runReport({ db: reportsDatabase(em), caller, definition: definitionInForce(key), filters, page });
}

/** The stored definition in force (for the editor). */
export async function readReportDefinition(em: EntityManager, caller: Caller, key: string): Promise<unknown> {
  requireReportEditor(caller);
  const stored = await reportInForce(em, key);
  if (!stored) throw NotFound('Der Bericht');
  return { ...stored.definition, version: stored.version };
}

/** What the editor may pick: datasets with their dimensions, measures and filters. */
export function listDatasets(caller: Caller): ReportDatasetInfo[] {
  requireReportEditor(caller);
  return [...DATASETS.values()].map((dataset) => ({
    key: dataset.key,
    label: dataset.label,
    dimensions: dataset.dimensions.map(({ key, label, format }) => ({ key, label, format })),
    measures: dataset.measures.map(({ key, label, format }) => ({ key, label, format })),
    filterKeys: FILTER_KEYS.filter((key) => dataset.filters[key]),
  }));
}

/** Strips what the editor sends along but a definition does not hold (the version it loaded). */
function withoutVersion(input: unknown): unknown {
  if (input && typeof input === 'object' && !Array.isArray(input) && 'version' in input) {
    const { version: _version, ...rest } = input as Record<string, unknown>;
    return rest;
  }
  return input;
}

/** Runs a definition that is not stored yet (the editor's live preview); a bad one is BAD_USER_INPUT. */
export async function previewReport(
  em: EntityManager,
  caller: Caller,
  input: unknown,
  filters: ReportFilterInput | null | undefined,
): Promise<ReportResult> {
  requireReportEditor(caller);
  const known = new Set((await reportsInForce(em)).map((report) => report.key));
  const checked = checkReportDefinition(withoutVersion(input), known);
  if (!checked.definition) {
    throw BadUserInput('Die Berichtsdefinition ist fehlerhaft.', { fieldErrors: checked.errors });
  }
  return runReport({ db: reportsDatabase(em), caller, definition: checked.definition, filters });
}

/** The answer of saveReport. */
export interface SaveReportResult {
  report: ReportSummary | null;
  errors: FieldError[];
  errorCount: number;
}

/**
 * Saves a definition as the next version of its report (a new report when the key is new). A stale
 * `expectedVersion` is CONFLICT/STALE_REVISION; a new version of an existing report without one is
 * CONFLICT/REPORT_EXISTS; a bad definition answers field errors and stores nothing.
 */
export async function saveReport(
  context: CommandContext,
  input: { definition: unknown; expectedVersion: number | null | undefined },
): Promise<SaveReportResult> {
  await ensureReportsLoaded(context.em);
  return runCommand(context, 'saveReport', async (cmd) => {
    cmd.authorize(reportPolicy, 'edit', null);
    const known = new Set((await reportsInForce(cmd.tx)).map((report) => report.key));
    const checked = checkReportDefinition(withoutVersion(input.definition), known);
    if (!checked.definition) {
      return {
        report: null,
        errors: checked.errors.slice(0, MAX_FIELD_ERRORS),
        errorCount: checked.errors.length,
      };
    }
    const definition = checked.definition;
    await cmd.lock(reportLockKey(definition.key));
    const latest = await latestVersionNumber(cmd, definition.key);
    if (input.expectedVersion != null && input.expectedVersion !== latest) {
      throw Conflict('Der Bericht wurde inzwischen geändert. Bitte laden Sie die aktuelle Fassung.', {
        reason: 'STALE_REVISION',
        version: latest,
      });
    }
    if (input.expectedVersion == null && latest > 0) {
      throw Conflict(`Einen Bericht „${definition.key}“ gibt es schon.`, {
        reason: 'REPORT_EXISTS',
        version: latest,
      });
    }
    const version = await insertReportVersion(cmd, definition, 'EDITOR');
    cmd.audit({
      entityType: 'ReportDefinition',
      entityId: definition.key,
      details: { version, dataset: definition.dataset, title: definition.title },
    });
    return { report: summaryOf({ key: definition.key, version, definition }), errors: [], errorCount: 0 };
  });
}

import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Command, runCommand, SYSTEM_CALLER } from '../common/command.js';
import type { FieldError } from '../common/field-error.js';
import { canonicalHash } from '../common/hash.js';
import {
  checkDashboardDefinition,
  checkReportDefinition,
  type DashboardDefinition,
  type ReportDefinition,
} from './report-definition.js';

/** The folder of report definitions; dashboards live in its `dashboards/` folder. */
export const DEFAULT_REPORTS_DIR = 'reports';

export class ReportDefinitionError extends Error {
  override name = 'ReportDefinitionError';
}

/** A report version in force. */
export interface StoredReport {
  key: string;
  version: number;
  definition: ReportDefinition;
}

/** The report and dashboard files of a folder, checked. */
export interface ReportFiles {
  reports: ReportDefinition[];
  dashboards: DashboardDefinition[];
}

async function readJsonFiles(dir: string): Promise<{ file: string; value?: unknown; problem?: string }[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      try {
        return { file, value: JSON.parse(await readFile(file, 'utf8')) as unknown };
      } catch (error) {
        return { file, problem: `kein gültiges JSON (${(error as Error).message})` };
      }
    }),
  );
}

const describe = (file: string, errors: FieldError[]) =>
  `${file}:\n  ${errors.map((error) => `${error.path}: ${error.message}`).join('\n  ')}`;

/**
 * Reads and checks every report (`dir/*.json`) and dashboard (`dir/dashboards/*.json`). Everything is read
 * and checked before anything is refused; one error lists every problem of every file.
 */
export async function readReportFiles(dir = DEFAULT_REPORTS_DIR): Promise<ReportFiles> {
  const reportFiles = await readJsonFiles(dir);
  const dashboardFiles = await readJsonFiles(path.join(dir, 'dashboards'));
  const keys = new Set(
    reportFiles.flatMap((entry) => {
      const key = (entry.value as { key?: unknown } | undefined)?.key;
      return typeof key === 'string' ? [key] : [];
    }),
  );
  const problems: string[] = [];
  const reports: ReportDefinition[] = [];
  const seen = new Map<string, string>();
  for (const entry of reportFiles) {
    if (entry.problem) {
      problems.push(`${entry.file}: ${entry.problem}`);
      continue;
    }
    const checked = checkReportDefinition(entry.value, keys);
    if (!checked.definition) {
      problems.push(describe(entry.file, checked.errors));
      continue;
    }
    const expected = `${checked.definition.key}.json`;
    if (path.basename(entry.file) !== expected) {
      problems.push(`${entry.file}: Der Dateiname muss „${expected}“ lauten (wie der Schlüssel).`);
    }
    const other = seen.get(checked.definition.key);
    if (other)
      problems.push(`${entry.file}: Der Schlüssel „${checked.definition.key}“ steht schon in ${other}.`);
    seen.set(checked.definition.key, entry.file);
    reports.push(checked.definition);
  }
  const dashboards: DashboardDefinition[] = [];
  for (const entry of dashboardFiles) {
    if (entry.problem) {
      problems.push(`${entry.file}: ${entry.problem}`);
      continue;
    }
    const checked = checkDashboardDefinition(entry.value, keys);
    if (!checked.definition) problems.push(describe(entry.file, checked.errors));
    else dashboards.push(checked.definition);
  }
  if (problems.length > 0) {
    throw new ReportDefinitionError(
      `${problems.length} Berichts- bzw. Dashboarddefinitionen sind fehlerhaft:\n${problems.join('\n')}`,
    );
  }
  return { reports, dashboards };
}

/** Serialises versions of one report across app processes. */
export const reportLockKey = (key: string) => `report-definition:${key}`;

/** The highest version of `key`, or 0 when there is none. */
export async function latestVersionNumber(cmd: Command, key: string): Promise<number> {
  const [row] = await cmd.sql<{ version: number | null }>(
    'select max(version)::int as version from report_definition_version where key = ?',
    [key],
  );
  return row?.version ?? 0;
}

/** Stores a new version of a report; the caller holds the report's lock. */
export async function insertReportVersion(
  cmd: Command,
  definition: ReportDefinition,
  source: 'FILE' | 'EDITOR',
): Promise<number> {
  const version = (await latestVersionNumber(cmd, definition.key)) + 1;
  await cmd.sql(
    `insert into report_definition_version (id, created_by, created_by_name, key, version, definition, content_hash, source)
     values (?, ?, ?, ?, ?, ?::jsonb, ?, ?)`,
    [
      randomUUID(),
      cmd.caller.userId,
      cmd.caller.displayName,
      definition.key,
      version,
      JSON.stringify(definition),
      canonicalHash(definition),
      source,
    ],
  );
  return version;
}

/**
 * Puts the report files in force: a file whose content no stored version of its key has becomes a new
 * version (idempotent by content hash, so a restart changes nothing and a version saved in the editor
 * stays in force until its file changes). Answers the keys that got a new version.
 */
export async function loadReportDefinitions(em: EntityManager, files: ReportFiles): Promise<string[]> {
  const changed: string[] = [];
  for (const definition of files.reports) {
    const stored = await runCommand(
      { em: em.fork(), caller: SYSTEM_CALLER, requestId: 'start' },
      'loadReportDefinition',
      async (cmd) => {
        await cmd.lock(reportLockKey(definition.key));
        const [known] = await cmd.sql<{ version: number }>(
          'select version from report_definition_version where key = ? and content_hash = ? limit 1',
          [definition.key, canonicalHash(definition)],
        );
        if (known) {
          cmd.unchanged();
          return false;
        }
        const version = await insertReportVersion(cmd, definition, 'FILE');
        cmd.audit({
          entityType: 'ReportDefinition',
          entityId: definition.key,
          details: { version, source: 'FILE' },
        });
        return true;
      },
    );
    if (stored) changed.push(definition.key);
  }
  dashboardsInForce = files.dashboards;
  return changed;
}

let dashboardsInForce: DashboardDefinition[] | null = null;
const loadedOnce = new WeakMap<object, Promise<void>>();

/**
 * Makes sure the report files are loaded into the database `em` talks to (once per process and database):
 * the start does it, and processes started without it (tests) do it on first use.
 */
export function ensureReportsLoaded(em: EntityManager, dir = DEFAULT_REPORTS_DIR): Promise<void> {
  const client = em.getConnection().getKnex().client as object;
  let loading = loadedOnce.get(client);
  if (!loading) {
    loading = (async () => {
      await loadReportDefinitions(em, await readReportFiles(dir));
    })();
    loading.catch(() => loadedOnce.delete(client));
    loadedOnce.set(client, loading);
  }
  return loading;
}

/** Marks the database of `em` as loaded (the start loaded the files itself). */
export function markReportsLoaded(em: EntityManager): void {
  loadedOnce.set(em.getConnection().getKnex().client as object, Promise.resolve());
}

/** The dashboards of the files loaded last. */
export function dashboards(): DashboardDefinition[] {
  return dashboardsInForce ?? [];
}

/** Every report's version in force (the highest of its key), by key. */
export async function reportsInForce(em: EntityManager): Promise<StoredReport[]> {
  await ensureReportsLoaded(em);
  const rows = await em
    .getConnection()
    .execute<{ key: string; version: number; definition: ReportDefinition }[]>(
      `select distinct on (key) key, version, definition from report_definition_version order by key, version desc`,
    );
  return rows;
}

/** The version in force of one report, or null. */
export async function reportInForce(em: EntityManager, key: string): Promise<StoredReport | null> {
  await ensureReportsLoaded(em);
  const [row] = await em
    .getConnection()
    .execute<{ key: string; version: number; definition: ReportDefinition }[]>(
      `select key, version, definition from report_definition_version where key = ? order by version desc limit 1`,
      [key],
    );
  return row ?? null;
}

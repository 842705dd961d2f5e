import 'reflect-metadata';
import { chmod, mkdir, mkdtemp, rm, statfs, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../server/src/database/embedded-postgres.js';
import { ensureDatabase } from '../../server/src/database/ensure-database.js';
import { Role } from '../../server/src/common/context.js';
import { DEMO_USERS } from '../../server/src/users/demo-users.js';
import { COUNTY, fractionOf, generateReportData, hasLedger, type Scale, STATE } from './generate.js';
import {
  COUNTY_TARGETS,
  explainReports,
  formatTable,
  type Latency,
  measureReports,
  FROM_ENTRIES_SQL,
  measureSql,
  ms,
  type PlanSummary,
  REPORT_QUERY,
  reportVariables,
  type ReportMeasurement,
  STATE_TARGETS,
  type Targets,
  type Transport,
} from './measure.js';
import { type Child, freePort, signIn, startChild } from '../processes.js';

/**
 * `npm run bench:reports`: for each scale, a database of its own on one embedded PostgreSQL, the platform
 * (compiled, production mode) started on it so its migrations run, the synthetic data generated into it,
 * then every required report through GraphQL as the demo committee member beside the same aggregate as
 * hand-written SQL, with EXPLAIN ANALYZE of the SQL. Prints a Markdown table per scale.
 *
 * BENCH_REPORTS_SCALES (county,state), BENCH_REPORTS_STATE_FRACTION (1: the full state; e.g. 0.5 for half),
 * BENCH_REPORTS_ITERATIONS (30), BENCH_REPORTS_WARMUP (3), BENCH_REPORTS_YEAR (2025: the filter, one year,
 * all Sozialräume), BENCH_REPORTS_DATA_DIR (keep and reuse the generated databases), BENCH_JSON=<file> also
 * writes the figures as JSON.
 */
const ITERATIONS = Number(process.env.BENCH_REPORTS_ITERATIONS ?? 30);
const WARMUP = Number(process.env.BENCH_REPORTS_WARMUP ?? 3);
const YEAR = Number(process.env.BENCH_REPORTS_YEAR ?? 2025);
const STATE_FRACTION = Number(process.env.BENCH_REPORTS_STATE_FRACTION ?? 1);
/**
 * BENCH_REPORTS_DATA_DIR keeps the embedded PostgreSQL in that folder: a scale generated there once (with
 * the same seed and size) is measured again without generating it anew, after the platform's newer
 * migrations ran on it.
 */
const DATA_DIR = process.env.BENCH_REPORTS_DATA_DIR;
const SCALES = (process.env.BENCH_REPORTS_SCALES ?? 'county,state').split(',').map((name) => name.trim());
/** About the bytes one ledger entry takes with its indexes; the state scale needs about 10 million. */
const BYTES_PER_LEDGER_ENTRY = 400;

/** The bare stack's request: no resolver of ours runs, but HTTP, Apollo and the session do. */
const FLOOR_QUERY = JSON.stringify({ query: 'query BenchFloor { __typename }' });

const COMMITTEE_USER = DEMO_USERS.find((user) => user.roles.includes(Role.COMMITTEE))!;

/** Starts the compiled platform (production mode, demo users) on a database; it answers GraphQL when this returns. */
function startPlatform(databaseUrl: string): Promise<Child> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return startChild(
    'platform',
    path.join(here, '../../server/src/main.js'),
    {
      DATABASE_URL: databaseUrl,
      // The demo users give the bench a committee member to sign in as.
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      ALLOWED_HOSTS: 'localhost,127.0.0.1',
    },
    180_000,
  );
}

/** The state scale, or the fraction of it that the free disk allows (with room to spare). */
async function stateScale(dataDir: string): Promise<{ scale: Scale; note?: string }> {
  const disk = await statfs(dataDir);
  const freeBytes = disk.bavail * disk.bsize;
  const needed = STATE.ledgerEntries * BYTES_PER_LEDGER_ENTRY * 2;
  let fraction = STATE_FRACTION;
  let note: string | undefined;
  if (needed * fraction > freeBytes) {
    fraction = Math.floor((freeBytes / needed) * 10) / 10;
    note = `free disk ${(freeBytes / 1024 ** 3).toFixed(0)} GiB holds only ${fraction} of the state scale`;
  }
  if (fraction <= 0) throw new Error(note ?? 'no disk for the state scale');
  return fraction === 1 ? { scale: STATE } : { scale: fractionOf(STATE, fraction), note };
}

function printPlans(plans: PlanSummary[]): void {
  console.log('\nEXPLAIN ANALYZE of the hand-written queries:');
  for (const plan of plans) {
    console.log(`  ${plan.key}: ${plan.executionMs.toFixed(1)} ms`);
    for (const scan of plan.scans) console.log(`    ${scan}`);
  }
}

interface ScaleResult {
  scale: Scale;
  note?: string;
  generationSeconds: number;
  counts: Record<string, number>;
  databaseBytes: number;
  results: ReportMeasurement[];
  plans: PlanSummary[];
  targets: Targets;
  /** The budget reports summed from the entries instead of the monthly totals. */
  fromEntries: Record<string, Latency>;
  /** Whether the data was generated in an earlier run (BENCH_REPORTS_DATA_DIR). */
  reused: boolean;
}

/** What an earlier run generated into this database, if it was this scale (BENCH_REPORTS_DATA_DIR). */
async function earlierGeneration(
  client: pg.Client,
  scale: Scale,
): Promise<{ generationSeconds: number; counts: Record<string, number> } | null> {
  await client.query(
    'create table if not exists bench_reports_generated (scale jsonb primary key, seconds float8 not null, counts jsonb not null)',
  );
  const { rows } = await client.query<{ seconds: number; counts: Record<string, number> }>(
    'select seconds, counts from bench_reports_generated where scale = $1::jsonb',
    [JSON.stringify(scale)],
  );
  return rows[0] ? { generationSeconds: rows[0].seconds, counts: rows[0].counts } : null;
}

async function rememberGeneration(
  client: pg.Client,
  scale: Scale,
  seconds: number,
  counts: Record<string, number>,
): Promise<void> {
  await client.query(
    'insert into bench_reports_generated (scale, seconds, counts) values ($1::jsonb, $2, $3::jsonb) on conflict do nothing',
    [JSON.stringify(scale), seconds, JSON.stringify(counts)],
  );
}

async function runScale(
  database: Awaited<ReturnType<typeof startEmbeddedPostgres>>,
  scale: Scale,
  targets: Targets,
  note?: string,
): Promise<ScaleResult> {
  const name = `bench_reports_${scale.name.replace(/\W+/g, '_')}`;
  await ensureDatabase(database.adminUrl, name);
  console.log(`\n## ${scale.name}${note ? ` (${note})` : ''}`);
  console.log(
    `${scale.socialAreas} Sozialräume, ${scale.budgetYears} budget years, ${scale.offers} offers, ` +
      `${scale.ledgerEntries} ledger entries, ${scale.evaluations} evaluations`,
  );
  const platform = await startPlatform(database.urlFor(name));
  const client = new pg.Client({ connectionString: database.urlFor(name) });
  await client.connect();
  try {
    if (!(await hasLedger(client))) console.log('no ledger_entry table: the ledger reports cannot run');
    const earlier = await earlierGeneration(client, scale);
    let generationSeconds: number;
    let counts: Record<string, number>;
    if (earlier) {
      ({ generationSeconds, counts } = earlier);
      console.log(`reusing the data generated in an earlier run (${generationSeconds.toFixed(0)} s then)`);
      await client.query('analyze');
    } else {
      const started = performance.now();
      counts = await generateReportData(client, scale, {
        progress: (table, rows, seconds) =>
          console.log(`  ${table.padEnd(22)} ${String(rows).padStart(10)} rows  ${seconds.toFixed(1)} s`),
      });
      generationSeconds = (performance.now() - started) / 1000;
      await rememberGeneration(client, scale, generationSeconds, counts);
    }
    const { rows: size } = await client.query<{ bytes: string }>(
      'select pg_database_size(current_database()) as bytes',
    );
    const databaseBytes = Number(size[0].bytes);
    console.log(
      `generated in ${generationSeconds.toFixed(0)} s (with ANALYZE), database ${(databaseBytes / 1024 ** 3).toFixed(2)} GiB`,
    );

    const cookie = await signIn(platform.url, COMMITTEE_USER);
    const filters = { years: [YEAR] };
    const transport: Transport = {
      graphql: async (key, reportFilters) => {
        const response = await fetch(`${platform.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query: REPORT_QUERY, variables: reportVariables(key, reportFilters) }),
        });
        const body = (await response.json()) as {
          data?: { report?: { rows: unknown[] } | null } | null;
          errors?: { message: string; extensions?: { code?: string } }[];
        };
        if (body.errors?.length || !body.data?.report) {
          const first = body.errors?.[0];
          return {
            error: `${first?.extensions?.code ?? response.status}: ${first?.message ?? 'no report'}`,
          };
        }
        return { rows: body.data.report.rows.length };
      },
      sql: async (text, params) => (await client.query(text, params)).rowCount ?? 0,
      floor: async () => {
        const response = await fetch(`${platform.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: FLOOR_QUERY,
        });
        await response.json();
      },
    };
    const explain = async (text: string, params: unknown[]) =>
      (await client.query(text, params)).rows[0]['QUERY PLAN'] as unknown;
    const results = await measureReports(transport, { filters, iterations: ITERATIONS, warmup: WARMUP });
    const plans = await explainReports(explain, filters);
    console.log(
      `\nfilters: years=${YEAR}, all Sozialräume; ${ITERATIONS} requests each after ${WARMUP} warm-up, one at a time, ` +
        `GraphQL and SQL alternating; signed in as ${COMMITTEE_USER.email}\n`,
    );
    console.log(formatTable(results, targets));
    printPlans(plans);
    const fromEntries: Record<string, Latency> = {};
    if (await hasLedger(client)) {
      console.log(
        '\nthe budget reports summed from the entries instead of the monthly totals, hand-written SQL:',
      );
      for (const [key, text] of Object.entries(FROM_ENTRIES_SQL)) {
        fromEntries[key] = await measureSql(transport.sql, text, [filters.years], {
          iterations: ITERATIONS,
          warmup: WARMUP,
        });
        console.log(
          `  ${key}: p50 ${ms(fromEntries[key].p50)} ms, p95 ${ms(fromEntries[key].p95)} ms, ${fromEntries[key].rows} rows`,
        );
      }
    }
    return {
      scale,
      note,
      generationSeconds,
      counts,
      databaseBytes,
      results,
      plans,
      targets,
      fromEntries,
      reused: Boolean(earlier),
    };
  } finally {
    await client.end();
    await platform.stop();
  }
}

async function main() {
  const dataDir = DATA_DIR
    ? path.resolve(DATA_DIR)
    : await mkdtemp(path.join(os.tmpdir(), 'sozialraum-bench-reports-'));
  await mkdir(dataDir, { recursive: true });
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const scales: ScaleResult[] = [];
  try {
    const admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    const version = (await admin.query<{ server_version: string }>('show server_version')).rows[0]
      .server_version;
    await admin.end();
    console.log(
      `${os.availableParallelism()} cores (${os.cpus()[0]?.model.trim()}), ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB, ` +
        `Node ${process.version}, PostgreSQL ${version}, load average ${os
          .loadavg()
          .map((value) => value.toFixed(2))
          .join(' ')}`,
    );
    if (SCALES.includes('county')) scales.push(await runScale(database, COUNTY, COUNTY_TARGETS));
    if (SCALES.includes('state')) {
      const { scale, note } = await stateScale(dataDir);
      scales.push(await runScale(database, scale, STATE_TARGETS, note));
    }
    console.log(
      `\nload average at end: ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    if (process.env.BENCH_JSON) {
      await writeFile(
        process.env.BENCH_JSON,
        `${JSON.stringify({ date: new Date().toISOString(), postgres: version, scales }, null, 2)}\n`,
      );
      console.log(`figures written to ${process.env.BENCH_JSON}`);
    }
  } finally {
    await database.stop();
    if (!DATA_DIR) await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

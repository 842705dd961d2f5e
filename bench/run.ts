import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { compileFormValidator, deriveValues, type FormValues } from '../form-logic/index.js';
import { startEmbeddedPostgres } from '../server/src/database/embedded-postgres.js';
import { ensureDatabase } from '../server/src/database/ensure-database.js';
import { DEMO_PROVIDER_USER } from '../server/src/users/demo-users.js';
import { type Child, freePort, signIn, startChild } from './processes.js';

/**
 * Measures the platform against a bare-stack floor (bench/floor-server.ts) in one run, on one embedded
 * PostgreSQL (a database each), with the same GraphQL operations, and prints both with their ratio, the
 * servers' peak memory and whether the targets are met. Both servers run as compiled JS in processes of
 * their own, in production mode.
 *
 * BENCH_SECONDS (5) per measurement, BENCH_WARMUP_SECONDS (1) before each, BENCH_ROUNDS (2): repeat the
 * pairs, alternating which side goes first, and report medians; a ratio is the median of the ratios of
 * pairs measured back to back, which drifting load on a shared machine disturbs least. BENCH_JSON=<file> also writes the figures
 * as JSON. BENCH_FLOOR_HTTP=fastify serves the floor through Fastify, as the platform is, instead of Apollo's
 * standalone server. Exits with 1 when any request failed, since the figures are then meaningless.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 1);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 10;
const FORM_KEY = 'cost-calculation';
/** BENCH_ONLY=submitForm,formRead measures only these operations (for profiling one of them). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((id) => id.trim());
const FLOOR_HTTP = process.env.BENCH_FLOOR_HTTP === 'fastify' ? 'fastify' : 'standalone';

const TARGETS = {
  formReadRatio: 2,
  formsListRatio: 1,
  submitPerSecond: 1000,
  submitP99Ms: 50,
};

type Side = 'platform' | 'floor';

interface Scenario {
  id: 'formRead' | 'formsList' | 'submitForm';
  title: string;
  body(): string;
  /** Whether a 200 answer is a success: autocannon counts GraphQL errors in a 200 as success otherwise. */
  ok(body: string): boolean;
}

interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}

function scenarios(sampleData: unknown): Scenario[] {
  const submitQuery =
    'mutation($data: JSON!, $id: ID!) { submitForm(formKey: "cost-calculation", data: $data, clientSubmissionId: $id) ' +
    '{ submission { id } errors { path message } } }';
  // Serialised once: JSON.stringify of 10 KB per request would load the generator, which shares the cores.
  const submitPrefix = `{"query":${JSON.stringify(submitQuery)},"variables":{"data":${JSON.stringify(sampleData)},"id":"`;
  const noErrors = (body: string) => !body.includes('"errors":[{');
  return [
    {
      id: 'formRead',
      title: 'form read (Anlage 2 schema + uischema)',
      body: () => JSON.stringify({ query: `{ form(key: "${FORM_KEY}") { published { schema uischema } } }` }),
      ok: (body) => body.startsWith('{"data":{"form":{"published":{"schema":{') && noErrors(body),
    },
    {
      id: 'formsList',
      title: 'forms list (4 forms, no JSON)',
      body: () => JSON.stringify({ query: '{ forms { key title published { id number } } }' }),
      ok: (body) => body.startsWith('{"data":{"forms":[{') && noErrors(body),
    },
    {
      id: 'submitForm',
      title: 'submitForm Anlage 2 (platform: derive, validate, insert; floor: insert)',
      body: () => `${submitPrefix}${randomUUID()}"}}`,
      ok: (body) => body.includes('"submission":{"id":') && body.includes('"errors":[]'),
    },
  ];
}

async function measure(
  url: string,
  scenario: Scenario,
  seconds: number,
  headers: Record<string, string> = {},
): Promise<Measurement> {
  let failedBody: string | undefined;
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ setupRequest: (request) => ({ ...request, body: scenario.body() }) }],
    verifyBody: (body) => {
      const text = typeof body === 'string' ? body : (body?.toString() ?? '');
      const ok = scenario.ok(text);
      if (!ok) failedBody ??= text;
      return ok;
    },
  });
  // Every non-2xx answer also fails verifyBody, so mismatches already count them.
  const errors = result.errors + result.mismatches;
  if (failedBody !== undefined) console.warn(`  first failed answer: ${failedBody.slice(0, 300)}`);
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function combine(rounds: Measurement[]): Measurement {
  return {
    requestsPerSecond: median(rounds.map((m) => m.requestsPerSecond)),
    p50: median(rounds.map((m) => m.p50)),
    p99: median(rounds.map((m) => m.p99)),
    requests: rounds.reduce((sum, m) => sum + m.requests, 0),
    errors: rounds.reduce((sum, m) => sum + m.errors, 0),
  };
}

/** Peak and current resident memory of a process in MiB, from /proc (Linux). */
async function memoryOf(pid: number | undefined): Promise<{ peakMiB: number; currentMiB: number } | null> {
  if (pid === undefined) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { peakMiB: kib('VmHWM') / 1024, currentMiB: kib('VmRSS') / 1024 };
  } catch {
    return null;
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** Derived values and validation of one Anlage 2 submission, in this process, without HTTP or database. */
async function deriveAndValidatePerSecond(schema: Record<string, unknown>, sampleData: FormValues) {
  const validate = compileFormValidator(schema);
  const rounds = 2000;
  const started = performance.now();
  for (let i = 0; i < rounds; i++) {
    const derived = await deriveValues(schema, sampleData);
    validate(derived.data);
  }
  return rounds / ((performance.now() - started) / 1000);
}

const format = {
  rate: (value: number) => value.toFixed(0),
  ms: (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1)),
  ratio: (value: number) => `${value.toFixed(2)}×`,
  mib: (value: number) => `${value.toFixed(0)} MiB`,
};

function machine(pgVersionText: string) {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    node: process.version,
    postgres: pgVersionText,
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg().map((value) => Number(value.toFixed(2))),
  };
}

async function main() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const definition = JSON.parse(
    await readFile(path.resolve('form-definitions', `${FORM_KEY}.json`), 'utf8'),
  ) as {
    schema: Record<string, unknown>;
    sampleData: FormValues;
  };
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sozialraum-bench-'));
  await chmod(dataDir, 0o755);
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort() });
  const children: Child[] = [];
  let failed = false;
  try {
    const pgVersion = await postgresVersion(database.adminUrl);
    const host = machine(pgVersion);
    await ensureDatabase(database.adminUrl, 'bench_platform');
    await ensureDatabase(database.adminUrl, 'bench_floor');
    const platform = await startChild('platform', path.join(here, '../server/src/main.js'), {
      DATABASE_URL: database.urlFor('bench_platform'),
      // The demo master data and users give submitForm what it needs: a provider user with a Träger
      // (Anlage 2 is a provider form). Production loads them only when told to.
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      ALLOWED_HOSTS: 'localhost,127.0.0.1',
    });
    children.push(platform);
    const floor = await startChild('floor', path.join(here, 'floor-server.js'), {
      DATABASE_URL: database.urlFor('bench_floor'),
      FLOOR_HTTP,
    });
    children.push(floor);
    const sides: Record<Side, Child> = { platform, floor };
    const headers: Record<Side, Record<string, string>> = {
      platform: { cookie: await signIn(platform.url, DEMO_PROVIDER_USER) },
      floor: {},
    };

    console.log(
      `${host.cores} cores (${host.cpu}), ${host.memoryGiB} GiB, Node ${host.node}, PostgreSQL ${host.postgres}, ` +
        `load average ${host.loadAverageAtStart.join(' ')}`,
    );
    console.log(
      `autocannon, ${CONNECTIONS} connections, ${SECONDS} s per measurement after ${WARMUP_SECONDS} s warm-up, ` +
        `${ROUNDS} round(s)${ROUNDS > 1 ? ' (medians)' : ''}; floor on Apollo ` +
        (FLOOR_HTTP === 'fastify' ? 'with Fastify' : 'standalone'),
    );

    const list = scenarios(definition.sampleData).filter((scenario) => !ONLY || ONLY.includes(scenario.id));
    if (list.length === 0) throw new Error(`BENCH_ONLY names no operation: ${ONLY?.join(', ')}`);
    const collected = new Map<string, Measurement[]>();
    for (let round = 0; round < ROUNDS; round++) {
      const order: Side[] = round % 2 === 0 ? ['platform', 'floor'] : ['floor', 'platform'];
      for (const scenario of list) {
        for (const side of order) {
          if (WARMUP_SECONDS > 0) await measure(sides[side].url, scenario, WARMUP_SECONDS, headers[side]);
          const measurement = await measure(sides[side].url, scenario, SECONDS, headers[side]);
          const key = `${scenario.id}/${side}`;
          collected.set(key, [...(collected.get(key) ?? []), measurement]);
          console.log(
            `  ${scenario.id.padEnd(10)} ${side.padEnd(8)} ${format.rate(measurement.requestsPerSecond).padStart(6)} req/s  ` +
              `p50 ${format.ms(measurement.p50)} ms  p99 ${format.ms(measurement.p99)} ms  errors ${measurement.errors}`,
          );
        }
      }
    }

    const results = list.map((scenario) => {
      const platformRounds = collected.get(`${scenario.id}/platform`) ?? [];
      const floorRounds = collected.get(`${scenario.id}/floor`) ?? [];
      const ratios = platformRounds.map(
        (m, round) => m.requestsPerSecond / floorRounds[round].requestsPerSecond,
      );
      return {
        id: scenario.id,
        title: scenario.title,
        platform: combine(platformRounds),
        floor: combine(floorRounds),
        ratio: median(ratios),
        ratios,
      };
    });
    const memory = {
      platform: await memoryOf(platform.process.pid),
      floor: await memoryOf(floor.process.pid),
    };
    const deriveValidate = await deriveAndValidatePerSecond(definition.schema, definition.sampleData);

    const byId = Object.fromEntries(results.map((result) => [result.id, result]));
    const submit = byId.submitForm?.platform;
    const targets = [
      byId.formRead && {
        target: `form read ≥ ${TARGETS.formReadRatio}× floor`,
        actual: format.ratio(byId.formRead.ratio),
        met: byId.formRead.ratio >= TARGETS.formReadRatio,
      },
      byId.formsList && {
        target: `forms list ≥ ${TARGETS.formsListRatio}× floor`,
        actual: format.ratio(byId.formsList.ratio),
        met: byId.formsList.ratio >= TARGETS.formsListRatio,
      },
      submit && {
        target: `submitForm ≥ ${TARGETS.submitPerSecond} req/s`,
        actual: `${format.rate(submit.requestsPerSecond)} req/s`,
        met: submit.requestsPerSecond >= TARGETS.submitPerSecond,
      },
      submit && {
        target: `submitForm p99 < ${TARGETS.submitP99Ms} ms`,
        actual: `${format.ms(submit.p99)} ms`,
        met: submit.p99 < TARGETS.submitP99Ms,
      },
    ].filter((target) => !!target);

    console.log('');
    console.log(
      '| Operation | Platform req/s | p50 ms | p99 ms | errors | Floor req/s | p50 ms | p99 ms | errors | Ratio |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const result of results) {
      const cells = (m: Measurement) => [
        format.rate(m.requestsPerSecond),
        format.ms(m.p50),
        format.ms(m.p99),
        m.errors,
      ];
      console.log(
        `| ${result.title} | ${[...cells(result.platform), ...cells(result.floor), format.ratio(result.ratio)].join(' | ')} |`,
      );
    }
    const mib = (value: { peakMiB: number } | null) => (value ? format.mib(value.peakMiB) : 'n/a');
    console.log(`| peak memory (VmHWM) | ${mib(memory.platform)} | | | | ${mib(memory.floor)} | | | | |`);
    console.log('');
    console.log(`deriveValues + validate Anlage 2, in process: ${format.rate(deriveValidate)} ops/s`);
    console.log(
      `load average at end: ${os
        .loadavg()
        .map((value) => value.toFixed(2))
        .join(' ')}`,
    );
    for (const target of targets) {
      console.log(`target ${target.target}: ${target.actual} → ${target.met ? 'met' : 'NOT met'}`);
    }

    const errors = results.reduce((sum, result) => sum + result.platform.errors + result.floor.errors, 0);
    if (errors > 0) {
      failed = true;
      console.error(`\n${errors} requests failed; the figures above do not count. Server output:`);
      for (const child of children) console.error(`--- ${child.name}\n${child.output().slice(-3000)}`);
    }
    if (process.env.BENCH_JSON) {
      const report = {
        date: new Date().toISOString(),
        machine: { ...host, loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))) },
        settings: {
          connections: CONNECTIONS,
          seconds: SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          rounds: ROUNDS,
          floorHttp: FLOOR_HTTP,
        },
        results,
        memory,
        deriveValidatePerSecond: deriveValidate,
        targets,
      };
      await writeFile(process.env.BENCH_JSON, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`figures written to ${process.env.BENCH_JSON}`);
    }
  } finally {
    await Promise.all(children.map((child) => child.stop()));
    await database.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  if (failed) process.exitCode = 1;
}

await main();

import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { compileFormValidator, deriveValues, type FormValues } from '../form-logic/index.js';

/**
 * Prints throughput and latency of the GraphQL API (reads and validated submits) on loopback, and how
 * fast a Kalkulationsbogen is recomputed and validated. Figures only; nothing here passes or fails.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function load(title: string, url: string, body: () => string) {
  const result = await autocannon({
    url: `${url}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    connections: 10,
    duration: SECONDS,
    requests: [{ setupRequest: (request) => ({ ...request, body: body() }) }],
  });
  const errors = result.errors + result.non2xx;
  console.log(
    `${title.padEnd(44)} ${result.requests.average.toFixed(0).padStart(6)} req/s   ` +
      `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   errors ${errors}`,
  );
}

/** Starts the compiled server in a process of its own, so load generator and server do not share a core's event loop. */
async function startServer(dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/server/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_DB_PORT: String(await freePort()),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  const started = Date.now();
  while (!output.includes('läuft')) {
    if (child.exitCode !== null || Date.now() - started > 60_000)
      throw new Error(`Server did not start:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://localhost:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'sozialraum-bench-'));
  await chmod(dataDir, 0o755);
  const platform = await startServer(dataDir);
  try {
    const query = (q: string, variables?: unknown) => JSON.stringify({ query: q, variables });
    const versionResponse = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: query('{ form(key: "cost-calculation") { published { id schema sampleData } } }'),
    });
    const { data } = (await versionResponse.json()) as {
      data: { form: { published: { schema: Record<string, unknown>; sampleData: FormValues } } };
    };
    const version = data.form.published;

    console.log(
      `GraphQL on loopback, 10 connections, ${SECONDS} s each (Fastify + Apollo Server 5, production mode)`,
    );
    await load('{ __typename } (HTTP + GraphQL overhead only)', platform.url, () => query('{ __typename }'));
    await load('forms list with published versions', platform.url, () =>
      query('{ forms { key title published { id number } } }'),
    );
    await load('submitForm Anlage 2 (derive, validate, insert)', platform.url, () =>
      query(
        'mutation($data: JSON!, $id: ID!) { submitForm(formKey: "cost-calculation", data: $data, clientSubmissionId: $id) { errors { path } } }',
        { data: version.sampleData, id: randomUUID() },
      ),
    );

    const validate = compileFormValidator(version.schema);
    const rounds = 2000;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) {
      const derived = await deriveValues(version.schema, version.sampleData as FormValues);
      validate(derived.data);
    }
    const perSecond = rounds / ((performance.now() - started) / 1000);
    console.log(
      `${'deriveValues + validate Anlage 2 (in process)'.padEnd(44)} ${perSecond.toFixed(0).padStart(6)} ops/s`,
    );
  } finally {
    await platform.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();

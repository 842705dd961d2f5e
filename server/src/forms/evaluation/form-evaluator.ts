import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import {
  type FieldError,
  findDataLimitViolation,
  type FormValues,
  type JsonSchemaObject,
  maxArrayItemsOf,
} from '../../../../form-logic/index.js';
import { BadUserInput, LimitExceeded, ServiceUnavailable } from '../../common/errors.js';
import { CompiledForms, type EvaluationOutcome, type EvaluationTask, evaluateForm } from './evaluate-form.js';
import type { EvaluationStarted } from './evaluation-worker.js';

export interface FormEvaluatorOptions {
  /**
   * Worker threads that compute derived values and validate. 0 evaluates in the calling thread, with
   * the budget checked between expressions but no hard stop: only for trusted definitions (start-up).
   */
  workers: number;
  /** Time for all derived-field calculations of one evaluation (DERIVE_BUDGET_MS). */
  budgetMs: number;
  /** Items one list may have unless the form sets `x-maxArrayItems` (MAX_ARRAY_ITEMS). */
  maxArrayItems: number;
  /**
   * How long after the budget a worker that has not answered is ended. JSONata stops itself at the
   * budget; only a single native step that never yields needs this.
   */
  hardStopGraceMs?: number;
  /** Evaluations that may wait for a worker; beyond that, requests are refused as SERVICE_UNAVAILABLE. */
  maxQueue?: number;
  /** How long an evaluation may wait for a worker before it is refused as SERVICE_UNAVAILABLE. */
  queueTimeoutMs?: number;
}

/** The form version to evaluate against. */
export interface EvaluatedVersion {
  id: string;
  /** Changes with every edit of a draft; published versions keep theirs. */
  revision: number;
  schema: JsonSchemaObject;
  /** The schema as JSON text, when the caller has it (saves serialising it). */
  schemaJson?: string;
}

/** Submitted data with its derived values recomputed, and what is wrong with it. */
export interface FormEvaluation {
  data: FormValues;
  /** The first `MAX_FIELD_ERRORS` (100) field errors of calculation and validation. */
  errors: FieldError[];
  /** How many field errors there were in all. */
  errorCount: number;
  /** `data` as JSON text. */
  dataJson: string;
  /** Set when asked for: `canonicalHash({ ...fingerprint, data })` of the data as sent. */
  fingerprint?: string;
}

const DEFAULT_HARD_STOP_GRACE_MS = 200;
const DEFAULT_QUEUE_TIMEOUT_MS = 10_000;
/** Worker heap: enough for any definition within the size limits, not for a runaway expression. */
const WORKER_HEAP_MB = 256;

/**
 * Recomputes derived values and validates submitted data off the event loop, in a pool of worker
 * threads, so a slow calculation never stalls other requests. Each worker keeps the parsed schema,
 * the compiled validator and the parsed expressions of a version by id and revision (published
 * versions are immutable, an edited draft gets a new revision), so a version is compiled once per
 * thread. Work per request is bounded: lists longer than the form's limit and data nested too deep
 * are refused before anything is computed, all expressions of one evaluation share one time budget
 * (counted from when a worker has the version compiled), a worker stuck in one native step is ended
 * shortly after it, and at most 100 field errors are returned with their full count.
 *
 * Memory: each worker's heap is limited, but Node ends only the worker on most, not all, ways of
 * running out (one huge allocation can still end the process); `$pad`, a built-in that
 * allocates its whole result in one step from a small input, is bounded in form-logic.
 */
export class FormEvaluator {
  private readonly pool: Piscina | null;
  private readonly inProcess: CompiledForms | null;
  private readonly serialized = new WeakMap<JsonSchemaObject, string>();
  private readonly hardStopGraceMs: number;
  private readonly queueTimeoutMs: number;
  private readonly onStarted = new Map<number, () => void>();
  private lastTaskId = 0;

  constructor(
    private readonly options: FormEvaluatorOptions,
    private readonly log: (message: string, error: unknown) => void = () => {},
  ) {
    this.hardStopGraceMs = options.hardStopGraceMs ?? DEFAULT_HARD_STOP_GRACE_MS;
    this.queueTimeoutMs = options.queueTimeoutMs ?? DEFAULT_QUEUE_TIMEOUT_MS;
    if (options.workers === 0) {
      this.pool = null;
      this.inProcess = new CompiledForms();
      return;
    }
    this.inProcess = null;
    this.pool = new Piscina({
      ...workerScript(),
      minThreads: options.workers,
      maxThreads: options.workers,
      maxQueue: options.maxQueue ?? Math.max(64, options.workers * 32),
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    this.pool.on('message', (message: Partial<EvaluationStarted>) => {
      if (typeof message.evaluationStarted === 'number') this.onStarted.get(message.evaluationStarted)?.();
    });
    // A worker that dies between tasks is replaced by the pool; without a listener the event would end the process.
    this.pool.on('error', (error) => this.log('Form evaluation worker failed', error));
  }

  /**
   * Recomputes the derived values of `data` for `version` and validates the result.
   * @param options.signal ends the evaluation early (e.g. the request was cancelled)
   * @param options.fingerprint asks for `fingerprint`, the hash of these values and `data` as sent,
   *   computed in the worker too
   * @throws LIMIT_EXCEEDED (`extensions.limit`): `MAX_ARRAY_ITEMS` when a list has more items than the
   *   form allows (with `path` and `maxItems`), `DERIVE_BUDGET` when the calculations do not finish
   *   within the budget, `DERIVE_MEMORY` when they need more memory than a worker has;
   *   BAD_USER_INPUT when `data` is not an object, or nested deeper than `MAX_DATA_DEPTH`
   *   (`extensions.limit` = `MAX_DATA_DEPTH`); SERVICE_UNAVAILABLE when too many evaluations are
   *   waiting or the evaluator is closing
   */
  async evaluate(
    version: EvaluatedVersion,
    data: unknown,
    options: { signal?: AbortSignal; fingerprint?: Record<string, unknown> } = {},
  ): Promise<FormEvaluation> {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw BadUserInput('Die Formulardaten müssen ein JSON-Objekt sein.');
    }
    const values = data as FormValues;
    refuseOversizedData(values, maxArrayItemsOf(version.schema, this.options.maxArrayItems));
    const task: EvaluationTask = {
      key: `${version.id}:${version.revision}`,
      schemaJson: version.schemaJson ?? this.schemaJsonOf(version.schema),
      data: values,
      budgetMs: this.options.budgetMs,
      ...(options.fingerprint ? { fingerprint: options.fingerprint } : {}),
    };
    const outcome = this.pool
      ? await this.runInWorker(this.pool, task, options.signal)
      : await evaluateForm(this.inProcess!, { ...task, data: structuredClone(values) });
    if (outcome.status === 'budget-exceeded') throw this.budgetExceeded();
    const { status: _status, ...evaluation } = outcome;
    return evaluation;
  }

  /** Waits for running evaluations, then ends the workers. */
  async close(): Promise<void> {
    await this.pool?.close();
  }

  private async runInWorker(
    pool: Piscina,
    task: EvaluationTask,
    signal?: AbortSignal,
  ): Promise<EvaluationOutcome> {
    const id = (this.lastTaskId += 1);
    const stop = new AbortController();
    // First the wait for a free worker (and its first compile of the version) is bounded, then the budget.
    const state = { running: false };
    let timer = setTimeout(() => stop.abort(), this.queueTimeoutMs);
    this.onStarted.set(id, () => {
      state.running = true;
      clearTimeout(timer);
      timer = setTimeout(() => stop.abort(), task.budgetMs + this.hardStopGraceMs);
    });
    try {
      return (await pool.run(
        { ...task, id },
        { signal: signal ? AbortSignal.any([signal, stop.signal]) : stop.signal },
      )) as EvaluationOutcome;
    } catch (error) {
      if (stop.signal.aborted) {
        throw state.running ? this.budgetExceeded() : this.overloaded('EVALUATION_QUEUE_TIMEOUT');
      }
      if (signal?.aborted) throw signal.reason ?? error;
      throw this.describePoolError(error);
    } finally {
      clearTimeout(timer);
      this.onStarted.delete(id);
    }
  }

  private describePoolError(error: unknown): unknown {
    const { message, code } = (error ?? {}) as { message?: unknown; code?: unknown };
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return LimitExceeded(
        'Die Berechnungen dieses Formulars brauchen zu viel Speicher. Bitte wenden Sie sich an die ' +
          'Fachadministration des Formulars.',
        'DERIVE_MEMORY',
      );
    }
    if (message === 'Task queue is at limit') return this.overloaded('EVALUATION_QUEUE_FULL');
    // The pool refuses and aborts tasks while it closes: the process is shutting down.
    if (error instanceof Error && error.name === 'AbortError') {
      return ServiceUnavailable(undefined, { reason: 'SHUTTING_DOWN' });
    }
    return error;
  }

  private overloaded(reason: string) {
    return ServiceUnavailable('Der Server ist gerade ausgelastet. Bitte versuchen Sie es in Kürze erneut.', {
      reason,
    });
  }

  private budgetExceeded() {
    return LimitExceeded(
      `Die Berechnungen dieses Formulars haben das Zeitbudget von ${this.options.budgetMs} ms überschritten. ` +
        'Bitte wenden Sie sich an die Fachadministration des Formulars.',
      'DERIVE_BUDGET',
      { budgetMs: this.options.budgetMs },
    );
  }

  private schemaJsonOf(schema: JsonSchemaObject): string {
    let json = this.serialized.get(schema);
    if (json === undefined) {
      json = JSON.stringify(schema);
      this.serialized.set(schema, json);
    }
    return json;
  }
}

function refuseOversizedData(data: FormValues, maxItems: number): void {
  const violation = findDataLimitViolation(data, maxItems);
  if (!violation) return;
  if (violation.limit === 'MAX_DATA_DEPTH') {
    throw BadUserInput(
      `Die Formulardaten sind zu tief verschachtelt (höchstens ${violation.maxDepth} Ebenen).`,
      { limit: violation.limit, maxDepth: violation.maxDepth, path: violation.path },
    );
  }
  throw LimitExceeded(
    `Die Liste „${violation.path}“ hat ${violation.items} Einträge; dieses Formular erlaubt höchstens ` +
      `${violation.maxItems} Einträge pro Liste.`,
    violation.limit,
    { path: violation.path, maxItems: violation.maxItems },
  );
}

/**
 * The worker module next to this one. Under the test runner the sources are TypeScript, which a worker
 * thread loads through tsx; the built server runs the compiled JavaScript.
 */
function workerScript(): { filename: string; execArgv?: string[] } {
  if (import.meta.url.endsWith('.ts')) {
    return {
      filename: fileURLToPath(new URL('./evaluation-worker.ts', import.meta.url)),
      execArgv: ['--import', 'tsx'],
    };
  }
  return { filename: fileURLToPath(new URL('./evaluation-worker.js', import.meta.url)) };
}

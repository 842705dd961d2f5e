import type { Ajv } from 'ajv';
import {
  capFieldErrors,
  compileFormValidator,
  createFormAjv,
  DeriveBudgetExceeded,
  deriveValues,
  type FieldError,
  type FormValidator,
  type FormValues,
  type JsonSchemaObject,
} from '../../../../form-logic/index.js';
import { canonicalHash } from '../../common/hash.js';

/** One evaluation as handed to a worker: plain data, cheap to pass between threads. */
export interface EvaluationTask {
  /** Identifies the schema: `<version id>:<revision>` (a published version never changes). */
  key: string;
  /** The schema as JSON text; parsed and compiled only when this thread has not seen `key` yet. */
  schemaJson: string;
  data: FormValues;
  /** Time for all derived-field calculations, counted from the start of the evaluation. */
  budgetMs: number;
  /**
   * When set, the outcome carries `fingerprint`: `canonicalHash({ ...fingerprint, data })` of the data as
   * sent, before any derived value is computed (tells a retry from another submission).
   */
  fingerprint?: Record<string, unknown>;
}

export type EvaluationOutcome =
  | {
      status: 'done';
      data: FormValues;
      /** `data` as JSON text, ready to store (serialised here, off the thread that serves requests). */
      dataJson: string;
      errors: FieldError[];
      errorCount: number;
      fingerprint?: string;
    }
  | { status: 'budget-exceeded' };

interface CompiledForm {
  schema: JsonSchemaObject;
  validate: FormValidator;
}

/**
 * The parsed schemas and compiled validators of one thread, by key. Least recently used entries go
 * first, and their compiled code leaves Ajv's own cache with them, so old drafts do not pile up.
 * (The parsed JSONata expressions are cached by their text in form-logic.)
 */
export class CompiledForms {
  private readonly forms = new Map<string, CompiledForm>();
  private readonly ajv: Ajv = createFormAjv();

  constructor(private readonly maxEntries = 200) {}

  get(key: string, schemaJson: string): CompiledForm {
    const cached = this.forms.get(key);
    if (cached) {
      this.forms.delete(key);
      this.forms.set(key, cached);
      return cached;
    }
    const schema = JSON.parse(schemaJson) as JsonSchemaObject;
    const compiled = { schema, validate: compileFormValidator(schema, this.ajv) };
    if (this.forms.size >= this.maxEntries) {
      const [oldestKey, oldest] = this.forms.entries().next().value!;
      this.forms.delete(oldestKey);
      this.ajv.removeSchema(oldest.schema);
    }
    this.forms.set(key, compiled);
    return compiled;
  }

  get size(): number {
    return this.forms.size;
  }
}

/**
 * Recomputes the derived values of `task.data` and validates the result: the field errors of both,
 * the first `MAX_FIELD_ERRORS` of them with their full count. Calculations that overrun the budget
 * end the evaluation without a result. The budget starts once the version is compiled (the first
 * use of a version in a thread compiles it; its size was limited when it was published), and
 * `onBudgetStart` is called then.
 */
export async function evaluateForm(
  forms: CompiledForms,
  task: EvaluationTask,
  onBudgetStart: () => void = () => {},
): Promise<EvaluationOutcome> {
  const form = forms.get(task.key, task.schemaJson);
  const fingerprint = task.fingerprint && canonicalHash({ ...task.fingerprint, data: task.data });
  onBudgetStart();
  const deadline = Date.now() + task.budgetMs;
  let derived;
  try {
    // The task's data is this thread's own copy (it was cloned on the way here).
    derived = await deriveValues(form.schema, task.data, { deadline, inPlace: true });
  } catch (error) {
    if (error instanceof DeriveBudgetExceeded) return { status: 'budget-exceeded' };
    throw error;
  }
  const errors = [...derived.errors, ...form.validate(derived.data)];
  return {
    status: 'done',
    data: derived.data,
    dataJson: JSON.stringify(derived.data),
    ...capFieldErrors(errors),
    ...(fingerprint ? { fingerprint } : {}),
  };
}

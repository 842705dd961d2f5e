import { parentPort } from 'node:worker_threads';
import { CompiledForms, type EvaluationOutcome, type EvaluationTask, evaluateForm } from './evaluate-form.js';

/** Posted by a worker when an evaluation's time budget starts (after compiling the version if needed). */
export interface EvaluationStarted {
  evaluationStarted: number;
}

// One per worker thread: each thread compiles a version's schema and expressions once.
const forms = new CompiledForms();

/** The task function of the evaluation pool (see `FormEvaluator`). */
export default function evaluate(task: EvaluationTask & { id: number }): Promise<EvaluationOutcome> {
  return evaluateForm(forms, task, () =>
    parentPort?.postMessage({ evaluationStarted: task.id } satisfies EvaluationStarted),
  );
}

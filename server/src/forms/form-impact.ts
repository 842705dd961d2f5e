import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import {
  checkFormDefinition,
  checkProcessContract,
  type FieldError,
  type JsonSchemaObject,
} from '../../../form-logic/index.js';
import { ErrorCode } from '../common/errors.js';
import type { FormEvaluator } from './evaluation/form-evaluator.js';
import { type RecordRow, sourcesOf } from './form-impact-sources.js';

/** Records read per query: the check streams through the stored records in batches of this size. */
export const IMPACT_BATCH_SIZE = 500;
/** Evaluations in flight at once (the evaluator's worker pool queues the rest). */
const IMPACT_CONCURRENCY = 8;
export const MAX_IMPACT_REASONS = 20;
export const MAX_IMPACT_EXAMPLES = 10;
/** Field errors shown per example. */
export const MAX_EXAMPLE_ERRORS = 10;

/** A version to check records with: its id, revision (drafts change) and schema. */
export interface ImpactVersion {
  id: string;
  revision: number;
  schema: JsonSchemaObject;
}

export interface FormImpactGroupResult {
  kind: string;
  label: string;
  checked: number;
  failing: number;
}

export interface FormImpactReasonResult {
  path: string;
  message: string;
  count: number;
}

export interface FormImpactExampleResult {
  kind: string;
  label: string;
  recordId: string;
  errors: FieldError[];
}

export interface FormImpactResult {
  checked: number;
  failing: number;
  groups: FormImpactGroupResult[];
  reasons: FormImpactReasonResult[];
  examples: FormImpactExampleResult[];
  definitionErrors: FieldError[];
  contractErrors: FieldError[];
}

const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const errorKey = (error: FieldError) => `${error.path}\n${error.message}`;
// Reasons are counted per field, not per list entry: the index in `/goals/3/goal` becomes `*`.
const reasonPath = (path: string) => path.replace(/\/\d+(?=\/|$)/g, '/*');

/**
 * The impact check: validates the records bound to the form's version in force (submissions, drafts
 * saved on the server and the latest submitted revisions of applications, scores and evaluations)
 * against `draft`, with the evaluator that validates submits (derived values recomputed, the same Ajv
 * options). A submitted record counts every error; a draft only errors it does not already have under
 * the version in force (compared by path and message), so a half-filled draft is not "broken" by the
 * new version. Records are read in batches of `IMPACT_BATCH_SIZE`. A draft whose definition has
 * problems is not run against records: its problems are reported instead.
 */
export async function checkFormImpact(input: {
  em: EntityManager;
  evaluator: FormEvaluator;
  formKey: string;
  draft: ImpactVersion & { uischema: unknown };
  inForce: ImpactVersion | null;
  signal?: AbortSignal;
}): Promise<FormImpactResult> {
  const { em, evaluator, formKey, draft, inForce } = input;
  const definitionErrors = await checkFormDefinition({ schema: draft.schema, uischema: draft.uischema });
  const contractErrors = checkProcessContract(formKey, draft);
  const result: FormImpactResult = {
    checked: 0,
    failing: 0,
    groups: [],
    reasons: [],
    examples: [],
    definitionErrors,
    contractErrors,
  };
  if (!inForce || definitionErrors.length > 0) return result;

  const reasons = new Map<string, FormImpactReasonResult>();
  const errorsUnder = async (version: ImpactVersion, data: unknown): Promise<FieldError[]> => {
    try {
      return (await evaluator.evaluate(version, data, { signal: input.signal })).errors;
    } catch (error) {
      const refusal = refusalOf(error);
      if (refusal) return [refusal];
      throw error;
    }
  };

  for (const source of sourcesOf(formKey)) {
    const group: FormImpactGroupResult = { kind: source.kind, label: source.label, checked: 0, failing: 0 };
    for (let after = FIRST_ID; ;) {
      const rows = await em.execute<RecordRow[]>(source.sql, [inForce.id, after, IMPACT_BATCH_SIZE]);
      if (rows.length === 0) break;
      after = rows[rows.length - 1]!.id;
      await forEachLimited(rows, IMPACT_CONCURRENCY, async (row) => {
        const data = JSON.parse(row.data) as unknown;
        let errors = await errorsUnder(draft, data);
        if (source.draft && errors.length > 0) {
          const before = new Set((await errorsUnder(inForce, data)).map(errorKey));
          errors = errors.filter((error) => !before.has(errorKey(error)));
        }
        group.checked += 1;
        if (errors.length === 0) return;
        group.failing += 1;
        const counted = new Set<string>();
        for (const error of errors) {
          const path = reasonPath(error.path);
          const key = `${path}\n${error.message}`;
          if (counted.has(key)) continue;
          counted.add(key);
          const reason = reasons.get(key) ?? { path, message: error.message, count: 0 };
          reason.count += 1;
          reasons.set(key, reason);
        }
        if (result.examples.length < MAX_IMPACT_EXAMPLES) {
          result.examples.push({
            kind: source.kind,
            label: source.name(row),
            recordId: row.id,
            errors: errors.slice(0, MAX_EXAMPLE_ERRORS),
          });
        }
      });
      if (rows.length < IMPACT_BATCH_SIZE) break;
    }
    result.groups.push(group);
    result.checked += group.checked;
    result.failing += group.failing;
  }
  result.reasons = [...reasons.values()]
    .sort((a, b) => b.count - a.count || a.path.localeCompare(b.path) || a.message.localeCompare(b.message))
    .slice(0, MAX_IMPACT_REASONS);
  return result;
}

/**
 * A record the evaluator refuses outright (a list longer than the new version allows, data nested too
 * deep, calculations over budget) fails the new version; the refusal is its error.
 */
function refusalOf(error: unknown): FieldError | null {
  if (!(error instanceof GraphQLError)) return null;
  const code = error.extensions?.code;
  if (code !== ErrorCode.LimitExceeded && code !== ErrorCode.BadUserInput) return null;
  const path = error.extensions?.path;
  return { path: typeof path === 'string' ? path : '', message: error.message };
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

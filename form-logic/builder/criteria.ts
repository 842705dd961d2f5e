/**
 * The criteria of a scoring sheet (Anlage 3): `schema.properties.scores.properties.<key>` with an
 * `x-weight` and a `score` whose `minimum`/`maximum` and described anchors (`oneOf` of `{const,title}`)
 * are kept in step, plus a `comment`. Shown as one Group per criterion (label = the criterion's title).
 */
import { WEIGHT_KEYWORD } from '../ajv.js';
import { isPlainObject } from '../json-pointer.js';
import type { FieldError, FormDefinition, JsonSchemaObject, UiSchema } from '../types.js';
import { listCriteria } from '../weighted-score.js';

export const SCORES_POINTER = '/properties/scores';

/** One described point of a scale. */
export interface ScaleAnchor {
  value: number;
  title: string;
}

export type CriterionOp =
  | {
      op: 'addCriterion';
      key: string;
      title: string;
      description?: string;
      weight: number;
      /** Defaults to the scale of the last criterion. */
      scale?: ScaleAnchor[];
    }
  | { op: 'updateCriterion'; key: string; title?: string; description?: string | null; weight?: number }
  | { op: 'removeCriterion'; key: string }
  /** Sets the scale of one criterion, or of all when `key` is omitted. */
  | { op: 'setScale'; key?: string; scale: ScaleAnchor[] };

const DEFAULT_SCALE: ScaleAnchor[] = [
  { value: 0, title: '0 – nicht erkennbar' },
  { value: 1, title: '1 – in Ansätzen erfüllt' },
  { value: 2, title: '2 – teilweise erfüllt' },
  { value: 3, title: '3 – weitgehend erfüllt' },
  { value: 4, title: '4 – in vollem Umfang erfüllt' },
];

const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** The scale of a criterion schema (its `score`'s anchors). */
export function scaleOf(criterion: unknown): ScaleAnchor[] {
  const score =
    isPlainObject(criterion) && isPlainObject(criterion.properties) ? criterion.properties.score : undefined;
  if (!isPlainObject(score) || !Array.isArray(score.oneOf)) return [];
  return score.oneOf.filter(isPlainObject).map((option) => ({
    value: Number(option.const),
    title: typeof option.title === 'string' ? option.title : String(option.const),
  }));
}

function checkScale(scale: ScaleAnchor[]): string | undefined {
  if (scale.length < 2) return 'Eine Skala braucht mindestens zwei Stufen.';
  for (const [index, anchor] of scale.entries()) {
    if (!Number.isInteger(anchor.value)) return 'Die Stufen einer Skala sind ganze Zahlen.';
    if (anchor.title.trim() === '') return `Die Stufe ${anchor.value} braucht eine Beschreibung.`;
    if (index > 0 && anchor.value <= scale[index - 1]!.value)
      return 'Die Stufen müssen aufsteigend und verschieden sein.';
  }
  if (scale[scale.length - 1]!.value <= 0) return 'Die höchste Stufe muss größer als 0 sein.';
  return undefined;
}

function writeScale(score: JsonSchemaObject, scale: ScaleAnchor[]): void {
  score.minimum = scale[0]!.value;
  score.maximum = scale[scale.length - 1]!.value;
  score.oneOf = scale.map((anchor) => ({ const: anchor.value, title: anchor.title }));
}

/** The Group of the UI schema that shows a criterion (holds its score control). */
function criterionGroup(uischema: UiSchema, key: string): { parent: UiSchema[]; index: number } | undefined {
  const scope = `#/properties/scores/properties/${key}/properties/score`;
  let found: { parent: UiSchema[]; index: number } | undefined;
  const walk = (element: unknown) => {
    if (found || !isPlainObject(element) || !Array.isArray(element.elements)) return;
    for (const [index, child] of element.elements.entries()) {
      if (
        isPlainObject(child) &&
        Array.isArray(child.elements) &&
        child.elements.some((grandChild) => isPlainObject(grandChild) && grandChild.scope === scope)
      ) {
        found = { parent: element.elements as UiSchema[], index };
        return;
      }
      walk(child);
    }
  };
  walk(uischema);
  return found;
}

/** Applies a criterion operation to a (cloned, owned) definition; returns problems instead of changing on error. */
export function applyCriterionOp(definition: FormDefinition, op: CriterionOp): FieldError[] {
  const scores = isPlainObject(definition.schema.properties)
    ? definition.schema.properties.scores
    : undefined;
  if (!isPlainObject(scores) || !isPlainObject(scores.properties)) {
    return [{ path: '/schema', message: 'Dieses Formular hat keine Kriterien („scores“).' }];
  }
  const criteria = scores.properties as Record<string, JsonSchemaObject>;
  const at = (key: string) => `/schema${SCORES_POINTER}/properties/${key}`;
  const problem = (path: string, message: string): FieldError[] => [{ path, message }];
  if (op.op !== 'addCriterion' && op.key !== undefined && !isPlainObject(criteria[op.key])) {
    return problem(at(op.key), `Es gibt kein Kriterium „${op.key}“.`);
  }
  const checkWeight = (weight: number | undefined) =>
    weight !== undefined && (!Number.isFinite(weight) || weight <= 0)
      ? 'Die Gewichtung muss eine Zahl größer als 0 sein.'
      : undefined;
  const sampleScores = isPlainObject(definition.sampleData.scores) ? definition.sampleData.scores : undefined;

  switch (op.op) {
    case 'addCriterion': {
      if (!KEY_PATTERN.test(op.key))
        return problem(
          at(op.key),
          'Der Schlüssel besteht aus Buchstaben, Ziffern und „_“ und beginnt mit einem Buchstaben.',
        );
      if (op.key in criteria) return problem(at(op.key), `Es gibt schon ein Feld „${op.key}“.`);
      if (op.title.trim() === '') return problem(at(op.key), 'Das Kriterium braucht eine Bezeichnung.');
      const weightProblem = checkWeight(op.weight);
      if (weightProblem) return problem(at(op.key), weightProblem);
      const existing = listCriteria(scores);
      const scale =
        op.scale ??
        (existing.length > 0 ? scaleOf(criteria[existing[existing.length - 1]!.key]) : DEFAULT_SCALE);
      const scaleProblem = checkScale(scale);
      if (scaleProblem) return problem(at(op.key), scaleProblem);
      const score: JsonSchemaObject = { type: 'integer', title: 'Bewertung' };
      writeScale(score, scale);
      const criterion: JsonSchemaObject = { type: 'object', title: op.title };
      if (op.description) criterion.description = op.description;
      criterion[WEIGHT_KEYWORD] = op.weight;
      criterion.additionalProperties = false;
      criterion.required = ['score'];
      criterion.properties = { score, comment: { type: 'string', title: 'Begründung', maxLength: 2000 } };
      criteria[op.key] = criterion;
      scores.required = [...(Array.isArray(scores.required) ? scores.required : []), op.key];
      const group: UiSchema = {
        type: 'Group',
        label: op.title,
        elements: [
          {
            type: 'Control',
            scope: `#/properties/scores/properties/${op.key}/properties/score`,
            options: { format: 'radio' },
          },
          {
            type: 'Control',
            scope: `#/properties/scores/properties/${op.key}/properties/comment`,
            options: { multi: true },
          },
        ],
      };
      const last =
        existing.length > 0
          ? criterionGroup(definition.uischema, existing[existing.length - 1]!.key)
          : undefined;
      if (last) last.parent.splice(last.index + 1, 0, group);
      else if (Array.isArray(definition.uischema.elements)) definition.uischema.elements.push(group);
      if (sampleScores) sampleScores[op.key] = { score: scale[0]!.value };
      return [];
    }
    case 'updateCriterion': {
      const criterion = criteria[op.key]!;
      const weightProblem = checkWeight(op.weight);
      if (weightProblem) return problem(`${at(op.key)}/${WEIGHT_KEYWORD}`, weightProblem);
      if (op.title !== undefined) {
        if (op.title.trim() === '')
          return problem(`${at(op.key)}/title`, 'Das Kriterium braucht eine Bezeichnung.');
        const group = criterionGroup(definition.uischema, op.key);
        const element = group ? group.parent[group.index]! : undefined;
        if (element && (element.label === undefined || element.label === criterion.title))
          element.label = op.title;
        criterion.title = op.title;
      }
      if (op.description === null) delete criterion.description;
      else if (op.description !== undefined) criterion.description = op.description;
      if (op.weight !== undefined) criterion[WEIGHT_KEYWORD] = op.weight;
      return [];
    }
    case 'removeCriterion': {
      if (listCriteria(scores).length <= 1) {
        return problem(at(op.key), 'Ein Bewertungsbogen braucht mindestens ein Kriterium.');
      }
      delete criteria[op.key];
      if (Array.isArray(scores.required)) scores.required = scores.required.filter((key) => key !== op.key);
      const group = criterionGroup(definition.uischema, op.key);
      if (group) group.parent.splice(group.index, 1);
      if (sampleScores) delete sampleScores[op.key];
      return [];
    }
    case 'setScale': {
      const scaleProblem = checkScale(op.scale);
      const keys = op.key !== undefined ? [op.key] : listCriteria(scores).map((criterion) => criterion.key);
      if (scaleProblem)
        return problem(op.key !== undefined ? at(op.key) : `/schema${SCORES_POINTER}`, scaleProblem);
      for (const key of keys) {
        const score = isPlainObject(criteria[key]!.properties) ? criteria[key]!.properties!.score : undefined;
        if (!isPlainObject(score)) return problem(at(key), `Das Kriterium „${key}“ hat kein Feld „score“.`);
        writeScale(score, op.scale);
        const sample = sampleScores?.[key];
        if (
          isPlainObject(sample) &&
          typeof sample.score === 'number' &&
          !op.scale.some((anchor) => anchor.value === sample.score)
        ) {
          sample.score = op.scale[op.scale.length - 1]!.value;
        }
      }
      return [];
    }
  }
}

import {
  builder,
  type FormDefinition,
  type FormValues,
  listCriteria,
  weightedScore,
  WEIGHT_KEYWORD,
} from '../../../form-logic/index.js';

/** One criterion as the criteria editor shows it. */
export interface CriterionEntry {
  key: string;
  title: string;
  description: string;
  weight: number;
  /** The top of the scale (for the share of the total). */
  maxScore: number;
  /** Share of this criterion in the weighted total, in percent (weight × top of scale / Σ). */
  share: number;
  scale: builder.ScaleAnchor[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema of the `scores` object of a scoring sheet, or undefined when the form has none. */
export const scoresSchemaOf = (
  definition: Pick<FormDefinition, 'schema'>,
): Record<string, unknown> | undefined => {
  const scores = isObject(definition.schema.properties) ? definition.schema.properties.scores : undefined;
  return isObject(scores) && isObject(scores.properties) ? scores : undefined;
};

/** Whether the form is a scoring sheet with weighted criteria (the builder then shows the tab „Kriterien“). */
export const hasCriteria = (definition: Pick<FormDefinition, 'schema'>): boolean =>
  listCriteria(scoresSchemaOf(definition)).length > 0;

/** The weighted criteria of a scoring sheet in schema order, with their texts and scales. */
export const readCriteria = (definition: Pick<FormDefinition, 'schema'>): CriterionEntry[] => {
  const scores = scoresSchemaOf(definition);
  const criteria = listCriteria(scores);
  const properties = (scores?.properties ?? {}) as Record<string, Record<string, unknown>>;
  const total = criteria.reduce((sum, criterion) => sum + criterion.weight * criterion.maxScore, 0);
  return criteria.map((criterion) => {
    const schema = properties[criterion.key] ?? {};
    return {
      key: criterion.key,
      title: criterion.title,
      description: typeof schema.description === 'string' ? schema.description : '',
      weight:
        typeof schema[WEIGHT_KEYWORD] === 'number' ? (schema[WEIGHT_KEYWORD] as number) : criterion.weight,
      maxScore: criterion.maxScore,
      share: total > 0 ? (criterion.weight * criterion.maxScore * 100) / total : 0,
      scale: builder.scaleOf(schema),
    };
  });
};

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * A key for a new criterion from its German title: lower camel case of its words, umlauts spelled
 * out, never one of `taken` (a number is appended), e.g. „Qualität der Elternarbeit“ → `qualitaetDerElternarbeit`.
 */
export const criterionKeyFor = (title: string, taken: readonly string[]): string => {
  const words = title
    .toLowerCase()
    .replace(/[äöüß]/g, (letter) => TRANSLITERATION[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[^a-z0-9\s]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  let base = words
    .map((word, index) => (index === 0 ? word : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
  if (!/^[a-z]/.test(base)) base = `kriterium${base}`;
  base = base.slice(0, 56);
  if (!taken.includes(base)) return base;
  let counter = 2;
  while (taken.includes(`${base}${counter}`)) counter += 1;
  return `${base}${counter}`;
};

/** The weighted score of `sample` under a version's criteria (form-logic's `weightedScore`, percent, one decimal). */
export const sampleScore = (
  definition: Pick<FormDefinition, 'schema'> | null,
  sample: FormValues | null | undefined,
): number | undefined =>
  definition
    ? weightedScore(isObject(sample) ? sample.scores : undefined, scoresSchemaOf(definition))
    : undefined;

/** How a sample application's weighted score changes from the version in force to the draft. */
export interface ScoreComparison {
  inForce: number | undefined;
  draft: number | undefined;
  /** draft − inForce in percentage points (one decimal), when both exist. */
  difference: number | undefined;
}

/** Compares the weighted score of one sample sheet under the version in force and under the draft. */
export const compareSampleScore = (
  inForce: Pick<FormDefinition, 'schema'> | null,
  draft: Pick<FormDefinition, 'schema'>,
  sample: FormValues | null | undefined,
): ScoreComparison => {
  const before = sampleScore(inForce, sample);
  const after = sampleScore(draft, sample);
  return {
    inForce: before,
    draft: after,
    difference:
      before !== undefined && after !== undefined ? Math.round((after - before) * 10) / 10 : undefined,
  };
};

const oneDecimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const upToTwoDecimals = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** „81,3 %“; „–“ when there is no score. */
export const formatScore = (value: number | undefined): string =>
  value === undefined ? '–' : `${oneDecimal.format(value)} %`;

/** „+2,5 Prozentpunkte“, „−1,0 Prozentpunkte“, „unverändert“; „–“ when one side has no score. */
export const formatScoreDifference = (value: number | undefined): string => {
  if (value === undefined) return '–';
  if (value === 0) return 'unverändert';
  return `${value > 0 ? '+' : '−'}${oneDecimal.format(Math.abs(value))} Prozentpunkte`;
};

/** A weight or share in German notation: „1,5“, „12,75“. */
export const formatNumber = (value: number): string => upToTwoDecimals.format(value);

/** Reads a German or English decimal typed into a number field („1,5“ or „1.5“); NaN when it is none. */
export const parseDecimal = (text: string): number => {
  const normalised = text.trim().replace(',', '.');
  return normalised === '' || !/^-?\d+(\.\d+)?$/.test(normalised) ? Number.NaN : Number(normalised);
};

/**
 * Process contracts: what the process relies on in a form beyond its definition being valid. A form
 * whose key has a contract may only be put in force while the contract holds (the server refuses the
 * publish); the builder shows the same German messages while an administrator edits.
 */
import { DERIVED_KEYWORD } from './ajv.js';
import { isPlainObject } from './json-pointer.js';
import type { FieldError, JsonSchemaObject } from './types.js';
import { listCriteria } from './weighted-score.js';

type Schema = Record<string, unknown>;

/** The achievement grades the evaluation's goals carry (the offer's report reads them). */
export const ACHIEVEMENT_GRADES = ['NOT', 'PARTLY', 'MOSTLY', 'FULLY'] as const;

const propertiesOf = (schema: unknown): Record<string, unknown> =>
  isPlainObject(schema) && isPlainObject(schema.properties) ? schema.properties : {};

const requiredOf = (schema: unknown): string[] =>
  isPlainObject(schema) && Array.isArray(schema.required)
    ? schema.required.filter((name): name is string => typeof name === 'string')
    : [];

const typesOf = (schema: unknown): unknown[] => {
  if (!isPlainObject(schema)) return [];
  return Array.isArray(schema.type) ? schema.type : [schema.type];
};

/** A property the process needs: it exists, has the type and is required in its object. */
function requireProperty(
  errors: FieldError[],
  parent: unknown,
  parentPath: string,
  name: string,
  label: string,
  types: readonly string[],
  typeLabel: string,
): Schema | null {
  const child = propertiesOf(parent)[name];
  const path = `${parentPath}/properties/${name}`;
  if (!isPlainObject(child)) {
    errors.push({
      path: parentPath || '/schema',
      message: `Das Feld „${name}“ (${label}) fehlt; der Ablauf braucht es. Bitte fügen Sie es wieder hinzu.`,
    });
    return null;
  }
  if (!typesOf(child).some((type) => types.includes(type as string))) {
    errors.push({ path, message: `Das Feld „${name}“ (${label}) muss ${typeLabel} sein.` });
  }
  if (!requiredOf(parent).includes(name)) {
    errors.push({
      path,
      message: `Das Feld „${name}“ (${label}) muss ein Pflichtfeld sein; der Ablauf braucht es.`,
    });
  }
  return child;
}

const TEXT = ['string'];
const WHOLE = ['integer'];
const NUMBER = ['integer', 'number'];

function goalsItems(errors: FieldError[], schema: unknown, label: string): Schema | null {
  const goals = requireProperty(
    errors,
    schema,
    '/schema',
    'goals',
    label,
    ['array'],
    'eine Tabelle (Liste von Einträgen)',
  );
  if (!goals) return null;
  if (!isPlainObject(goals.items)) {
    errors.push({
      path: '/schema/properties/goals',
      message: `Die Einträge von „goals“ (${label}) müssen Abschnitte mit Feldern sein.`,
    });
    return null;
  }
  return goals.items;
}

function costCalculation(schema: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const amount = propertiesOf(schema).requestedAmount;
  if (!isPlainObject(amount)) {
    return [
      {
        path: '/schema',
        message:
          'Der Kalkulationsbogen muss den beantragten Betrag berechnen: Das berechnete Feld „requestedAmount“ (ganze Cent) fehlt. Bitte fügen Sie es wieder hinzu.',
      },
    ];
  }
  const path = '/schema/properties/requestedAmount';
  if (!typesOf(amount).includes('integer')) {
    errors.push({
      path,
      message: 'Der beantragte Betrag „requestedAmount“ muss eine ganze Zahl (Cent, Geldbetrag) sein.',
    });
  }
  const expression = amount[DERIVED_KEYWORD];
  if (typeof expression !== 'string' || expression.trim() === '') {
    errors.push({
      path,
      message:
        'Der beantragte Betrag „requestedAmount“ muss ein berechnetes Feld sein (mit Ausdruck), damit jeder Antrag ihn ergibt.',
    });
  }
  return errors;
}

function criteria(schema: unknown): FieldError[] {
  const scores = propertiesOf(schema).scores;
  if (listCriteria(scores).length > 0) return [];
  return [
    {
      path: isPlainObject(scores) ? '/schema/properties/scores' : '/schema',
      message:
        'Der Bewertungsbogen braucht mindestens ein gewichtetes Kriterium (Gewicht größer als 0 und eine Skala). Bitte fügen Sie ein Kriterium hinzu oder geben Sie einem ein Gewicht.',
    },
  ];
}

function evaluation(schema: unknown): FieldError[] {
  const errors: FieldError[] = [];
  const label = 'Zielerreichung';
  const items = goalsItems(errors, schema, label);
  if (items) {
    const itemsPath = '/schema/properties/goals/items';
    requireProperty(errors, items, itemsPath, 'goal', 'Ziel', TEXT, 'ein Text');
    const achievement = requireProperty(
      errors,
      items,
      itemsPath,
      'achievement',
      'Grad der Zielerreichung',
      TEXT,
      'eine Auswahl',
    );
    if (achievement) {
      const values = choiceValues(achievement);
      const missing = ACHIEVEMENT_GRADES.filter((grade) => !values.includes(grade));
      if (missing.length > 0) {
        errors.push({
          path: `${itemsPath}/properties/achievement`,
          message: `Der Grad der Zielerreichung muss die Auswahlwerte ${ACHIEVEMENT_GRADES.join(', ')} anbieten; es fehlt: ${missing.join(', ')}.`,
        });
      }
    }
  }
  requireProperty(
    errors,
    schema,
    '/schema',
    'participantsReached',
    'Erreichte Teilnehmende',
    WHOLE,
    'eine ganze Zahl',
  );
  requireProperty(
    errors,
    schema,
    '/schema',
    'sessionsHeld',
    'Durchgeführte Termine',
    WHOLE,
    'eine ganze Zahl',
  );
  requireProperty(
    errors,
    schema,
    '/schema',
    'professionalHoursDelivered',
    'Geleistete Fachkraftstunden',
    NUMBER,
    'eine Zahl',
  );
  requireProperty(
    errors,
    schema,
    '/schema',
    'expensesInPeriod',
    'Ausgaben im Zeitraum',
    WHOLE,
    'ein Geldbetrag (ganze Cent)',
  );
  return errors;
}

function offerDescription(schema: unknown): FieldError[] {
  const errors: FieldError[] = [];
  requireProperty(errors, schema, '/schema', 'title', 'Titel des Angebots', TEXT, 'ein Text');
  const items = goalsItems(errors, schema, 'Ziele');
  if (items) {
    const itemsPath = '/schema/properties/goals/items';
    requireProperty(errors, items, itemsPath, 'goal', 'Ziel', TEXT, 'ein Text');
    requireProperty(errors, items, itemsPath, 'indicator', 'Indikator der Zielerreichung', TEXT, 'ein Text');
    requireProperty(errors, items, itemsPath, 'targetValue', 'Zielwert', TEXT, 'ein Text');
  }
  return errors;
}

/** The values a choice field offers: `enum`, or the `const`s of its `oneOf`/`anyOf`. */
function choiceValues(schema: Schema): unknown[] {
  if (Array.isArray(schema.enum)) return schema.enum;
  const branches = [schema.oneOf, schema.anyOf].find(Array.isArray) ?? [];
  return branches.filter(isPlainObject).map((branch) => branch.const);
}

const CONTRACTS: Record<string, (schema: unknown) => FieldError[]> = {
  'cost-calculation': costCalculation,
  criteria,
  evaluation,
  'offer-description': offerDescription,
};

/** Whether the process relies on parts of the form `formKey` (then `checkProcessContract` may refuse). */
export const hasProcessContract = (formKey: string): boolean => formKey in CONTRACTS;

/**
 * Checks what the process relies on in form `formKey`: Anlage 2 (`cost-calculation`) still derives
 * the requested amount as whole cents, Anlage 3 (`criteria`) has at least one weighted criterion, the
 * evaluation form carries the goals with their achievement and the figures of the report, Anlage 1
 * (`offer-description`) the title and the goals with indicator and target value.
 * @returns German problems with paths into the definition (`/schema/...`); empty when the contract holds
 *   or the form has none
 */
export function checkProcessContract(formKey: string, definition: { schema: unknown }): FieldError[] {
  const contract = CONTRACTS[formKey];
  if (!contract || !isPlainObject(definition.schema)) return [];
  return contract(definition.schema as JsonSchemaObject);
}

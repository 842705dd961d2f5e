/**
 * The form builder page's state, kept free of React: one definition (schema, UI schema, sample data,
 * title, description) with undo/redo and the last saved content, plus small helpers for the field
 * tree (key suggestions, positions of UI elements, labels).
 */
import { builder, type FormDefinition } from '../../../form-logic/index.js';
import { getAtPointer } from '../../../form-logic/json-pointer.js';
import { stableStringify } from '../forms/stable-json.js';

export interface BuilderState {
  definition: FormDefinition;
  /** Earlier definitions, newest last (undo). */
  past: FormDefinition[];
  /** Undone definitions, newest last (redo). */
  future: FormDefinition[];
  /** Stable JSON of the content last loaded from or saved to the server. */
  saved: string;
}

export type BuilderAction =
  /** A change by the user (an applied operation, an edit in „Erweitert“); undoable. */
  | { type: 'change'; definition: FormDefinition }
  /** Content from the server (first load, „Server-Fassung laden“): replaces everything. */
  | { type: 'load'; definition: FormDefinition }
  /** The content that was just saved (it may differ from the current one when the user typed on). */
  | { type: 'saved'; definition: FormDefinition }
  | { type: 'undo' }
  | { type: 'redo' };

/** How many steps undo keeps. */
export const UNDO_LIMIT = 100;

/** The content the server stores for a draft (what „ungespeichert“ compares). */
export const savedContent = (definition: FormDefinition): string =>
  stableStringify({
    title: definition.title,
    description: definition.description ?? null,
    schema: definition.schema,
    uischema: definition.uischema,
    sampleData: definition.sampleData,
  });

export const initialBuilderState = (definition: FormDefinition): BuilderState => ({
  definition,
  past: [],
  future: [],
  saved: savedContent(definition),
});

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'change':
      if (action.definition === state.definition) return state;
      return {
        ...state,
        definition: action.definition,
        past: [...state.past, state.definition].slice(-UNDO_LIMIT),
        future: [],
      };
    case 'load':
      return initialBuilderState(action.definition);
    case 'saved':
      return { ...state, saved: savedContent(action.definition) };
    case 'undo': {
      const previous = state.past[state.past.length - 1];
      if (!previous) return state;
      return {
        ...state,
        definition: previous,
        past: state.past.slice(0, -1),
        future: [...state.future, state.definition],
      };
    }
    case 'redo': {
      const next = state.future[state.future.length - 1];
      if (!next) return state;
      return {
        ...state,
        definition: next,
        past: [...state.past, state.definition],
        future: state.future.slice(0, -1),
      };
    }
  }
}

/** Whether the current definition differs from the last saved one. */
export const isDirty = (state: BuilderState): boolean => savedContent(state.definition) !== state.saved;

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' };

/**
 * A data key for a label: camelCase ASCII („Anzahl der Teilnehmenden“ → `anzahlDerTeilnehmenden`),
 * starting with a letter, at most 40 characters, made unique against `taken` by a number.
 */
export function suggestKey(label: string, taken: Iterable<string> = []): string {
  const ascii = label
    .replace(/[äöüßÄÖÜ]/g, (letter) => UMLAUTS[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  const words = ascii.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let key = words
    .map((word, index) =>
      index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase(),
    )
    .join('')
    .replace(/^[0-9]+/, '')
    .slice(0, 40);
  key = key.charAt(0).toLowerCase() + key.slice(1);
  if (key === '') key = 'feld';
  const used = new Set(taken);
  if (!used.has(key)) return key;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${key}${suffix}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** Container and position of a UI element (`/elements/2/elements/0` → `/elements/2`, 0); undefined for the root. */
export function positionOf(elementId: string): { container: string; index: number } | undefined {
  const match = /^(.*)\/elements\/(\d+)$/.exec(elementId);
  if (!match) return undefined;
  return { container: match[1]!, index: Number(match[2]) };
}

/** The id of a UI element after `moveElement` put it at `index` of `container`. */
export const elementIdAt = (container: string, index: number): string => `${container}/elements/${index}`;

/** What the tree shows for an element: its label, its field's label, or its kind. */
export function elementLabel(node: builder.UiNode, model: builder.BuilderModel): string {
  if (node.label) return node.label;
  const field = node.fieldId ? model.fieldsById.get(node.fieldId) : undefined;
  if (field) return field.title;
  if (node.type === 'Control') return typeof node.element.scope === 'string' ? node.element.scope : 'Feld';
  if (node.id === '') return 'Formular';
  if (node.id.endsWith('/options/detail')) return 'Zeilen der Tabelle';
  return builder.KIND_LABELS[node.layout ?? 'vertical'];
}

/** The German kind of an element (a field's kind for a control, else its layout). */
export function elementKind(node: builder.UiNode, model: builder.BuilderModel): string {
  if (node.type === 'Control') {
    const field = node.fieldId ? model.fieldsById.get(node.fieldId) : undefined;
    return field ? builder.KIND_LABELS[field.kind] : 'Feld (unbekannter Bezug)';
  }
  return node.layout ? builder.KIND_LABELS[node.layout] : node.type || 'Element';
}

/** Whether fields and sections can be added into this element. */
export const acceptsFields = (node: builder.UiNode): boolean =>
  Array.isArray(node.element.elements) && node.layout !== 'tabs' && node.layout !== 'steps';

/**
 * Where „Feld hinzufügen“ puts a new element when `selected` is selected: into a selected section
 * (at its end), into a table's rows, or after a selected field in its container.
 */
export function insertionPoint(
  model: builder.BuilderModel,
  selected: string,
): { container: string; index?: number } {
  const node = model.uiById.get(selected);
  if (node?.detail && acceptsFields(node.detail)) return { container: node.detail.id };
  if (node && acceptsFields(node)) return { container: node.id };
  const position = positionOf(selected);
  if (position) {
    const parent = model.uiById.get(position.container);
    if (parent && acceptsFields(parent)) return { container: position.container, index: position.index + 1 };
  }
  return { container: '' };
}

/** The keys already used in the data object a container writes to. */
export function keysInContainer(model: builder.BuilderModel, containerId: string): string[] {
  const container = model.uiById.get(containerId);
  const context = container?.context ?? '';
  return [...model.fieldsById.values()]
    .filter((field) => field.parentId === context)
    .map((field) => field.key);
}

/** The part of the Web Storage API the local copy needs. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The tab's sessionStorage, or undefined where there is none (or access is blocked). */
const sessionStore = (): KeyValueStorage | undefined => {
  try {
    return (globalThis as { sessionStorage?: KeyValueStorage }).sessionStorage;
  } catch {
    return undefined;
  }
};

const LOCAL_COPY_PREFIX = 'sozialraum-plattform:formular-entwurf:';

/** A local copy of the builder's content, kept when the user loads the server's version over it. */
export interface LocalCopy {
  definition: FormDefinition;
  keptAt: string;
}

/** Keeps the local content of a draft (sessionStorage by default); false when storage is unavailable. */
export function keepLocalCopy(
  versionId: string,
  definition: FormDefinition,
  storage: Pick<KeyValueStorage, 'setItem'> | undefined = sessionStore(),
): boolean {
  try {
    const copy: LocalCopy = { definition, keptAt: new Date().toISOString() };
    storage?.setItem(LOCAL_COPY_PREFIX + versionId, JSON.stringify(copy));
    return storage !== undefined;
  } catch {
    return false;
  }
}

/** The kept local copy of a draft, or null. */
export function readLocalCopy(
  versionId: string,
  storage: Pick<KeyValueStorage, 'getItem'> | undefined = sessionStore(),
): LocalCopy | null {
  try {
    const raw = storage?.getItem(LOCAL_COPY_PREFIX + versionId);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<LocalCopy> | null;
    const definition = parsed?.definition;
    if (
      !definition ||
      typeof definition !== 'object' ||
      typeof definition.schema !== 'object' ||
      typeof definition.uischema !== 'object' ||
      typeof parsed.keptAt !== 'string'
    ) {
      return null;
    }
    return { definition, keptAt: parsed.keptAt };
  } catch {
    return null;
  }
}

/** Drops the kept local copy of a draft. */
export function discardLocalCopy(
  versionId: string,
  storage: Pick<KeyValueStorage, 'removeItem'> | undefined = sessionStore(),
): void {
  try {
    storage?.removeItem(LOCAL_COPY_PREFIX + versionId);
  } catch {
    // Nothing to drop where there is no storage.
  }
}

/** „Gespeichert um 14:03“ for a time. */
export const savedAtText = (date: Date): string =>
  `Gespeichert um ${date.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' })}`;

/**
 * Removes a UI element that holds no fields (an empty section, a control whose scope points
 * nowhere). Fields are removed with the `removeField` operation, which also cleans up their uses.
 */
export function removeEmptyElement(
  definition: FormDefinition,
  elementId: string,
): { definition: FormDefinition; problem?: string } {
  const position = positionOf(elementId);
  if (!position)
    return { definition, problem: 'Der oberste Bereich des Formulars lässt sich nicht entfernen.' };
  const model = builder.readModel(definition);
  const node = model.uiById.get(elementId);
  if (!node) return { definition, problem: 'Dieses Element gibt es im Formular nicht (mehr).' };
  if (node.children.length > 0 || node.detail) {
    return { definition, problem: 'Bitte zuerst die Felder darin entfernen oder verschieben.' };
  }
  const next = structuredClone(definition);
  const container =
    position.container === '' ? next.uischema : getAtPointer(next.uischema, position.container);
  const elements = container?.elements;
  if (!Array.isArray(elements)) return { definition, problem: 'Dieses Element lässt sich nicht entfernen.' };
  elements.splice(position.index, 1);
  return { definition: next };
}

/**
 * The id of an element after `moveElement(element, container, index)`: the element is taken out
 * first, so a container behind it in the same list moves up by one.
 */
export function idAfterMove(elementId: string, containerId: string, index: number): string {
  const from = positionOf(elementId);
  let container = containerId;
  if (from) {
    const prefix = `${from.container}/elements/`;
    if (container.startsWith(prefix)) {
      const rest = container.slice(prefix.length);
      const match = /^(\d+)(.*)$/.exec(rest);
      if (match && Number(match[1]) > from.index) {
        container = `${prefix}${Number(match[1]) - 1}${match[2]}`;
      }
    }
  }
  return elementIdAt(container, index);
}

/** Containers an element can be moved into (same data area; tabs and steps only into a tab bar). */
export function moveTargets(
  model: builder.BuilderModel,
  elementId: string,
): { id: string; label: string; count: number }[] {
  const node = model.uiById.get(elementId);
  if (!node || elementId === '') return [];
  const targets: { id: string; label: string; count: number }[] = [];
  for (const candidate of model.uiById.values()) {
    if (!Array.isArray(candidate.element.elements)) continue;
    if (candidate.id === elementId || candidate.id.startsWith(`${elementId}/`)) continue;
    if (candidate.context !== node.context) continue;
    const tabBar = candidate.layout === 'tabs' || candidate.layout === 'steps';
    if (tabBar !== (node.layout === 'category')) continue;
    const name = candidate.id === '' ? 'Formular (oberste Ebene)' : elementLabel(candidate, model);
    targets.push({
      id: candidate.id,
      label: candidate.id === '' ? name : `${name} (${elementKind(candidate, model)})`,
      count: candidate.children.length,
    });
  }
  return targets;
}

/**
 * The UI element a problem of the definition check belongs to (`/schema/properties/a/pattern` → the
 * control of field `a`; `/uischema/elements/2/rule` → element `/elements/2`), or undefined.
 */
export function elementForProblem(model: builder.BuilderModel, path: string): string | undefined {
  const longestPrefix = (pointer: string, has: (candidate: string) => boolean): string | undefined => {
    for (let end = pointer.length; end > 0; end = pointer.lastIndexOf('/', end - 1)) {
      const candidate = pointer.slice(0, end);
      if (has(candidate)) return candidate;
    }
    return undefined;
  };
  if (path.startsWith('/uischema/')) {
    return longestPrefix(path.slice('/uischema'.length), (candidate) => model.uiById.has(candidate));
  }
  if (path.startsWith('/schema/')) {
    const field = longestPrefix(path.slice('/schema'.length), (candidate) => model.fieldsById.has(candidate));
    if (!field) return undefined;
    for (const node of model.uiById.values()) if (node.fieldId === field) return node.id;
  }
  return undefined;
}

import {
  type ControlElement,
  composeWithUi,
  type JsonFormsCellRendererRegistryEntry,
  type JsonFormsRendererRegistryEntry,
  type OwnPropsOfRenderer,
} from '@jsonforms/core';
import { materialCells, materialRenderers } from '@jsonforms/material-renderers';
import { Box } from '@mui/material';
import { type ComponentType, createElement } from 'react';
import { arrayControlEntry } from './ArrayControl.js';
import { booleanControlEntry, radioControlEntry } from './ChoiceControls.js';
import { computedControlEntry } from './ComputedControl.js';
import { categorizationLayoutEntry } from './CategorizationLayout.js';
import { dateControlEntry, dateTimeControlEntry, timeControlEntry } from './DateControl.js';
import { enumControlEntry } from './EnumControl.js';
import { layoutEntries } from './layouts.js';
import { moneyControlEntry } from './MoneyControl.js';
import { numberControlEntry } from './NumberControl.js';
import { textControlEntry } from './TextControl.js';

/** Attribute on the element around each control that names its data path, e.g. `materialCosts.0.quantity`. */
export const FIELD_PATH_ATTRIBUTE = 'data-field-path';

/**
 * Wraps a renderer so each control sits in an element carrying its data path: the error summary
 * uses it to move focus to the field an error belongs to, and tests can address fields by path.
 * The element is a real box, so a control that renders several elements (a choice between
 * alternatives, an object's fields) stays one cell of its layout; an empty one (a hidden control)
 * takes no room.
 */
const ANCHOR_STYLE = { minWidth: 0, '&:empty': { display: 'none' } } as const;

const withFieldAnchor = (Renderer: ComponentType<OwnPropsOfRenderer>): ComponentType<OwnPropsOfRenderer> => {
  const Anchored = (props: OwnPropsOfRenderer) => {
    const uischema = props.uischema as ControlElement | undefined;
    if (uischema?.type !== 'Control') return createElement(Renderer, props);
    return createElement(
      Box,
      { sx: ANCHOR_STYLE, ...{ [FIELD_PATH_ATTRIBUTE]: composeWithUi(uischema, props.path ?? '') } },
      createElement(Renderer, props),
    );
  };
  Anchored.displayName = `WithFieldAnchor(${Renderer.displayName ?? Renderer.name ?? 'Renderer'})`;
  return Anchored;
};

const anchored = (entry: JsonFormsRendererRegistryEntry): JsonFormsRendererRegistryEntry => ({
  tester: entry.tester,
  renderer: withFieldAnchor(entry.renderer),
});

/** All renderers of the platform's forms: material renderers plus our German, accessible controls. */
export const formRenderers: JsonFormsRendererRegistryEntry[] = [
  ...materialRenderers,
  textControlEntry,
  numberControlEntry,
  dateControlEntry,
  dateTimeControlEntry,
  timeControlEntry,
  enumControlEntry,
  radioControlEntry,
  booleanControlEntry,
  arrayControlEntry,
  moneyControlEntry,
  computedControlEntry,
  ...layoutEntries,
  categorizationLayoutEntry,
].map(anchored);

export const formCells: JsonFormsCellRendererRegistryEntry[] = materialCells;

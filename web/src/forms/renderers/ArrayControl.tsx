import {
  and,
  type ArrayLayoutProps,
  type ControlElement,
  createDefaultValue,
  errorAt,
  findUISchema,
  isObjectArray,
  isObjectArrayControl,
  isPrimitiveArrayControl,
  type JsonSchema,
  Paths,
  type RankedTester,
  Resolve,
  type UISchemaElement,
  uiTypeIs,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsArrayLayoutProps } from '@jsonforms/react';
import AddIcon from '@mui/icons-material/Add';
import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { Box, Button, FormHelperText, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { visuallyHidden } from '../../app/visually-hidden.js';
import { headingTag, NestedHeadings, useHeadingLevel } from '../headings.js';
import { formErrorMessage } from '../i18n.js';
import { accessibleName, appliedOptions } from './options.js';
import { revealAttributes, useRevealListener } from './reveal.js';

/** What one entry of a list is called: `options.itemLabel`, else the items' `title`, else „Eintrag“. */
export const arrayItemLabel = (
  itemSchema: JsonSchema | undefined,
  uischema: UISchemaElement | undefined,
): string => {
  const option = uischema?.options?.itemLabel;
  if (typeof option === 'string' && option) return option;
  if (itemSchema?.title) return itemSchema.title;
  return 'Eintrag';
};

/** Text of the add button: `options.addLabel`, else „<Eintrag> hinzufügen“ for named entries, else „<Liste> hinzufügen“. */
const addButtonText = (label: string, itemSchema: JsonSchema, uischema: UISchemaElement): string => {
  const option = uischema.options?.addLabel;
  if (typeof option === 'string' && option) return option;
  const hasOwnItemLabel = typeof uischema.options?.itemLabel === 'string' || Boolean(itemSchema.title);
  // Several lists on one page: the list's name keeps every add button's name unique.
  return `${hasOwnItemLabel ? arrayItemLabel(itemSchema, uischema) : label} hinzufügen`;
};

/** Controls for every property of an item, in schema order, laid out in a responsive grid. */
const generatedItemUiSchema = (itemSchema: JsonSchema): UISchemaElement => {
  if (itemSchema.type !== 'object' || !itemSchema.properties) {
    return { type: 'Control', scope: '#' } as ControlElement;
  }
  return {
    type: 'HorizontalLayout',
    elements: Object.keys(itemSchema.properties).map((key): ControlElement => ({
      type: 'Control',
      scope: `#/properties/${key}`,
    })),
  } as UISchemaElement;
};

const FOCUSABLE = 'input:not([type="hidden"]):not([aria-hidden="true"]), textarea, select';

/**
 * A list of entries (cost lines, goals, funders): each entry a labelled group with its fields and
 * a „Entfernen“ button, and a „… hinzufügen“ button below. Replaces the material table, whose
 * cells have no visible labels and whose icon buttons are named only in English. Honours the
 * options `showSortButtons` (or `showArrayLayoutSortButtons`, `showArrayTableSortButtons`: it
 * stands in for both material layouts), `disableAdd` and `disableRemove`.
 * As a `ListWithDetail` one entry is open at a time; the others stay in the page, closed, so the
 * error summary can open the one its field is in.
 */
export const ArrayControl = (props: ArrayLayoutProps) => {
  const {
    data: count,
    path,
    schema,
    uischema,
    uischemas,
    rootSchema,
    renderers,
    cells,
    label: schemaLabel,
    description,
    enabled,
    visible,
    addItem,
    removeItems,
    moveUp,
    moveDown,
    arraySchema,
    config,
  } = props;
  const options = appliedOptions(config, uischema);
  const showSortButtons =
    (options.showSortButtons === true ||
      options.showArrayLayoutSortButtons === true ||
      options.showArrayTableSortButtons === true) &&
    moveUp !== undefined &&
    moveDown !== undefined;
  const ctx = useJsonForms();
  const level = useHeadingLevel();
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const focusAfterChange = useRef<
    'last-item' | 'add-button' | { moved: number; direction: 'up' | 'down' } | null
  >(null);
  const [announcement, setAnnouncement] = useState('');
  const collapsible = (uischema as UISchemaElement).type === 'ListWithDetail';
  const [openIndex, setOpenIndex] = useState<number | null>(0);
  useRevealListener(listRef, headingId, setOpenIndex);

  const label = schemaLabel || accessibleName(schemaLabel, arraySchema, uischema);
  const itemLabel = arrayItemLabel(schema, uischema);
  // The props' `errors` repeat every error of the entries; only the list's own ones belong up here.
  const ownErrors = [
    ...new Set((ctx.core ? errorAt(path, arraySchema)(ctx.core) : []).map(formErrorMessage)),
  ].join('\n');
  const errorId = `${headingId}-error`;
  const addLabel = addButtonText(label, schema, uischema);
  const elementLabelProp = uischema.options?.elementLabelProp;
  /** `options.elementLabelProp`: a property whose value names an entry, e.g. the goal's text. */
  const entrySummary = (index: number): string | undefined => {
    if (typeof elementLabelProp !== 'string' || !ctx.core) return undefined;
    const value: unknown = Resolve.data(ctx.core.data, `${path}.${index}.${elementLabelProp}`);
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    const text = value.trim().replace(/\s+/g, ' ');
    return text.length > 80 ? `${text.slice(0, 79)}…` : text;
  };
  const maxItems = arraySchema.maxItems;
  const minItems = arraySchema.minItems ?? 0;

  const itemUiSchema = useMemo(
    () =>
      findUISchema(
        uischemas ?? [],
        schema,
        (uischema as ControlElement).scope,
        path,
        () => generatedItemUiSchema(schema),
        uischema as ControlElement,
        rootSchema,
      ),
    [uischemas, schema, uischema, path, rootSchema],
  );

  // Runs after the number of entries changed.
  useEffect(() => {
    const target = focusAfterChange.current;
    focusAfterChange.current = null;
    if (target === 'add-button') addButtonRef.current?.focus();
    if (target === 'last-item') {
      const items = listRef.current?.querySelectorAll<HTMLElement>(':scope > li');
      const last = items?.[items.length - 1];
      last?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    }
  }, [count]);

  // Runs after an entry moved: the focus follows the entry (to the same button if it is still there).
  useEffect(() => {
    const target = focusAfterChange.current;
    if (target === null || typeof target === 'string') return;
    focusAfterChange.current = null;
    const item = listRef.current?.querySelectorAll<HTMLElement>(':scope > li')[target.moved];
    const button =
      item?.querySelector<HTMLButtonElement>(`[data-move="${target.direction}"]:not(:disabled)`) ??
      item?.querySelector<HTMLButtonElement>('[data-move]:not(:disabled)');
    button?.focus();
  });

  if (!visible) return null;

  const add = () => {
    focusAfterChange.current = 'last-item';
    setOpenIndex(count);
    addItem(path, createDefaultValue(schema, rootSchema))();
    setAnnouncement(`${itemLabel} ${count + 1} hinzugefügt.`);
  };

  const remove = (index: number) => {
    focusAfterChange.current = 'add-button';
    removeItems?.(path, [index])();
    setAnnouncement(`${itemLabel} ${index + 1} entfernt.`);
  };

  const move = (index: number, direction: 'up' | 'down') => {
    const moved = direction === 'up' ? index - 1 : index + 1;
    focusAfterChange.current = { moved, direction };
    if (openIndex === index) setOpenIndex(moved);
    else if (openIndex === moved) setOpenIndex(index);
    (direction === 'up' ? moveUp : moveDown)?.(path, index)();
    setAnnouncement(`${itemLabel} ${index + 1} ist jetzt ${itemLabel} ${moved + 1}.`);
  };

  const canAdd = enabled && options.disableAdd !== true && (maxItems === undefined || count < maxItems);
  const canRemove =
    enabled && options.disableRemove !== true && count > minItems && removeItems !== undefined;
  const canSort = enabled && showSortButtons;

  return (
    <Box
      component="section"
      aria-labelledby={headingId}
      aria-describedby={ownErrors ? errorId : undefined}
      data-array-path={path}
    >
      <Typography
        id={headingId}
        component={headingTag(level)}
        variant="h3"
        sx={schemaLabel ? { fontSize: '1.125rem', mb: 0.5 } : visuallyHidden}
      >
        {label}
      </Typography>
      {description && (
        <Typography color="text.secondary" sx={{ mb: 1, maxWidth: '75ch' }}>
          {description}
        </Typography>
      )}
      {ownErrors && (
        <FormHelperText id={errorId} error sx={{ whiteSpace: 'pre-line', fontWeight: 500, mb: 1 }}>
          {ownErrors}
        </FormHelperText>
      )}
      {count === 0 && (
        <Typography color="text.secondary" sx={{ my: 1 }}>
          {enabled ? `Noch keine Einträge. Mit „${addLabel}“ legen Sie den ersten an.` : 'Keine Einträge.'}
        </Typography>
      )}
      <Stack component="ol" ref={listRef} spacing={2} sx={{ listStyle: 'none', p: 0, m: 0, mt: 1 }}>
        {Array.from({ length: count }, (_, index) => {
          const itemHeadingId = `${headingId}-item-${index}`;
          const summary = entrySummary(index);
          const open = !collapsible || openIndex === index;
          const bodyId = `${headingId}-body-${index}`;
          return (
            // Keys are indexes: JSON Forms addresses entries by their position
            <li key={index}>
              <Paper
                variant="outlined"
                role="group"
                aria-labelledby={itemHeadingId}
                sx={{ p: 2 }}
                data-array-item={`${path}.${index}`}
              >
                <Stack
                  direction="row"
                  sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1.5, gap: 2 }}
                >
                  <Typography sx={{ minWidth: 0 }}>
                    <Box component="span" id={itemHeadingId} sx={{ fontWeight: 600 }}>
                      <Box component="span" sx={visuallyHidden}>
                        {`${label}, `}
                      </Box>
                      {itemLabel} {index + 1}
                    </Box>
                    {summary && (
                      <Box component="span" sx={{ color: 'text.secondary', overflowWrap: 'anywhere' }}>
                        {`: ${summary}`}
                      </Box>
                    )}
                  </Typography>
                  {collapsible && (
                    <Button
                      size="small"
                      aria-expanded={open}
                      aria-controls={bodyId}
                      onClick={() => setOpenIndex(open ? null : index)}
                      aria-label={`${label}: ${itemLabel} ${index + 1} ${open ? 'zuklappen' : 'aufklappen'}`}
                      sx={{ ml: 'auto' }}
                    >
                      {open ? 'Zuklappen' : 'Aufklappen'}
                    </Button>
                  )}
                  {canSort && (
                    <Stack direction="row" sx={{ gap: 1, ml: collapsible ? 0 : 'auto' }}>
                      <Button
                        size="small"
                        data-move="up"
                        disabled={index === 0}
                        startIcon={<ArrowUpwardIcon aria-hidden="true" />}
                        onClick={() => move(index, 'up')}
                        aria-label={`${label}: ${itemLabel} ${index + 1} nach oben verschieben`}
                      >
                        Nach oben
                      </Button>
                      <Button
                        size="small"
                        data-move="down"
                        disabled={index === count - 1}
                        startIcon={<ArrowDownwardIcon aria-hidden="true" />}
                        onClick={() => move(index, 'down')}
                        aria-label={`${label}: ${itemLabel} ${index + 1} nach unten verschieben`}
                      >
                        Nach unten
                      </Button>
                    </Stack>
                  )}
                  {canRemove && (
                    <Button
                      size="small"
                      color="error"
                      startIcon={<DeleteOutlineIcon aria-hidden="true" />}
                      onClick={() => remove(index)}
                      aria-label={`${label}: ${itemLabel} ${index + 1} entfernen`}
                    >
                      Entfernen
                    </Button>
                  )}
                </Stack>
                <Box id={bodyId} hidden={!open} {...(collapsible ? revealAttributes(headingId, index) : {})}>
                  <NestedHeadings>
                    <JsonFormsDispatch
                      schema={schema}
                      uischema={itemUiSchema}
                      path={Paths.compose(path, `${index}`)}
                      enabled={enabled}
                      renderers={renderers}
                      cells={cells}
                    />
                  </NestedHeadings>
                </Box>
              </Paper>
            </li>
          );
        })}
      </Stack>
      {canAdd && (
        <Button
          ref={addButtonRef}
          variant="outlined"
          startIcon={<AddIcon aria-hidden="true" />}
          onClick={add}
          sx={{ mt: 2 }}
        >
          {addLabel}
        </Button>
      )}
      <Box role="status" sx={visuallyHidden}>
        {announcement}
      </Box>
    </Box>
  );
};

const isListWithDetail = and(uiTypeIs('ListWithDetail'), isObjectArray);

/**
 * Object lists above the material table (3), nested-array layout (4) and list with detail (4);
 * primitive lists below the enum multi-select (5).
 */
export const arrayControlTester: RankedTester = (uischema, schema, context) => {
  if (isListWithDetail(uischema, schema, context)) return 6;
  if (isObjectArrayControl(uischema, schema, context)) return 6;
  if (isPrimitiveArrayControl(uischema, schema, context)) return 4;
  return -1;
};

export const arrayControlEntry = {
  tester: arrayControlTester,
  renderer: withJsonFormsArrayLayoutProps(ArrayControl),
};

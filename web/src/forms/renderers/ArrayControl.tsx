import {
  type ArrayLayoutProps,
  type ControlElement,
  createDefaultValue,
  errorAt,
  findUISchema,
  isObjectArrayControl,
  isPrimitiveArrayControl,
  type JsonSchema,
  Paths,
  type RankedTester,
  Resolve,
  type UISchemaElement,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsArrayLayoutProps } from '@jsonforms/react';
import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { Box, Button, FormHelperText, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { visuallyHidden } from '../../app/visually-hidden.js';
import { headingTag, NestedHeadings, useHeadingLevel } from '../headings.js';
import { formErrorMessage } from '../i18n.js';

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
 * cells have no visible labels and whose icon buttons are named only in English.
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
    arraySchema,
  } = props;
  const ctx = useJsonForms();
  const level = useHeadingLevel();
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const focusAfterChange = useRef<'last-item' | 'add-button' | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const label = schemaLabel || 'Einträge';
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

  if (!visible) return null;

  const add = () => {
    focusAfterChange.current = 'last-item';
    addItem(path, createDefaultValue(schema, rootSchema))();
    setAnnouncement(`${itemLabel} ${count + 1} hinzugefügt.`);
  };

  const remove = (index: number) => {
    focusAfterChange.current = 'add-button';
    removeItems?.(path, [index])();
    setAnnouncement(`${itemLabel} ${index + 1} entfernt.`);
  };

  const canAdd = enabled && (maxItems === undefined || count < maxItems);
  const canRemove = enabled && count > minItems && removeItems !== undefined;

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
        sx={{ fontSize: '1.125rem', mb: 0.5 }}
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

/** Object lists above the material table (3) and nested-array layout (4); primitive lists below the enum multi-select (5). */
export const arrayControlTester: RankedTester = (uischema, schema, context) => {
  if (isObjectArrayControl(uischema, schema, context)) return 6;
  if (isPrimitiveArrayControl(uischema, schema, context)) return 4;
  return -1;
};

export const arrayControlEntry = {
  tester: arrayControlTester,
  renderer: withJsonFormsArrayLayoutProps(ArrayControl),
};

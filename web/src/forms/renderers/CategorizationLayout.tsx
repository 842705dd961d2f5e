import {
  type Categorization,
  type Category,
  isVisible,
  type LayoutProps,
  type RankedTester,
  rankWith,
  type UISchemaElement,
  uiTypeIs,
} from '@jsonforms/core';
import { JsonFormsDispatch, useJsonForms, withJsonFormsLayoutProps } from '@jsonforms/react';
import { Box, Button, Stack, Step, StepButton, Stepper, Tab, Tabs } from '@mui/material';
import { useId, useMemo, useRef, useState } from 'react';
import { revealAttributes, useRevealListener } from './reveal.js';

const elementsOf = (element: UISchemaElement): UISchemaElement[] =>
  element.type === 'Category' ? (element as Category).elements : [element];

const labelOf = (element: UISchemaElement, index: number): string => {
  const label = (element as Category).label;
  return typeof label === 'string' && label ? label : `Schritt ${index + 1}`;
};

/**
 * Tabs (`Categorization`) or, with `options.variant: "stepper"`, steps; `options.showNavButtons`
 * adds „Zurück“/„Weiter“. Every category stays in the page, hidden while not selected, so the error
 * summary finds a field in another tab or step and asks for it to be shown (`reveal.ts`) before
 * moving focus there.
 */
export const CategorizationLayoutRenderer = (props: LayoutProps) => {
  const { uischema, schema, path, enabled, visible, renderers, cells, data, config } = props;
  const ctx = useJsonForms();
  const ajv = ctx.core?.ajv;
  const ownId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const categorization = uischema as Categorization;
  const categories = useMemo(
    () =>
      categorization.elements.filter((category) => (ajv ? isVisible(category, data, '', ajv, config) : true)),
    [categorization, data, ajv, config],
  );
  const [selected, setSelected] = useState(0);
  const active = Math.min(selected, Math.max(categories.length - 1, 0));
  const options = { ...(config as object | undefined), ...uischema.options };
  const stepper = options.variant === 'stepper';
  const showNavButtons = stepper && options.showNavButtons === true;

  useRevealListener(rootRef, ownId, setSelected);

  if (!visible) return null;

  const tabId = (index: number) => `${ownId}-tab-${index}`;
  const panelId = (index: number) => `${ownId}-panel-${index}`;

  return (
    <Box ref={rootRef}>
      {stepper ? (
        <Stepper nonLinear activeStep={active} sx={{ mb: 3, flexWrap: 'wrap', rowGap: 1 }}>
          {categories.map((category, index) => (
            <Step key={index}>
              <StepButton
                id={tabId(index)}
                aria-controls={panelId(index)}
                aria-current={index === active ? 'step' : undefined}
                onClick={() => setSelected(index)}
              >
                {labelOf(category, index)}
              </StepButton>
            </Step>
          ))}
        </Stepper>
      ) : (
        <Tabs
          value={active}
          onChange={(_event, index: number) => setSelected(index)}
          variant="scrollable"
          scrollButtons={false}
          sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}
        >
          {categories.map((category, index) => (
            <Tab
              key={index}
              id={tabId(index)}
              aria-controls={panelId(index)}
              label={labelOf(category, index)}
            />
          ))}
        </Tabs>
      )}
      {categories.map((category, index) => (
        <Box
          // Keys are indexes: categories have no identity besides their position
          key={index}
          id={panelId(index)}
          role={stepper ? 'region' : 'tabpanel'}
          aria-labelledby={tabId(index)}
          hidden={index !== active}
          {...revealAttributes(ownId, index)}
        >
          <Stack spacing={3} useFlexGap>
            {elementsOf(category).map((child, childIndex) => (
              <JsonFormsDispatch
                key={`${path}-${index}-${childIndex}`}
                uischema={child}
                schema={schema}
                path={path}
                enabled={enabled}
                renderers={renderers}
                cells={cells}
              />
            ))}
          </Stack>
        </Box>
      ))}
      {showNavButtons && (
        <Stack direction="row" sx={{ mt: 3, gap: 2, justifyContent: 'space-between' }}>
          <Button variant="outlined" disabled={active === 0} onClick={() => setSelected(active - 1)}>
            Zurück
          </Button>
          <Button
            variant="outlined"
            disabled={active >= categories.length - 1}
            onClick={() => setSelected(active + 1)}
          >
            Weiter
          </Button>
        </Stack>
      )}
    </Box>
  );
};

/** Above material's tabs (1) and stepper (2), for every categorization (also nested ones). */
export const categorizationLayoutTester: RankedTester = rankWith(5, uiTypeIs('Categorization'));

export const categorizationLayoutEntry = {
  tester: categorizationLayoutTester,
  renderer: withJsonFormsLayoutProps(CategorizationLayoutRenderer),
};

import {
  type GroupLayout,
  type LabelProps,
  type Layout,
  type LayoutProps,
  type RankedTester,
  rankWith,
  uiTypeIs,
} from '@jsonforms/core';
import { JsonFormsDispatch, withJsonFormsLabelProps, withJsonFormsLayoutProps } from '@jsonforms/react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { headingTag, NestedHeadings, useHeadingLevel } from '../headings.js';

const LayoutElements = ({ schema, path, enabled, renderers, cells, uischema }: LayoutProps) =>
  (uischema as Layout).elements.map((child, index) => (
    <JsonFormsDispatch
      // Keys are indexes: layout elements have no identity besides their position
      key={`${path}-${index}`}
      uischema={child}
      schema={schema}
      path={path}
      enabled={enabled}
      renderers={renderers}
      cells={cells}
    />
  ));

/** Fields one below the other, with room between them. */
export const VerticalLayoutRenderer = (props: LayoutProps) => {
  if (!props.visible) return null;
  return (
    <Stack spacing={3} useFlexGap>
      <LayoutElements {...props} />
    </Stack>
  );
};

/** Fields side by side on wide screens, one below the other on phones. */
export const HorizontalLayoutRenderer = (props: LayoutProps) => {
  if (!props.visible) return null;
  const count = Math.max((props.uischema as Layout).elements.length, 1);
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        alignItems: 'start',
        gridTemplateColumns: {
          xs: 'minmax(0, 1fr)',
          sm: `repeat(${Math.min(count, 2)}, minmax(0, 1fr))`,
          md: `repeat(${count}, minmax(0, 1fr))`,
        },
      }}
    >
      <LayoutElements {...props} />
    </Box>
  );
};

/** A titled section (`Group`): a real heading, so screen reader users can jump between sections. */
export const GroupLayoutRenderer = (props: LayoutProps) => {
  const level = useHeadingLevel();
  const headingId = useId();
  if (!props.visible) return null;
  const label = props.label || (props.uischema as GroupLayout).label;
  const description = (props.uischema as GroupLayout).options?.description;
  return (
    <Paper
      component="section"
      variant="outlined"
      aria-labelledby={label ? headingId : undefined}
      sx={{ p: { xs: 2, md: 3 } }}
    >
      {label && (
        <Typography
          id={headingId}
          component={headingTag(level)}
          variant={level === 2 ? 'h2' : 'h3'}
          sx={{ mb: 1 }}
        >
          {label}
        </Typography>
      )}
      {typeof description === 'string' && (
        <Typography color="text.secondary" sx={{ mb: 2, maxWidth: '75ch' }}>
          {description}
        </Typography>
      )}
      <NestedHeadings>
        <Stack spacing={3} useFlexGap sx={{ mt: label ? 2 : 0 }}>
          <LayoutElements {...props} />
        </Stack>
      </NestedHeadings>
    </Paper>
  );
};

/** Explanatory text (`Label` element): a paragraph, not a fake heading. */
export const LabelRenderer = ({ text, visible }: LabelProps) => {
  if (!visible || !text) return null;
  return <Typography sx={{ maxWidth: '75ch', whiteSpace: 'pre-line' }}>{text}</Typography>;
};

const verticalLayoutTester: RankedTester = rankWith(5, uiTypeIs('VerticalLayout'));
const horizontalLayoutTester: RankedTester = rankWith(5, uiTypeIs('HorizontalLayout'));
const groupLayoutTester: RankedTester = rankWith(5, uiTypeIs('Group'));
const labelTester: RankedTester = rankWith(5, uiTypeIs('Label'));

export const layoutEntries = [
  { tester: verticalLayoutTester, renderer: withJsonFormsLayoutProps(VerticalLayoutRenderer) },
  { tester: horizontalLayoutTester, renderer: withJsonFormsLayoutProps(HorizontalLayoutRenderer) },
  { tester: groupLayoutTester, renderer: withJsonFormsLayoutProps(GroupLayoutRenderer) },
  { tester: labelTester, renderer: withJsonFormsLabelProps(LabelRenderer) },
];

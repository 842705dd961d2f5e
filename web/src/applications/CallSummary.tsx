import { Box, Paper, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import type { CallSummaryFragment } from '../gql/graphql.js';
import { callArea, dateTime, FINANCING_LABELS, invitedText } from './labels.js';

/** One labelled fact in a description list; empty values read „keine Angabe“. */
export const Fact = ({ term, children, testId }: { term: string; children: ReactNode; testId?: string }) => (
  <Box sx={{ mb: 1.5 }}>
    <Typography component="dt" sx={{ fontWeight: 600 }}>
      {term}
    </Typography>
    <Typography component="dd" sx={{ ml: 0, whiteSpace: 'pre-wrap' }} data-testid={testId}>
      {children === null || children === undefined || children === '' ? 'keine Angabe' : children}
    </Typography>
  </Box>
);

/** The facts of a call for interest: text, deadline, category with its financing kind, who is invited. */
export const CallFacts = ({ call }: { call: CallSummaryFragment }) => (
  <dl style={{ margin: 0 }}>
    <Fact term="Sozialraum">{callArea(call)}</Fact>
    <Fact term="Frist" testId="call-deadline">
      {dateTime(call.deadline)}
      {call.isOpen ? '' : ' (abgelaufen oder geschlossen)'}
    </Fact>
    <Fact term="Angebotsart">{call.offerCategory.name}</Fact>
    <Fact term="Finanzierung" testId="call-financing">
      {FINANCING_LABELS[call.financingKind]}
    </Fact>
    <Fact term="Eingeladen">{invitedText(call)}</Fact>
    <Fact term="Situationsbeschreibung">{call.situationDescription}</Fact>
    <Fact term="Aufgerufen von">{`${call.openedByName}, ${dateTime(call.createdAt)}`}</Fact>
    {call.closedAt && (
      <Fact term="Geschlossen">{`${call.closedByName ?? ''}, ${dateTime(call.closedAt)}`}</Fact>
    )}
  </dl>
);

/** The call beside an application: a labelled region, sticky on wide screens. */
export const CallSummary = ({ call, headingId }: { call: CallSummaryFragment; headingId: string }) => (
  <Paper
    component="aside"
    variant="outlined"
    aria-labelledby={headingId}
    sx={{ p: 2, position: { md: 'sticky' }, top: { md: 16 } }}
    data-testid="call-summary"
  >
    <Typography variant="h2" id={headingId} sx={{ mb: 1.5 }}>
      Aufruf: {call.title}
    </Typography>
    <CallFacts call={call} />
  </Paper>
);

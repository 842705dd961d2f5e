import {
  Chip,
  Link,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { EvaluationListItemFragment } from '../gql/graphql.js';
import { evaluationStateLabel, formatDate, formatPeriod } from './labels.js';

/** A table of evaluations: offer, reporting period, due date, state; each row links to the evaluation. */
export const EvaluationTable = ({
  evaluations,
  caption,
  emptyText,
  testId,
  showOffer = true,
}: {
  evaluations: readonly EvaluationListItemFragment[];
  caption: string;
  emptyText: string;
  testId?: string;
  showOffer?: boolean;
}) =>
  evaluations.length === 0 ? (
    <Typography data-testid={testId}>{emptyText}</Typography>
  ) : (
    <TableContainer>
      <Table size="small" data-testid={testId}>
        <caption style={{ captionSide: 'top', textAlign: 'left', padding: '0 0 0.5rem 0' }}>
          {caption}
        </caption>
        <TableHead>
          <TableRow>
            {showOffer && (
              <TableCell component="th" scope="col">
                Angebot
              </TableCell>
            )}
            <TableCell component="th" scope="col">
              Berichtszeitraum
            </TableCell>
            <TableCell component="th" scope="col">
              Fällig am
            </TableCell>
            <TableCell component="th" scope="col">
              Zustand
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {evaluations.map((evaluation) => {
            const label = `${evaluation.periodNumber}. Zeitraum: ${formatPeriod(evaluation.periodFrom, evaluation.periodTo)}`;
            return (
              <TableRow key={evaluation.id}>
                {showOffer && (
                  <TableCell component="th" scope="row">
                    {evaluation.offer.title}
                  </TableCell>
                )}
                <TableCell>
                  <Link
                    component={RouterLink}
                    to={`/evaluationen/${evaluation.id}`}
                    aria-label={`Evaluation ${showOffer ? `„${evaluation.offer.title}“, ` : ''}${label}`}
                  >
                    {label}
                  </Link>
                </TableCell>
                <TableCell>{formatDate(evaluation.dueDate)}</TableCell>
                <TableCell>
                  {evaluationStateLabel(evaluation.state)}
                  {evaluation.overdue && (
                    <Chip size="small" color="error" label="überfällig" sx={{ ml: 1 }} variant="outlined" />
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </TableContainer>
  );

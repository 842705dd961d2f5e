import { Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import type { ApplicationListItemFragment } from '../gql/graphql.js';
import { applicationStateLabel, dateTime, euros, latestRequestedAmount } from './labels.js';

/** Applications as a table: state, Träger, requested amount, submitted at; each links to its page. */
export const ApplicationTable = ({
  applications,
  caption,
  showCall = false,
  testId = 'application-table',
}: {
  applications: readonly ApplicationListItemFragment[];
  caption: string;
  showCall?: boolean;
  testId?: string;
}) => (
  <TableContainer>
    <Table size="small" data-testid={testId}>
      <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0, marginBottom: 8 }}>
        {caption}
      </caption>
      <TableHead>
        <TableRow>
          <TableCell component="th" scope="col">
            {showCall ? 'Aufruf' : 'Träger'}
          </TableCell>
          {showCall && (
            <TableCell component="th" scope="col">
              Träger
            </TableCell>
          )}
          <TableCell component="th" scope="col">
            Zustand
          </TableCell>
          <TableCell component="th" scope="col" align="right">
            Beantragter Betrag
          </TableCell>
          <TableCell component="th" scope="col">
            Eingereicht am
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {applications.map((application) => {
          const link = (
            <Link component={RouterLink} to={`/interessensbekundungen/${application.id}`}>
              {showCall ? application.call.title : (application.provider?.name ?? 'Interessensbekundung')}
            </Link>
          );
          return (
            <TableRow key={application.id} data-testid="application-row">
              <TableCell component="th" scope="row">
                {link}
              </TableCell>
              {showCall && <TableCell>{application.provider?.name ?? '–'}</TableCell>}
              <TableCell>{applicationStateLabel(application.state)}</TableCell>
              <TableCell align="right">{euros(latestRequestedAmount(application.revisions))}</TableCell>
              <TableCell>
                {application.submittedAt ? dateTime(application.submittedAt) : 'noch nicht'}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  </TableContainer>
);

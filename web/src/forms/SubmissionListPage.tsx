import {
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { FormsQuery } from '../gql/graphql.js';
import { formsQuery, submissionsQuery } from './api.js';

type FormSummary = FormsQuery['forms'][number];

/** `/einreichungen`: the submissions the caller may see (the server decides which), per form. */
export const SubmissionListPage = () => {
  useDocumentTitle('Einreichungen');
  const query = useQuery(formsQuery);

  return (
    <>
      <PageHeading>Einreichungen</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '70ch' }}>
        Hier sehen Sie die eingegangenen Formulare, die Sie einsehen dürfen. Mitarbeitende eines Trägers sehen
        nur die Einreichungen ihres eigenen Trägers.
      </Typography>
      {query.status === 'loading' && <PageLoading label="Formulare werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' &&
        query.data.forms.map((form) => <FormSubmissions key={form.key} form={form} />)}
    </>
  );
};

const FormSubmissions = ({ form }: { form: FormSummary }) => {
  const query = useQuery(submissionsQuery, { formKey: form.key });
  const headingId = `submissions-${form.key}`;
  return (
    <Paper
      component="section"
      aria-labelledby={headingId}
      variant="outlined"
      sx={{ p: { xs: 2, md: 3 }, mb: 3 }}
      data-testid={`submissions-${form.key}`}
    >
      <Typography component="h2" variant="h2" id={headingId} sx={{ mb: 2 }}>
        {form.title}
      </Typography>
      {query.status === 'loading' && <PageLoading label="Einreichungen werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' &&
        (query.data.submissions.length === 0 ? (
          <Typography>Keine Einreichungen.</Typography>
        ) : (
          <TableContainer>
            <Table size="small" aria-labelledby={headingId}>
              <TableHead>
                <TableRow>
                  <TableCell component="th" scope="col">
                    Eingangsnummer
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Eingegangen am
                  </TableCell>
                  <TableCell component="th" scope="col">
                    Träger
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {query.data.submissions.map((submission) => (
                  <TableRow key={submission.id} data-testid="submission-row">
                    <TableCell>
                      <Link component={RouterLink} to={`/submissions/${submission.id}`}>
                        {submission.id}
                      </Link>
                    </TableCell>
                    <TableCell>{formatDateTime(submission.createdAt)}</TableCell>
                    <TableCell>{submission.provider?.name ?? 'Jugendamt'}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ))}
    </Paper>
  );
};

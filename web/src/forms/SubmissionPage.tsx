import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { useMemo } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { createFormAjv } from '../../../form-logic/index.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorBoundary } from '../app/ErrorBoundary.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { SubmissionQuery } from '../gql/graphql.js';
import { asJsonObject, submissionQuery, toRenderableVersion } from './api.js';
import { FormView } from './FormView.js';

type StoredSubmission = NonNullable<SubmissionQuery['submission']>;

/** `/submissions/:id`: confirmation with the data exactly as the server stored it. */
export const SubmissionPage = () => {
  const { id = '' } = useParams();
  const query = useQuery(submissionQuery, { id });
  const submission = query.status === 'success' ? query.data.submission : undefined;
  useDocumentTitle(
    query.status === 'loading'
      ? 'Eingang wird geladen'
      : submission
        ? `Eingangsbestätigung: ${submission.formVersion.title}`
        : query.status === 'error'
          ? 'Fehler beim Laden'
          : 'Eingang nicht gefunden',
  );

  if (query.status === 'loading') return <PageLoading label="Eingangsbestätigung wird geladen …" />;

  if (query.status === 'error') {
    return (
      <>
        <PageHeading>Eingangsbestätigung konnte nicht geladen werden</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  }

  if (!submission) {
    return (
      <>
        <PageHeading>Eingang nicht gefunden</PageHeading>
        <Typography sx={{ mb: 2 }}>Zu dieser Adresse ist keine Einreichung gespeichert.</Typography>
        <Link component={RouterLink} to="/">
          Zur Übersicht der Formulare
        </Link>
      </>
    );
  }

  return <SubmissionConfirmation submission={submission} />;
};

const SubmissionConfirmation = ({ submission }: { submission: StoredSubmission }) => {
  const version = submission.formVersion;

  return (
    <>
      <PageHeading>Vielen Dank – Ihre Angaben wurden gespeichert</PageHeading>
      <Alert severity="success" sx={{ mb: 3 }} data-testid="submission-confirmation">
        Ihre Einreichung ist beim Landkreis Verden eingegangen. Bitte notieren Sie die Eingangsnummer für
        Rückfragen.
      </Alert>

      <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, mb: 4 }}>
        <Typography component="h2" variant="h2" sx={{ mb: 2 }}>
          Angaben zum Eingang
        </Typography>
        <Box
          component="dl"
          sx={{
            display: 'grid',
            gridTemplateColumns: { xs: '1fr', sm: 'max-content 1fr' },
            columnGap: 3,
            rowGap: 1,
            m: 0,
            '& dt': { fontWeight: 600 },
            '& dd': { m: 0, mb: { xs: 1, sm: 0 }, overflowWrap: 'anywhere' },
          }}
        >
          <dt>Eingangsnummer</dt>
          <dd data-testid="submission-id">{submission.id}</dd>
          <dt>Eingegangen am</dt>
          <dd data-testid="submission-created-at">{formatDateTime(submission.createdAt)}</dd>
          <dt>Formular</dt>
          <dd data-testid="submission-form">
            {version.title}, Version {version.number}
          </dd>
        </Box>
      </Paper>

      <Typography component="h2" variant="h2" sx={{ mb: 1 }}>
        Ihre gespeicherten Angaben
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3, maxWidth: '75ch' }}>
        So wurden Ihre Angaben gespeichert. Summen und Beträge hat der Landkreis beim Eingang nachgerechnet.
      </Typography>
      <Box data-testid="submission-data" sx={{ mb: 4 }}>
        {submission.viewerCan.readData ? (
          <ErrorBoundary
            fallback={
              <ErrorState
                title="Anzeige nicht möglich"
                message="Die gespeicherten Angaben können derzeit nicht angezeigt werden. Ihre Einreichung ist davon nicht betroffen."
              />
            }
          >
            <StoredData submission={submission} />
          </ErrorBoundary>
        ) : (
          <Alert severity="info" data-testid="submission-data-hidden">
            Den Inhalt dieser Einreichung sehen nur der Träger selbst und die Stellen, die sie bearbeiten. Für
            das Fachgremium stehen die Zahlen in den Berichten.
          </Alert>
        )}
      </Box>

      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', displayPrint: 'none' }}>
        <Button
          variant="contained"
          startIcon={<PrintIcon aria-hidden="true" />}
          onClick={() => window.print()}
        >
          Drucken
        </Button>
        <Button
          component={RouterLink}
          to={`/forms/${encodeURIComponent(submission.formKey)}`}
          variant="outlined"
        >
          Formular erneut ausfüllen
        </Button>
        <Button component={RouterLink} to="/" variant="text">
          Zur Übersicht der Formulare
        </Button>
      </Stack>
    </>
  );
};

/** The stored data rendered read-only by its own form version (inside an error boundary: it narrows JSON). */
const StoredData = ({ submission }: { submission: StoredSubmission }) => {
  const ajv = useMemo(() => createFormAjv(), []);
  const version = useMemo(() => toRenderableVersion(submission.formVersion), [submission.formVersion]);
  return (
    <FormView
      schema={version.schema}
      uischema={version.uischema}
      data={asJsonObject(submission.data, 'Die Einreichung')}
      ajv={ajv}
      readonly
      validationMode="NoValidation"
    />
  );
};

import { Alert, AlertTitle, Box, Button, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { createFormAjv } from '../../../form-logic/index.js';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { EditDialog, type FieldValues } from '../admin/EditDialog.js';
import { ErrorBoundary } from '../app/ErrorBoundary.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { asJsonObject, toRenderableVersion } from '../forms/api.js';
import type { ApplicationQuery } from '../gql/graphql.js';
import { applicationQuery, requestApplicationChangesMutation, withdrawApplicationMutation } from './api.js';
import { ApplicationEditor } from './ApplicationEditor.js';
import { ANLAGE_1, ANLAGE_2 } from './documents.js';
import { CallSummary, Fact } from './CallSummary.js';
import { DocumentForm } from './DocumentForm.js';
import { applicationStateLabel, dateTime, euros, latestRequestedAmount } from './labels.js';
import { RevisionsSection } from './RevisionsSection.js';

type Application = ApplicationQuery['application'];
type Action = 'withdraw' | 'requestChanges';

/**
 * `/interessensbekundungen/:id`: an application beside its call. The provider edits Anlage 1 and 2
 * (draft on the server), submits, resubmits after a change request and withdraws; the team lead
 * requests changes and goes on to scoring; everyone who may read it sees the revisions and their diff.
 */
export const ApplicationPage = () => {
  const { id = '' } = useParams();
  const query = useQuery(applicationQuery, { id });
  const [fresh, setFresh] = useState<Application | null>(null);
  const [revision, setRevision] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [action, setAction] = useState<Action | null>(null);
  const [generation, setGeneration] = useState(0);
  const noticeRef = useRef<HTMLDivElement>(null);
  const application =
    fresh?.id === id ? fresh : query.status === 'success' ? query.data.application : undefined;
  useDocumentTitle(application ? `Interessensbekundung: ${application.call.title}` : 'Interessensbekundung');

  useEffect(() => {
    if (notice && application) noticeRef.current?.focus();
  }, [notice, application]);

  /** Loads the application as stored now; the editor starts again from it. */
  const refresh = async (message: string | null) => {
    try {
      setFresh((await graphqlRequest(applicationQuery, { id })).application);
    } catch {
      query.reload();
    }
    setRevision(null);
    setGeneration((n) => n + 1);
    setAction(null);
    setNotice(message);
  };

  if (!application && query.status === 'error') {
    return (
      <>
        <PageHeading>Interessensbekundung</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
        <Link component={RouterLink} to="/interessensbekundungen">
          Zur Liste der Interessensbekundungen
        </Link>
      </>
    );
  }
  if (!application) return <PageLoading label="Interessensbekundung wird geladen …" />;

  const can = application.viewerCan;
  const currentRevision = revision ?? application.revision;
  const editable = can.saveDraft && can.readData;
  const requested = latestRequestedAmount(application.revisions);

  return (
    <>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap' }}>
        <Link component={RouterLink} to={`/aufrufe/${application.call.id}`}>
          Zum Aufruf
        </Link>
        {application.call.need && (
          <Link component={RouterLink} to={`/bedarfe/${application.call.need.id}`}>
            Zum Bedarf
          </Link>
        )}
      </Stack>
      <PageHeading>Interessensbekundung: {application.call.title}</PageHeading>
      <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 2, flexWrap: 'wrap' }}>
        <Chip
          label={`Zustand: ${applicationStateLabel(application.state)}`}
          color="primary"
          variant="outlined"
          data-testid="application-state"
        />
        {application.provider && <Chip label={`Träger: ${application.provider.name}`} variant="outlined" />}
        {requested !== null && <Chip label={`Beantragt: ${euros(requested)}`} variant="outlined" />}
      </Stack>

      {notice && (
        <Alert
          severity="success"
          role="status"
          ref={noticeRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="application-notice"
        >
          {notice}
        </Alert>
      )}

      {application.state === 'CHANGES_REQUESTED' && (
        <Alert severity="warning" sx={{ mb: 3 }} data-testid="change-request">
          <AlertTitle component="h2" sx={{ fontSize: '1.25rem', fontWeight: 600 }}>
            Änderungen angefordert
          </AlertTitle>
          {application.changeRequestComment && (
            <Typography sx={{ whiteSpace: 'pre-wrap', mb: 1 }} data-testid="change-request-comment">
              {application.changeRequestComment}
            </Typography>
          )}
          <Typography variant="body2">
            {application.changesRequestedByName ?? ''}
            {application.changesRequestedAt ? `, ${dateTime(application.changesRequestedAt)}` : ''}
          </Typography>
        </Alert>
      )}

      {(can.withdraw || can.requestChanges || can.score) && (
        <Box component="section" aria-labelledby="application-actions" sx={{ mb: 3 }}>
          <Typography variant="h2" id="application-actions" sx={{ mb: 1 }}>
            Nächste Schritte
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
            {can.score && (
              <Button variant="contained" component={RouterLink} to={`/bewertungen/${application.id}`}>
                Bewerten (Anlage 3)
              </Button>
            )}
            {can.requestChanges && (
              <Button variant="outlined" onClick={() => setAction('requestChanges')}>
                Änderungen anfordern
              </Button>
            )}
            {can.withdraw && (
              <Button variant="outlined" color="error" onClick={() => setAction('withdraw')}>
                Zurückziehen
              </Button>
            )}
          </Stack>
        </Box>
      )}

      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', md: 'minmax(16rem, 1fr) 2.5fr' },
          gap: 3,
          alignItems: 'start',
          mb: 3,
        }}
      >
        <CallSummary call={application.call} headingId="call-summary-heading" />
        <Box sx={{ minWidth: 0 }}>
          <Paper
            component="section"
            variant="outlined"
            aria-labelledby="application-facts"
            sx={{ p: 2, mb: 3 }}
          >
            <Typography variant="h2" id="application-facts" sx={{ mb: 1.5 }}>
              Angaben zur Interessensbekundung
            </Typography>
            <dl style={{ margin: 0 }}>
              <Fact term="Angelegt">{`${application.createdByName}, ${dateTime(application.createdAt)}`}</Fact>
              <Fact term="Zuletzt eingereicht">
                {application.submittedAt ? dateTime(application.submittedAt) : 'noch nicht eingereicht'}
              </Fact>
              {application.withdrawnAt && (
                <Fact term="Zurückgezogen">{dateTime(application.withdrawnAt)}</Fact>
              )}
            </dl>
          </Paper>
          <ErrorBoundary
            fallback={
              <ErrorState
                title="Anlagen können nicht angezeigt werden"
                message="Die Anlagen dieser Interessensbekundung können derzeit nicht angezeigt werden."
              />
            }
          >
            {editable ? (
              <ApplicationEditor
                key={generation}
                application={application}
                revision={currentRevision}
                onRevision={setRevision}
                onSubmitted={() =>
                  refresh(
                    application.state === 'CHANGES_REQUESTED'
                      ? 'Die Interessensbekundung wurde erneut eingereicht.'
                      : 'Die Interessensbekundung wurde eingereicht.',
                  )
                }
                onReload={() => refresh('Der aktuelle Stand wurde geladen.')}
              />
            ) : can.readData ? (
              <StoredAnlagen application={application} />
            ) : (
              <Alert severity="info">Den Inhalt dieser Interessensbekundung dürfen Sie nicht sehen.</Alert>
            )}
          </ErrorBoundary>
        </Box>
      </Box>

      <RevisionsSection
        key={application.revisions.length}
        applicationId={application.id}
        revisions={application.revisions}
        canReadData={can.readData}
      />

      {action === 'withdraw' && (
        <ConfirmDialog
          title="Interessensbekundung zurückziehen?"
          text="Die Interessensbekundung wird zurückgezogen und kann danach nicht mehr bearbeitet oder eingereicht werden. Eingereichte Fassungen bleiben erhalten."
          confirmLabel="Zurückziehen"
          onClose={() => setAction(null)}
          onConfirm={async () => {
            await graphqlRequest(withdrawApplicationMutation, {
              input: { id: application.id, revision: currentRevision },
            });
            await refresh('Die Interessensbekundung wurde zurückgezogen.');
          }}
        />
      )}
      {action === 'requestChanges' && (
        <EditDialog
          open
          title="Änderungen anfordern"
          fields={[
            {
              name: 'comment',
              label: 'Was soll der Träger ändern?',
              kind: 'textarea',
              required: true,
              helperText: 'Der Träger sieht diesen Kommentar über seiner Interessensbekundung.',
              validate: (value) =>
                value.length > 5000 ? 'Der Kommentar darf höchstens 5000 Zeichen lang sein.' : undefined,
            },
          ]}
          initialValues={{ comment: '' }}
          editing={false}
          submitLabel="Änderungen anfordern"
          onClose={() => setAction(null)}
          onSubmit={async (values: FieldValues) => {
            await graphqlRequest(requestApplicationChangesMutation, {
              input: {
                id: application.id,
                revision: currentRevision,
                comment: String(values.comment).trim(),
              },
            });
            await refresh('Die Änderungen wurden beim Träger angefordert.');
          }}
        />
      )}
    </>
  );
};

/** Anlage 1 and 2 as stored (read-only), in the versions the application is bound to. */
export const StoredAnlagen = ({
  application,
  headingLevel = 2,
}: {
  application: Application;
  headingLevel?: 2 | 3;
}) => {
  const ajv = useMemo(() => createFormAjv(), []);
  const documents = [
    {
      anlage: ANLAGE_1,
      version: application.offerDescriptionVersion,
      data: application.offerDescriptionData,
    },
    { anlage: ANLAGE_2, version: application.costCalculationVersion, data: application.costCalculationData },
  ];
  return (
    <>
      {documents.map(({ anlage, version, data }) => {
        const renderable = toRenderableVersion(version);
        return (
          <Paper
            key={anlage.key}
            component="section"
            variant="outlined"
            aria-labelledby={`${anlage.containerId}-heading`}
            sx={{ p: { xs: 2, md: 3 }, mb: 3 }}
          >
            <Typography
              variant={`h${headingLevel}`}
              component={`h${headingLevel}`}
              id={`${anlage.containerId}-heading`}
              sx={{ mb: 2 }}
            >
              {renderable.title}{' '}
              <Typography component="span" color="text.secondary">
                (Version {renderable.number})
              </Typography>
            </Typography>
            <DocumentForm
              id={anlage.containerId}
              version={renderable}
              ajv={ajv}
              data={asJsonObject(data ?? {}, anlage.label)}
            />
          </Paper>
        );
      })}
    </>
  );
};

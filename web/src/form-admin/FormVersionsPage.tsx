import {
  Alert,
  Box,
  Button,
  FormControl,
  InputLabel,
  Link,
  MenuItem,
  Paper,
  Select,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { FieldError } from '../../../form-logic/index.js';
import {
  type AdminVersion,
  archiveFormVersionMutation,
  authorOf,
  builderPath,
  createDraft,
  diffPath,
  existingDraftId,
  exportPath,
  formAdminVersionsQuery,
  publishPath,
  STATUS_LABELS,
} from './api.js';
import { FormAdminBackLink } from './FormAdminBackLink.js';
import { ImportDefinition } from './ImportDefinition.js';

/** What the page says after an action: a success, or a failure with an optional link to the existing draft. */
type Notice =
  | { severity: 'success'; text: string }
  | {
      severity: 'error';
      text: string;
      error?: ApiError;
      errors?: FieldError[];
      draft?: { id: string; number?: number };
    };

/** `/verwaltung/formulare/:key`: the versions of a form with their actions, comparing and importing. */
export const FormVersionsPage = () => {
  const { key = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const query = useQuery(formAdminVersionsQuery, { key });
  const form = query.status === 'success' ? query.data.form : undefined;
  useDocumentTitle(form ? `Versionen: ${form.title}` : 'Versionen eines Formulars');
  const arrivedWith = (location.state as { status?: unknown } | null)?.status;
  const [notice, setNotice] = useState<Notice | null>(
    typeof arrivedWith === 'string' ? { severity: 'success', text: arrivedWith } : null,
  );
  const [archiving, setArchiving] = useState<AdminVersion | null>(null);
  const [busy, setBusy] = useState(false);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice?.severity === 'error') noticeRef.current?.focus();
  }, [notice]);

  if (query.status === 'loading') return <PageLoading label="Versionen werden geladen …" />;
  if (query.status === 'error') {
    return (
      <>
        <FormAdminBackLink />
        <PageHeading>Versionen eines Formulars</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  }
  if (!form) {
    return (
      <>
        <FormAdminBackLink />
        <PageHeading>Formular nicht gefunden</PageHeading>
        <Alert severity="error">Es gibt kein Formular mit dem Schlüssel „{key}“.</Alert>
      </>
    );
  }

  const versions = form.versions;
  const draft = versions.find((version) => version.status === 'DRAFT');

  const startDraft = async (from: AdminVersion) => {
    if (busy) return;
    setBusy(true);
    setNotice(null);
    try {
      const created = await createDraft(form.key, from.id);
      void navigate(builderPath(form.key, created.id));
    } catch (caught) {
      const error = toApiError(caught);
      const draftId = existingDraftId(error);
      setNotice(
        draftId
          ? {
              severity: 'error',
              text: 'Es gibt schon einen Entwurf dieses Formulars. Bearbeiten Sie ihn oder archivieren Sie ihn, bevor Sie einen neuen beginnen.',
              draft: { id: draftId, number: versions.find((version) => version.id === draftId)?.number },
            }
          : { severity: 'error', text: error.message, error },
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <FormAdminBackLink />
      <PageHeading>Versionen: {form.title}</PageHeading>
      <Typography sx={{ mb: 2, maxWidth: '75ch' }}>
        Schlüssel <code>{form.key}</code>.{' '}
        {form.published ? `In Kraft ist Version ${form.published.number}.` : 'Keine Version ist in Kraft.'}{' '}
        {draft ? `Version ${draft.number} ist ein Entwurf.` : 'Es gibt keinen Entwurf.'}
      </Typography>
      <Box role="status" aria-live="polite">
        {notice?.severity === 'success' && (
          <Alert severity="success" sx={{ mb: 2 }}>
            {notice.text}
          </Alert>
        )}
      </Box>
      {notice?.severity === 'error' && (
        <Alert severity="error" role="alert" ref={noticeRef} tabIndex={-1} sx={{ mb: 2 }}>
          {notice.text}
          {notice.errors && notice.errors.length > 0 && (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {notice.errors.map((error, index) => (
                <li key={index}>{error.message}</li>
              ))}
            </Box>
          )}
          {notice.draft && (
            <>
              {' '}
              <Link component={RouterLink} to={builderPath(form.key, notice.draft.id)}>
                {notice.draft.number ? `Zum Entwurf (Version ${notice.draft.number})` : 'Zum Entwurf'}
              </Link>
            </>
          )}
          <ErrorCodeNote error={notice.error} />
        </Alert>
      )}

      <Typography component="h2" variant="h2" gutterBottom sx={{ mt: 3 }}>
        Fassungen
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table aria-label={`Fassungen von ${form.title}`} size="small">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Version
              </TableCell>
              <TableCell component="th" scope="col">
                Status
              </TableCell>
              <TableCell component="th" scope="col">
                Autor
              </TableCell>
              <TableCell component="th" scope="col">
                Erstellt am
              </TableCell>
              <TableCell component="th" scope="col">
                Veröffentlicht
              </TableCell>
              <TableCell component="th" scope="col">
                Aktionen
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {versions.map((version) => (
              <TableRow key={version.id} data-testid={`version-${version.number}`}>
                <TableCell component="th" scope="row">
                  Version {version.number}
                </TableCell>
                <TableCell>{STATUS_LABELS[version.status]}</TableCell>
                <TableCell>{authorOf(version)}</TableCell>
                <TableCell>{formatDateTime(version.createdAt)}</TableCell>
                <TableCell>
                  {version.publishedAt
                    ? `${formatDateTime(version.publishedAt)}${version.publishedByName ? ` von ${version.publishedByName}` : ''}`
                    : '–'}
                </TableCell>
                <TableCell>
                  <VersionActions
                    formKey={form.key}
                    version={version}
                    busy={busy}
                    onStartDraft={() => void startDraft(version)}
                    onArchive={() => setArchiving(version)}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>

      <CompareVersions formKey={form.key} versions={versions} publishedId={form.published?.id} />

      <ImportDefinition
        formKey={form.key}
        draft={draft ?? null}
        canCreateDraft={form.viewerCan.createDraft}
        onImported={(draftId) => void navigate(builderPath(form.key, draftId))}
      />

      {archiving && (
        <ConfirmDialog
          title={`Entwurf Version ${archiving.number} archivieren?`}
          text="Der Entwurf wird beiseitegelegt und bleibt in der Versionsliste erhalten. Danach kann ein neuer Entwurf begonnen werden."
          confirmLabel="Archivieren"
          onClose={() => setArchiving(null)}
          onConfirm={async () => {
            const { archiveFormVersion } = await graphqlRequest(archiveFormVersionMutation, {
              id: archiving.id,
            });
            setArchiving(null);
            if (archiveFormVersion.errors.length > 0) {
              setNotice({
                severity: 'error',
                text: 'Der Entwurf wurde nicht archiviert:',
                errors: archiveFormVersion.errors,
              });
              return;
            }
            setNotice({
              severity: 'success',
              text: `Der Entwurf Version ${archiving.number} wurde archiviert.`,
            });
            query.reload();
          }}
        />
      )}
    </>
  );
};

/** The actions a version allows: edit, check and publish, new draft from it, archive, export. */
const VersionActions = ({
  formKey,
  version,
  busy,
  onStartDraft,
  onArchive,
}: {
  formKey: string;
  version: AdminVersion;
  busy: boolean;
  onStartDraft: () => void;
  onArchive: () => void;
}) => {
  const of = `Version ${version.number}`;
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {version.status === 'DRAFT' && version.viewerCan.update && (
        <Button
          size="small"
          variant="contained"
          component={RouterLink}
          to={builderPath(formKey, version.id)}
          aria-label={`${of} bearbeiten`}
        >
          Bearbeiten
        </Button>
      )}
      {version.status === 'DRAFT' && version.viewerCan.publish && (
        <Button
          size="small"
          variant="outlined"
          component={RouterLink}
          to={publishPath(formKey, version.id)}
          aria-label={`${of} prüfen und veröffentlichen`}
        >
          Prüfen und veröffentlichen
        </Button>
      )}
      {version.viewerCan.createDraftFrom && (
        <Button size="small" variant="outlined" onClick={onStartDraft} disabled={busy}>
          Neuen Entwurf aus {of}
        </Button>
      )}
      {version.viewerCan.archive && (
        <Button size="small" variant="outlined" color="error" onClick={onArchive}>
          Entwurf archivieren
        </Button>
      )}
      <Button
        size="small"
        component="a"
        href={exportPath(version.id)}
        download={`${formKey}-v${version.number}.json`}
        aria-label={`${of} exportieren (JSON-Datei)`}
      >
        Exportieren
      </Button>
    </Stack>
  );
};

/** Two selects and a button that open the diff between two versions. */
const CompareVersions = ({
  formKey,
  versions,
  publishedId,
}: {
  formKey: string;
  versions: readonly AdminVersion[];
  publishedId: string | undefined;
}) => {
  const headingId = useId();
  const fromLabel = useId();
  const toLabel = useId();
  const navigate = useNavigate();
  // Versions come newest first: compare the version in force (or the one before the newest) with the newest.
  const newest = versions[0];
  const defaultFrom = publishedId && publishedId !== newest?.id ? publishedId : versions[1]?.id;
  const [from, setFrom] = useState(defaultFrom ?? '');
  const [to, setTo] = useState(newest?.id ?? '');
  if (versions.length < 2) return null;
  const label = (version: AdminVersion) => `Version ${version.number} (${STATUS_LABELS[version.status]})`;
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mt: 4 }}>
      <Typography id={headingId} component="h2" variant="h2" gutterBottom>
        Fassungen vergleichen
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} alignItems={{ sm: 'center' }}>
        <FormControl sx={{ minWidth: '14rem' }}>
          <InputLabel id={fromLabel}>Ältere Fassung</InputLabel>
          <Select
            labelId={fromLabel}
            label="Ältere Fassung"
            value={from}
            onChange={(event) => setFrom(event.target.value)}
          >
            {versions.map((version) => (
              <MenuItem key={version.id} value={version.id}>
                {label(version)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl sx={{ minWidth: '14rem' }}>
          <InputLabel id={toLabel}>Neuere Fassung</InputLabel>
          <Select
            labelId={toLabel}
            label="Neuere Fassung"
            value={to}
            onChange={(event) => setTo(event.target.value)}
          >
            {versions.map((version) => (
              <MenuItem key={version.id} value={version.id}>
                {label(version)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <Button
          variant="contained"
          disabled={!from || !to}
          onClick={() => void navigate(diffPath(formKey, from, to))}
        >
          Vergleichen
        </Button>
      </Stack>
    </Box>
  );
};

import {
  Alert,
  AlertTitle,
  Box,
  Button,
  LinearProgress,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useId, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import { ConfirmDialog } from '../admin/ConfirmDialog.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { FieldError } from '../../../form-logic/index.js';
import type { FormImpactDetailsFragment } from '../gql/graphql.js';
import {
  builderPath,
  formImpactQuery,
  formVersionDiffQuery,
  publishFormVersionMutation,
  publishTargetQuery,
} from './api.js';
import { ChangeList } from './ChangeList.js';
import { countChanges } from './diff-groups.js';
import { FormAdminBackLink } from './FormAdminBackLink.js';
import { countRecords, publishBlockers } from './impact.js';

/** `/verwaltung/formulare/:key/veroeffentlichen/:versionId`: diff, impact check and publishing of a draft. */
export const PublishPage = () => {
  const { key = '', versionId = '' } = useParams();
  const navigate = useNavigate();
  const target = useQuery(publishTargetQuery, { id: versionId });
  const version = target.status === 'success' ? target.data.formVersion : undefined;
  const title = version
    ? `Prüfen und veröffentlichen: ${version.form.title}, Version ${version.number}`
    : undefined;
  useDocumentTitle(title ?? 'Prüfen und veröffentlichen');

  if (target.status === 'loading') return <PageLoading label="Entwurf wird geladen …" />;
  if (target.status === 'error' || !version || version.formKey !== key) {
    return (
      <>
        <FormAdminBackLink formKey={key} />
        <PageHeading>Prüfen und veröffentlichen</PageHeading>
        {target.status === 'error' ? (
          <ErrorState error={target.error} onRetry={target.reload} />
        ) : (
          <Alert severity="error">Diese Fassung gehört nicht zu diesem Formular oder existiert nicht.</Alert>
        )}
      </>
    );
  }

  const inForce = version.form.published;
  return (
    <>
      <FormAdminBackLink formKey={version.formKey} title={version.form.title} />
      <PageHeading>{title}</PageHeading>
      {version.status !== 'DRAFT' ? (
        <Alert severity="info">
          Version {version.number} ist kein Entwurf; veröffentlicht werden können nur Entwürfe.
        </Alert>
      ) : (
        <>
          <Typography sx={{ mb: 3, maxWidth: '75ch' }}>
            Bevor der Entwurf in Kraft tritt, zeigt diese Seite, was sich gegenüber der Fassung in Kraft
            ändert und welche gespeicherten Einreichungen und Entwürfe die neue Fassung nicht mehr erfüllen
            würden. Bereits eingereichte Formulare behalten ihre eigene Fassung.
          </Typography>
          <ChangesSection versionId={version.id} inForce={inForce ?? null} />
          <ImpactAndPublish
            versionId={version.id}
            number={version.number}
            inForceNumber={inForce?.number ?? null}
            canPublish={version.viewerCan.publish}
            onEdit={() => void navigate(builderPath(version.formKey, version.id))}
            onPublished={() =>
              void navigate(`/verwaltung/formulare/${encodeURIComponent(version.formKey)}`, {
                state: { status: `Version ${version.number} ist jetzt in Kraft.` },
              })
            }
          />
        </>
      )}
    </>
  );
};

const ChangesSection = ({
  versionId,
  inForce,
}: {
  versionId: string;
  inForce: { id: string; number: number } | null;
}) => {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 4 }}>
      <Typography id={headingId} component="h2" variant="h2" gutterBottom>
        {inForce ? `Änderungen gegenüber Version ${inForce.number} (in Kraft)` : 'Änderungen'}
      </Typography>
      {inForce ? (
        <Diff fromId={inForce.id} toId={versionId} />
      ) : (
        <Typography>Es ist noch keine Fassung in Kraft: der Entwurf gilt als erste Fassung.</Typography>
      )}
    </Box>
  );
};

const Diff = ({ fromId, toId }: { fromId: string; toId: string }) => {
  const diff = useQuery(formVersionDiffQuery, { fromId, toId });
  if (diff.status === 'loading') return <PageLoading label="Änderungen werden ermittelt …" />;
  if (diff.status === 'error') return <ErrorState error={diff.error} onRetry={diff.reload} />;
  return (
    <>
      <Typography sx={{ mb: 2 }}>{countChanges(diff.data.formVersionDiff.length)}</Typography>
      <ChangeList changes={diff.data.formVersionDiff} level={3} />
    </>
  );
};

const FieldErrorList = ({ errors }: { errors: readonly FieldError[] }) => (
  <Box component="ul" sx={{ m: 0, pl: 2 }}>
    {errors.map((error, index) => (
      <li key={index}>
        {error.message}
        {error.path && (
          <>
            {' '}
            (<code>{error.path}</code>)
          </>
        )}
      </li>
    ))}
  </Box>
);

/** The impact check (with progress while it runs), the guardrails and the publish button. */
const ImpactAndPublish = ({
  versionId,
  number,
  inForceNumber,
  canPublish,
  onEdit,
  onPublished,
}: {
  versionId: string;
  number: number;
  inForceNumber: number | null;
  canPublish: boolean;
  onEdit: () => void;
  onPublished: () => void;
}) => {
  const impact = useQuery(formImpactQuery, { versionId });
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const [refused, setRefused] = useState<{ errors: FieldError[]; more: number } | null>(null);
  const refusedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refused) refusedRef.current?.focus();
  }, [refused]);

  const data = impact.status === 'success' ? impact.data.formImpact : undefined;
  const blockers = data ? publishBlockers(data) : [];

  return (
    <>
      <Box component="section" aria-labelledby={headingId} sx={{ mb: 4 }}>
        <Typography id={headingId} component="h2" variant="h2" gutterBottom>
          Auswirkungen auf gespeicherte Daten
        </Typography>
        <Box role="status" aria-live="polite">
          {impact.status === 'loading' && (
            <Box sx={{ py: 2 }}>
              <Typography sx={{ mb: 1 }}>
                Die gespeicherten Einreichungen und Entwürfe werden gegen den Entwurf geprüft …
              </Typography>
              <LinearProgress aria-label="Prüfung läuft" />
            </Box>
          )}
          {data && (
            <Typography sx={{ fontWeight: 'bold' }}>
              {countRecords(data.checked)} geprüft, davon{' '}
              {data.failing === 0 ? 'keiner' : countRecords(data.failing)} mit dem Entwurf nicht mehr gültig.
            </Typography>
          )}
        </Box>
        {impact.status === 'error' && <ErrorState error={impact.error} onRetry={impact.reload} />}
        {data && <ImpactDetails impact={data} />}
        {data && (
          <Button sx={{ mt: 1 }} onClick={impact.reload}>
            Erneut prüfen
          </Button>
        )}
      </Box>
      {data && <Guardrails impact={data} />}

      <Box component="section" aria-labelledby={`${headingId}-publish`} sx={{ mb: 4 }}>
        <Typography id={`${headingId}-publish`} component="h2" variant="h2" gutterBottom>
          Veröffentlichen
        </Typography>
        {refused && (
          <Alert severity="error" role="alert" ref={refusedRef} tabIndex={-1} sx={{ mb: 2 }}>
            <AlertTitle>Nicht veröffentlicht</AlertTitle>
            <FieldErrorList errors={refused.errors} />
            {refused.more > 0 && <Typography>… und {refused.more} weitere.</Typography>}
          </Alert>
        )}
        {data && blockers.length > 0 && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            Veröffentlichen ist erst möglich, wenn {blockers.join(' und ')} behoben sind.{' '}
            <Button size="small" onClick={onEdit}>
              Entwurf bearbeiten
            </Button>
          </Alert>
        )}
        {!canPublish && (
          <Typography sx={{ mb: 1 }}>Sie dürfen diesen Entwurf nicht veröffentlichen.</Typography>
        )}
        <Button
          variant="contained"
          onClick={() => setConfirming(true)}
          disabled={!data || blockers.length > 0 || !canPublish}
        >
          Veröffentlichen
        </Button>
      </Box>

      {confirming && data && (
        <ConfirmDialog
          title={`Version ${number} veröffentlichen?`}
          text={[
            inForceNumber !== null
              ? `Version ${number} tritt in Kraft und löst Version ${inForceNumber} ab.`
              : `Version ${number} tritt in Kraft.`,
            data.failing === 0
              ? `Alle ${countRecords(data.checked)} erfüllen auch die neue Fassung.`
              : `${countRecords(data.failing)} von ${data.checked} würden die neue Fassung nicht erfüllen.`,
            'Eingereichte Formulare behalten ihre Fassung.',
          ].join(' ')}
          confirmLabel="Veröffentlichen"
          onClose={() => setConfirming(false)}
          onConfirm={async () => {
            const { publishFormVersion } = await graphqlRequest(publishFormVersionMutation, {
              id: versionId,
            });
            setConfirming(false);
            if (publishFormVersion.errors.length > 0 || !publishFormVersion.formVersion) {
              setRefused({
                errors: publishFormVersion.errors,
                more: Math.max(0, publishFormVersion.errorCount - publishFormVersion.errors.length),
              });
              return;
            }
            onPublished();
          }}
        />
      )}
    </>
  );
};

const ImpactDetails = ({ impact }: { impact: FormImpactDetailsFragment }) => (
  <>
    {impact.groups.length > 0 && (
      <TableContainer component={Paper} variant="outlined" sx={{ my: 2 }}>
        <Table size="small" aria-label="Geprüfte Datensätze nach Art">
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Art
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Geprüft
              </TableCell>
              <TableCell component="th" scope="col" align="right">
                Nicht mehr gültig
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {impact.groups.map((group) => (
              <TableRow key={group.kind}>
                <TableCell component="th" scope="row">
                  {group.label}
                </TableCell>
                <TableCell align="right">{group.checked}</TableCell>
                <TableCell align="right">{group.failing}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    )}
    {impact.reasons.length > 0 && (
      <>
        <Typography component="h3" variant="h3" gutterBottom sx={{ mt: 2 }}>
          Gründe
        </Typography>
        <TableContainer component={Paper} variant="outlined" sx={{ mb: 2 }}>
          <Table size="small" aria-label="Gründe, häufigste zuerst">
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">
                  Grund
                </TableCell>
                <TableCell component="th" scope="col">
                  Feld
                </TableCell>
                <TableCell component="th" scope="col" align="right">
                  Anzahl
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {impact.reasons.map((reason, index) => (
                <TableRow key={index}>
                  <TableCell component="th" scope="row">
                    {reason.message}
                  </TableCell>
                  <TableCell>
                    <code>{reason.path || '(ganzes Formular)'}</code>
                  </TableCell>
                  <TableCell align="right">{reason.count}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </>
    )}
    {impact.examples.length > 0 && (
      <>
        <Typography component="h3" variant="h3" gutterBottom>
          Beispiele
        </Typography>
        <Box component="ul" sx={{ pl: 3, mt: 0 }}>
          {impact.examples.map((example) => (
            <li key={`${example.kind}-${example.recordId}`}>
              {example.label} <code>{example.recordId}</code>
              <FieldErrorList errors={example.errors} />
            </li>
          ))}
        </Box>
      </>
    )}
  </>
);

/** What the process needs of this form (contract errors) and the draft's own definition problems. */
const Guardrails = ({ impact }: { impact: FormImpactDetailsFragment }) => {
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 4 }}>
      <Typography id={headingId} component="h2" variant="h2" gutterBottom>
        Was der Ablauf braucht
      </Typography>
      {impact.contractErrors.length === 0 ? (
        <Alert severity="success">
          Der Entwurf enthält alles, was der Ablauf von diesem Formular braucht.
        </Alert>
      ) : (
        <Alert severity="error">
          <AlertTitle>Dem Entwurf fehlt, was der Ablauf braucht</AlertTitle>
          <FieldErrorList errors={impact.contractErrors} />
        </Alert>
      )}
      <Typography component="h3" variant="h3" gutterBottom sx={{ mt: 2 }}>
        Prüfung der Definition
      </Typography>
      {impact.definitionErrors.length === 0 ? (
        <Alert severity="success">Die Definition des Entwurfs ist in Ordnung.</Alert>
      ) : (
        <Alert severity="error">
          <AlertTitle>Probleme der Definition</AlertTitle>
          <FieldErrorList errors={impact.definitionErrors} />
        </Alert>
      )}
    </Box>
  );
};

import { Alert, Box, FormControl, InputLabel, MenuItem, Select, Stack, Typography } from '@mui/material';
import { useId } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { type AdminVersion, formAdminVersionsQuery, formVersionDiffQuery, STATUS_LABELS } from './api.js';
import { ChangeList } from './ChangeList.js';
import { countChanges } from './diff-groups.js';
import { FormAdminBackLink } from './FormAdminBackLink.js';

/** `/verwaltung/formulare/:key/vergleich?von=<id>&zu=<id>`: the German diff between two versions. */
export const FormDiffPage = () => {
  const { key = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const fromId = params.get('von') ?? '';
  const toId = params.get('zu') ?? '';
  const versionsQuery = useQuery(formAdminVersionsQuery, { key });
  const form = versionsQuery.status === 'success' ? versionsQuery.data.form : undefined;
  useDocumentTitle(form ? `Fassungen vergleichen: ${form.title}` : 'Fassungen vergleichen');
  const fromLabel = useId();
  const toLabel = useId();

  const choose = (which: 'von' | 'zu', id: string) => {
    const next = new URLSearchParams(params);
    next.set(which, id);
    setParams(next, { replace: true });
  };

  if (versionsQuery.status === 'loading') return <PageLoading label="Fassungen werden geladen …" />;
  if (versionsQuery.status === 'error' || !form) {
    return (
      <>
        <FormAdminBackLink />
        <PageHeading>Fassungen vergleichen</PageHeading>
        {versionsQuery.status === 'error' ? (
          <ErrorState error={versionsQuery.error} onRetry={versionsQuery.reload} />
        ) : (
          <Alert severity="error">Es gibt kein Formular mit dem Schlüssel „{key}“.</Alert>
        )}
      </>
    );
  }

  const versions = form.versions;
  const from = versions.find((version) => version.id === fromId);
  const to = versions.find((version) => version.id === toId);
  const name = (version: AdminVersion) => `Version ${version.number} (${STATUS_LABELS[version.status]})`;

  return (
    <>
      <FormAdminBackLink formKey={form.key} title={form.title} />
      <PageHeading>Fassungen vergleichen: {form.title}</PageHeading>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ my: 2 }}>
        <FormControl sx={{ minWidth: '14rem' }}>
          <InputLabel id={fromLabel}>Ältere Fassung</InputLabel>
          <Select
            labelId={fromLabel}
            label="Ältere Fassung"
            value={from ? fromId : ''}
            onChange={(event) => choose('von', event.target.value)}
          >
            {versions.map((version) => (
              <MenuItem key={version.id} value={version.id}>
                {name(version)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        <FormControl sx={{ minWidth: '14rem' }}>
          <InputLabel id={toLabel}>Neuere Fassung</InputLabel>
          <Select
            labelId={toLabel}
            label="Neuere Fassung"
            value={to ? toId : ''}
            onChange={(event) => choose('zu', event.target.value)}
          >
            {versions.map((version) => (
              <MenuItem key={version.id} value={version.id}>
                {name(version)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      </Stack>
      {from && to ? (
        <DiffResult from={from} to={to} />
      ) : (
        <Alert severity="info">Wählen Sie zwei Fassungen aus, um sie zu vergleichen.</Alert>
      )}
    </>
  );
};

const DiffResult = ({ from, to }: { from: AdminVersion; to: AdminVersion }) => {
  const diff = useQuery(formVersionDiffQuery, { fromId: from.id, toId: to.id });
  const headingId = useId();
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Typography id={headingId} component="h2" variant="h2" gutterBottom>
        Von Version {from.number} zu Version {to.number}
      </Typography>
      <Box aria-live="polite">
        {diff.status === 'loading' && <PageLoading label="Änderungen werden ermittelt …" />}
        {diff.status === 'error' && <ErrorState error={diff.error} onRetry={diff.reload} />}
        {diff.status === 'success' && (
          <>
            <Typography sx={{ mb: 2 }}>{countChanges(diff.data.formVersionDiff.length)}</Typography>
            <ChangeList changes={diff.data.formVersionDiff} level={3} />
          </>
        )}
      </Box>
    </Box>
  );
};

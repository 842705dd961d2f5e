import { Alert, Link, Typography } from '@mui/material';
import { useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorBoundary } from '../app/ErrorBoundary.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { formQuery } from './api.js';
import { FormFill } from './FormFill.js';
import type { CarriedOverFill } from './useFormFill.js';

/** `/forms/:key`: the published version of a form, ready to fill and submit. */
export const FormPage = () => {
  const { key = '' } = useParams();
  const query = useQuery(formQuery, { key });
  const [carriedOver, setCarriedOver] = useState<CarriedOverFill | undefined>();

  const form = query.status === 'success' ? query.data.form : undefined;
  const version = form?.published ?? undefined;
  useDocumentTitle(
    query.status === 'loading'
      ? 'Formular wird geladen'
      : version
        ? version.title
        : query.status === 'error'
          ? 'Fehler beim Laden'
          : 'Formular nicht gefunden',
  );

  if (query.status === 'loading') return <PageLoading label="Formular wird geladen …" />;

  if (query.status === 'error') {
    return (
      <>
        <PageHeading>Formular konnte nicht geladen werden</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
      </>
    );
  }

  if (!form) {
    return (
      <>
        <PageHeading>Formular nicht gefunden</PageHeading>
        <Typography sx={{ mb: 2 }}>Ein Formular mit dieser Adresse gibt es nicht.</Typography>
        <Link component={RouterLink} to="/">
          Zur Übersicht der Formulare
        </Link>
      </>
    );
  }

  if (!version) {
    return (
      <>
        <PageHeading>{form.title}</PageHeading>
        <Typography sx={{ mb: 2 }}>Dieses Formular ist noch nicht veröffentlicht.</Typography>
        <Link component={RouterLink} to="/">
          Zur Übersicht der Formulare
        </Link>
      </>
    );
  }

  if (!form.viewerCan.submit) {
    return (
      <>
        <PageHeading>{form.title}</PageHeading>
        <Alert severity="info" sx={{ mb: 2 }}>
          Dieses Formular können Sie mit Ihrer Rolle nicht ausfüllen.
        </Alert>
        <Link component={RouterLink} to="/">
          Zur Übersicht der Formulare
        </Link>
      </>
    );
  }

  const onOutdated = (fill: CarriedOverFill) => {
    setCarriedOver(fill);
    query.reload();
  };
  const carried = carriedOver && carriedOver.fromVersionId !== version.id ? carriedOver : undefined;

  return (
    <>
      <PageHeading>{version.title}</PageHeading>
      <Typography color="text.secondary" sx={{ mb: 1 }} data-testid="form-version">
        Version {version.number}
      </Typography>
      {version.description && <Typography sx={{ mb: 3, maxWidth: '75ch' }}>{version.description}</Typography>}
      {carried && (
        <Alert severity="info" sx={{ mb: 3 }}>
          Sie sehen jetzt Version {version.number} dieses Formulars. Ihre Eingaben wurden übernommen – bitte
          prüfen Sie sie vor dem Absenden.
        </Alert>
      )}
      <ErrorBoundary
        fallback={
          <ErrorState
            title="Formular kann nicht angezeigt werden"
            message="Dieses Formular enthält einen Fehler und kann derzeit nicht angezeigt werden. Bitte wenden Sie sich an den Fachdienst Jugend und Familie."
          />
        }
      >
        <FormFill key={version.id} version={version} carriedOver={carried} onOutdated={onOutdated} />
      </ErrorBoundary>
    </>
  );
};

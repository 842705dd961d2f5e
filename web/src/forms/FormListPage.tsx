import { Box, Card, CardActionArea, CardContent, Chip, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { FormsQuery } from '../gql/graphql.js';
import { formsQuery } from './api.js';

type FormSummary = FormsQuery['forms'][number];

/** Start page: the forms the caller may submit (the server says which), each linking to its published version. */
export const FormListPage = () => {
  useDocumentTitle('Formulare');
  const query = useQuery(formsQuery);

  return (
    <>
      <PageHeading>Formulare</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '70ch' }}>
        Hier finden Sie die Formulare zum Sozialraumbudget, zum Beispiel die Maßnahmebeschreibung (Anlage 1)
        und den Kalkulationsbogen (Anlage 2) für eine Interessensbekundung.
      </Typography>
      {query.status === 'loading' && <PageLoading label="Formulare werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' && (
        <FormList forms={query.data.forms.filter((form) => form.viewerCan.submit)} />
      )}
    </>
  );
};

const FormList = ({ forms }: { forms: FormSummary[] }) => {
  if (forms.length === 0) {
    return (
      <Typography role="status">
        Derzeit gibt es keine Formulare, die Sie mit Ihrer Rolle ausfüllen können.
      </Typography>
    );
  }
  return (
    <Stack component="ul" spacing={2} sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="form-list">
      {forms.map((form) => (
        <Box component="li" key={form.key}>
          <FormCard form={form} />
        </Box>
      ))}
    </Stack>
  );
};

const FormCard = ({ form }: { form: FormSummary }) => {
  const titleId = `form-title-${form.key}`;
  const content = (
    <CardContent>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h2" component="h2" id={titleId} sx={{ fontSize: '1.25rem' }}>
          {form.title}
        </Typography>
        {form.published ? (
          <Chip size="small" label={`Version ${form.published.number}`} variant="outlined" />
        ) : (
          <Chip size="small" label="Noch nicht veröffentlicht" variant="outlined" />
        )}
      </Stack>
      {form.description && (
        <Typography sx={{ mt: 1 }} color="text.secondary">
          {form.description}
        </Typography>
      )}
    </CardContent>
  );

  return (
    <Card variant="outlined" data-testid={`form-card-${form.key}`}>
      {form.published ? (
        <CardActionArea
          component={RouterLink}
          to={`/forms/${encodeURIComponent(form.key)}`}
          aria-labelledby={titleId}
        >
          {content}
        </CardActionArea>
      ) : (
        content
      )}
    </Card>
  );
};

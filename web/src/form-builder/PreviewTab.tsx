import type { JsonSchema, UISchemaElement } from '@jsonforms/core';
import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { createFormAjv, type FormDefinition, type FormValues } from '../../../form-logic/index.js';
import { FormView } from '../forms/FormView.js';
import { sameJson } from '../forms/stable-json.js';

interface PreviewTabProps {
  definition: FormDefinition;
  /** Takes the edited data as the form's sample data. */
  onTakeSampleData: (data: FormValues) => void;
}

/**
 * The form as staff will see it (the platform's own renderers), filled with the sample data, which
 * can be edited here and taken over as the new sample data.
 */
export const PreviewTab = ({ definition, onTakeSampleData }: PreviewTabProps) => {
  const ajv = useMemo(() => createFormAjv(), []);
  const [data, setData] = useState<FormValues>(() => structuredClone(definition.sampleData));
  const changed = !sameJson(data, definition.sampleData);
  return (
    <Box>
      <Typography variant="h2" component="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        Vorschau mit Beispieldaten
      </Typography>
      <Stack direction="row" spacing={2} alignItems="center" sx={{ mb: 2 }}>
        <Button variant="outlined" disabled={!changed} onClick={() => onTakeSampleData(data)}>
          Als Beispieldaten übernehmen
        </Button>
        <Button disabled={!changed} onClick={() => setData(structuredClone(definition.sampleData))}>
          Eingaben zurücksetzen
        </Button>
      </Stack>
      {changed && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Die Eingaben in der Vorschau weichen von den Beispieldaten ab.
        </Alert>
      )}
      <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
        <FormView
          schema={definition.schema as JsonSchema}
          uischema={definition.uischema as unknown as UISchemaElement}
          data={data}
          ajv={ajv}
          onChange={({ data: next }) => setData(next)}
        />
      </Box>
    </Box>
  );
};

import { Alert, Box, Stack, Typography } from '@mui/material';
import { lazy, Suspense, useId } from 'react';
import type { FieldError, FormDefinition, JsonSchemaObject, UiSchema } from '../../../form-logic/index.js';
import { PageLoading } from '../app/PageLoading.js';

// CodeMirror is loaded only when this tab opens.
const JsonCodeEditor = lazy(() =>
  import('./JsonCodeEditor.js').then((module) => ({ default: module.JsonCodeEditor })),
);

interface AdvancedTabProps {
  definition: FormDefinition;
  onChange: (changes: { schema?: JsonSchemaObject; uischema?: UiSchema }) => void;
  /** Problems of the server's check (paths `/schema/...`, `/uischema/...`). */
  problems: FieldError[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const below = (problems: FieldError[], prefix: string): FieldError[] =>
  problems
    .filter((problem) => problem.path === prefix || problem.path.startsWith(`${prefix}/`))
    .map((problem) => ({ ...problem, path: problem.path.slice(prefix.length) }));

/** JSON Schema and UI schema as text, for those who know them; both stay in step with the builder. */
export const AdvancedTab = ({ definition, onChange, problems }: AdvancedTabProps) => {
  const hintId = useId();
  return (
    <Box>
      <Typography variant="h2" component="h2" sx={{ fontSize: '1.3rem', mb: 1 }}>
        JSON Schema und UI-Schema
      </Typography>
      <Typography id={hintId} variant="body2" sx={{ mb: 2 }}>
        Änderungen werden übernommen, sobald der Text gültiges JSON ist. Die Tabulatortaste verlässt den
        Editor; zum Einrücken die Leertaste verwenden.
      </Typography>
      <Alert severity="info" sx={{ mb: 2 }}>
        Hier lassen sich auch Angaben ändern, die der Baukasten nicht anbietet. Fehler zeigt der Editor am
        Rand.
      </Alert>
      <Suspense fallback={<PageLoading label="Editor wird geladen …" />}>
        <Stack spacing={3}>
          <Box>
            <Typography variant="h3" component="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
              JSON Schema
            </Typography>
            <JsonCodeEditor
              label="JSON Schema"
              describedBy={hintId}
              value={definition.schema}
              problems={below(problems, '/schema')}
              onChange={(value) => isObject(value) && onChange({ schema: value as JsonSchemaObject })}
            />
          </Box>
          <Box>
            <Typography variant="h3" component="h3" sx={{ fontSize: '1.1rem', mb: 1 }}>
              UI-Schema
            </Typography>
            <JsonCodeEditor
              label="UI-Schema"
              describedBy={hintId}
              value={definition.uischema}
              problems={below(problems, '/uischema')}
              onChange={(value) => isObject(value) && onChange({ uischema: value as UiSchema })}
            />
          </Box>
        </Stack>
      </Suspense>
    </Box>
  );
};

import AddIcon from '@mui/icons-material/Add';
import {
  Alert,
  Box,
  Button,
  Chip,
  FormControlLabel,
  Paper,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { toApiError } from '../api/errors.js';
import type { QueryState } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { AdminBackLink } from './AdminBackLink.js';
import { EditDialog, type FieldSpec, type FieldValues } from './EditDialog.js';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

export interface MasterDataRow {
  id: string;
  viewerCan: { update: boolean };
}

interface MasterDataPageProps<Row extends MasterDataRow> {
  /** Plural for the heading, e.g. „Sozialräume“. */
  title: string;
  /** Singular for buttons and messages, e.g. „Sozialraum“. */
  singular: string;
  intro: string;
  /** How inactive records are called in the switch (e.g. „abgeschlossene“ for budget years). */
  inactiveLabel?: string;
  query: QueryState<Row[]> & { reload: () => void };
  includeInactive: boolean;
  onIncludeInactiveChange: (value: boolean) => void;
  columns: readonly Column<Row>[];
  rowName: (row: Row) => string;
  fields: readonly FieldSpec[];
  emptyValues: FieldValues;
  toValues: (row: Row) => FieldValues;
  create: (values: FieldValues) => Promise<unknown>;
  update: (row: Row, values: FieldValues) => Promise<unknown>;
}

type Editing<Row> = { mode: 'create' } | { mode: 'edit'; row: Row } | null;

/** A master-data list for administrators: table, „inactive too“ switch, create and edit dialogs. */
export const MasterDataPage = <Row extends MasterDataRow>(props: MasterDataPageProps<Row>) => {
  const { title, singular, query, columns, rowName } = props;
  useDocumentTitle(title);
  const [editing, setEditing] = useState<Editing<Row>>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const reloadOnClose = useRef(false);
  const noticeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const open = (next: Editing<Row>) => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setNotice(null);
    setEditing(next);
  };
  const close = () => {
    if (reloadOnClose.current) {
      reloadOnClose.current = false;
      query.reload();
    }
    setEditing(null);
    returnFocus.current?.focus();
  };

  const save = async (values: FieldValues) => {
    if (!editing) return;
    if (editing.mode === 'create') {
      await props.create(values);
      setNotice(`${singular} „${String(values.name ?? values.year ?? '')}“ wurde angelegt.`);
    } else {
      try {
        await props.update(editing.row, values);
      } catch (error) {
        // Someone else saved meanwhile: the list is loaded again when the dialog closes.
        if (toApiError(error).code === 'CONFLICT') reloadOnClose.current = true;
        throw error;
      }
      setNotice(`${singular} „${rowName(editing.row)}“ wurde gespeichert.`);
    }
    setEditing(null);
    query.reload();
  };

  return (
    <>
      <AdminBackLink />
      <PageHeading>{title}</PageHeading>
      <Typography sx={{ mb: 3, maxWidth: '75ch' }}>{props.intro}</Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <Button
          variant="contained"
          startIcon={<AddIcon aria-hidden="true" />}
          onClick={() => open({ mode: 'create' })}
        >
          {singular} anlegen
        </Button>
        <FormControlLabel
          control={
            <Switch
              checked={props.includeInactive}
              onChange={(event) => props.onIncludeInactiveChange(event.target.checked)}
            />
          }
          label={`Auch ${props.inactiveLabel ?? 'inaktive'} anzeigen`}
        />
      </Stack>
      {notice && (
        <Alert
          severity="success"
          role="status"
          ref={noticeRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="notice"
        >
          {notice}
        </Alert>
      )}
      {query.status === 'loading' && <PageLoading label={`${title} werden geladen …`} />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' &&
        (query.data.length === 0 ? (
          <Typography role="status">Noch keine Einträge vorhanden.</Typography>
        ) : (
          <TableContainer component={Paper} variant="outlined">
            <Table size="small">
              <caption style={{ textAlign: 'left' }}>
                {title}: {query.data.length} {query.data.length === 1 ? 'Eintrag' : 'Einträge'}
              </caption>
              <TableHead>
                <TableRow>
                  {columns.map((column) => (
                    <TableCell key={column.header} component="th" scope="col">
                      {column.header}
                    </TableCell>
                  ))}
                  <TableCell component="th" scope="col">
                    Aktionen
                  </TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {query.data.map((row) => (
                  <TableRow key={row.id} data-testid="master-data-row">
                    {columns.map((column) => (
                      <TableCell key={column.header}>{column.cell(row)}</TableCell>
                    ))}
                    <TableCell>
                      {row.viewerCan.update && (
                        <Button
                          size="small"
                          variant="outlined"
                          onClick={() => open({ mode: 'edit', row })}
                          aria-label={`${rowName(row)} bearbeiten`}
                        >
                          Bearbeiten
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        ))}
      {editing && (
        <EditDialog
          open
          title={
            editing.mode === 'create'
              ? `${singular} anlegen`
              : `${singular} „${rowName(editing.row)}“ bearbeiten`
          }
          fields={props.fields}
          editing={editing.mode === 'edit'}
          initialValues={editing.mode === 'create' ? props.emptyValues : props.toValues(editing.row)}
          submitLabel={editing.mode === 'create' ? 'Anlegen' : 'Speichern'}
          onClose={close}
          onSubmit={save}
        />
      )}
    </>
  );
};

/** „aktiv“ / „inaktiv“ (or other words) as a chip. */
export const ActiveChip = ({
  active,
  activeLabel = 'aktiv',
  inactiveLabel = 'inaktiv',
}: {
  active: boolean;
  activeLabel?: string;
  inactiveLabel?: string;
}) =>
  active ? (
    <Chip size="small" label={activeLabel} color="success" variant="outlined" />
  ) : (
    <Chip size="small" label={inactiveLabel} variant="outlined" />
  );

/** Empty text fields become null: the API stores „no value“, not an empty string. */
export const text = (value: string | boolean | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/** Box for spacing in cells listing several names. */
export const NameList = ({ names }: { names: readonly string[] }) =>
  names.length === 0 ? <Box component="span">–</Box> : <>{names.join(', ')}</>;

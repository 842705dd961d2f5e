import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  Box,
  Link,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import type { MyTasksQuery } from '../gql/graphql.js';
import { myTasksQuery } from './api.js';
import { DUE_AT_A_MOMENT, TASK_KIND_LABELS, TASKS_LISTED } from './labels.js';

type TaskItem = MyTasksQuery['myTasks']['tasks'][number];

const dateFormat = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Berlin',
});
/** Due dates that are days are stored as midnight UTC: read as UTC, so the day stays the day. */
const dayFormat = new Intl.DateTimeFormat('de-DE', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

const dueText = (task: TaskItem): string =>
  task.dueAt
    ? DUE_AT_A_MOMENT.has(task.kind)
      ? formatDateTime(task.dueAt)
      : dayFormat.format(new Date(task.dueAt))
    : '–';

/** „Überfällig“ in words and with an icon, not by colour alone. */
const Overdue = () => (
  <Box
    component="span"
    sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'error.dark', fontWeight: 600 }}
  >
    <WarningAmberIcon fontSize="small" aria-hidden="true" />
    Überfällig
  </Box>
);

/** `/aufgaben`: what waits for the signed-in user, the most urgent first, each linking to its page. */
export const TaskListPage = () => {
  useDocumentTitle('Meine Aufgaben');
  const query = useQuery(myTasksQuery, { limit: TASKS_LISTED });

  return (
    <>
      <PageHeading>Meine Aufgaben</PageHeading>
      <Typography sx={{ mb: 2 }}>
        Was auf Sie wartet, je nach Ihrer Rolle und Zuständigkeit: Überfälliges zuerst, dann nach Frist und
        Wartezeit.
      </Typography>
      {query.status === 'loading' && <PageLoading />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' && <TaskTable {...query.data.myTasks} />}
    </>
  );
};

const TaskTable = ({ tasks, totalCount }: MyTasksQuery['myTasks']) => {
  if (totalCount === 0) {
    return <Typography role="status">Zurzeit wartet keine Aufgabe auf Sie.</Typography>;
  }
  const overdue = tasks.filter((task) => task.overdue).length;
  return (
    <>
      <Typography role="status" sx={{ mb: 2 }}>
        {totalCount === 1 ? 'Eine Aufgabe wartet' : `${totalCount} Aufgaben warten`}
        {overdue > 0 ? `, davon ${overdue} überfällig` : ''}.
        {tasks.length < totalCount ? ` Gezeigt werden die ${tasks.length} dringendsten.` : ''}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small">
          <caption style={{ captionSide: 'top', textAlign: 'left', padding: '8px 16px' }}>
            Offene Aufgaben, die dringendsten zuerst
          </caption>
          <TableHead>
            <TableRow>
              <TableCell component="th" scope="col">
                Aufgabe
              </TableCell>
              <TableCell component="th" scope="col">
                Art
              </TableCell>
              <TableCell component="th" scope="col">
                Wartet seit
              </TableCell>
              <TableCell component="th" scope="col">
                Frist
              </TableCell>
              <TableCell component="th" scope="col">
                Stand
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {tasks.map((task) => (
              <TableRow
                key={task.id}
                data-testid="task"
                sx={task.overdue ? { bgcolor: 'rgba(211, 47, 47, 0.06)' } : undefined}
              >
                <TableCell component="th" scope="row" sx={{ fontWeight: 'normal' }}>
                  <Link component={RouterLink} to={task.path}>
                    {task.title}
                  </Link>
                </TableCell>
                <TableCell>{TASK_KIND_LABELS[task.kind]}</TableCell>
                <TableCell>{dateFormat.format(new Date(task.since))}</TableCell>
                <TableCell>{dueText(task)}</TableCell>
                <TableCell>{task.overdue ? <Overdue /> : 'Offen'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  );
};

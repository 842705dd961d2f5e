import ArrowDownwardIcon from '@mui/icons-material/ArrowDownward';
import ArrowUpwardIcon from '@mui/icons-material/ArrowUpward';
import { Alert, Box, Button, IconButton, Link, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { type ApiError, toApiError } from '../api/errors.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorCodeNote } from '../app/ErrorCodeNote.js';
import { ErrorState } from '../app/ErrorState.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { visuallyHidden } from '../app/visually-hidden.js';
import type { NeedListItemFragment } from '../gql/graphql.js';
import { needBudgetFitsQuery } from '../budget/api.js';
import { needFits } from '../budget/need-fit.js';
import { formatEuro } from '../decisions/money.js';
import { prioritisationQuery, prioritiseNeedsMutation } from './api.js';
import { COUNTY_WIDE, needStateLabel, OPEN_STATES } from './labels.js';

type Item = NeedListItemFragment;

const byPriority = (a: Item, b: Item) =>
  (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER);

type Outcome = { kind: 'saved' } | { kind: 'stale'; error: ApiError } | { kind: 'failed'; error: ApiError };

/** `/bedarfe/priorisierung/:area`: the open needs of one Sozialraum (or the county-wide ones) in order, reordered by buttons. */
export const PrioritisationPage = () => {
  const { area = '' } = useParams();
  const countyWide = area === COUNTY_WIDE;
  const filter = countyWide
    ? { countyWide: true, states: [...OPEN_STATES] }
    : { socialAreaId: area, states: [...OPEN_STATES] };
  const query = useQuery(prioritisationQuery, { filter });
  const budget = useQuery(needBudgetFitsQuery, { filter });
  const areaName = countyWide
    ? 'Kreisweit'
    : query.status === 'success'
      ? (query.data.socialAreas.find((socialArea) => socialArea.id === area)?.name ?? 'Sozialraum')
      : 'Sozialraum';
  const title = `Priorisierung: ${areaName}`;
  useDocumentTitle(title);

  // The order on screen; null until the user moves something (then the loaded order is its start).
  const [order, setOrder] = useState<Item[] | null>(null);
  const [justification, setJustification] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const buttons = useRef<Record<string, HTMLButtonElement | null>>({});
  const focusTarget = useRef<string | null>(null);

  const loaded = query.status === 'success' ? [...query.data.needs].sort(byPriority) : [];
  const items = order ?? loaded;
  // Whether each need fits the remaining Sozialraumbudget, in the order on screen (office roles that see the budget).
  const budgetFits = budget.status === 'success' ? budget.data.needs : [];
  const budgetOf = new Map(budgetFits.map((need) => [need.id, need.budgetFit]));
  const anyFit = budgetFits.find((need) => need.budgetFit?.remaining != null)?.budgetFit ?? null;
  const fits = anyFit
    ? needFits(
        items.map((item) => ({ id: item.id, estimatedCost: budgetOf.get(item.id)?.estimatedCost ?? null })),
        anyFit.remaining ?? 0,
        anyFit.year,
      )
    : null;

  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  // After a move, the focus stays with the moved need's button (or its other one at the edge of the list).
  useEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = null;
    const button = buttons.current[target];
    const fallback = target.endsWith(':up')
      ? buttons.current[target.replace(/:up$/, ':down')]
      : buttons.current[target.replace(/:down$/, ':up')];
    (button && !button.disabled ? button : fallback)?.focus();
  }, [order]);

  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= items.length) return;
    const next = [...items];
    const [moved] = next.splice(index, 1);
    next.splice(target, 0, moved!);
    setOrder(next);
    setOutcome(null);
    setAnnouncement(`„${moved!.title}“ ist jetzt an Position ${target + 1} von ${next.length}.`);
    focusTarget.current = `${moved!.id}:${delta < 0 ? 'up' : 'down'}`;
  };

  const save = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      await graphqlRequest(prioritiseNeedsMutation, {
        input: {
          socialAreaId: countyWide ? null : area,
          needIds: items.map((item) => item.id),
          justification: justification.trim() === '' ? null : justification.trim(),
        },
      });
      setOrder(null);
      setJustification('');
      setOutcome({ kind: 'saved' });
      query.reload();
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'CONFLICT') {
        // Someone else changed the open needs or their order: start again from the current state.
        setOrder(null);
        setOutcome({ kind: 'stale', error });
        query.reload();
      } else {
        setOutcome({ kind: 'failed', error });
      }
    } finally {
      setBusy(false);
    }
  };

  const canPrioritise = items.some((item) => item.viewerCan.prioritise);

  return (
    <>
      <Link component={RouterLink} to="/bedarfe">
        Zur Liste der Bedarfe
      </Link>
      <PageHeading>{title}</PageHeading>
      <Typography sx={{ mb: 2 }}>
        Die offenen Bedarfe (Angebot geplant oder Interessensbekundung offen), der wichtigste zuerst. Mit
        „Nach oben“ und „Nach unten“ ändern Sie die Reihenfolge; „Reihenfolge speichern“ übernimmt sie.
      </Typography>
      {outcome && (
        <Alert
          severity={outcome.kind === 'saved' ? 'success' : outcome.kind === 'stale' ? 'warning' : 'error'}
          role={outcome.kind === 'saved' ? 'status' : 'alert'}
          ref={outcomeRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="prioritisation-outcome"
        >
          {outcome.kind === 'saved' ? (
            'Die Reihenfolge wurde gespeichert.'
          ) : (
            <>
              {outcome.error.message}
              {outcome.kind === 'stale' && ' Die aktuelle Reihenfolge wurde neu geladen.'}
              <ErrorCodeNote error={outcome.error} />
            </>
          )}
        </Alert>
      )}
      <Box role="status" aria-live="polite" sx={visuallyHidden} data-testid="prioritisation-announcement">
        {announcement}
      </Box>

      {query.status === 'loading' && <PageLoading label="Bedarfe werden geladen …" />}
      {query.status === 'error' && <ErrorState error={query.error} onRetry={query.reload} />}
      {query.status === 'success' && items.length === 0 && (
        <p>In diesem Sozialraum gibt es keine offenen Bedarfe.</p>
      )}
      {query.status === 'success' && items.length > 0 && (
        <>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }}>
            {anyFit && (
              <Typography sx={{ mb: 1 }} data-testid="prioritisation-budget">
                {`Verfügbar im Sozialraumbudget ${anyFit.year}: ${formatEuro(anyFit.remaining)}. In dieser Reihenfolge:`}
              </Typography>
            )}
            <ol aria-label={`Reihenfolge der offenen Bedarfe: ${areaName}`} data-testid="prioritisation-list">
              {items.map((item, index) => (
                <li key={item.id} data-testid="prioritisation-item">
                  <Stack direction="row" spacing={1} sx={{ alignItems: 'center', py: 0.5 }}>
                    <Box sx={{ flexGrow: 1 }}>
                      <Link component={RouterLink} to={`/bedarfe/${item.id}`}>
                        {item.title}
                      </Link>{' '}
                      ({needStateLabel(item.state)})
                      {fits?.get(item.id) && (
                        <Typography
                          component="span"
                          data-testid="prioritisation-fit"
                          sx={{
                            display: 'block',
                            color: fits.get(item.id)!.fits === false ? 'error.main' : 'text.secondary',
                          }}
                        >
                          {fits.get(item.id)!.text}
                        </Typography>
                      )}
                    </Box>
                    {canPrioritise && (
                      <>
                        <IconButton
                          ref={(element) => {
                            buttons.current[`${item.id}:up`] = element;
                          }}
                          aria-label={`„${item.title}“ nach oben`}
                          disabled={index === 0 || busy}
                          onClick={() => move(index, -1)}
                        >
                          <ArrowUpwardIcon aria-hidden="true" />
                        </IconButton>
                        <IconButton
                          ref={(element) => {
                            buttons.current[`${item.id}:down`] = element;
                          }}
                          aria-label={`„${item.title}“ nach unten`}
                          disabled={index === items.length - 1 || busy}
                          onClick={() => move(index, 1)}
                        >
                          <ArrowDownwardIcon aria-hidden="true" />
                        </IconButton>
                      </>
                    )}
                  </Stack>
                </li>
              ))}
            </ol>
          </Paper>
          {canPrioritise && (
            <Stack spacing={2} sx={{ maxWidth: 640 }}>
              <TextField
                id="prioritisation-justification"
                label="Begründung der Reihenfolge (optional)"
                multiline
                minRows={2}
                value={justification}
                onChange={(event) => setJustification(event.target.value)}
                error={justification.length > 5000}
                helperText={
                  justification.length > 5000
                    ? 'Die Begründung darf höchstens 5000 Zeichen lang sein.'
                    : undefined
                }
              />
              <Box>
                <Button
                  variant="contained"
                  onClick={() => void save()}
                  disabled={busy || order === null || justification.length > 5000}
                >
                  {busy ? 'Wird gespeichert …' : 'Reihenfolge speichern'}
                </Button>
              </Box>
            </Stack>
          )}
        </>
      )}
    </>
  );
};

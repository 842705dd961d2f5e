import { Alert, Box, Button, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import { ErrorState } from '../app/ErrorState.js';
import { formatDateTime } from '../app/format.js';
import { PageHeading } from '../app/PageHeading.js';
import { PageLoading } from '../app/PageLoading.js';
import { useDocumentTitle } from '../app/useDocumentTitle.js';
import { EditDialog, type FieldSpec, type FieldValues } from '../admin/EditDialog.js';
import { NeedCallSection } from '../applications/NeedCallSection.js';
import type { BodyInvolvementKind, NeedQuery, NeedRunningOfferFragment } from '../gql/graphql.js';
import {
  decideNeedOfferMutation,
  decideNeedResourcesMutation,
  needBodiesQuery,
  needProvidersQuery,
  needQuery,
  needRunningOffersQuery,
  recordNeedBodyInvolvementMutation,
  updateNeedMutation,
} from './api.js';
import {
  areaName,
  COUNTY_WIDE,
  formatDate,
  INVOLVEMENT_LABELS,
  isoDateOf,
  needStateLabel,
  OFFER_QUESTION,
  OUTCOME_LABELS,
  RESOURCES_QUESTION,
  TIMELINE_LABELS,
  yesNo,
} from './labels.js';

type Need = NeedQuery['need'];
type Action = 'edit' | 'plan' | 'resources' | 'offer' | 'body';

const YES_NO_OPTIONS = [
  { value: 'yes', label: 'Ja' },
  { value: 'no', label: 'Nein' },
] as const;

/** Optional text: trimmed, or null when empty (so the server stores nothing). */
const optional = (value: FieldValues[string] | undefined): string | null => {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? null : text;
};

const maxLength =
  (label: string, max: number) =>
  (value: string): string | undefined =>
    value.length > max ? `${label} darf höchstens ${max} Zeichen lang sein.` : undefined;

/** One labelled fact of the need; empty values read „keine Angabe“. */
const Fact = ({ term, children }: { term: string; children: ReactNode }) => (
  <Box sx={{ mb: 1.5 }}>
    <Typography component="dt" sx={{ fontWeight: 600 }}>
      {term}
    </Typography>
    <Typography component="dd" sx={{ ml: 0, whiteSpace: 'pre-wrap' }}>
      {children === null || children === undefined || children === '' ? 'keine Angabe' : children}
    </Typography>
  </Box>
);

const Section = ({ title, id, children }: { title: string; id: string; children: ReactNode }) => (
  <Paper component="section" variant="outlined" aria-labelledby={id} sx={{ p: 2, mb: 3 }}>
    <Typography variant="h2" id={id} sx={{ mb: 1.5 }}>
      {title}
    </Typography>
    {children}
  </Paper>
);

/** Who decided and when: „Tarek Thiel, 24.11.2026, 10:15 Uhr“. */
const decidedBy = (name: string | null | undefined, at: string | null | undefined) =>
  name && at ? `${name}, ${formatDateTime(at)}` : null;

/** `/bedarfe/:id`: a need with its decisions, bodies and timeline, and the actions the server allows now. */
export const NeedPage = () => {
  const { id = '' } = useParams();
  const query = useQuery(needQuery, { id });
  const [action, setAction] = useState<Action | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  // The need as saved last: loaded again right after each action, so the page stays in place meanwhile.
  const [fresh, setFresh] = useState<Need | null>(null);
  const need = fresh?.id === id ? fresh : query.status === 'success' ? query.data.need : undefined;
  useDocumentTitle(need ? `Bedarf: ${need.title}` : 'Bedarf');
  const shown = need !== undefined;

  // The message takes the focus once the need is shown again after the save.
  useEffect(() => {
    if (notice && shown) noticeRef.current?.focus();
  }, [notice, shown]);

  const open = (next: Action) => {
    returnFocus.current = document.activeElement as HTMLElement | null;
    setNotice(null);
    setAction(next);
  };
  const close = () => {
    setAction(null);
    returnFocus.current?.focus();
  };
  const done = async (message: string) => {
    try {
      setFresh((await graphqlRequest(needQuery, { id })).need);
    } catch {
      query.reload();
    }
    setAction(null);
    setNotice(message);
  };

  if (!need && query.status === 'error') {
    return (
      <>
        <PageHeading>Bedarf</PageHeading>
        <ErrorState error={query.error} onRetry={query.reload} />
        <Link component={RouterLink} to="/bedarfe">
          Zur Liste der Bedarfe
        </Link>
      </>
    );
  }
  if (!need) return <PageLoading label="Bedarf wird geladen …" />;
  const current = need;
  const can = current.viewerCan;
  const anyAction =
    can.update || can.planOffer || can.decideResources || can.decideOffer || can.recordBodyInvolvement;
  const areaKey = current.countyWide ? COUNTY_WIDE : current.socialArea?.id;

  return (
    <>
      <Link component={RouterLink} to="/bedarfe">
        Zur Liste der Bedarfe
      </Link>
      <PageHeading>{current.title}</PageHeading>
      <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }}>
        <Chip label={`Zustand: ${needStateLabel(current.state)}`} color="primary" variant="outlined" />
        <Chip label={areaName(current)} variant="outlined" />
        {current.outcome && (
          <Chip label={`Ergebnis: ${OUTCOME_LABELS[current.outcome]}`} variant="outlined" />
        )}
        {current.priority != null && <Chip label={`Priorität ${current.priority}`} variant="outlined" />}
      </Stack>

      {notice && (
        <Alert
          severity="success"
          role="status"
          ref={noticeRef}
          tabIndex={-1}
          sx={{ mb: 2 }}
          data-testid="need-notice"
        >
          {notice}
        </Alert>
      )}

      {anyAction && (
        <Box component="section" aria-labelledby="need-actions" sx={{ mb: 3 }}>
          <Typography variant="h2" id="need-actions" sx={{ mb: 1 }}>
            Nächste Schritte
          </Typography>
          <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ flexWrap: 'wrap' }} useFlexGap>
            {can.decideResources && (
              <Button variant="contained" onClick={() => open('resources')}>
                Entscheidung 1 treffen
              </Button>
            )}
            {can.decideOffer && (
              <Button variant="contained" onClick={() => open('offer')}>
                Entscheidung 2 treffen
              </Button>
            )}
            {can.planOffer && (
              <Button variant="outlined" onClick={() => open('plan')}>
                Kontakte, Förderprogramme und Begründung festhalten
              </Button>
            )}
            {can.recordBodyInvolvement && (
              <Button variant="outlined" onClick={() => open('body')}>
                Beteiligung eines Gremiums festhalten
              </Button>
            )}
            {can.update && (
              <Button variant="outlined" onClick={() => open('edit')}>
                Bearbeiten
              </Button>
            )}
            {can.prioritise && areaKey && (
              <Button variant="outlined" component={RouterLink} to={`/bedarfe/priorisierung/${areaKey}`}>
                Priorisierung ändern
              </Button>
            )}
          </Stack>
        </Box>
      )}

      <Section title="Situation (Schritt 1)" id="need-situation">
        <dl>
          <Fact term="Sozialraum">{areaName(current)}</Fact>
          <Fact term="Situationsbeschreibung">{current.situationDescription}</Fact>
          <Fact term="Erfasst">{decidedBy(current.createdByName, current.createdAt)}</Fact>
        </dl>
      </Section>

      <Section title="Entscheidungen" id="need-decisions">
        <dl>
          <Fact term={`Entscheidung 1: ${RESOURCES_QUESTION}`}>{yesNo(current.coveredByResources)}</Fact>
          {current.coveredByResources != null && (
            <>
              <Fact term="Begründung (Entscheidung 1)">{current.resourcesJustification}</Fact>
              <Fact term="Betrachtete laufende Angebote">
                <ConsideredOffers offers={current.consideredRunningOffers} />
              </Fact>
              <Fact term="Weitere betrachtete Ressourcen">{current.consideredOffers}</Fact>
              <Fact term="Betrachtete Träger">
                {current.consideredProviders.map((provider) => provider.name).join(', ')}
              </Fact>
              <Fact term="Entschieden von">
                {decidedBy(current.resourcesDecidedByName, current.resourcesDecidedAt)}
              </Fact>
            </>
          )}
          <Fact term={`Entscheidung 2: ${OFFER_QUESTION}`}>{yesNo(current.offerWanted)}</Fact>
          {current.offerWanted != null && (
            <>
              <Fact term="Begründung (Entscheidung 2)">{current.offerJustification}</Fact>
              <Fact term="Entschieden von">
                {decidedBy(current.offerDecidedByName, current.offerDecidedAt)}
              </Fact>
            </>
          )}
          <Fact term="Ergebnis">{current.outcome ? OUTCOME_LABELS[current.outcome] : 'noch offen'}</Fact>
        </dl>
      </Section>

      <Section title="Planung des Angebots (Schritte 4 bis 6)" id="need-planning">
        <dl>
          <Fact term="Kontaktaufnahme mit FD 51">{current.contactYouthOffice}</Fact>
          <Fact term="Kontaktaufnahme mit freien Trägern">{current.contactProviders}</Fact>
          <Fact term="Geprüfte Förderprogramme">{current.fundingProgrammes}</Fact>
          <Fact term="Fachliche Begründung">{current.professionalJustification}</Fact>
          <Fact term="Abwägung gegen die eingesetzten Ressourcen">{current.resourcesWeighed}</Fact>
          <Fact term="Erwartete Entwicklung ohne das Angebot">{current.developmentWithoutOffer}</Fact>
        </dl>
      </Section>

      <NeedCallSection key={current.revision} needId={current.id} onChanged={done} />

      <Section title="Beteiligte Gremien" id="need-bodies">
        <BodyList need={current} />
      </Section>

      <Section title="Verlauf" id="need-timeline">
        <Timeline need={current} />
      </Section>

      {action === 'edit' && <EditNeedDialog need={current} onClose={close} onDone={done} />}
      {action === 'plan' && <PlanOfferDialog need={current} onClose={close} onDone={done} />}
      {action === 'resources' && <DecideResourcesDialog need={current} onClose={close} onDone={done} />}
      {action === 'offer' && <DecideOfferDialog need={current} onClose={close} onDone={done} />}
      {action === 'body' && <BodyInvolvementDialog need={current} onClose={close} onDone={done} />}
    </>
  );
};

/** The running offers considered in decision 1, each linked to its page; null (keine Angabe) when none. */
const ConsideredOffers = ({ offers }: { offers: Need['consideredRunningOffers'] }) =>
  offers.length === 0 ? null : (
    <Box component="ul" data-testid="need-considered-offers" sx={{ m: 0, pl: 2.5 }}>
      {offers.map((offer) => (
        <li key={offer.id}>
          <Link component={RouterLink} to={`/angebote/${offer.id}`}>
            {offer.title}
          </Link>
          {offer.provider ? ` – ${offer.provider.name}` : ''}
          {offer.countyWide ? ' (kreisweit)' : ''}
          {offer.state === 'ENDED' ? ', inzwischen beendet' : ''}
        </li>
      ))}
    </Box>
  );

const BodyList = ({ need }: { need: Need }) => {
  const bodies = need.timeline.filter((entry) => entry.kind === 'BODY_INVOLVED');
  if (bodies.length === 0) return <p>Bisher ist kein Gremium beteiligt.</p>;
  return (
    <ul data-testid="need-bodies">
      {bodies.map((entry, index) => (
        <li key={index}>
          {entry.bodyName}: {entry.involvement ? INVOLVEMENT_LABELS[entry.involvement] : ''}
          {entry.date ? ` am ${formatDate(entry.date)}` : ''}
          {entry.outcome ? ` – ${entry.outcome}` : ''}
        </li>
      ))}
    </ul>
  );
};

/** The decisions and bodies in time order, as an ordered list. */
const Timeline = ({ need }: { need: Need }) => (
  <ol data-testid="need-timeline" aria-label="Verlauf des Bedarfs">
    {need.timeline.map((entry, index) => (
      <li key={index}>
        <Typography component="span" sx={{ fontWeight: 600 }}>
          {formatDateTime(entry.at)}: {TIMELINE_LABELS[entry.kind]}
        </Typography>
        {entry.kind === 'BODY_INVOLVED' && entry.bodyName && <> – {entry.bodyName}</>}
        {entry.decision != null && <> – {yesNo(entry.decision)}</>}
        <br />
        <span>von {entry.byName}</span>
        {entry.involvement && (
          <>
            <br />
            <span>
              {INVOLVEMENT_LABELS[entry.involvement]}
              {entry.date ? ` am ${formatDate(entry.date)}` : ''}
            </span>
          </>
        )}
        {entry.outcome && (
          <>
            <br />
            <span>Ergebnis: {entry.outcome}</span>
          </>
        )}
        {entry.justification && (
          <>
            <br />
            <span>Begründung: {entry.justification}</span>
          </>
        )}
        {entry.offers.length > 0 && (
          <>
            <br />
            <span>
              Betrachtete laufende Angebote:{' '}
              {entry.offers.map((offer, position) => (
                <span key={offer.id}>
                  {position > 0 && ', '}
                  <Link component={RouterLink} to={`/angebote/${offer.id}`}>
                    {offer.title}
                  </Link>
                </span>
              ))}
            </span>
          </>
        )}
      </li>
    ))}
  </ol>
);

interface DialogProps {
  need: Need;
  onClose: () => void;
  onDone: (message: string) => Promise<void>;
}

const EditNeedDialog = ({ need, onClose, onDone }: DialogProps) => {
  const fields: FieldSpec[] = [
    {
      name: 'title',
      label: 'Kurzbezeichnung',
      kind: 'text',
      required: true,
      validate: maxLength('Die Kurzbezeichnung', 200),
    },
    {
      name: 'situationDescription',
      label: 'Situationsbeschreibung',
      kind: 'textarea',
      required: true,
      validate: maxLength('Die Situationsbeschreibung', 20000),
    },
  ];
  const save = async (values: FieldValues) => {
    await graphqlRequest(updateNeedMutation, {
      input: {
        id: need.id,
        revision: need.revision,
        title: String(values.title).trim(),
        situationDescription: String(values.situationDescription).trim(),
      },
    });
    await onDone('Der Bedarf wurde gespeichert.');
  };
  return (
    <EditDialog
      open
      title="Bedarf bearbeiten"
      fields={fields}
      initialValues={{ title: need.title, situationDescription: need.situationDescription }}
      editing
      submitLabel="Speichern"
      onClose={onClose}
      onSubmit={save}
    />
  );
};

const PLANNING_FIELDS = [
  ['contactYouthOffice', 'Kontaktaufnahme mit FD 51', 5000],
  ['contactProviders', 'Kontaktaufnahme mit freien Trägern', 5000],
  ['fundingProgrammes', 'Geprüfte Förderprogramme und Ergebnis', 5000],
  ['professionalJustification', 'Fachliche Begründung', 20000],
  ['resourcesWeighed', 'Abwägung gegen die eingesetzten Ressourcen', 20000],
  ['developmentWithoutOffer', 'Erwartete Entwicklung ohne das Angebot', 20000],
] as const;

const PlanOfferDialog = ({ need, onClose, onDone }: DialogProps) => {
  const fields: FieldSpec[] = PLANNING_FIELDS.map(([name, label, max]) => ({
    name,
    label,
    kind: 'textarea',
    validate: maxLength(label, max),
  }));
  const save = async (values: FieldValues) => {
    const input = Object.fromEntries(PLANNING_FIELDS.map(([name]) => [name, optional(values[name]) ?? '']));
    await graphqlRequest(updateNeedMutation, { input: { id: need.id, revision: need.revision, ...input } });
    await onDone('Kontakte, Förderprogramme und Begründung wurden gespeichert.');
  };
  return (
    <EditDialog
      open
      title="Kontakte, Förderprogramme und Begründung"
      fields={fields}
      initialValues={Object.fromEntries(PLANNING_FIELDS.map(([name]) => [name, need[name] ?? '']))}
      editing
      submitLabel="Speichern"
      onClose={onClose}
      onSubmit={save}
    />
  );
};

const PROVIDER_PREFIX = 'provider:';
const OFFER_PREFIX = 'offer:';

/** „Elterncafé … – Träger (kreisweit)“: what the checkbox of a running offer says. */
const offerLabel = (offer: NeedRunningOfferFragment) =>
  `Betrachtetes laufendes Angebot: ${offer.title}${offer.provider ? ` – ${offer.provider.name}` : ''}` +
  (offer.countyWide ? ' (kreisweit)' : offer.socialArea ? ` (${offer.socialArea.name})` : '');

const checkedIds = (values: FieldValues, prefix: string) =>
  Object.entries(values)
    .filter(([name, value]) => name.startsWith(prefix) && value === true)
    .map(([name]) => name.slice(prefix.length));

const DecideResourcesDialog = ({ need, onClose, onDone }: DialogProps) => {
  const providers = useQuery(needProvidersQuery);
  // The running offers of the need's Sozialraum and the county-wide ones; for a county-wide need all the caller sees.
  const runningOffers = useQuery(needRunningOffersQuery, {
    areaFilter: { states: ['RUNNING'], socialAreaId: need.socialArea?.id ?? null },
    countyWideFilter: { states: ['RUNNING'], countyWide: true },
    withCountyWide: !need.countyWide,
  });
  if (providers.status === 'loading' || runningOffers.status === 'loading') return null;
  const providerList = providers.status === 'success' ? providers.data.providers : [];
  const offerList =
    runningOffers.status === 'success'
      ? [...runningOffers.data.area.nodes, ...(runningOffers.data.countyWide?.nodes ?? [])]
      : [];
  const fields: FieldSpec[] = [
    {
      name: 'covered',
      label: RESOURCES_QUESTION,
      kind: 'select',
      required: true,
      options: YES_NO_OPTIONS,
      helperText: 'Ja: Der Bedarf ist mit den Ressourcen im Sozialraum gedeckt. Nein: Entscheidung 2 folgt.',
    },
    {
      name: 'justification',
      label: 'Begründung',
      kind: 'textarea',
      required: true,
      validate: maxLength('Die Begründung', 20000),
    },
    ...offerList.map((offer): FieldSpec => ({
      name: `${OFFER_PREFIX}${offer.id}`,
      label: offerLabel(offer),
      kind: 'checkbox',
    })),
    {
      name: 'consideredOffers',
      label: 'Weitere betrachtete Ressourcen',
      kind: 'textarea',
      helperText: 'Angebote und Ressourcen, die keine laufenden Angebote der Plattform sind.',
      validate: maxLength('Die Angabe der weiteren Ressourcen', 5000),
    },
    ...providerList.map((provider): FieldSpec => ({
      name: `${PROVIDER_PREFIX}${provider.id}`,
      label: `Betrachteter Träger: ${provider.name}`,
      kind: 'checkbox',
    })),
  ];
  const save = async (values: FieldValues) => {
    const covered = values.covered === 'yes';
    await graphqlRequest(decideNeedResourcesMutation, {
      input: {
        id: need.id,
        revision: need.revision,
        covered,
        justification: String(values.justification).trim(),
        consideredOffers: optional(values.consideredOffers),
        consideredProviderIds: checkedIds(values, PROVIDER_PREFIX),
        consideredOfferIds: checkedIds(values, OFFER_PREFIX),
      },
    });
    await onDone(
      covered
        ? 'Entscheidung 1 wurde gespeichert: Der Bedarf ist mit den Ressourcen im Sozialraum gedeckt.'
        : 'Entscheidung 1 wurde gespeichert: Die Ressourcen reichen nicht aus. Als Nächstes folgt Entscheidung 2.',
    );
  };
  return (
    <>
      {runningOffers.status === 'error' && (
        <ErrorState title="Laufende Angebote konnten nicht geladen werden" error={runningOffers.error} />
      )}
      <EditDialog
        open
        title="Entscheidung 1: Deckung durch Ressourcen im Sozialraum"
        fields={fields}
        initialValues={{
          covered: '',
          justification: '',
          consideredOffers: need.consideredOffers ?? '',
          ...Object.fromEntries(offerList.map((offer) => [`${OFFER_PREFIX}${offer.id}`, false])),
          ...Object.fromEntries(providerList.map((provider) => [`${PROVIDER_PREFIX}${provider.id}`, false])),
        }}
        editing={false}
        submitLabel="Entscheidung speichern"
        onClose={onClose}
        onSubmit={save}
      />
    </>
  );
};

const DecideOfferDialog = ({ need, onClose, onDone }: DialogProps) => {
  const fields: FieldSpec[] = [
    {
      name: 'offer',
      label: OFFER_QUESTION,
      kind: 'select',
      required: true,
      options: YES_NO_OPTIONS,
      helperText: 'Ja: Ein Angebot wird geplant. Nein: kein Leistungsangebot.',
    },
    {
      name: 'justification',
      label: 'Begründung',
      kind: 'textarea',
      required: true,
      validate: maxLength('Die Begründung', 20000),
    },
  ];
  const save = async (values: FieldValues) => {
    const offer = values.offer === 'yes';
    await graphqlRequest(decideNeedOfferMutation, {
      input: {
        id: need.id,
        revision: need.revision,
        offer,
        justification: String(values.justification).trim(),
      },
    });
    await onDone(
      offer
        ? 'Entscheidung 2 wurde gespeichert: Der Bedarf soll durch ein Angebot gedeckt werden.'
        : 'Entscheidung 2 wurde gespeichert: kein Leistungsangebot.',
    );
  };
  return (
    <EditDialog
      open
      title="Entscheidung 2: Deckung durch ein Angebot"
      fields={fields}
      initialValues={{ offer: '', justification: '' }}
      editing={false}
      submitLabel="Entscheidung speichern"
      onClose={onClose}
      onSubmit={save}
    />
  );
};

const INVOLVEMENT_OPTIONS = (Object.keys(INVOLVEMENT_LABELS) as BodyInvolvementKind[]).map((value) => ({
  value,
  label: INVOLVEMENT_LABELS[value],
}));

const BodyInvolvementDialog = ({ need, onClose, onDone }: DialogProps) => {
  const bodies = useQuery(needBodiesQuery);
  if (bodies.status === 'loading') return null;
  const fields: FieldSpec[] = [
    {
      name: 'bodyId',
      label: 'Gremium',
      kind: 'select',
      required: true,
      options: (bodies.status === 'success' ? bodies.data.bodies : []).map((body) => ({
        value: body.id,
        label: body.name,
      })),
    },
    {
      name: 'involvement',
      label: 'Art der Beteiligung',
      kind: 'select',
      required: true,
      options: INVOLVEMENT_OPTIONS,
    },
    {
      name: 'date',
      label: 'Datum der Befassung',
      kind: 'text',
      required: true,
      helperText: 'Als TT.MM.JJJJ, z. B. 20.11.2026',
      validate: (value) =>
        isoDateOf(value)
          ? undefined
          : 'Bitte geben Sie ein gültiges Datum als TT.MM.JJJJ an, z. B. 20.11.2026.',
    },
    {
      name: 'outcome',
      label: 'Ergebnis der Befassung',
      kind: 'textarea',
      required: true,
      validate: maxLength('Das Ergebnis', 5000),
    },
  ];
  const save = async (values: FieldValues) => {
    await graphqlRequest(recordNeedBodyInvolvementMutation, {
      input: {
        needId: need.id,
        revision: need.revision,
        bodyId: String(values.bodyId),
        involvement: String(values.involvement) as BodyInvolvementKind,
        date: isoDateOf(String(values.date).trim())!,
        outcome: String(values.outcome).trim(),
      },
    });
    await onDone('Die Beteiligung des Gremiums wurde festgehalten.');
  };
  return (
    <>
      {bodies.status === 'error' && (
        <ErrorState title="Gremien konnten nicht geladen werden" error={bodies.error} />
      )}
      <EditDialog
        open
        title="Beteiligung eines Gremiums festhalten"
        fields={fields}
        initialValues={{ bodyId: '', involvement: '', date: '', outcome: '' }}
        editing={false}
        submitLabel="Beteiligung festhalten"
        onClose={onClose}
        onSubmit={save}
      />
    </>
  );
};

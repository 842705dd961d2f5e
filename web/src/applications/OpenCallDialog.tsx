import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import { EditDialog, type FieldSpec, type FieldValues } from '../admin/EditDialog.js';
import { ErrorState } from '../app/ErrorState.js';
import { callOptionsQuery, openCallForInterestMutation } from './api.js';
import { deadlineInstant, FINANCING_LABELS } from './labels.js';

const PROVIDER_PREFIX = 'invite:';

/** Opens a need's call for interest: title, deadline, open to all or invited Träger, offer category. */
export const OpenCallDialog = ({
  needId,
  revision,
  onClose,
  onDone,
}: {
  needId: string;
  revision: number;
  onClose: () => void;
  onDone: () => Promise<void>;
}) => {
  const options = useQuery(callOptionsQuery);
  if (options.status === 'loading') return null;
  if (options.status === 'error') {
    return <ErrorState title="Angebotsarten und Träger konnten nicht geladen werden" error={options.error} />;
  }
  const { offerCategories, providers } = options.data;
  const invited = (values: FieldValues) =>
    Object.entries(values)
      .filter(([name, value]) => name.startsWith(PROVIDER_PREFIX) && value === true)
      .map(([name]) => name.slice(PROVIDER_PREFIX.length));

  const fields: FieldSpec[] = [
    {
      name: 'title',
      label: 'Überschrift des Aufrufs',
      kind: 'text',
      helperText: 'Leer lassen: die Kurzbezeichnung des Bedarfs',
      validate: (value) =>
        value.length > 200 ? 'Die Überschrift darf höchstens 200 Zeichen lang sein.' : undefined,
    },
    {
      name: 'deadlineDate',
      label: 'Frist: Datum',
      kind: 'text',
      required: true,
      helperText: 'Als TT.MM.JJJJ, z. B. 31.12.2026',
      validate: (value, values) => {
        const instant = deadlineInstant(value, String(values.deadlineTime || '23:59'));
        if (!instant) return 'Bitte geben Sie ein gültiges Datum als TT.MM.JJJJ an, z. B. 31.12.2026.';
        return new Date(instant).getTime() <= Date.now()
          ? 'Die Frist muss in der Zukunft liegen.'
          : undefined;
      },
    },
    {
      name: 'deadlineTime',
      label: 'Frist: Uhrzeit',
      kind: 'text',
      required: true,
      helperText: 'Als HH:MM, z. B. 23:59',
      validate: (value) =>
        /^([01]?\d|2[0-3]):[0-5]\d$/.test(value) ? undefined : 'Bitte geben Sie die Uhrzeit als HH:MM an.',
    },
    {
      name: 'offerCategoryId',
      label: 'Angebotsart (bestimmt die Finanzierung)',
      kind: 'select',
      required: true,
      options: offerCategories.map((category) => ({
        value: category.id,
        label: `${category.name} – ${FINANCING_LABELS[category.financingKind]}`,
      })),
    },
    {
      name: 'openToAll',
      label: 'Für wen ist der Aufruf?',
      kind: 'select',
      required: true,
      options: [
        { value: 'all', label: 'Alle Träger' },
        { value: 'invited', label: 'Nur eingeladene Träger' },
      ],
      validate: (value, values) =>
        value === 'invited' && invited(values).length === 0
          ? 'Bitte laden Sie mindestens einen Träger ein oder öffnen Sie den Aufruf für alle.'
          : value === 'all' && invited(values).length > 0
            ? 'Ein Aufruf für alle Träger lädt keine einzelnen Träger ein; bitte entfernen Sie die Häkchen.'
            : undefined,
    },
    ...providers.map((provider): FieldSpec => ({
      name: `${PROVIDER_PREFIX}${provider.id}`,
      label: `Eingeladen: ${provider.name}`,
      kind: 'checkbox',
    })),
  ];

  const save = async (values: FieldValues) => {
    const openToAll = values.openToAll === 'all';
    await graphqlRequest(openCallForInterestMutation, {
      input: {
        needId,
        revision,
        title: String(values.title).trim() || null,
        deadline: deadlineInstant(String(values.deadlineDate), String(values.deadlineTime))!,
        offerCategoryId: String(values.offerCategoryId),
        openToAll,
        invitedProviderIds: openToAll ? [] : invited(values),
      },
    });
    await onDone();
  };

  return (
    <EditDialog
      open
      title="Interessensbekundung eröffnen"
      fields={fields}
      initialValues={{
        title: '',
        deadlineDate: '',
        deadlineTime: '23:59',
        offerCategoryId: '',
        openToAll: 'all',
        ...Object.fromEntries(providers.map((provider) => [`${PROVIDER_PREFIX}${provider.id}`, false])),
      }}
      editing={false}
      submitLabel="Aufruf eröffnen"
      onClose={onClose}
      onSubmit={save}
    />
  );
};

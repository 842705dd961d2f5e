import { useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import type { AdminProvidersQuery } from '../gql/graphql.js';
import { createProviderMutation, providersQuery, updateProviderMutation } from './api.js';
import type { FieldSpec, FieldValues } from './EditDialog.js';
import { mapQuery } from './map-query.js';
import { ActiveChip, MasterDataPage, text } from './MasterDataPage.js';

type Row = AdminProvidersQuery['providers'][number];

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const FIELDS: FieldSpec[] = [
  { name: 'name', label: 'Name des Trägers', kind: 'text', required: true, autoComplete: 'off' },
  { name: 'street', label: 'Straße und Hausnummer', kind: 'text' },
  {
    name: 'postalCode',
    label: 'Postleitzahl',
    kind: 'text',
    validate: (value) =>
      /^\d{5}$/.test(value) ? undefined : 'Bitte geben Sie eine fünfstellige Postleitzahl ein.',
  },
  { name: 'city', label: 'Ort', kind: 'text' },
  { name: 'contactName', label: 'Ansprechperson', kind: 'text' },
  {
    name: 'contactEmail',
    label: 'E-Mail-Adresse der Ansprechperson',
    kind: 'email',
    validate: (value) => (EMAIL.test(value) ? undefined : 'Bitte geben Sie eine gültige E-Mail-Adresse ein.'),
  },
  { name: 'contactPhone', label: 'Telefon', kind: 'tel' },
  { name: 'active', label: 'Aktiv', kind: 'checkbox', editOnly: true },
];

const ADDRESS_FIELDS = [
  'street',
  'postalCode',
  'city',
  'contactName',
  'contactEmail',
  'contactPhone',
] as const;

const addressInput = (values: FieldValues) =>
  Object.fromEntries(ADDRESS_FIELDS.map((name) => [name, text(values[name])])) as Record<
    (typeof ADDRESS_FIELDS)[number],
    string | null
  >;

/** `/verwaltung/traeger` */
export const ProvidersPage = () => {
  const [includeInactive, setIncludeInactive] = useState(false);
  const query = useQuery(providersQuery, { includeInactive });
  return (
    <MasterDataPage<Row>
      title="Träger"
      singular="Träger"
      intro="Die freien Träger mit Anschrift und Ansprechperson. Mitarbeitende eines Trägers sehen nur die Daten ihres eigenen Trägers."
      query={mapQuery(query, (data) => data.providers)}
      includeInactive={includeInactive}
      onIncludeInactiveChange={setIncludeInactive}
      columns={[
        { header: 'Name', cell: (row) => row.name },
        {
          header: 'Anschrift',
          cell: (row) =>
            [row.street, [row.postalCode, row.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') ||
            '–',
        },
        {
          header: 'Ansprechperson',
          cell: (row) =>
            [row.contactName, row.contactEmail, row.contactPhone].filter(Boolean).join(' · ') || '–',
        },
        { header: 'Status', cell: (row) => <ActiveChip active={row.active} /> },
      ]}
      rowName={(row) => row.name}
      fields={FIELDS}
      emptyValues={{
        name: '',
        street: '',
        postalCode: '',
        city: '',
        contactName: '',
        contactEmail: '',
        contactPhone: '',
        active: true,
      }}
      toValues={(row) => ({
        name: row.name,
        street: row.street ?? '',
        postalCode: row.postalCode ?? '',
        city: row.city ?? '',
        contactName: row.contactName ?? '',
        contactEmail: row.contactEmail ?? '',
        contactPhone: row.contactPhone ?? '',
        active: row.active,
      })}
      create={(values) =>
        graphqlRequest(createProviderMutation, {
          input: { name: String(values.name).trim(), ...addressInput(values) },
        })
      }
      update={(row, values) =>
        graphqlRequest(updateProviderMutation, {
          input: {
            id: row.id,
            revision: row.revision,
            name: String(values.name).trim(),
            ...addressInput(values),
            active: values.active === true,
          },
        })
      }
    />
  );
};

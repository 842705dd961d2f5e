import { useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import type { AdminBudgetYearsQuery } from '../gql/graphql.js';
import { budgetYearsQuery, createBudgetYearMutation, updateBudgetYearMutation } from './api.js';
import type { FieldSpec } from './EditDialog.js';
import { mapQuery } from './map-query.js';
import { ActiveChip, MasterDataPage } from './MasterDataPage.js';

type Row = AdminBudgetYearsQuery['budgetYears'][number];

const germanDate = (iso: string) => iso.split('-').reverse().join('.');

const FIELDS: FieldSpec[] = [
  {
    name: 'year',
    label: 'Jahr',
    kind: 'number',
    required: true,
    createOnly: true,
    validate: (value) =>
      /^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100
        ? undefined
        : 'Bitte geben Sie ein Jahr zwischen 2000 und 2100 ein.',
  },
  { name: 'startsOn', label: 'Beginn', kind: 'date', required: true },
  {
    name: 'endsOn',
    label: 'Ende',
    kind: 'date',
    required: true,
    validate: (value, values) =>
      typeof values.startsOn === 'string' && values.startsOn !== '' && value < values.startsOn
        ? 'Das Ende darf nicht vor dem Beginn liegen.'
        : undefined,
  },
  { name: 'closed', label: 'Abgeschlossen (keine neuen Bindungen)', kind: 'checkbox', editOnly: true },
];

/** `/verwaltung/haushaltsjahre` */
export const BudgetYearsPage = () => {
  const [includeInactive, setIncludeInactive] = useState(false);
  const query = useQuery(budgetYearsQuery, { includeInactive });
  return (
    <MasterDataPage<Row>
      title="Haushaltsjahre"
      singular="Haushaltsjahr"
      intro="Budgets, Bindungen und Zahlungen werden einem Haushaltsjahr zugeordnet. Ein abgeschlossenes Haushaltsjahr nimmt keine neuen Bindungen mehr an."
      inactiveLabel="abgeschlossene"
      query={mapQuery(query, (data) => data.budgetYears)}
      includeInactive={includeInactive}
      onIncludeInactiveChange={setIncludeInactive}
      columns={[
        { header: 'Jahr', cell: (row) => row.year },
        { header: 'Zeitraum', cell: (row) => `${germanDate(row.startsOn)} – ${germanDate(row.endsOn)}` },
        {
          header: 'Status',
          cell: (row) => (
            <ActiveChip active={!row.closed} activeLabel="offen" inactiveLabel="abgeschlossen" />
          ),
        },
      ]}
      rowName={(row) => String(row.year)}
      fields={FIELDS}
      emptyValues={{ year: '', startsOn: '', endsOn: '', closed: false }}
      toValues={(row) => ({
        year: String(row.year),
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        closed: row.closed,
      })}
      create={(values) =>
        graphqlRequest(createBudgetYearMutation, {
          input: {
            year: Number(values.year),
            startsOn: String(values.startsOn),
            endsOn: String(values.endsOn),
          },
        })
      }
      update={(row, values) =>
        graphqlRequest(updateBudgetYearMutation, {
          input: {
            id: row.id,
            revision: row.revision,
            startsOn: String(values.startsOn),
            endsOn: String(values.endsOn),
            closed: values.closed === true,
          },
        })
      }
    />
  );
};

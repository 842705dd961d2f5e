import { useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import type { AdminOfferCategoriesQuery, FinancingKind } from '../gql/graphql.js';
import { createOfferCategoryMutation, offerCategoriesQuery, updateOfferCategoryMutation } from './api.js';
import { mapQuery } from './map-query.js';
import { ActiveChip, MasterDataPage, text } from './MasterDataPage.js';

type Row = AdminOfferCategoriesQuery['offerCategories'][number];

export const FINANCING_KIND_LABELS: Readonly<Record<FinancingKind, string>> = {
  FEE: 'Fachleistungsstunden (§ 77 SGB VIII)',
  GRANT: 'Kreiszuschuss (§ 74 SGB VIII)',
};

/** `/verwaltung/angebotsarten` */
export const OfferCategoriesPage = () => {
  const [includeInactive, setIncludeInactive] = useState(false);
  const query = useQuery(offerCategoriesQuery, { includeInactive });
  return (
    <MasterDataPage<Row>
      title="Angebotsarten"
      singular="Angebotsart"
      intro="Jede Angebotsart ist einer Finanzierungsart zugeordnet: entgeltfinanziert über Fachleistungsstunden (§ 77 SGB VIII) oder als Kreiszuschuss (§ 74 SGB VIII)."
      query={mapQuery(query, (data) => data.offerCategories)}
      includeInactive={includeInactive}
      onIncludeInactiveChange={setIncludeInactive}
      columns={[
        { header: 'Name', cell: (row) => row.name },
        { header: 'Finanzierungsart', cell: (row) => FINANCING_KIND_LABELS[row.financingKind] },
        { header: 'Beschreibung', cell: (row) => row.description ?? '–' },
        { header: 'Status', cell: (row) => <ActiveChip active={row.active} /> },
      ]}
      rowName={(row) => row.name}
      fields={[
        { name: 'name', label: 'Name', kind: 'text', required: true },
        {
          name: 'financingKind',
          label: 'Finanzierungsart',
          kind: 'select',
          required: true,
          options: (Object.keys(FINANCING_KIND_LABELS) as FinancingKind[]).map((kind) => ({
            value: kind,
            label: FINANCING_KIND_LABELS[kind],
          })),
        },
        { name: 'description', label: 'Beschreibung', kind: 'textarea' },
        { name: 'active', label: 'Aktiv', kind: 'checkbox', editOnly: true },
      ]}
      emptyValues={{ name: '', financingKind: '', description: '', active: true }}
      toValues={(row) => ({
        name: row.name,
        financingKind: row.financingKind,
        description: row.description ?? '',
        active: row.active,
      })}
      create={(values) =>
        graphqlRequest(createOfferCategoryMutation, {
          input: {
            name: String(values.name).trim(),
            financingKind: values.financingKind as FinancingKind,
            description: text(values.description),
          },
        })
      }
      update={(row, values) =>
        graphqlRequest(updateOfferCategoryMutation, {
          input: {
            id: row.id,
            revision: row.revision,
            name: String(values.name).trim(),
            financingKind: values.financingKind as FinancingKind,
            description: text(values.description),
            active: values.active === true,
          },
        })
      }
    />
  );
};

import { useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import type { AdminSocialAreasQuery } from '../gql/graphql.js';
import { createSocialAreaMutation, socialAreasQuery, updateSocialAreaMutation } from './api.js';
import { type FieldSpec, optionsOf } from './EditDialog.js';
import { mapQuery } from './map-query.js';
import { ActiveChip, MasterDataPage, text } from './MasterDataPage.js';

type Row = AdminSocialAreasQuery['socialAreas'][number];

/** `/verwaltung/sozialraeume` */
export const SocialAreasPage = () => {
  const [includeInactive, setIncludeInactive] = useState(false);
  const query = useQuery(socialAreasQuery, { includeInactive });
  const teams = query.status === 'success' ? query.data.regionalTeams : [];
  const fields: FieldSpec[] = [
    { name: 'name', label: 'Name', kind: 'text', required: true },
    { name: 'regionalTeamId', label: 'Regionalteam', kind: 'select', options: optionsOf(teams) },
    { name: 'active', label: 'Aktiv', kind: 'checkbox', editOnly: true },
  ];
  return (
    <MasterDataPage<Row>
      title="Sozialräume"
      singular="Sozialraum"
      intro="Die Sozialräume des Landkreises und das Regionalteam, das für sie entscheidet. Inaktive Sozialräume bleiben für bestehende Vorgänge erhalten, werden aber nicht mehr neu zugeordnet."
      query={mapQuery(query, (data) => data.socialAreas)}
      includeInactive={includeInactive}
      onIncludeInactiveChange={setIncludeInactive}
      columns={[
        { header: 'Name', cell: (row) => row.name },
        { header: 'Regionalteam', cell: (row) => row.regionalTeam?.name ?? '–' },
        { header: 'Status', cell: (row) => <ActiveChip active={row.active} /> },
      ]}
      rowName={(row) => row.name}
      fields={fields}
      emptyValues={{ name: '', regionalTeamId: '', active: true }}
      toValues={(row) => ({ name: row.name, regionalTeamId: row.regionalTeam?.id ?? '', active: row.active })}
      create={(values) =>
        graphqlRequest(createSocialAreaMutation, {
          input: { name: String(values.name).trim(), regionalTeamId: text(values.regionalTeamId) },
        })
      }
      update={(row, values) =>
        graphqlRequest(updateSocialAreaMutation, {
          input: {
            id: row.id,
            revision: row.revision,
            name: String(values.name).trim(),
            regionalTeamId: text(values.regionalTeamId),
            active: values.active === true,
          },
        })
      }
    />
  );
};

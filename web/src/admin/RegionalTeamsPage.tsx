import { useState } from 'react';
import { graphqlRequest } from '../api/client.js';
import { useQuery } from '../api/useQuery.js';
import type { AdminRegionalTeamsQuery } from '../gql/graphql.js';
import { createRegionalTeamMutation, regionalTeamsQuery, updateRegionalTeamMutation } from './api.js';
import { mapQuery } from './map-query.js';
import { ActiveChip, MasterDataPage, NameList } from './MasterDataPage.js';

type Row = AdminRegionalTeamsQuery['regionalTeams'][number];

/** `/verwaltung/regionalteams` */
export const RegionalTeamsPage = () => {
  const [includeInactive, setIncludeInactive] = useState(false);
  const query = useQuery(regionalTeamsQuery, { includeInactive });
  return (
    <MasterDataPage<Row>
      title="Regionalteams"
      singular="Regionalteam"
      intro="Regionalteams entscheiden über den Ressourceneinsatz in den Sozialräumen ihrer Region. Welche Sozialräume zu einem Regionalteam gehören, legen Sie beim Sozialraum fest."
      query={mapQuery(query, (data) => data.regionalTeams)}
      includeInactive={includeInactive}
      onIncludeInactiveChange={setIncludeInactive}
      columns={[
        { header: 'Name', cell: (row) => row.name },
        {
          header: 'Sozialräume',
          cell: (row) => <NameList names={row.socialAreas.map((area) => area.name)} />,
        },
        { header: 'Status', cell: (row) => <ActiveChip active={row.active} /> },
      ]}
      rowName={(row) => row.name}
      fields={[
        { name: 'name', label: 'Name', kind: 'text', required: true },
        { name: 'active', label: 'Aktiv', kind: 'checkbox', editOnly: true },
      ]}
      emptyValues={{ name: '', active: true }}
      toValues={(row) => ({ name: row.name, active: row.active })}
      create={(values) =>
        graphqlRequest(createRegionalTeamMutation, { input: { name: String(values.name).trim() } })
      }
      update={(row, values) =>
        graphqlRequest(updateRegionalTeamMutation, {
          input: {
            id: row.id,
            revision: row.revision,
            name: String(values.name).trim(),
            active: values.active === true,
          },
        })
      }
    />
  );
};

import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { GraphQLContext } from '../common/context.js';
import { Provider } from './provider.entity.js';
import { RegionalTeam } from './regional-team.entity.js';
import { SocialArea } from './social-area.entity.js';
import { isUuid } from '../common/uuid.scalar.js';

function createMasterDataLoaders(em: EntityManager) {
  return {
    regionalTeamById: new DataLoader<string, RegionalTeam | null>(async (ids) => {
      const teams = await em.find(RegionalTeam, { id: { $in: [...ids] } });
      const byId = new Map(teams.map((team) => [team.id, team]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** The Sozialräume of each Regionalteam (inactive ones included), by name. */
    socialAreasByRegionalTeam: new DataLoader<string, SocialArea[]>(async (teamIds) => {
      const areas = await em.find(
        SocialArea,
        { regionalTeam: { $in: [...teamIds] } },
        { orderBy: { name: 'asc', id: 'asc' } },
      );
      return teamIds.map((teamId) => areas.filter((area) => area.regionalTeam?.id === teamId));
    }),
    /** Provider ids of submissions are free text for callers outside the master data (e.g. tests, demo). */
    providerById: new DataLoader<string, Provider | null>(async (ids) => {
      const valid = ids.filter((id) => isUuid(id));
      const providers = valid.length > 0 ? await em.find(Provider, { id: { $in: valid } }) : [];
      const byId = new Map(providers.map((provider) => [provider.id, provider]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    }),
  };
}

export type MasterDataLoaders = ReturnType<typeof createMasterDataLoaders>;

const loadersByRequest = new WeakMap<GraphQLContext, MasterDataLoaders>();

/** The master data loaders of this request (batched lookups, so lists ask one query per relation). */
export function masterDataLoaders(context: GraphQLContext): MasterDataLoaders {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = createMasterDataLoaders(context.em);
    loadersByRequest.set(context, loaders);
  }
  return loaders;
}

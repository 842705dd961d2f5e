import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { FormVersion } from './form-version.entity.js';

/**
 * Per-request batching: a list of submissions asks for their form versions in one query, not one each.
 * The versions come without their JSON (lazy columns); fields that need it read the process cache.
 */
export function createFormLoaders(em: EntityManager) {
  return {
    versionById: new DataLoader<string, FormVersion | null>(async (ids) => {
      const versions = await em.find(FormVersion, { id: { $in: [...ids] } });
      const byId = new Map(versions.map((version) => [version.id, version]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}

export type FormLoaders = ReturnType<typeof createFormLoaders>;

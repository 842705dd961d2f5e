import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Application } from '../applications/application.entity.js';
import type { GraphQLContext } from '../common/context.js';
import { OfferCategory } from '../master-data/offer-category.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Need } from '../needs/need.entity.js';
import { OPEN_EVALUATION_STATES } from './offer-query.js';

function byIds<T extends { id: string }>(
  load: (ids: string[]) => Promise<T[]>,
): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await load([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

function createOfferLoaders(em: EntityManager) {
  return {
    socialAreaById: byIds((ids) => em.find(SocialArea, { id: { $in: ids } })),
    offerCategoryById: byIds((ids) => em.find(OfferCategory, { id: { $in: ids } })),
    /** With the Sozialraum, which the need policy reads. */
    needById: byIds((ids) => em.find(Need, { id: { $in: ids } }, { populate: ['socialArea'] })),
    /** With what the application policy and its fields read. */
    applicationById: byIds((ids) =>
      em.find(Application, { id: { $in: ids } }, { populate: ['call.need.socialArea', 'provider'] }),
    ),
    /** The earliest due date (ISO) of each offer's open evaluations, null when none is open. */
    nextEvaluationDueByOffer: new DataLoader<string, string | null>(async (offerIds) => {
      const rows = await em.getConnection().execute<{ offer_id: string; next_due: string }[]>(
        `select offer_id, min(due_date)::text as next_due from evaluation
         where offer_id in (${offerIds.map(() => '?').join(', ')})
           and state in (${OPEN_EVALUATION_STATES.map(() => '?').join(', ')})
         group by offer_id`,
        [...offerIds, ...OPEN_EVALUATION_STATES],
      );
      const byOffer = new Map(rows.map((row) => [row.offer_id, row.next_due]));
      return offerIds.map((id) => byOffer.get(id) ?? null);
    }),
  };
}

export type OfferLoaders = ReturnType<typeof createOfferLoaders>;

const loadersByRequest = new WeakMap<GraphQLContext, OfferLoaders>();

/** The offer loaders of this request (a page of offers asks one query per relation). */
export function offerLoaders(context: GraphQLContext): OfferLoaders {
  let loaders = loadersByRequest.get(context);
  if (!loaders) {
    loaders = createOfferLoaders(context.em);
    loadersByRequest.set(context, loaders);
  }
  return loaders;
}

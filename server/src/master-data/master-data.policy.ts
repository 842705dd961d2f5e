import type { FilterQuery } from '@mikro-orm/postgresql';
import { type Caller, Role } from '../common/context.js';
import type { Grant, Policy } from '../common/policy.js';
import type { BudgetYear } from './budget-year.entity.js';
import type { OfferCategory } from './offer-category.entity.js';
import type { Provider } from './provider.entity.js';
import type { RegionalTeam } from './regional-team.entity.js';
import type { SocialArea } from './social-area.entity.js';
import { isUuid } from '../common/uuid.scalar.js';

/** Roles of the youth office (everyone but provider staff). */
export const OFFICE_ROLES: readonly Role[] = [
  Role.ADMIN,
  Role.TEAM_LEAD,
  Role.REGIONAL_TEAM,
  Role.FINANCE,
  Role.COMMITTEE,
];

function grantTo<R>(roles: readonly Role[], grant: Grant<R> = true): Partial<Record<Role, Grant<R>>> {
  return Object.fromEntries(roles.map((role) => [role, grant]));
}

export type MasterDataAction = 'read' | 'create' | 'update';

/**
 * Sozialräume, Regionalteams, offer categories and budget years: every signed-in role reads them (they
 * name what the process is about); only the administration creates and changes them.
 */
function sharedMasterDataPolicy<R>(): Policy<MasterDataAction, R> {
  return {
    read: grantTo<R>(Object.values(Role)),
    create: { [Role.ADMIN]: true },
    update: { [Role.ADMIN]: true },
  };
}

export const socialAreaPolicy = sharedMasterDataPolicy<SocialArea>();
export const regionalTeamPolicy = sharedMasterDataPolicy<RegionalTeam>();
export const offerCategoryPolicy = sharedMasterDataPolicy<OfferCategory>();
export const budgetYearPolicy = sharedMasterDataPolicy<BudgetYear>();

const ownProvider: Grant<Pick<Provider, 'id'>> = (caller, provider) =>
  !!caller.providerId && caller.providerId === provider.id;

/**
 * Träger: the office sees all of them; provider staff see only their own Träger and may keep its address
 * and contact current (`updateContact`), but not rename or deactivate it (`update`: the administration).
 */
export const providerPolicy: Policy<MasterDataAction | 'updateContact', Pick<Provider, 'id'>> = {
  read: { ...grantTo(OFFICE_ROLES), [Role.PROVIDER]: ownProvider },
  create: { [Role.ADMIN]: true },
  update: { [Role.ADMIN]: true },
  updateContact: { [Role.ADMIN]: true, [Role.PROVIDER]: ownProvider },
};

/** The Träger `caller` may see, as a query filter (the same rule as `providerPolicy.read`). */
export function visibleProviders(caller: Caller): FilterQuery<Provider> {
  if (caller.roles.some((role) => OFFICE_ROLES.includes(role))) return {};
  if (caller.roles.includes(Role.PROVIDER) && caller.providerId && isUuid(caller.providerId)) {
    return { id: caller.providerId };
  }
  return { id: { $in: [] } };
}

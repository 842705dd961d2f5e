import { Role } from '../../../server/src/common/context.js';
import {
  allow,
  type AuthorizationCase,
  deny,
  ids,
  insertRow,
  knownIds,
  type Persona,
  sorted,
  type World,
} from './matrix.js';

/** Lists every signed-in role reads: active rows by default, inactive ones on request. */
function sharedList(
  field: string,
  rows: (w: World) => { listed: string[]; hidden: string[] },
): AuthorizationCase[] {
  return [false, true].map((includeInactive) => ({
    title: `${field}${includeInactive ? '(includeInactive: true)' : ''} is read by every signed-in role`,
    covers: [`Query.${field}`],
    document: `query($all: Boolean) { ${field}(includeInactive: $all) { id } }`,
    variables: () => ({ all: includeInactive }),
    pick: (data, w) => knownIds(data[field], [...rows(w).listed, ...rows(w).hidden]),
    expect: {
      '*': (w) => allow(sorted(includeInactive ? [...rows(w).listed, ...rows(w).hidden] : rows(w).listed)),
    },
  }));
}

/** The own Träger's id of a provider persona. */
const ownProviderOf = (w: World, persona: Persona) =>
  persona.scope === 'foreign' ? w.providers.foreign : w.providers.own;

const providerList = (includeInactive: boolean): AuthorizationCase => ({
  title: `providers${includeInactive ? '(includeInactive: true)' : ''} shows provider staff only their own Träger`,
  covers: ['Query.providers'],
  document: `query($all: Boolean) { providers(includeInactive: $all) { id } }`,
  variables: () => ({ all: includeInactive }),
  // Provider staff's list is compared in full: nothing but their own Träger may be in it.
  pick: (data, w, _prepared, persona) =>
    persona.role === Role.PROVIDER
      ? ids(data.providers)
      : knownIds(data.providers, Object.values(w.providers)),
  expect: {
    office: (w) =>
      allow(
        sorted(
          includeInactive
            ? [w.providers.own, w.providers.foreign, w.providers.inactive]
            : [w.providers.own, w.providers.foreign],
        ),
      ),
    PROVIDER: (w, _p, persona) => allow([ownProviderOf(w, persona)]),
  },
});

/** viewerCan.update of a list type: only the administration changes it. */
const viewerCanUpdate = (field: string, type: string): AuthorizationCase => ({
  title: `${type}.viewerCan says only the administration may change it`,
  covers: [`${type}.viewerCan`],
  document: `query { ${field} { id viewerCan { update } } }`,
  pick: (data) => [
    ...new Set(data[field].map((row: { viewerCan: { update: boolean } }) => row.viewerCan.update)),
  ],
  expect: { ADMIN: allow([true]), '*': allow([false]) },
});

/** A create mutation only the administration may run; a denied one adds no row. */
function adminCreates(
  mutation: string,
  table: string,
  input: (w: World) => Record<string, unknown>,
  inputType: string,
): AuthorizationCase<Record<string, unknown>> {
  return {
    title: `${mutation} is for the administration only`,
    covers: [`Mutation.${mutation}`],
    prepare: async (w) => input(w),
    document: `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id } }`,
    variables: (_w, prepared) => ({ input: prepared }),
    pick: (data) => typeof data[mutation]?.id,
    expect: { ADMIN: allow('string'), '*': deny('FORBIDDEN') },
    state: (w) => w.sql(`select count(*)::int as "count" from "${table}"`),
  };
}

interface Fresh {
  id: string;
  revision: number;
}

/** An update mutation only the administration may run, on a fresh row; a denied one leaves it as it was. */
function adminUpdates(
  mutation: string,
  table: string,
  insert: (w: World) => Promise<string>,
  changes: (w: World) => Record<string, unknown>,
  inputType: string,
): AuthorizationCase<Fresh> {
  return {
    title: `${mutation} is for the administration only`,
    covers: [`Mutation.${mutation}`],
    prepare: async (w) => ({ id: await insert(w), revision: 1 }),
    document: `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id revision } }`,
    variables: (w, fresh) => ({ input: { id: fresh.id, revision: fresh.revision, ...changes(w) } }),
    expect: { ADMIN: (_w, fresh) => allow({ id: fresh.id, revision: 2 }), '*': deny('FORBIDDEN') },
    state: (w, fresh) => w.sql(`select * from "${table}" where "id" = ?`, [fresh.id]),
  };
}

const providerRow = (w: World, id: string) => w.sql(`select * from "provider" where "id" = ?`, [id]);
const revisionOf = async (w: World, table: string, id: string): Promise<number> =>
  (await w.sql<{ revision: number }>(`select "revision" from "${table}" where "id" = ?`, [id]))[0].revision;

export const cases: AuthorizationCase[] = [
  ...sharedList('socialAreas', (w) => ({
    listed: [w.socialAreas.own, w.socialAreas.foreign],
    hidden: [w.socialAreas.inactive],
  })),
  ...sharedList('regionalTeams', (w) => ({
    listed: [w.regionalTeams.own, w.regionalTeams.foreign],
    hidden: [w.regionalTeams.inactive],
  })),
  ...sharedList('offerCategories', (w) => ({
    listed: [w.offerCategories.active],
    hidden: [w.offerCategories.inactive],
  })),
  ...sharedList('budgetYears', (w) => ({ listed: [w.budgetYears.open], hidden: [w.budgetYears.closed] })),
  providerList(false),
  providerList(true),
  {
    title: 'provider(id) finds the own Träger; another Träger is not found for provider staff',
    covers: ['Query.provider'],
    document: 'query($id: UUID!) { provider(id: $id) { id name } }',
    variables: (w) => ({ id: w.providers.own }),
    pick: (data) => data.provider.id,
    expect: {
      office: (w) => allow(w.providers.own),
      'PROVIDER:own': (w) => allow(w.providers.own),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  {
    title: 'SocialArea.regionalTeam names the team of each area',
    covers: ['SocialArea.regionalTeam'],
    document: 'query { socialAreas(includeInactive: true) { id regionalTeam { id } } }',
    pick: (data, w) =>
      Object.fromEntries(
        data.socialAreas
          .filter((area: { id: string }) => Object.values(w.socialAreas).includes(area.id))
          .map((area: { id: string; regionalTeam: { id: string } | null }) => [
            area.id,
            area.regionalTeam?.id ?? null,
          ]),
      ),
    expect: {
      '*': (w) =>
        allow({
          [w.socialAreas.own]: w.regionalTeams.own,
          [w.socialAreas.foreign]: w.regionalTeams.foreign,
          [w.socialAreas.inactive]: w.regionalTeams.own,
        }),
    },
  },
  {
    title: 'RegionalTeam.socialAreas lists the active areas of each team',
    covers: ['RegionalTeam.socialAreas'],
    document: 'query { regionalTeams(includeInactive: true) { id socialAreas { id } } }',
    pick: (data, w) =>
      Object.fromEntries(
        data.regionalTeams
          .filter((team: { id: string }) => Object.values(w.regionalTeams).includes(team.id))
          .map((team: { id: string; socialAreas: { id: string }[] }) => [team.id, ids(team.socialAreas)]),
      ),
    expect: {
      '*': (w) =>
        allow({
          [w.regionalTeams.own]: [w.socialAreas.own],
          [w.regionalTeams.foreign]: [w.socialAreas.foreign],
          [w.regionalTeams.inactive]: [],
        }),
    },
  },
  viewerCanUpdate('socialAreas', 'SocialArea'),
  viewerCanUpdate('regionalTeams', 'RegionalTeam'),
  viewerCanUpdate('offerCategories', 'OfferCategory'),
  viewerCanUpdate('budgetYears', 'BudgetYear'),
  {
    title: 'Provider.viewerCan: the office administration changes all, provider staff their contact',
    covers: ['Provider.viewerCan'],
    document: 'query($id: UUID!) { provider(id: $id) { viewerCan { update changeNameOrStatus } } }',
    variables: (w) => ({ id: w.providers.own }),
    pick: (data) => data.provider.viewerCan,
    expect: {
      ADMIN: allow({ update: true, changeNameOrStatus: true }),
      office: allow({ update: false, changeNameOrStatus: false }),
      'PROVIDER:own': allow({ update: true, changeNameOrStatus: false }),
      'PROVIDER:foreign': deny('NOT_FOUND'),
    },
  },
  adminCreates(
    'createSocialArea',
    'social_area',
    (w) => ({ name: w.unique('Sozialraum'), regionalTeamId: w.regionalTeams.own }),
    'CreateSocialAreaInput',
  ),
  adminCreates(
    'createRegionalTeam',
    'regional_team',
    (w) => ({ name: w.unique('Team') }),
    'CreateRegionalTeamInput',
  ),
  adminCreates(
    'createProvider',
    'provider',
    (w) => ({ name: w.unique('Träger'), postalCode: '27283' }),
    'CreateProviderInput',
  ),
  adminCreates(
    'createOfferCategory',
    'offer_category',
    (w) => ({ name: w.unique('Angebotsart'), financingKind: 'GRANT' }),
    'CreateOfferCategoryInput',
  ),
  {
    ...adminCreates('createBudgetYear', 'budget_year', () => ({ year: 0 }), 'CreateBudgetYearInput'),
    // A year no other run of this case took: the count of budget years so far.
    prepare: async (w) => ({
      year:
        2040 +
        (await w.sql<{ count: number }>('select count(*)::int as "count" from "budget_year"'))[0].count,
    }),
  },
  adminUpdates(
    'updateSocialArea',
    'social_area',
    (w) => insertRow(w, 'social_area', { name: w.unique('Sozialraum') }),
    (w) => ({ name: w.unique('Sozialraum neu'), regionalTeamId: w.regionalTeams.foreign, active: false }),
    'UpdateSocialAreaInput',
  ),
  adminUpdates(
    'updateRegionalTeam',
    'regional_team',
    (w) => insertRow(w, 'regional_team', { name: w.unique('Team') }),
    () => ({ active: false }),
    'UpdateRegionalTeamInput',
  ),
  adminUpdates(
    'updateOfferCategory',
    'offer_category',
    (w) => insertRow(w, 'offer_category', { name: w.unique('Angebotsart'), financing_kind: 'FEE' }),
    () => ({ financingKind: 'GRANT' }),
    'UpdateOfferCategoryInput',
  ),
  {
    ...adminUpdates(
      'updateBudgetYear',
      'budget_year',
      async () => '',
      () => ({ closed: true }),
      'UpdateBudgetYearInput',
    ),
    prepare: async (w) => {
      const [{ count }] = await w.sql<{ count: number }>(
        'select count(*)::int as "count" from "budget_year"',
      );
      const year = 2060 + count;
      const id = await insertRow(w, 'budget_year', {
        year,
        starts_on: `${year}-01-01`,
        ends_on: `${year}-12-31`,
      });
      return { id, revision: 1 };
    },
  },
  {
    title: 'updateProvider: address and contact by the administration or the Träger’s own staff',
    covers: ['Mutation.updateProvider'],
    prepare: async (w) => ({ revision: await revisionOf(w, 'provider', w.providers.own) }),
    document: 'mutation($input: UpdateProviderInput!) { updateProvider(input: $input) { id contactName } }',
    variables: (w, prepared: { revision: number }, persona) => ({
      input: {
        id: w.providers.own,
        revision: prepared.revision,
        contactName: `Kontakt ${persona.key}`,
        contactEmail: 'neu@traeger.invalid',
      },
    }),
    pick: (data) => data.updateProvider,
    expect: {
      ADMIN: (w) => allow({ id: w.providers.own, contactName: 'Kontakt ADMIN' }),
      'PROVIDER:own': (w) => allow({ id: w.providers.own, contactName: 'Kontakt PROVIDER:own' }),
      'PROVIDER:foreign': deny('NOT_FOUND'),
      office: deny('FORBIDDEN'),
    },
    state: (w) => providerRow(w, w.providers.own),
  },
  {
    title: 'updateProvider: name and active only by the administration',
    covers: ['Mutation.updateProvider'],
    prepare: async (w) => ({ revision: await revisionOf(w, 'provider', w.providers.own) }),
    document: 'mutation($input: UpdateProviderInput!) { updateProvider(input: $input) { id } }',
    variables: (w, prepared: { revision: number }) => ({
      input: { id: w.providers.own, revision: prepared.revision, name: w.unique('Matrix Träger Eins') },
    }),
    expect: {
      ADMIN: (w) => allow({ id: w.providers.own }),
      'PROVIDER:own': deny('FORBIDDEN'),
      'PROVIDER:foreign': deny('NOT_FOUND'),
      office: deny('FORBIDDEN'),
    },
    state: (w) => providerRow(w, w.providers.own),
  },
];

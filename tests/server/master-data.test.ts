import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, Role } from '../../server/src/common/context.js';
import type { GraphQLContext } from '../../server/src/common/context.js';
import { masterDataLoaders } from '../../server/src/master-data/master-data.loaders.js';
import { type TestApi, startTestApi } from '../support/test-api.js';

const admin: Caller = { userId: 'admin-md', displayName: 'Jugendhilfeplanung', roles: [Role.ADMIN] };
const finance: Caller = { userId: 'wjh-md', displayName: 'WJH', roles: [Role.FINANCE] };

const SOCIAL_AREA = 'id name active revision regionalTeam { id name } viewerCan { update }';
const REGIONAL_TEAM = 'id name active revision socialAreas { id name } viewerCan { update }';
const PROVIDER =
  'id name street postalCode city contactName contactEmail contactPhone active revision viewerCan { update changeNameOrStatus }';
const OFFER_CATEGORY = 'id name description financingKind active revision viewerCan { update }';
const BUDGET_YEAR = 'id year startsOn endsOn closed revision viewerCan { update }';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});

afterAll(async () => {
  await api?.close();
});

/** Runs a mutation `name(input: $input)` and returns its result, or fails with the errors. */
async function mutate(
  name: string,
  inputType: string,
  fields: string,
  input: object,
  caller: Caller | null = admin,
) {
  return api.gql(
    `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`,
    { input },
    { caller },
  );
}

async function ok(name: string, inputType: string, fields: string, input: object, caller: Caller = admin) {
  const { data, errors } = await mutate(name, inputType, fields, input, caller);
  expect(errors).toBeUndefined();
  return data![name];
}

async function auditOf(entityId: string): Promise<any[]> {
  return api.orm.em
    .getConnection()
    .execute(
      `select "operation", "entity_type", "role", "user_id", "outcome", "details" from "audit_event" where "entity_id" = ? order by "id"`,
      [entityId],
    );
}

let counter = 0;
const unique = (name: string) => `${name} ${++counter}`;

describe('Sozialräume and Regionalteams', () => {
  it('creates a Regionalteam and a Sozialraum in it, renames, moves and deactivates the Sozialraum, with one audit event each', async () => {
    const north = await ok('createRegionalTeam', 'CreateRegionalTeamInput', REGIONAL_TEAM, { name: 'Nord' });
    const south = await ok('createRegionalTeam', 'CreateRegionalTeamInput', REGIONAL_TEAM, { name: 'Süd' });
    expect(north).toMatchObject({
      name: 'Nord',
      active: true,
      revision: 1,
      socialAreas: [],
      viewerCan: { update: true },
    });

    const achim = await ok('createSocialArea', 'CreateSocialAreaInput', SOCIAL_AREA, {
      name: '  Achim ',
      regionalTeamId: north.id,
    });
    expect(achim).toMatchObject({
      name: 'Achim',
      active: true,
      revision: 1,
      regionalTeam: { id: north.id, name: 'Nord' },
    });

    const moved = await ok('updateSocialArea', 'UpdateSocialAreaInput', SOCIAL_AREA, {
      id: achim.id,
      revision: 1,
      name: 'Achim (Stadt)',
      regionalTeamId: south.id,
    });
    expect(moved).toMatchObject({ name: 'Achim (Stadt)', revision: 2, regionalTeam: { id: south.id } });

    const inactive = await ok('updateSocialArea', 'UpdateSocialAreaInput', SOCIAL_AREA, {
      id: achim.id,
      revision: 2,
      active: false,
    });
    expect(inactive).toMatchObject({ active: false, revision: 3, name: 'Achim (Stadt)' });

    const events = await auditOf(achim.id);
    expect(events).toEqual([
      {
        operation: 'createSocialArea',
        entity_type: 'SocialArea',
        role: 'ADMIN',
        user_id: 'admin-md',
        outcome: 'SUCCESS',
        details: { after: { name: 'Achim', regionalTeamId: north.id, active: true } },
      },
      expect.objectContaining({
        operation: 'updateSocialArea',
        details: {
          before: { name: 'Achim', regionalTeamId: north.id },
          after: { name: 'Achim (Stadt)', regionalTeamId: south.id },
        },
      }),
      expect.objectContaining({
        operation: 'updateSocialArea',
        details: { before: { active: true }, after: { active: false } },
      }),
    ]);
    expect(await auditOf(north.id)).toEqual([
      expect.objectContaining({
        operation: 'createRegionalTeam',
        details: { after: { name: 'Nord', active: true } },
      }),
    ]);

    // Inactive areas are left out of lists unless asked for.
    const listed = await api.gql(
      'query { socialAreas { id } all: socialAreas(includeInactive: true) { id } }',
      {},
      { caller: finance },
    );
    expect(listed.data!.socialAreas.map((a: { id: string }) => a.id)).not.toContain(achim.id);
    expect(listed.data!.all.map((a: { id: string }) => a.id)).toContain(achim.id);
  });

  it('lists each Regionalteam with its Sozialräume and each Sozialraum with its team, for every role', async () => {
    const team = await ok('createRegionalTeam', 'CreateRegionalTeamInput', 'id', { name: unique('Mitte') });
    const names = ['Oyten', 'Ottersberg', 'Langwedel'].map(unique);
    for (const name of names) {
      await ok('createSocialArea', 'CreateSocialAreaInput', 'id', { name, regionalTeamId: team.id });
    }
    const { data, errors } = await api.gql(
      `query { regionalTeams { id socialAreas { name regionalTeam { id } } viewerCan { update } } }`,
      {},
      { caller: finance },
    );
    expect(errors).toBeUndefined();
    const listed = data!.regionalTeams.find((t: { id: string }) => t.id === team.id);
    expect(listed.socialAreas.map((a: { name: string }) => a.name)).toEqual([...names].sort());
    expect(
      listed.socialAreas.every((a: { regionalTeam: { id: string } }) => a.regionalTeam.id === team.id),
    ).toBe(true);
    expect(listed.viewerCan.update).toBe(false);
  });

  it('loads the teams of a list of Sozialräume, and the Sozialräume of a list of teams, in one query each', async () => {
    const teams = [];
    for (const name of ['Batch A', 'Batch B', 'Batch C']) {
      const team = await ok('createRegionalTeam', 'CreateRegionalTeamInput', 'id', { name: unique(name) });
      await ok('createSocialArea', 'CreateSocialAreaInput', 'id', {
        name: unique(name),
        regionalTeamId: team.id,
      });
      teams.push(team.id as string);
    }
    const em = api.orm.em.fork();
    let finds = 0;
    const counting = new Proxy(em, {
      get(target, property, receiver) {
        if (property === 'find') finds += 1;
        return Reflect.get(target, property, receiver);
      },
    });
    const loaders = masterDataLoaders({ em: counting } as unknown as GraphQLContext);
    const [byTeam, byId] = await Promise.all([
      Promise.all(teams.map((id) => loaders.socialAreasByRegionalTeam.load(id))),
      Promise.all(teams.map((id) => loaders.regionalTeamById.load(id))),
    ]);
    expect(byTeam.map((areas) => areas.length)).toEqual([1, 1, 1]);
    expect(byId.map((team) => team?.id)).toEqual(teams);
    expect(finds).toBe(2);
  });

  it('refuses to put a Sozialraum into a deactivated Regionalteam', async () => {
    const team = await ok('createRegionalTeam', 'CreateRegionalTeamInput', 'id revision', {
      name: unique('Alt'),
    });
    await ok('updateRegionalTeam', 'UpdateRegionalTeamInput', 'id', {
      id: team.id,
      revision: team.revision,
      active: false,
    });
    const { errors } = await mutate('createSocialArea', 'CreateSocialAreaInput', 'id', {
      name: unique('Dörverden'),
      regionalTeamId: team.id,
    });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(/ist deaktiviert/);
  });
});

describe('Träger', () => {
  it('creates, changes and deactivates a Träger; its staff keep address and contact current', async () => {
    const created = await ok('createProvider', 'CreateProviderInput', PROVIDER, {
      name: 'Jugendhilfe Verden e. V.',
      street: 'Große Straße 1',
      postalCode: '27283',
      city: 'Verden (Aller)',
      contactEmail: 'info@jugendhilfe-verden.invalid',
    });
    expect(created).toMatchObject({
      revision: 1,
      active: true,
      contactName: null,
      viewerCan: { update: true, changeNameOrStatus: true },
    });

    const staff: Caller = {
      userId: 'staff-1',
      displayName: 'Träger',
      roles: [Role.PROVIDER],
      providerId: created.id,
    };
    const own = await api.gql(
      `query($id: UUID!) { provider(id: $id) { ${PROVIDER} } }`,
      { id: created.id },
      { caller: staff },
    );
    expect(own.data!.provider.viewerCan).toEqual({ update: true, changeNameOrStatus: false });

    const selfService = await ok(
      'updateProvider',
      'UpdateProviderInput',
      PROVIDER,
      { id: created.id, revision: 1, contactName: 'Frau Meyer', contactPhone: '04231 123456', street: null },
      staff,
    );
    expect(selfService).toMatchObject({
      contactName: 'Frau Meyer',
      contactPhone: '04231 123456',
      street: null,
      revision: 2,
    });

    const rename = await mutate(
      'updateProvider',
      'UpdateProviderInput',
      'id',
      { id: created.id, revision: 2, name: 'Neuer Name' },
      staff,
    );
    expect(rename.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const deactivate = await mutate(
      'updateProvider',
      'UpdateProviderInput',
      'id',
      { id: created.id, revision: 2, active: false },
      staff,
    );
    expect(deactivate.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const byAdmin = await ok('updateProvider', 'UpdateProviderInput', PROVIDER, {
      id: created.id,
      revision: 2,
      name: 'Jugendhilfe Verden gGmbH',
      active: false,
    });
    expect(byAdmin).toMatchObject({ name: 'Jugendhilfe Verden gGmbH', active: false, revision: 3 });

    const events = await auditOf(created.id);
    expect(events.map((event: { operation: string; role: string }) => [event.operation, event.role])).toEqual(
      [
        ['createProvider', 'ADMIN'],
        ['updateProvider', 'PROVIDER'],
        ['updateProvider', 'ADMIN'],
      ],
    );
    expect(events[1].details).toEqual({
      before: { street: 'Große Straße 1', contactName: null, contactPhone: null },
      after: { street: null, contactName: 'Frau Meyer', contactPhone: '04231 123456' },
    });
    expect(events[2].details).toEqual({
      before: { name: 'Jugendhilfe Verden e. V.', active: true },
      after: { name: 'Jugendhilfe Verden gGmbH', active: false },
    });
  });

  it('shows provider staff only their own Träger; another Träger is not found, not forbidden', async () => {
    const mine = await ok('createProvider', 'CreateProviderInput', 'id revision', {
      name: unique('Eigener Träger'),
    });
    const other = await ok('createProvider', 'CreateProviderInput', 'id revision', {
      name: unique('Anderer Träger'),
    });
    const staff: Caller = {
      userId: 'staff-2',
      displayName: 'Träger',
      roles: [Role.PROVIDER],
      providerId: mine.id,
    };

    const list = await api.gql('query { providers(includeInactive: true) { id } }', {}, { caller: staff });
    expect(list.data!.providers).toEqual([{ id: mine.id }]);

    const lookup = await api.gql(
      'query($id: UUID!) { provider(id: $id) { id } }',
      { id: other.id },
      { caller: staff },
    );
    expect(lookup.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const change = await mutate(
      'updateProvider',
      'UpdateProviderInput',
      'id',
      { id: other.id, revision: other.revision, contactName: 'Fremd' },
      staff,
    );
    expect(change.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await auditOf(other.id)).toHaveLength(1);

    const office = await api.gql('query { providers { id } }', {}, { caller: finance });
    expect(office.data!.providers.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining([mine.id, other.id]),
    );
  });

  it('answers invalid address and contact fields with German messages', async () => {
    const { errors } = await mutate('createProvider', 'CreateProviderInput', 'id', {
      name: '   ',
      postalCode: '2728',
      contactEmail: 'keine-adresse',
      contactPhone: 'ruf mich an',
      city: 'x'.repeat(101),
    });
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const messages = errors![0].extensions!.fields.map((field: { message: string }) => field.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'Der Name des Trägers darf nicht leer sein.',
        'Die Postleitzahl muss aus fünf Ziffern bestehen.',
        'Die E-Mail-Adresse ist ungültig.',
        expect.stringMatching(/^Die Telefonnummer darf nur Ziffern/),
        'Der Ort darf höchstens 100 Zeichen lang sein.',
      ]),
    );
  });
});

describe('offer categories and budget years', () => {
  it('creates an offer category with its financing kind, changes and deactivates it', async () => {
    const category = await ok('createOfferCategory', 'CreateOfferCategoryInput', OFFER_CATEGORY, {
      name: 'Offenes Angebot mit pädagogischer Zielsetzung',
      financingKind: 'GRANT',
    });
    expect(category).toMatchObject({ financingKind: 'GRANT', description: null, active: true, revision: 1 });
    const changed = await ok('updateOfferCategory', 'UpdateOfferCategoryInput', OFFER_CATEGORY, {
      id: category.id,
      revision: 1,
      financingKind: 'FEE',
      description: 'Eltern-Cafés, offene Gruppen',
      active: false,
    });
    expect(changed).toMatchObject({ financingKind: 'FEE', active: false, revision: 2 });
    const [, update] = await auditOf(category.id);
    expect(update.details).toEqual({
      before: { financingKind: 'GRANT', description: null, active: true },
      after: { financingKind: 'FEE', description: 'Eltern-Cafés, offene Gruppen', active: false },
    });
  });

  it('creates a budget year from 1 January to 31 December, closes it and hides closed years from lists', async () => {
    const year = await ok('createBudgetYear', 'CreateBudgetYearInput', BUDGET_YEAR, { year: 2027 });
    expect(year).toMatchObject({
      year: 2027,
      startsOn: '2027-01-01',
      endsOn: '2027-12-31',
      closed: false,
      revision: 1,
    });
    const closed = await ok('updateBudgetYear', 'UpdateBudgetYearInput', BUDGET_YEAR, {
      id: year.id,
      revision: 1,
      closed: true,
    });
    expect(closed).toMatchObject({ closed: true, revision: 2 });
    const { data } = await api.gql(
      'query { budgetYears { id } all: budgetYears(includeInactive: true) { id } }',
      {},
      { caller: { userId: 'p', displayName: 'P', roles: [Role.PROVIDER] } },
    );
    expect(data!.budgetYears).not.toContainEqual({ id: year.id });
    expect(data!.all).toContainEqual({ id: year.id });
    expect((await auditOf(year.id))[1].details).toEqual({
      before: { closed: false },
      after: { closed: true },
    });
  });

  it('checks the year range and that a budget year does not end before it begins', async () => {
    const tooEarly = await mutate('createBudgetYear', 'CreateBudgetYearInput', 'id', { year: 1999 });
    expect(tooEarly.errors?.[0].message).toBe('Das Haushaltsjahr muss zwischen 2000 und 2100 liegen.');
    const backwards = await mutate('createBudgetYear', 'CreateBudgetYearInput', 'id', {
      year: 2031,
      startsOn: '2031-07-01',
      endsOn: '2031-06-30',
    });
    expect(backwards.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(backwards.errors?.[0].message).toBe(
      'Das Ende des Haushaltsjahres darf nicht vor seinem Beginn liegen.',
    );
    const noSuchDay = await mutate('createBudgetYear', 'CreateBudgetYearInput', 'id', {
      year: 2031,
      startsOn: '2031-02-30',
    });
    expect(noSuchDay.errors?.[0].message).toBe('Der Beginn ist kein gültiges Datum.');
  });
});

describe('conflicts', () => {
  it('refuses a change based on an old revision and keeps the newer one', async () => {
    const team = await ok('createRegionalTeam', 'CreateRegionalTeamInput', 'id', { name: unique('Team') });
    await ok('updateRegionalTeam', 'UpdateRegionalTeamInput', 'id', {
      id: team.id,
      revision: 1,
      name: unique('Erste Änderung'),
    });
    const stale = await mutate('updateRegionalTeam', 'UpdateRegionalTeamInput', 'id', {
      id: team.id,
      revision: 1,
      name: unique('Zweite Änderung'),
    });
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION' });
    const [row] = await api.orm.em
      .getConnection()
      .execute('select "name", "revision" from "regional_team" where "id" = ?', [team.id]);
    expect(row.name).toMatch(/^Erste Änderung/);
    expect(row.revision).toBe(2);
    expect(await auditOf(team.id)).toHaveLength(2);
  });

  it('refuses a name that another record of the same kind has, regardless of case', async () => {
    await ok('createSocialArea', 'CreateSocialAreaInput', 'id', { name: 'Kirchlinteln' });
    const duplicate = await mutate('createSocialArea', 'CreateSocialAreaInput', 'id', {
      name: 'kirchlinteln',
    });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NAME_TAKEN' });
    expect(duplicate.errors?.[0].message).toBe(
      'Es gibt bereits einen Sozialraum mit dem Namen „kirchlinteln“.',
    );

    const other = await ok('createSocialArea', 'CreateSocialAreaInput', 'id revision', {
      name: 'Thedinghausen',
    });
    const rename = await mutate('updateSocialArea', 'UpdateSocialAreaInput', 'id', {
      id: other.id,
      revision: other.revision,
      name: 'Kirchlinteln',
    });
    expect(rename.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NAME_TAKEN' });

    await ok('createBudgetYear', 'CreateBudgetYearInput', 'id', { year: 2030 });
    const sameYear = await mutate('createBudgetYear', 'CreateBudgetYearInput', 'id', { year: 2030 });
    expect(sameYear.errors?.[0].message).toBe('Das Haushaltsjahr 2030 gibt es bereits.');
    const provider = await ok('createProvider', 'CreateProviderInput', 'id', { name: 'AWO Verden' });
    expect(provider.id).toBeDefined();
    const sameProvider = await mutate('createProvider', 'CreateProviderInput', 'id', { name: 'AWO VERDEN' });
    expect(sameProvider.errors?.[0].message).toBe('Es gibt bereits einen Träger mit dem Namen „AWO VERDEN“.');
  });

  it('lets only the administration change master data, and anonymous callers nothing', async () => {
    const denied = await mutate(
      'createOfferCategory',
      'CreateOfferCategoryInput',
      'id',
      { name: 'X', financingKind: 'FEE' },
      finance,
    );
    expect(denied.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await mutate(
      'createRegionalTeam',
      'CreateRegionalTeamInput',
      'id',
      { name: 'X' },
      null,
    );
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const read = await api.gql('query { offerCategories { id } }', {}, { caller: null });
    expect(read.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builder } from '../../form-logic/index.js';
import { type Caller, Role } from '../../server/src/common/context.js';
import { readFormDefinitions } from '../../server/src/forms/load-form-definitions.js';
import { TEST_CALLER } from '../support/callers.js';
import { newClientSubmissionId, sampleDataOf } from '../support/factories.js';
import { CREATE_DRAFT, FORM, PUBLISH, SUBMIT } from '../support/operations.js';
import { insertRow, sqlIn } from '../support/rows.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.close());

const anna: Caller = { userId: 'admin-anna', displayName: 'Anna Adler', roles: [Role.ADMIN] };
const bernd: Caller = { userId: 'admin-bernd', displayName: 'Bernd Brandt', roles: [Role.ADMIN] };
const teamLead: Caller = { userId: 'lead-1', displayName: 'Tarek Thiel', roles: [Role.TEAM_LEAD] };

const VERSION_FIELDS = `id number status title description schema uischema sampleData contentHash revision
  createdAt createdByName source publishedByName archivedAt viewerCan { update publish archive createDraftFrom }`;
const UPDATE = `mutation($id: UUID!, $schema: JSON!, $uischema: JSON!, $expectedRevision: Int!, $title: String,
    $description: String, $sampleData: JSON) {
  updateDraft(id: $id, schema: $schema, uischema: $uischema, expectedRevision: $expectedRevision, title: $title,
      description: $description, sampleData: $sampleData) {
    formVersion { ${VERSION_FIELDS} } errors { path message } errorCount
  }
}`;
const ARCHIVE = `mutation($id: UUID!) { archiveFormVersion(id: $id) {
  formVersion { ${VERSION_FIELDS} } errors { path message } errorCount } }`;
const IMPORT = `mutation($draftId: UUID!, $expectedRevision: Int!, $definition: JSON!) {
  importFormDefinition(draftId: $draftId, expectedRevision: $expectedRevision, definition: $definition) {
    formVersion { ${VERSION_FIELDS} } errors { path message } errorCount
  }
}`;
const VERSION = `query($id: UUID!) { formVersion(id: $id) { ${VERSION_FIELDS} } }`;
const CHECK = `query($formKey: String!, $schema: JSON!, $uischema: JSON!) {
  checkFormDefinition(formKey: $formKey, schema: $schema, uischema: $uischema) {
    errors { path message } contractErrors { path message }
  }
}`;
const DIFF = `query($fromId: UUID!, $toId: UUID!) { formVersionDiff(fromId: $fromId, toId: $toId) { kind path label text } }`;
const IMPACT = `query($versionId: UUID!) { formImpact(versionId: $versionId) {
  inForce { id } checked failing
  groups { kind label checked failing }
  reasons { path message count }
  examples { kind label recordId errors { path message } }
  definitionErrors { path message } contractErrors { path message }
} }`;

type Json = Record<string, any>;

async function ok(query: string, variables: Json = {}, caller: Caller = anna): Promise<Json> {
  const { data, errors } = await api.gql(query, variables, { caller });
  expect(errors).toBeUndefined();
  return data!;
}

const sql = <T = Json>(text: string, params: unknown[] = []) => sqlIn<T>(api, text, params);

async function inForce(formKey: string): Promise<Json> {
  return (await ok(FORM, { key: formKey })).form.published;
}

/** A fresh draft of `formKey` (an earlier draft is set aside first). */
async function freshDraft(formKey: string, caller: Caller = anna): Promise<Json> {
  const [open] = await sql<{ id: string }>(
    `select "id" from "form_version" where "form_key" = ? and "status" = 'DRAFT'`,
    [formKey],
  );
  if (open) await ok(ARCHIVE, { id: open.id }, caller);
  const { createDraft } = await ok(CREATE_DRAFT, { formKey }, caller);
  return (await ok(VERSION, { id: createDraft.id }, caller)).formVersion;
}

async function save(draft: Json, changes: Json, caller: Caller = anna): Promise<Json> {
  const variables = {
    id: draft.id,
    schema: draft.schema,
    uischema: draft.uischema,
    expectedRevision: draft.revision,
    ...changes,
  };
  return (await ok(UPDATE, variables, caller)).updateDraft;
}

const versionRow = async (id: string) => (await sql(`select * from "form_version" where "id" = ?`, [id]))[0];

const successfulEvents = (operation: string, entityId: string) =>
  sql<{ user_name: string; role: string; details: Json }>(
    `select "user_name", "role", "details" from "audit_event"
      where "operation" = ? and "entity_id" = ? and "outcome" = 'SUCCESS' order by "id"`,
    [operation, entityId],
  );

/** The UI schema without the controls whose scope points into `property`. */
function withoutControls(uischema: Json, property: string): Json {
  const strip = (node: any): any => {
    if (Array.isArray(node)) {
      return node
        .filter(
          (child) => !(typeof child?.scope === 'string' && child.scope.includes(`/properties/${property}`)),
        )
        .map(strip);
    }
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, strip(value)]));
    }
    return node;
  };
  return strip(uischema);
}

describe('versions in the administration', () => {
  it('says who created a draft, where it came from and what the administration may do with it', async () => {
    const fileVersion = await inForce('evaluation');
    const loaded = (await ok(VERSION, { id: fileVersion.id })).formVersion;
    expect(loaded).toMatchObject({
      source: 'FILE',
      createdByName: null,
      publishedByName: null,
      archivedAt: null,
      viewerCan: { update: false, publish: false, archive: false, createDraftFrom: true },
    });
    expect(Date.parse(loaded.createdAt)).not.toBeNaN();

    const draft = await freshDraft('evaluation');
    expect(draft).toMatchObject({
      source: 'EDITOR',
      createdByName: 'Anna Adler',
      viewerCan: { update: true, publish: true, archive: true, createDraftFrom: false },
    });
    const asLead = await api.gql(VERSION, { id: fileVersion.id }, { caller: teamLead });
    expect(asLead.data!.formVersion.viewerCan).toEqual({
      update: false,
      publish: false,
      archive: false,
      createDraftFrom: false,
    });
  });

  it('saves title, description and sample data with the schema; omitted parts stay, null sample data clears them', async () => {
    const draft = await freshDraft('offer-description');
    const saved = await save(draft, {
      title: '  Anlage 1 – Maßnahmebeschreibung 2027 ',
      description: 'Neue Fassung für 2027',
    });
    expect(saved.errors).toEqual([]);
    expect(saved.formVersion).toMatchObject({
      title: 'Anlage 1 – Maßnahmebeschreibung 2027',
      description: 'Neue Fassung für 2027',
      sampleData: draft.sampleData,
      revision: draft.revision + 1,
    });
    expect(saved.formVersion.contentHash).not.toBe(draft.contentHash);

    const cleared = await save(saved.formVersion, { sampleData: null });
    expect(cleared.formVersion).toMatchObject({
      title: 'Anlage 1 – Maßnahmebeschreibung 2027',
      sampleData: null,
    });

    const before = await versionRow(draft.id);
    const refused = await save(cleared.formVersion, { title: '   ', sampleData: [1, 2] });
    expect(refused).toMatchObject({
      formVersion: null,
      errors: [
        { path: '/title', message: 'Bitte geben Sie einen Titel an.' },
        { path: '/sampleData', message: 'Die Beispieldaten müssen ein JSON-Objekt sein.' },
      ],
      errorCount: 2,
    });
    expect(await versionRow(draft.id)).toEqual(before);
  });

  it('two administrators save the same draft: the second gets CONFLICT/STALE_REVISION with the current revision, the first keeps its content', async () => {
    const draft = await freshDraft('criteria', anna);
    const first = await save(draft, { title: 'Fassung von Anna' }, anna);
    expect(first.formVersion.revision).toBe(draft.revision + 1);
    const stored = await versionRow(draft.id);

    const second = await api.gql(
      UPDATE,
      {
        id: draft.id,
        schema: { ...draft.schema, title: 'Fassung von Bernd' },
        uischema: draft.uischema,
        expectedRevision: draft.revision,
        title: 'Fassung von Bernd',
      },
      { caller: bernd },
    );
    expect(second.data).toBeNull();
    expect(second.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_REVISION',
      currentRevision: first.formVersion.revision,
    });
    expect(second.errors?.[0].message).toMatch(/inzwischen von jemand anderem gespeichert/);
    expect(await versionRow(draft.id)).toEqual(stored);
    const reloaded = (await ok(VERSION, { id: draft.id }, bernd)).formVersion;
    expect(reloaded).toMatchObject({ title: 'Fassung von Anna', revision: first.formVersion.revision });
    expect(await successfulEvents('updateDraft', draft.id)).toHaveLength(1);
  });

  it('two saves of the same revision at the same moment: one is stored, the other is refused as stale', async () => {
    const draft = await freshDraft('criteria', anna);
    const attempt = (caller: Caller) =>
      api.gql(
        UPDATE,
        {
          id: draft.id,
          schema: draft.schema,
          uischema: draft.uischema,
          expectedRevision: draft.revision,
          title: `Fassung von ${caller.displayName}`,
        },
        { caller },
      );
    const answers = await Promise.all([attempt(anna), attempt(bernd)]);
    const stored = answers.filter((answer) => !answer.errors);
    const refused = answers.filter((answer) => answer.errors);
    expect(stored).toHaveLength(1);
    expect(refused.map((answer) => answer.errors![0]!.extensions)).toEqual([
      expect.objectContaining({
        code: 'CONFLICT',
        reason: 'STALE_REVISION',
        currentRevision: draft.revision + 1,
      }),
    ]);
    const row = await versionRow(draft.id);
    expect(row).toMatchObject({
      revision: draft.revision + 1,
      title: stored[0]!.data!.updateDraft.formVersion.title,
    });
  });

  it('archives a draft, refuses to archive the version in force, then starts a new draft from an old version', async () => {
    const original = await inForce('cost-calculation');
    const draft = await freshDraft('cost-calculation');
    await save(draft, { title: 'Kalkulationsbogen, verworfen' });

    const archived = (await ok(ARCHIVE, { id: draft.id })).archiveFormVersion;
    expect(archived.errors).toEqual([]);
    expect(archived.formVersion).toMatchObject({
      status: 'ARCHIVED',
      title: 'Kalkulationsbogen, verworfen',
      viewerCan: { update: false, publish: false, archive: false, createDraftFrom: true },
    });
    expect(archived.formVersion.archivedAt).toBeTruthy();

    const again = await api.gql(ARCHIVE, { id: draft.id }, { caller: anna });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_DRAFT' });
    const before = await versionRow(original.id);
    const inForceRefused = await api.gql(ARCHIVE, { id: original.id }, { caller: anna });
    expect(inForceRefused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_DRAFT' });
    expect(inForceRefused.errors?.[0].message).toMatch(/Fassung in Kraft/);
    expect(await versionRow(original.id)).toEqual(before);
    const forbidden = await api.gql(CREATE_DRAFT, { formKey: 'cost-calculation' }, { caller: teamLead });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Publish a changed version, then go back to the archived draft's content and to the first version.
    const next = await freshDraft('cost-calculation');
    await save(next, { title: 'Kalkulationsbogen 2027' });
    const published = (await ok(PUBLISH, { id: next.id })).publishFormVersion;
    expect(published.errors).toEqual([]);
    const superseded = (await ok(VERSION, { id: original.id })).formVersion;
    expect(superseded).toMatchObject({ status: 'ARCHIVED', viewerCan: { createDraftFrom: true } });
    expect(superseded.archivedAt).toBeTruthy();
    expect((await ok(VERSION, { id: next.id })).formVersion.publishedByName).toBe('Anna Adler');

    const fromOld = (await ok(CREATE_DRAFT, { formKey: 'cost-calculation', fromVersionId: original.id }))
      .createDraft;
    expect(fromOld).toMatchObject({ status: 'DRAFT', title: original.title, schema: original.schema });
    expect(fromOld.contentHash).toBe(original.contentHash);

    expect(await successfulEvents('archiveFormVersion', draft.id)).toEqual([
      expect.objectContaining({
        user_name: 'Anna Adler',
        role: 'ADMIN',
        details: expect.objectContaining({ before: { status: 'DRAFT' }, after: { status: 'ARCHIVED' } }),
      }),
    ]);
    expect(await successfulEvents('archiveFormVersion', original.id)).toEqual([]);
    expect(await successfulEvents('createDraft', fromOld.id)).toHaveLength(1);
    expect(await successfulEvents('publishFormVersion', next.id)).toHaveLength(1);
  });

  it('describes the changes between two versions in German sentences', async () => {
    const old = await inForce('offer-description');
    const draft = await freshDraft('offer-description');
    const schema = structuredClone(draft.schema);
    schema.properties.durationMonths.maximum = 24;
    const saved = await save(draft, { schema });
    const changes = (await ok(DIFF, { fromId: old.id, toId: saved.formVersion.id })).formVersionDiff;
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'constraintChanged', path: '/properties/durationMonths' }),
    );
    expect(changes.map((change: Json) => change.text).join('\n')).toMatch(/60.*24/);
    const hidden = await api.gql(DIFF, { fromId: old.id, toId: draft.id }, { caller: teamLead });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('guardrails of the process', () => {
  const broken: Record<string, (schema: Json, uischema: Json) => { schema: Json; uischema: Json }> = {
    'cost-calculation': (schema, uischema) => {
      delete schema.properties.requestedAmount['x-derived'];
      return { schema, uischema };
    },
    criteria: (schema, uischema) => {
      for (const criterion of Object.values<Json>(schema.properties.scores.properties)) {
        delete criterion['x-weight'];
      }
      return { schema, uischema };
    },
    evaluation: (schema, uischema) => {
      delete schema.properties.participantsReached;
      schema.required = schema.required.filter((name: string) => name !== 'participantsReached');
      return { schema, uischema: withoutControls(uischema, 'participantsReached') };
    },
    'offer-description': (schema, uischema) => {
      const goal = schema.properties.goals.items;
      delete goal.properties.indicator;
      goal.required = goal.required.filter((name: string) => name !== 'indicator');
      return { schema, uischema: withoutControls(uischema, 'indicator') };
    },
  };
  const expected: Record<string, RegExp> = {
    'cost-calculation': /requestedAmount.*berechnetes Feld/,
    criteria: /mindestens ein gewichtetes Kriterium/,
    evaluation: /participantsReached.*fehlt/,
    'offer-description': /indicator.*fehlt/,
  };

  it.each(Object.keys(broken))(
    'refuses to publish %s when it breaks what the process relies on',
    async (formKey) => {
      const old = await inForce(formKey);
      const draft = await freshDraft(formKey);
      const changed = broken[formKey]!(structuredClone(draft.schema), structuredClone(draft.uischema));
      const saved = await save(draft, changed);
      expect(saved.errors).toEqual([]);

      const check = (await ok(CHECK, { formKey, ...changed })).checkFormDefinition;
      expect(check.contractErrors.map((error: Json) => error.message).join('\n')).toMatch(expected[formKey]!);
      const before = await sql(`select * from "form_version" where "form_key" = ? order by "number"`, [
        formKey,
      ]);
      const answer = (await ok(PUBLISH, { id: draft.id })).publishFormVersion;
      expect(answer.formVersion).toBeNull();
      expect(answer.errors.map((error: Json) => error.message).join('\n')).toMatch(expected[formKey]!);
      expect(
        await sql(`select * from "form_version" where "form_key" = ? order by "number"`, [formKey]),
      ).toEqual(before);
      expect((await inForce(formKey)).id).toBe(old.id);
      expect(await successfulEvents('publishFormVersion', draft.id)).toEqual([]);
    },
  );

  it('finds no contract problem in the shipped definitions', async () => {
    for (const formKey of Object.keys(broken)) {
      const version = await inForce(formKey);
      const check = (await ok(CHECK, { formKey, schema: version.schema, uischema: version.uischema }))
        .checkFormDefinition;
      expect(check).toEqual({ errors: [], contractErrors: [] });
    }
  });

  it('refuses at start a definition file that breaks its process contract', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'definitions-'));
    try {
      const file = JSON.parse(await readFile('form-definitions/criteria.json', 'utf8'));
      for (const criterion of Object.values<Json>(file.schema.properties.scores.properties)) {
        delete criterion['x-weight'];
      }
      await writeFile(path.join(dir, 'criteria.json'), JSON.stringify(file));
      await expect(readFormDefinitions(dir)).rejects.toThrow(
        /criteria\.json:[\s\S]*mindestens ein gewichtetes Kriterium/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('checks definitions for the administration only', async () => {
    const version = await inForce('criteria');
    const { errors } = await api.gql(
      CHECK,
      { formKey: 'criteria', schema: version.schema, uischema: version.uischema },
      { caller: teamLead },
    );
    expect(errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('export and import', () => {
  const download = (id: string, caller: Caller | null) =>
    api.app.http.inject({
      method: 'GET',
      url: `/api/form-versions/${id}/export`,
      headers: { 'x-test-caller': JSON.stringify(caller) },
    });

  it('export then import yields the same definition', async () => {
    const original = await inForce('criteria');
    const response = await download(original.id, teamLead);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="criteria-v${original.number}.json"`,
    );
    const file = response.json();
    expect(Object.keys(file)).toEqual([
      'key',
      'title',
      'description',
      'submitterRoles',
      'schema',
      'uischema',
      'sampleData',
    ]);
    expect(file).toMatchObject({ key: 'criteria', submitterRoles: ['TEAM_LEAD'], schema: original.schema });

    const draft = await freshDraft('criteria');
    const changed = await save(draft, { title: 'Etwas anderes', sampleData: null });
    expect(changed.formVersion.contentHash).not.toBe(original.contentHash);
    const imported = (
      await ok(IMPORT, {
        draftId: draft.id,
        expectedRevision: changed.formVersion.revision,
        definition: file,
      })
    ).importFormDefinition;
    expect(imported.errors).toEqual([]);
    expect(imported.formVersion).toMatchObject({
      title: original.title,
      schema: original.schema,
      uischema: original.uischema,
      sampleData: original.sampleData,
      contentHash: original.contentHash,
    });
    const again = (await download(draft.id, anna)).json();
    expect(again).toEqual(file);
    expect(await successfulEvents('importFormDefinition', draft.id)).toHaveLength(1);
  });

  it('serves a draft to the administration only, and nothing to strangers', async () => {
    const draft = await freshDraft('evaluation');
    expect((await download(draft.id, anna)).statusCode).toBe(200);
    expect((await download(draft.id, teamLead)).statusCode).toBe(404);
    expect((await download(draft.id, null)).statusCode).toBe(401);
    expect((await download('kein-uuid', anna)).statusCode).toBe(404);
  });

  it('imports a schema without UI schema with the one JSON Forms generates, and refuses problems without storing', async () => {
    const draft = await freshDraft('evaluation');
    const before = await versionRow(draft.id);
    const wrongKey = (
      await ok(IMPORT, {
        draftId: draft.id,
        expectedRevision: draft.revision,
        definition: { key: 'criteria', title: 'Falsch', schema: draft.schema, uischema: draft.uischema },
      })
    ).importFormDefinition;
    expect(wrongKey).toMatchObject({
      formVersion: null,
      errors: [{ path: '/key', message: 'Die Datei gehört zum Formular „criteria“, nicht zu „evaluation“.' }],
    });
    const unsafe = (
      await ok(IMPORT, {
        draftId: draft.id,
        expectedRevision: draft.revision,
        definition: {
          schema: { type: 'object', properties: { a: { type: 'string', pattern: '(a+)+$' } } },
        },
      })
    ).importFormDefinition;
    expect(unsafe.formVersion).toBeNull();
    expect(unsafe.errors[0].path).toMatch(/^\/schema\/properties\/a/);
    expect(await versionRow(draft.id)).toEqual(before);

    const pair = (
      await ok(IMPORT, {
        draftId: draft.id,
        expectedRevision: draft.revision,
        definition: {
          schema: {
            type: 'object',
            properties: { name: { type: 'string' }, count: { type: 'integer' } },
          },
        },
      })
    ).importFormDefinition;
    expect(pair.errors).toEqual([]);
    expect(pair.formVersion).toMatchObject({
      title: draft.title,
      sampleData: null,
      uischema: {
        type: 'VerticalLayout',
        elements: [
          { type: 'Control', scope: '#/properties/name' },
          { type: 'Control', scope: '#/properties/count' },
        ],
      },
    });
    const stale = await api.gql(
      IMPORT,
      { draftId: draft.id, expectedRevision: draft.revision, definition: { schema: draft.schema } },
      { caller: anna },
    );
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_REVISION' });
  });
});

describe('the impact check', () => {
  /** An application draft (with its call, need, Träger and category) whose Anlage 1 working copy is `data`. */
  async function applicationDraft(data: Json): Promise<string> {
    const unique = randomUUID().slice(0, 8);
    const categoryId = await insertRow(api, 'offer_category', {
      name: `Familienbildung ${unique}`,
      financing_kind: 'GRANT',
    });
    const providerId = await insertRow(api, 'provider', { name: `Träger ${unique}` });
    const needId = await insertRow(api, 'need', {
      title: 'Elterncafé',
      situation_description: 'Junge Familien ohne Netz vor Ort.',
      created_by_name: 'Test',
      state: 'OPEN_FOR_APPLICATIONS',
    });
    const callId = await insertRow(api, 'call_for_interest', {
      need_id: needId,
      title: 'Aufruf Elterncafé',
      deadline: new Date(Date.now() + 86_400_000),
      open_to_all: true,
      offer_category_id: categoryId,
      opened_by_name: 'Test',
    });
    const [costs] = await sql<{ id: string }>(
      `select "id" from "form_version" where "form_key" = 'cost-calculation' and "status" = 'PUBLISHED'`,
    );
    return insertRow(api, 'application', {
      call_id: callId,
      provider_id: providerId,
      state: 'DRAFT',
      offer_description_version_id: (await inForce('offer-description')).id,
      cost_calculation_version_id: costs!.id,
      offer_description_data: JSON.stringify(data),
      cost_calculation_data: '{}',
      created_by_name: 'Test',
    });
  }

  it('counts exactly the submissions that fail the new version, and drafts only for new errors', async () => {
    // The version in force allows 1…60 months; the new one at most 24 and asks for a new field.
    const months = [6, 12, 24, 25, 36, 48, 60];
    const sample = sampleDataOf('offer-description');
    const stored: Record<number, string> = {};
    for (const durationMonths of months) {
      const { data, errors } = await api.gql(SUBMIT, {
        formKey: 'offer-description',
        data: { ...sample, durationMonths },
        clientSubmissionId: newClientSubmissionId(),
      });
      expect(errors).toBeUndefined();
      expect(data!.submitForm.errors).toEqual([]);
      stored[durationMonths] = data!.submitForm.submission.id;
    }
    // A half-filled draft keeps its missing fields under the new version: not counted. One that names
    // 48 months breaks the new maximum: counted.
    const halfFilled = await applicationDraft({ title: 'Elterncafé Baden', durationMonths: 12 });
    const tooLong = await applicationDraft({ title: 'Elterncafé Achim', durationMonths: 48 });

    const draft = await freshDraft('offer-description');
    const schema = structuredClone(draft.schema);
    schema.properties.durationMonths.maximum = 24;
    schema.properties.contactPhone = { type: 'string', title: 'Telefon', maxLength: 50 };
    await save(draft, { schema });

    const impact = (await ok(IMPACT, { versionId: draft.id })).formImpact;
    const failingSubmissions = months.filter((value) => value > 24);
    expect(impact.inForce.id).toBe((await inForce('offer-description')).id);
    expect(impact.groups).toEqual([
      { kind: 'SUBMISSION', label: 'Eingereichte Formulare', checked: months.length, failing: 4 },
      { kind: 'APPLICATION_DRAFT', label: 'Entwürfe von Interessensbekundungen', checked: 2, failing: 1 },
      { kind: 'APPLICATION', label: 'Eingereichte Interessensbekundungen', checked: 0, failing: 0 },
    ]);
    expect(failingSubmissions).toHaveLength(4);
    expect(impact).toMatchObject({ checked: months.length + 2, failing: 5 });
    expect(impact.reasons).toEqual([
      { path: '/durationMonths', message: expect.stringContaining('24'), count: 5 },
    ]);
    const day = new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
    }).format(new Date());
    expect(impact.examples).toHaveLength(5);
    expect(impact.examples.map((example: Json) => example.recordId).sort()).toEqual(
      [...failingSubmissions.map((value) => stored[value]), tooLong].sort(),
    );
    expect(impact.examples).toContainEqual({
      kind: 'SUBMISSION',
      label: `Einreichung vom ${day}`,
      recordId: stored[36],
      errors: [{ path: '/durationMonths', message: expect.stringContaining('24') }],
    });
    expect(impact.examples).toContainEqual({
      kind: 'APPLICATION_DRAFT',
      label: 'Entwurf der Interessensbekundung „Elterncafé Achim“',
      recordId: tooLong,
      errors: [{ path: '/durationMonths', message: expect.stringContaining('24') }],
    });
    expect(impact.examples.map((example: Json) => example.recordId)).not.toContain(halfFilled);
    expect(impact.definitionErrors).toEqual([]);
    expect(impact.contractErrors).toEqual([]);
  });

  it('checks the submitted and the draft scores of Anlage 3, and finds nothing to check elsewhere', async () => {
    const application = await applicationDraft({ title: 'Elterncafé Oyten' });
    const criteria = (await inForce('criteria')).id;
    const sample = sampleDataOf('criteria');
    const score = (scorer: string, data: Json, submitted: boolean) =>
      insertRow(api, 'score', {
        application_id: application,
        scorer_id: scorer,
        scorer_name: scorer,
        criteria_version_id: criteria,
        data: JSON.stringify(data),
        submitted_at: submitted ? new Date() : null,
      });
    const submitted = await score('Rita Rolfs', sample, true);
    await insertRow(api, 'score_revision', {
      score_id: submitted,
      number: 1,
      criteria_version_id: criteria,
      data: JSON.stringify(sample),
      weighted_score_basis_points: 8000,
      submitted_at: new Date(),
      submitted_by_name: 'Rita Rolfs',
    });
    const fullMarks = await score('Tarek Thiel', { scores: { needFit: { score: 4 } } }, false);
    await score('Greta Gerdes', { scores: { needFit: { score: 2 } } }, false);

    const draft = await freshDraft('criteria');
    const schema = structuredClone(draft.schema);
    schema.properties.scores.properties.needFit['x-weight'] = 5;
    schema.properties.scores.properties.needFit.properties.score.maximum = 3;
    await save(draft, { schema });
    const impact = (await ok(IMPACT, { versionId: draft.id })).formImpact;
    expect(impact.groups).toEqual([
      { kind: 'SUBMISSION', label: 'Eingereichte Formulare', checked: 0, failing: 0 },
      { kind: 'SCORE_DRAFT', label: 'Entwürfe von Bewertungen', checked: 2, failing: 1 },
      { kind: 'SCORE', label: 'Eingereichte Bewertungen', checked: 1, failing: 1 },
    ]);
    expect(impact.reasons).toEqual([
      { path: '/scores/needFit/score', message: expect.stringContaining('3'), count: 2 },
    ]);
    expect(impact.examples.map((example: Json) => [example.recordId, example.label]).sort()).toEqual(
      [
        [fullMarks, 'Entwurf der Bewertung von Tarek Thiel zu „Elterncafé Oyten“'],
        [submitted, 'Bewertung von Rita Rolfs zu „Elterncafé Oyten“'],
      ].sort(),
    );

    for (const formKey of ['evaluation', 'cost-calculation']) {
      const other = await freshDraft(formKey);
      const result = (await ok(IMPACT, { versionId: other.id })).formImpact;
      expect(result).toMatchObject({ failing: 0, definitionErrors: [], contractErrors: [] });
      expect(result.groups.map((group: Json) => group.kind)).toEqual(
        formKey === 'evaluation'
          ? ['SUBMISSION', 'EVALUATION_DRAFT', 'EVALUATION']
          : ['SUBMISSION', 'APPLICATION_DRAFT', 'APPLICATION'],
      );
    }
  });

  it('reports a draft with definition problems instead of checking records with it', async () => {
    const draft = await freshDraft('evaluation');
    const schema = { ...draft.schema, properties: { ...draft.schema.properties, x: { type: 'nope' } } };
    await save(draft, { schema });
    const impact = (await ok(IMPACT, { versionId: draft.id })).formImpact;
    expect(impact).toMatchObject({ checked: 0, failing: 0, groups: [] });
    expect(impact.definitionErrors.length).toBeGreaterThan(0);
    const forbidden = await api.gql(IMPACT, { versionId: draft.id }, { caller: teamLead });
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a form built with the builder, through the API', () => {
  it('publishes and then accepts valid and refuses invalid data', async () => {
    const key = 'nachbarschaftsfest';
    await sql(
      `insert into "form" ("key", "title", "submitter_roles") values (?, 'Nachbarschaftsfest', '{PROVIDER}')`,
      [key],
    );
    await insertRow(api, 'form_version', {
      form_key: key,
      number: 1,
      status: 'PUBLISHED',
      source: 'FILE',
      title: 'Nachbarschaftsfest',
      schema: JSON.stringify({ type: 'object', properties: {} }),
      uischema: JSON.stringify({ type: 'VerticalLayout', elements: [] }),
      content_hash: 'leer',
    });
    const built = builder.applyAll(builder.emptyDefinition(key, 'Nachbarschaftsfest'), [
      { op: 'addField', container: '', key: 'organiser', kind: 'shortText', title: 'Veranstalter' },
      { op: 'updateField', field: '/properties/organiser', changes: { required: true, minLength: 2 } },
      { op: 'addField', container: '', key: 'guests', kind: 'integer', title: 'Erwartete Gäste' },
      {
        op: 'updateField',
        field: '/properties/guests',
        changes: { required: true, minimum: 1, maximum: 300 },
      },
      { op: 'addField', container: '', key: 'date', kind: 'date', title: 'Datum' },
      { op: 'setSampleData', data: { organiser: 'Stadtteilverein', guests: 120, date: '2027-06-12' } },
    ]);
    expect(built.problems).toEqual([]);
    const definition = built.definition;

    const draft = (await ok(CREATE_DRAFT, { formKey: key })).createDraft;
    const saved = await save(draft, {
      schema: definition.schema,
      uischema: definition.uischema,
      sampleData: definition.sampleData,
      title: definition.title,
    });
    expect(saved.errors).toEqual([]);
    const published = (await ok(PUBLISH, { id: draft.id })).publishFormVersion;
    expect(published.errors).toEqual([]);

    const submit = (data: Json) =>
      ok(SUBMIT, { formKey: key, data, clientSubmissionId: newClientSubmissionId() }, TEST_CALLER);
    const valid = (await submit(definition.sampleData)).submitForm;
    expect(valid.errors).toEqual([]);
    expect(valid.submission.formVersion.id).toBe(draft.id);
    const invalid = (await submit({ ...definition.sampleData, guests: 301, organiser: undefined }))
      .submitForm;
    expect(invalid.submission).toBeNull();
    expect(invalid.errors.map((error: Json) => error.path).sort()).toEqual(['/guests', '/organiser']);
  });
});

import {
  allow,
  type AuthorizationCase,
  type ExpectationTable,
  insertRow,
  type Persona,
  sorted,
  type World,
} from './matrix.js';

const versionIds: Record<string, string> = {};

async function publishedVersion(w: World, formKey: string): Promise<string> {
  if (!versionIds[formKey]) {
    const [row] = await w.sql<{ id: string }>(
      `select id from form_version where form_key = ? and status = 'PUBLISHED'`,
      [formKey],
    );
    versionIds[formKey] = row!.id;
  }
  return versionIds[formKey]!;
}

const HOUR = 3_600_000;
/**
 * The world is shared by every case, and lists are capped: this case's rows wait the longest (and its
 * evaluations are the most overdue), so they lead their kinds' lists however many rows other cases add.
 */
const LONG_AGO = new Date('2000-01-01T08:00:00Z');
const TASK_FIELDS = 'totalCount tasks { id kind recordId recordType path overdue }';

/** Rows in the own and the foreign scope that each give some role a task. */
interface TaskWorld {
  needOwn: string;
  needForeign: string;
  decideOwn: string;
  decideForeign: string;
  approvedOwn: string;
  changesOwn: string;
  changesForeign: string;
  evaluationOwn: string;
  evaluationForeign: string;
  /** Every record id above. */
  recordIds: string[];
  /** For provider staff: every application and evaluation of the persona's own Träger (their list is compared in full). */
  ownRecords: string[];
}

async function prepareTasks(w: World, persona: Persona): Promise<TaskWorld> {
  const need = (area: string, state: string) =>
    insertRow(w, 'need', {
      social_area_id: area,
      title: w.unique('Matrix Aufgabe'),
      situation_description: 'Matrix Lage',
      created_by_name: 'Matrix',
      state,
      updated_at: LONG_AGO,
    });
  const call = (needId: string, deadline: Date) =>
    insertRow(w, 'call_for_interest', {
      need_id: needId,
      title: w.unique('Matrix Aufruf'),
      deadline,
      open_to_all: true,
      invited_provider_ids: '{}',
      offer_category_id: w.offerCategories.active,
      opened_by_name: 'Matrix',
    });
  const application = async (callId: string, providerId: string, state: string) =>
    insertRow(w, 'application', {
      call_id: callId,
      provider_id: providerId,
      state,
      offer_description_version_id: await publishedVersion(w, 'offer-description'),
      cost_calculation_version_id: await publishedVersion(w, 'cost-calculation'),
      offer_description_data: '{}',
      cost_calculation_data: '{}',
      created_by_name: 'Matrix',
      submitted_at: LONG_AGO,
      updated_at: LONG_AGO,
      changes_requested_at: state === 'CHANGES_REQUESTED' ? LONG_AGO : null,
    });
  const closedOwn = await call(await need(w.socialAreas.own, 'CLOSED'), new Date(Date.now() - HOUR));
  const closedForeign = await call(await need(w.socialAreas.foreign, 'CLOSED'), new Date(Date.now() - HOUR));
  // Open calls far ahead, so no CLOSE_CALL task arises from them.
  const openOwn = await call(
    await need(w.socialAreas.own, 'OPEN_FOR_APPLICATIONS'),
    new Date(Date.now() + 24 * HOUR),
  );
  const openForeign = await call(
    await need(w.socialAreas.foreign, 'OPEN_FOR_APPLICATIONS'),
    new Date(Date.now() + 24 * HOUR),
  );
  const rows = {
    needOwn: await need(w.socialAreas.own, 'RECORDED'),
    needForeign: await need(w.socialAreas.foreign, 'RECORDED'),
    decideOwn: await application(closedOwn, w.providers.own, 'SUBMITTED'),
    decideForeign: await application(closedForeign, w.providers.foreign, 'SUBMITTED'),
    approvedOwn: await application(closedOwn, w.providers.foreign, 'APPROVED'),
    changesOwn: await application(openOwn, w.providers.own, 'CHANGES_REQUESTED'),
    changesForeign: await application(openForeign, w.providers.foreign, 'CHANGES_REQUESTED'),
  };
  const offer = async (applicationId: string, needArea: string, providerId: string) =>
    insertRow(w, 'offer', {
      application_id: applicationId,
      need_id: (
        await w.sql<{ need_id: string }>(
          'select c.need_id from application a join call_for_interest c on c.id = a.call_id where a.id = ?',
          [applicationId],
        )
      )[0]!.need_id,
      social_area_id: needArea,
      provider_id: providerId,
      offer_category_id: w.offerCategories.active,
      financing_kind: 'FEE',
      title: w.unique('Matrix Angebot'),
      period_start: '2025-01-01',
      period_end: '2027-12-31',
      approved_amount: 100_000,
    });
  // An overdue evaluation of a running offer in each scope.
  const evaluation = async (offerId: string) =>
    insertRow(w, 'evaluation', {
      offer_id: offerId,
      period_number: 1,
      period_from: '1999-07-01',
      period_to: '1999-12-31',
      due_date: '2000-01-31',
      state: 'DUE',
      form_version_id: await publishedVersion(w, 'offer-description'),
      data: '{}',
    });
  const offerOwn = await offer(
    await application(closedOwn, w.providers.own, 'APPROVED'),
    w.socialAreas.own,
    w.providers.own,
  );
  const offerForeign = await offer(
    await application(closedForeign, w.providers.foreign, 'APPROVED'),
    w.socialAreas.foreign,
    w.providers.foreign,
  );
  const all = {
    ...rows,
    evaluationOwn: await evaluation(offerOwn),
    evaluationForeign: await evaluation(offerForeign),
  };
  const providerId = persona.caller?.providerId;
  const ownRecords = providerId
    ? (
        await w.sql<{ id: string }>(
          `select id from application where provider_id = ?
           union all select e.id from evaluation e join offer o on o.id = e.offer_id where o.provider_id = ?`,
          [providerId, providerId],
        )
      ).map((row) => row.id)
    : [];
  return { ...all, recordIds: Object.values(all), ownRecords };
}

const tasksAmong = (p: TaskWorld, tasks: { kind: string; recordId: string }[]) =>
  sorted(tasks.filter((t) => p.recordIds.includes(t.recordId)).map((t) => `${t.kind}:${t.recordId}`));

export const cases: AuthorizationCase[] = [
  {
    title:
      'myTasks: each role sees only the tasks of its scope (never a foreign Sozialraum, Regionalteam or Träger); providers only their own Träger’s',
    covers: ['Query.myTasks', 'TaskList.tasks'],
    prepare: prepareTasks,
    document: `query {
      waiting: myTasks(
        limit: 200
        kinds: [DECIDE_NEED, SCORE_APPLICATION, DECIDE_APPLICATION, ISSUE_NOTICE, REVISE_APPLICATION]
      ) { ${TASK_FIELDS} }
      evaluations: myTasks(limit: 200, kinds: [OVERDUE_EVALUATION, SUBMIT_EVALUATION]) { ${TASK_FIELDS} }
      all: myTasks(limit: 200) { ${TASK_FIELDS} }
    }`,
    pick: (data, _w, p: TaskWorld, persona) =>
      data.all && {
        tasks: tasksAmong(p, [...data.waiting.tasks, ...data.evaluations.tasks]),
        // Provider staff's lists are compared in full: nothing of another Träger, whoever made it.
        ...(persona.role === 'PROVIDER'
          ? {
              onlyOwn: data.all.tasks.every((t: { recordId: string }) => p.ownRecords.includes(t.recordId)),
            }
          : {}),
      },
    expect: (() => {
      const sees =
        (pick: (p: TaskWorld) => string[], provider = false) =>
        (_w: World, p: TaskWorld) =>
          allow({ tasks: sorted(pick(p)), ...(provider ? { onlyOwn: true } : {}) });
      const table: ExpectationTable<TaskWorld> = {
        ADMIN: sees((p) => [
          `DECIDE_NEED:${p.needOwn}`,
          `DECIDE_NEED:${p.needForeign}`,
          `SCORE_APPLICATION:${p.decideOwn}`,
          `SCORE_APPLICATION:${p.decideForeign}`,
          `ISSUE_NOTICE:${p.approvedOwn}`,
          `OVERDUE_EVALUATION:${p.evaluationOwn}`,
          `OVERDUE_EVALUATION:${p.evaluationForeign}`,
        ]),
        'TEAM_LEAD:own': sees((p) => [`DECIDE_NEED:${p.needOwn}`, `SCORE_APPLICATION:${p.decideOwn}`]),
        'TEAM_LEAD:foreign': sees((p) => [
          `DECIDE_NEED:${p.needForeign}`,
          `SCORE_APPLICATION:${p.decideForeign}`,
        ]),
        'REGIONAL_TEAM:own': sees((p) => [`DECIDE_APPLICATION:${p.decideOwn}`]),
        'REGIONAL_TEAM:foreign': sees((p) => [`DECIDE_APPLICATION:${p.decideForeign}`]),
        FINANCE: sees((p) => [
          `ISSUE_NOTICE:${p.approvedOwn}`,
          `OVERDUE_EVALUATION:${p.evaluationOwn}`,
          `OVERDUE_EVALUATION:${p.evaluationForeign}`,
        ]),
        'PROVIDER:own': sees(
          (p) => [`REVISE_APPLICATION:${p.changesOwn}`, `SUBMIT_EVALUATION:${p.evaluationOwn}`],
          true,
        ),
        'PROVIDER:foreign': sees(
          (p) => [`REVISE_APPLICATION:${p.changesForeign}`, `SUBMIT_EVALUATION:${p.evaluationForeign}`],
          true,
        ),
        COMMITTEE: sees(() => []),
      };
      return table;
    })(),
  },
];

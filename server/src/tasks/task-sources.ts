import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { ApplicationState, EvaluationState, NeedState } from '../../../process-logic/index.js';
import { Application } from '../applications/application.entity.js';
import { visibleApplications, visibleCalls } from '../applications/application.policy.js';
import { CallForInterest } from '../applications/call-for-interest.entity.js';
import { type Caller, Role } from '../common/context.js';
import { Evaluation } from '../evaluations/evaluation.entity.js';
import { Need } from '../needs/need.entity.js';
import { visibleNeeds } from '../needs/need.policy.js';
import { Offer } from '../offers/offer.entity.js';
import { visibleOffers } from '../offers/offer.policy.js';
import { Score } from '../scoring/score.entity.js';
import { type Task, TaskKind } from './task.types.js';
import { validIds } from '../common/uuid.scalar.js';
import { todayInVerden } from '../common/local-date.js';

/** What a source needs to find its tasks. */
export interface TaskQuery {
  em: EntityManager;
  /** The caller, reduced to the roles the source is for. */
  caller: Caller;
  now: Date;
  /** At most this many tasks (the most urgent of the source first). */
  limit: number;
}

/** One kind of task: for which roles, and how to find those waiting (the most urgent first) and count them. */
export interface TaskSource {
  kind: TaskKind;
  roles: readonly Role[];
  find(query: TaskQuery): Promise<{ total: number; tasks: Task[] }>;
}

/**
 * The needs the caller decides and plans (`needPolicy.change`): the administration all; a team lead those
 * of its Sozialräume and the county-wide needs it recorded. Always combined with `visibleNeeds`, so a
 * task never names a need the caller may not read.
 */
function needsLedBy(caller: Caller): FilterQuery<Need> {
  if (caller.roles.includes(Role.ADMIN)) return visibleNeeds(caller);
  if (!caller.roles.includes(Role.TEAM_LEAD)) return { id: { $in: [] } };
  const areas = validIds(caller.socialAreaIds);
  const led: FilterQuery<Need>[] = [{ socialArea: null, createdBy: caller.userId }];
  if (areas.length > 0) led.push({ socialArea: { $in: areas } });
  return { $and: [visibleNeeds(caller), { $or: led }] } as FilterQuery<Need>;
}

const at = (kind: TaskKind, recordId: string) => `${kind}:${recordId}`;

function task(
  kind: TaskKind,
  record: { type: string; id: string },
  title: string,
  path: string,
  since: Date,
  dueAt: Date | null,
  now: Date,
  overdue = dueAt !== null && dueAt.getTime() < now.getTime(),
): Task {
  return {
    id: at(kind, record.id),
    kind,
    title,
    recordType: record.type,
    recordId: record.id,
    path,
    since,
    dueAt,
    overdue,
  };
}

async function findAndCount<T extends object>(
  em: EntityManager,
  entity: new () => T,
  where: FilterQuery<T>,
  options: { populate: readonly string[]; orderBy: Record<string, 'asc' | 'desc'>; limit: number },
): Promise<{ rows: T[]; total: number }> {
  const total = await em.count(entity, where);
  if (total === 0 || options.limit === 0) return { rows: [], total };
  const rows = await em.find(entity, where, {
    populate: options.populate as never,
    orderBy: options.orderBy as never,
    limit: options.limit,
  });
  return { rows, total };
}

const applicationName = (application: Application) =>
  `${application.provider.name} – ${application.call.title}`;

/** Team lead and administration: decision 1 or 2 of a need is open. */
const decideNeed: TaskSource = {
  kind: TaskKind.DECIDE_NEED,
  roles: [Role.TEAM_LEAD, Role.ADMIN],
  async find({ em, caller, now, limit }) {
    const where = {
      $and: [needsLedBy(caller), { state: { $in: [NeedState.RECORDED, NeedState.RESOURCES_INSUFFICIENT] } }],
    } as FilterQuery<Need>;
    const { rows, total } = await findAndCount(em, Need, where, {
      populate: [],
      orderBy: { updatedAt: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((need) =>
      task(
        this.kind,
        { type: 'Need', id: need.id },
        need.state === NeedState.RECORDED
          ? `Bedarf entscheiden (Ressourcen im Sozialraum): ${need.title}`
          : `Bedarf entscheiden (Angebot ja oder nein): ${need.title}`,
        `/bedarfe/${need.id}`,
        need.updatedAt,
        null,
        now,
      ),
    );
    return { total, tasks };
  },
};

/** Team lead and administration: an offer is planned; contacts, bodies, justification and the call follow. */
const planOffer: TaskSource = {
  kind: TaskKind.PLAN_OFFER,
  roles: [Role.TEAM_LEAD, Role.ADMIN],
  async find({ em, caller, now, limit }) {
    const where = { $and: [needsLedBy(caller), { state: NeedState.OFFER_PLANNED }] } as FilterQuery<Need>;
    const { rows, total } = await findAndCount(em, Need, where, {
      populate: [],
      orderBy: { updatedAt: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((need) =>
      task(
        this.kind,
        { type: 'Need', id: need.id },
        `Angebot planen und Aufruf eröffnen: ${need.title}`,
        `/bedarfe/${need.id}`,
        need.updatedAt,
        null,
        now,
      ),
    );
    return { total, tasks };
  },
};

/** Team lead and administration: the call's deadline has passed but the need is still open for applications. */
const closeCall: TaskSource = {
  kind: TaskKind.CLOSE_CALL,
  roles: [Role.TEAM_LEAD, Role.ADMIN],
  async find({ em, caller, now, limit }) {
    const where = {
      $and: [
        visibleCalls(caller, now),
        {
          deadline: { $lt: now },
          need: { $and: [needsLedBy(caller), { state: NeedState.OPEN_FOR_APPLICATIONS }] },
        },
      ],
    } as FilterQuery<CallForInterest>;
    const { rows, total } = await findAndCount(em, CallForInterest, where, {
      populate: ['need'],
      orderBy: { deadline: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((call) =>
      task(
        this.kind,
        { type: 'Need', id: call.need.id },
        `Frist abgelaufen – Aufruf schließen: ${call.need.title}`,
        `/bedarfe/${call.need.id}`,
        call.deadline,
        call.deadline,
        now,
      ),
    );
    return { total, tasks };
  },
};

/** Team lead and administration: submitted applications of the needs they lead without their own submitted score. */
const scoreApplication: TaskSource = {
  kind: TaskKind.SCORE_APPLICATION,
  roles: [Role.TEAM_LEAD, Role.ADMIN],
  async find({ em, caller, now, limit }) {
    const scored = em
      .createQueryBuilder(Score, 's')
      .select('s.application_id')
      .where({ scorerId: caller.userId, submittedAt: { $ne: null } })
      .getKnexQuery();
    const where = {
      $and: [
        visibleApplications(caller),
        { state: ApplicationState.SUBMITTED, call: { need: needsLedBy(caller) }, id: { $nin: scored } },
      ],
    } as FilterQuery<Application>;
    const { rows, total } = await findAndCount(em, Application, where, {
      populate: ['call', 'provider'],
      orderBy: { submittedAt: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((application) =>
      task(
        this.kind,
        { type: 'Application', id: application.id },
        `Interessensbekundung bewerten: ${applicationName(application)}`,
        `/bewertungen/${application.id}`,
        application.submittedAt ?? application.updatedAt,
        null,
        now,
      ),
    );
    return { total, tasks };
  },
};

/** Regionalteam: submitted applications of closed calls in its region (and county-wide ones) wait for the decision. */
const decideApplication: TaskSource = {
  kind: TaskKind.DECIDE_APPLICATION,
  roles: [Role.REGIONAL_TEAM],
  async find({ em, caller, now, limit }) {
    const where = {
      $and: [
        visibleApplications(caller),
        { state: ApplicationState.SUBMITTED, call: { need: { state: NeedState.CLOSED } } },
      ],
    } as FilterQuery<Application>;
    const { rows, total } = await findAndCount(em, Application, where, {
      populate: ['call', 'provider'],
      orderBy: { submittedAt: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((application) =>
      task(
        this.kind,
        { type: 'Application', id: application.id },
        `Über Interessensbekundung entscheiden: ${applicationName(application)}`,
        `/entscheidungen/${application.id}`,
        application.submittedAt ?? application.updatedAt,
        null,
        now,
      ),
    );
    return { total, tasks };
  },
};

/** Finance and administration: approved applications without a notice (no offer yet). */
const issueNotice: TaskSource = {
  kind: TaskKind.ISSUE_NOTICE,
  roles: [Role.FINANCE, Role.ADMIN],
  async find({ em, caller, now, limit }) {
    const withOffer = em.createQueryBuilder(Offer, 'o').select('o.application_id').getKnexQuery();
    const where = {
      $and: [visibleApplications(caller), { state: ApplicationState.APPROVED, id: { $nin: withOffer } }],
    } as FilterQuery<Application>;
    const { rows, total } = await findAndCount(em, Application, where, {
      populate: ['call', 'provider'],
      orderBy: { updatedAt: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((application) =>
      task(
        this.kind,
        { type: 'Application', id: application.id },
        `Bescheid erteilen: ${applicationName(application)}`,
        `/bescheide`,
        application.updatedAt,
        null,
        now,
      ),
    );
    return { total, tasks };
  },
};

/** Provider staff: the office asked for changes to one of the own Träger's applications. */
const reviseApplication: TaskSource = {
  kind: TaskKind.REVISE_APPLICATION,
  roles: [Role.PROVIDER],
  async find({ em, caller, now, limit }) {
    const where = {
      $and: [visibleApplications(caller), { state: ApplicationState.CHANGES_REQUESTED }],
    } as FilterQuery<Application>;
    const { rows, total } = await findAndCount(em, Application, where, {
      populate: ['call', 'provider'],
      orderBy: { changesRequestedAt: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((application) =>
      task(
        this.kind,
        { type: 'Application', id: application.id },
        `Änderungen angefordert – Interessensbekundung überarbeiten: ${application.call.title}`,
        `/interessensbekundungen/${application.id}`,
        application.changesRequestedAt ?? application.updatedAt,
        null,
        now,
      ),
    );
    return { total, tasks };
  },
};

/** Provider staff: drafts of the own Träger whose call is still open (due at its deadline). */
const submitApplication: TaskSource = {
  kind: TaskKind.SUBMIT_APPLICATION,
  roles: [Role.PROVIDER],
  async find({ em, caller, now, limit }) {
    const where = {
      $and: [
        visibleApplications(caller),
        {
          state: ApplicationState.DRAFT,
          call: { deadline: { $gt: now }, need: { state: NeedState.OPEN_FOR_APPLICATIONS } },
        },
      ],
    } as FilterQuery<Application>;
    const { rows, total } = await findAndCount(em, Application, where, {
      populate: ['call', 'provider'],
      orderBy: { call: { deadline: 'asc' }, id: 'asc' } as never,
      limit,
    });
    const tasks = rows.map((application) =>
      task(
        this.kind,
        { type: 'Application', id: application.id },
        `Entwurf bis zur Frist einreichen: ${application.call.title}`,
        `/interessensbekundungen/${application.id}`,
        application.createdAt,
        application.call.deadline,
        now,
      ),
    );
    return { total, tasks };
  },
};

/** A task about an evaluation, due on its due date (overdue from the day after). */
function evaluationTask(kind: TaskKind, evaluation: Evaluation, title: string, since: Date, now: Date): Task {
  return task(
    kind,
    { type: 'Evaluation', id: evaluation.id },
    `${title}: ${evaluation.offer.title}, Zeitraum ${evaluation.periodNumber}`,
    `/evaluationen/${evaluation.id}`,
    since,
    new Date(`${evaluation.dueDate}T00:00:00Z`),
    now,
    evaluation.dueDate < todayInVerden(now),
  );
}

const OPEN_EVALUATION_STATES = [EvaluationState.DUE, EvaluationState.CHANGES_REQUESTED];

/** Team lead and administration: submitted evaluations of the offers they read wait for review. */
const reviewEvaluation: TaskSource = {
  kind: TaskKind.REVIEW_EVALUATION,
  roles: [Role.TEAM_LEAD, Role.ADMIN],
  async find({ em, caller, now, limit }) {
    const where = {
      offer: visibleOffers(caller),
      state: EvaluationState.SUBMITTED,
    } as FilterQuery<Evaluation>;
    const { rows, total } = await findAndCount(em, Evaluation, where, {
      populate: ['offer'],
      orderBy: { submittedAt: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((evaluation) => ({
      ...evaluationTask(
        this.kind,
        evaluation,
        'Evaluation prüfen',
        evaluation.submittedAt ?? evaluation.updatedAt,
        now,
      ),
      dueAt: null,
      overdue: false,
    }));
    return { total, tasks };
  },
};

/** Finance and administration: evaluations past their due date and not submitted. */
const overdueEvaluation: TaskSource = {
  kind: TaskKind.OVERDUE_EVALUATION,
  roles: [Role.FINANCE, Role.ADMIN],
  async find({ em, caller, now, limit }) {
    const where = {
      offer: visibleOffers(caller),
      state: { $in: OPEN_EVALUATION_STATES },
      dueDate: { $lt: todayInVerden(now) },
    } as FilterQuery<Evaluation>;
    const { rows, total } = await findAndCount(em, Evaluation, where, {
      populate: ['offer'],
      orderBy: { dueDate: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((evaluation) =>
      evaluationTask(
        this.kind,
        evaluation,
        'Evaluation überfällig',
        new Date(`${evaluation.dueDate}T00:00:00Z`),
        now,
      ),
    );
    return { total, tasks };
  },
};

/** Provider staff: evaluations of the own Träger's offers whose period has ended, or with changes requested. */
const submitEvaluation: TaskSource = {
  kind: TaskKind.SUBMIT_EVALUATION,
  roles: [Role.PROVIDER],
  async find({ em, caller, now, limit }) {
    const where = {
      offer: visibleOffers(caller),
      $or: [
        { state: EvaluationState.DUE, periodTo: { $lt: todayInVerden(now) } },
        { state: EvaluationState.CHANGES_REQUESTED },
      ],
    } as FilterQuery<Evaluation>;
    const { rows, total } = await findAndCount(em, Evaluation, where, {
      populate: ['offer'],
      orderBy: { dueDate: 'asc', id: 'asc' },
      limit,
    });
    const tasks = rows.map((evaluation) =>
      evaluation.state === EvaluationState.CHANGES_REQUESTED
        ? evaluationTask(
            this.kind,
            evaluation,
            'Änderungen angefordert – Evaluation überarbeiten',
            evaluation.changesRequestedAt ?? evaluation.updatedAt,
            now,
          )
        : evaluationTask(
            this.kind,
            evaluation,
            'Evaluation einreichen',
            new Date(`${evaluation.periodTo}T00:00:00Z`),
            now,
          ),
    );
    return { total, tasks };
  },
};

/**
 * Every kind of task. A new kind is one source here: its roles, and a query that applies the feature's
 * read filter (`visible…`) to the caller reduced to those roles.
 */
export const TASK_SOURCES: readonly TaskSource[] = [
  decideNeed,
  planOffer,
  closeCall,
  scoreApplication,
  decideApplication,
  issueNotice,
  reviseApplication,
  submitApplication,
  reviewEvaluation,
  overdueEvaluation,
  submitEvaluation,
];

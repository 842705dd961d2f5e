import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { BaseEntity } from '../common/base.entity.js';
import type { Config } from '../config.js';
import { Form } from '../forms/form.entity.js';
import { FormVersion } from '../forms/form-version.entity.js';
import { migrationsList } from '../migrations/index.js';
import { Submission } from '../submissions/submission.entity.js';
import { AuditEvent } from '../audit/audit-event.entity.js';
import { Application, ApplicationRevision } from '../applications/application.entity.js';
import { CallForInterest } from '../applications/call-for-interest.entity.js';
import { Offer } from '../offers/offer.entity.js';
import { ReportDefinitionVersion } from '../reports/report-definition-version.entity.js';
import { ApplicationDecision } from '../decisions/decision.entity.js';
import { LedgerEntry } from '../budget/ledger-entry.entity.js';
import { DecisionNotice, DecisionNoticeShare } from '../notices/notice.entity.js';
import { Notification, NotificationCursor } from '../notifications/notification.entity.js';
import {
  Evaluation,
  EvaluationFact,
  EvaluationGoalFact,
  EvaluationRevision,
  OfferGoalRevision,
} from '../evaluations/evaluation.entity.js';
import { Score, ScoreRevision } from '../scoring/score.entity.js';
import { BudgetYear } from '../master-data/budget-year.entity.js';
import { OfferCategory } from '../master-data/offer-category.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { RegionalTeam } from '../master-data/regional-team.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Body } from '../needs/body.entity.js';
import { Need, NeedBodyInvolvement } from '../needs/need.entity.js';
import { LoginFailure } from '../users/login-failure.entity.js';
import { User } from '../users/user.entity.js';
import { UserSession } from '../users/user-session.entity.js';

export const entities = [
  BaseEntity,
  Form,
  FormVersion,
  Submission,
  RegionalTeam,
  SocialArea,
  Provider,
  OfferCategory,
  BudgetYear,
  User,
  UserSession,
  LoginFailure,
  AuditEvent,
  Body,
  Need,
  NeedBodyInvolvement,
  CallForInterest,
  Application,
  ApplicationRevision,
  Score,
  ScoreRevision,
  Offer,
  ApplicationDecision,
  LedgerEntry,
  DecisionNotice,
  DecisionNoticeShare,
  ReportDefinitionVersion,
  OfferGoalRevision,
  Evaluation,
  EvaluationRevision,
  EvaluationFact,
  EvaluationGoalFact,
  NotificationCursor,
  Notification,
];

/** MikroORM options for a database URL; migrations are listed explicitly so compiled and test runs agree. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    debug: false,
    ...overrides,
  });
}

/** Bounds on the work of one process's pool. */
export interface ConnectionLimits {
  poolMax: number;
  /** A request waiting longer for a free connection fails with SERVICE_UNAVAILABLE instead of hanging. */
  acquireTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
}

export function connectionLimitsFrom(
  config: Pick<
    Config,
    'DB_POOL_MAX' | 'DB_ACQUIRE_TIMEOUT_MS' | 'DB_STATEMENT_TIMEOUT_MS' | 'DB_LOCK_TIMEOUT_MS'
  >,
): ConnectionLimits {
  return {
    poolMax: config.DB_POOL_MAX,
    acquireTimeoutMs: config.DB_ACQUIRE_TIMEOUT_MS,
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
  };
}

/**
 * ORM options that apply `limits`: the timeouts are sent when each pooled connection opens (so they hold
 * for every statement on it, in and outside transactions); connecting gives up after the acquire timeout
 * too, so an unreachable server is reported instead of waited for. A connection the server has closed
 * (restart) is dropped by the pool and replaced on next use.
 */
export function limitOptions(limits: ConnectionLimits): Partial<Options> {
  return {
    pool: { min: 0, max: limits.poolMax, acquireTimeoutMillis: limits.acquireTimeoutMs },
    driverOptions: {
      acquireConnectionTimeout: limits.acquireTimeoutMs,
      connection: {
        statement_timeout: limits.statementTimeoutMs,
        lock_timeout: limits.lockTimeoutMs,
        connectionTimeoutMillis: limits.acquireTimeoutMs,
        keepAlive: true,
        application_name: 'sozialraum-plattform',
      },
    },
  };
}

/** Connects the ORM without touching the schema (the app at run time). */
export async function connectDatabase(clientUrl: string, limits: ConnectionLimits): Promise<MikroORM> {
  return MikroORM.init(ormConfig(clientUrl, limitOptions(limits)));
}

/** Applies pending migrations on a short-lived connection (as the owner role); returns their names. */
export async function migrateDatabase(clientUrl: string): Promise<string[]> {
  const orm = await MikroORM.init(ormConfig(clientUrl, { pool: { min: 0, max: 1 } }));
  try {
    return (await orm.getMigrator().up()).map((migration) => migration.name);
  } finally {
    await orm.close();
  }
}

/** Connects and brings the schema up to date by running the committed migrations. */
export async function openDatabase(clientUrl: string, overrides: Partial<Options> = {}) {
  const orm = await MikroORM.init(ormConfig(clientUrl, overrides));
  await orm.getMigrator().up();
  return orm;
}

/**
 * Constraints the migrations create on purpose that the entities cannot express, so the schema diff
 * would propose dropping them: the submissions' composite foreign key (form_version_id, form_key) →
 * form_version (Migration20261126000000_submission_version_key).
 */
const INTENDED_DIFFERENCES = [
  /drop constraint "submission_form_version_foreign"/,
  // The ledger's covering index for reports (Migration20261205000001_report_indexes): entities describe
  // no included columns.
  /drop index "ledger_entry_report_covering_index"/,
  // The ledger's monthly totals (Migration20261207000002_ledger_month_totals) are kept by a trigger and
  // read only by SQL of the reports: no entity describes them.
  /drop table if exists "ledger_month_total"/,
  // The open evaluations by offer and due date (Migration20261207000001_offer_report_paging): entities
  // describe no partial index.
  /drop index "evaluation_open_due_index"/,
  // The reports' covering indexes for year ranges (Migration20261207100000_report_year_ranges): entities
  // describe no included columns.
  /drop index "evaluation_goal_fact_report_groups_index"/,
  /drop index "need_report_created_index"/,
  /drop index "application_report_submitted_index"/,
];

/** The SQL that would bring the database in line with the entities, without the intended differences. */
export async function schemaDifference(orm: MikroORM): Promise<string> {
  const sql = await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
  return sql
    .split('\n')
    .filter((line) => !INTENDED_DIFFERENCES.some((pattern) => pattern.test(line)))
    .join('\n')
    .trim();
}

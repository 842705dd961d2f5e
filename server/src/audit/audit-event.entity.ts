import { Entity, Enum, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum AuditOutcome {
  /** The operation was carried out. */
  SUCCESS = 'SUCCESS',
  /** The caller was not allowed to do it. */
  DENIED = 'DENIED',
  /** It was tried and failed (for example a wrong password). */
  FAILED = 'FAILED',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

/**
 * One entry of the audit trail: who did what to which record, when, in which request, and how it ended.
 * Written by the command runner in the command's own transaction (so a failed command leaves none);
 * denials and sign-in attempts are written on their own. Append-only: the database refuses `UPDATE`,
 * `DELETE` and `TRUNCATE` (trigger, and the app's role has no such privilege). Holds no passwords,
 * tokens or session ids.
 */
@ObjectType({ description: 'Ein Eintrag im Protokoll: wer hat wann was getan.' })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['entityType', 'entityId', 'occurredAt'] })
@Index({ properties: ['userId', 'occurredAt'] })
@Index({ properties: ['occurredAt'] })
export class AuditEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'clock_timestamp()' })
  occurredAt!: Date & Opt;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  requestId?: string | null;

  /** The user who acted (null for an unknown account at sign-in, or the system at start-up). */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  userId?: string | null;

  /** The user's name at the time, so the trail reads without joins and survives renames. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  userName?: string | null;

  /** The role under which the operation was allowed. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 30, nullable: true })
  role?: string | null;

  /** The operation, e.g. `publishFormVersion` or `login`. */
  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  operation!: string;

  /** The kind of record, e.g. `FormVersion`, `Provider`, `User`. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  entityType?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  entityId?: string | null;

  @Field(() => AuditOutcome)
  @Enum({ items: () => AuditOutcome, nativeEnumName: 'audit_outcome' })
  outcome!: AuditOutcome;

  /** What changed: fields before and after, or the document version submitted; never secrets. */
  @Field(() => GraphQLJSON, { nullable: true })
  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  justification?: string | null;
}

import { BigIntType, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { EvaluationState } from '../../../process-logic/index.js';
import { BaseEntity } from '../common/base.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Offer } from '../offers/offer.entity.js';

registerEnumType(EvaluationState, {
  name: 'EvaluationState',
  description:
    'DUE fällig; SUBMITTED eingereicht; CHANGES_REQUESTED Änderungen angefordert; ACCEPTED angenommen.',
});

/** The form key of the half-yearly evaluation sheet. */
export const EVALUATION_FORM = 'evaluation';

/** One goal of an offer as Anlage 1 names it. */
export interface OfferGoal {
  goal: string;
  indicator: string;
  targetValue: string;
}

/**
 * One set of goals of an offer. Revision 1 comes from Anlage 1 when the notice is issued; each
 * Umsteuerung (goal adjustment by the team lead) adds the next one with its reason. A goal revision is
 * never changed (a trigger refuses UPDATE and DELETE); the highest number is the offer's current goals.
 */
@ObjectType({ description: 'Eine Fassung der Ziele eines Angebots (1: aus Anlage 1; weitere: Umsteuerung).' })
@Entity({ tableName: 'offer_goal_revision' })
@Unique({ properties: ['offer', 'number'] })
export class OfferGoalRevision extends BaseEntity {
  @ManyToOne(() => Offer, { deleteRule: 'restrict' })
  offer!: Offer;

  @Field(() => Int, { description: 'Nummer der Fassung (1, 2, …).' })
  @Property({ type: 'integer' })
  number!: number;

  /** The goals (`goal`, `indicator`, `targetValue`); content, read with `readData`. */
  @Property({ type: 'json' })
  goals!: OfferGoal[];

  /** Why the goals were adjusted (null for revision 1). */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field(() => String, { description: 'Angelegt von.' })
  @Property({ type: 'string', length: 200 })
  createdByName!: string;
}

/**
 * One half-yearly evaluation of an offer: the reporting period (six months from the offer's start, the
 * last one possibly shorter) and its due date, bound to the version of the evaluation form in force when
 * it was scheduled. The provider saves a draft on the server and submits it (each submit an immutable
 * `EvaluationRevision`); the team lead accepts it or asks for changes. The state follows `process-logic`.
 */
@ObjectType({ description: 'Eine halbjährliche Evaluation eines Angebots.' })
@Entity({ tableName: 'evaluation' })
@Unique({ properties: ['offer', 'periodNumber'] })
@Index({ properties: ['state', 'dueDate'] })
export class Evaluation extends BaseEntity {
  @ManyToOne(() => Offer, { deleteRule: 'restrict' })
  offer!: Offer;

  @Field(() => Int, { description: 'Nummer des Berichtszeitraums (1, 2, …).' })
  @Property({ type: 'integer' })
  periodNumber!: number;

  @Field(() => String, { description: 'Berichtszeitraum von (ISO-Datum).' })
  @Property({ type: 'date' })
  periodFrom!: string;

  @Field(() => String, { description: 'Berichtszeitraum bis (ISO-Datum).' })
  @Property({ type: 'date' })
  periodTo!: string;

  @Field(() => String, { description: 'Fällig am (ISO-Datum).' })
  @Property({ type: 'date' })
  dueDate!: string;

  @Field(() => EvaluationState)
  @Enum({ items: () => EvaluationState, nativeEnumName: 'evaluation_state' })
  state: EvaluationState & Opt = EvaluationState.DUE;

  /** The version of the evaluation form in force when the evaluation was scheduled. */
  @Property({ type: 'uuid' })
  formVersionId!: string;

  /** The working copy (draft; after a submit the recomputed data). Empty until the provider saves. */
  @Property({ type: 'json' })
  data: Record<string, unknown> & Opt = {};

  @Field(() => Date, { nullable: true, description: 'Wann zuletzt eingereicht wurde.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  /** The comment of the last change request (content: read with `readData`). */
  @Property({ type: 'text', nullable: true })
  changeRequestComment?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  changesRequestedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  changesRequestedByName?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  acceptedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  acceptedByName?: string | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

/** One submitted state of an evaluation; never changed after it is written. */
@ObjectType({ description: 'Eine eingereichte Fassung einer Evaluation (unveränderlich).' })
@Entity({ tableName: 'evaluation_revision' })
@Unique({ properties: ['evaluation', 'number'] })
export class EvaluationRevision extends BaseEntity {
  @ManyToOne(() => Evaluation, { deleteRule: 'restrict' })
  evaluation!: Evaluation;

  @Field(() => Int, { description: 'Nummer der Fassung (1, 2, …).' })
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Field(() => Date, { description: 'Eingereicht am.' })
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => String, { description: 'Eingereicht von.' })
  @Property({ type: 'string', length: 200 })
  submittedByName!: string;
}

/** The provider's estimate of how far a goal was reached (the evaluation form's `achievement`). */
export enum GoalAchievement {
  NOT = 'NOT',
  PARTLY = 'PARTLY',
  MOSTLY = 'MOSTLY',
  FULLY = 'FULLY',
}

registerEnumType(GoalAchievement, {
  name: 'GoalAchievement',
  description: 'NOT nicht erreicht; PARTLY teilweise; MOSTLY überwiegend; FULLY vollständig erreicht.',
});

/**
 * The figures of an accepted evaluation, as typed columns for the reports (written in the transaction
 * that accepts it, so an accepted evaluation always has its facts and no other has any).
 */
@ObjectType({ description: 'Kennzahlen einer angenommenen Evaluation.' })
@Entity({ tableName: 'evaluation_fact' })
@Index({ properties: ['periodFrom', 'periodTo'] })
export class EvaluationFact extends BaseEntity {
  @ManyToOne(() => Evaluation, { deleteRule: 'restrict', unique: true })
  evaluation!: Evaluation;

  @ManyToOne(() => Offer, { deleteRule: 'restrict' })
  @Index()
  offer!: Offer;

  /** null: a kreisweit offer. */
  @ManyToOne(() => SocialArea, { nullable: true, deleteRule: 'restrict' })
  @Index()
  socialArea?: SocialArea | null;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  @Index()
  provider!: Provider;

  @Field(() => String)
  @Property({ type: 'date' })
  periodFrom!: string;

  @Field(() => String)
  @Property({ type: 'date' })
  periodTo!: string;

  @Field(() => Int, { description: 'Erreichte Teilnehmende.' })
  @Property({ type: 'integer' })
  participantsReached!: number;

  @Field(() => Int, { nullable: true, description: 'Davon neu im Berichtszeitraum.' })
  @Property({ type: 'integer', nullable: true })
  newParticipants?: number | null;

  @Field(() => Int, { description: 'Durchgeführte Termine.' })
  @Property({ type: 'integer' })
  sessionsHeld!: number;

  /** Professional hours delivered (numeric, two decimals; exposed as a number). */
  @Property({ type: 'decimal', precision: 10, scale: 2 })
  professionalHoursDelivered!: string;

  /** Money spent in the period, in cents. */
  @Property({ type: new BigIntType('number') })
  expensesInPeriod!: number;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  acceptedAt!: Date;
}

/** The achievement of one goal of an accepted evaluation, as typed columns. */
@ObjectType({ description: 'Zielerreichung eines Ziels in einem Berichtszeitraum (angenommene Evaluation).' })
@Entity({ tableName: 'evaluation_goal_fact' })
@Unique({ properties: ['evaluation', 'goalIndex'] })
export class EvaluationGoalFact extends BaseEntity {
  @ManyToOne(() => Evaluation, { deleteRule: 'restrict' })
  evaluation!: Evaluation;

  @ManyToOne(() => Offer, { deleteRule: 'restrict' })
  @Index()
  offer!: Offer;

  @ManyToOne(() => SocialArea, { nullable: true, deleteRule: 'restrict' })
  @Index()
  socialArea?: SocialArea | null;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  @Index()
  provider!: Provider;

  @Field(() => String)
  @Property({ type: 'date' })
  periodFrom!: string;

  @Field(() => String)
  @Property({ type: 'date' })
  periodTo!: string;

  /** Position of the goal in the evaluation (0, 1, …). */
  @Field(() => Int, { description: 'Position des Ziels (0, 1, …).' })
  @Property({ type: 'integer' })
  goalIndex!: number;

  /** The goal's text (content: read with `readData`). */
  @Property({ type: 'text' })
  goal!: string;

  @Field(() => GoalAchievement)
  @Enum({ items: () => GoalAchievement, nativeEnumName: 'goal_achievement' })
  achievement!: GoalAchievement;

  /** Achievement in percent: the percent the provider gave, else `ACHIEVEMENT_PERCENT[achievement]`. */
  @Field(() => Int, { description: 'Zielerreichung in Prozent.' })
  @Property({ type: 'smallint' })
  achievementPercent!: number;

  /** Whether the percent was given in the form (false: mapped from `achievement`). */
  @Field(() => Boolean, { description: 'Ob der Prozentwert angegeben (nicht abgeleitet) wurde.' })
  @Property({ type: 'boolean' })
  percentGiven!: boolean;
}

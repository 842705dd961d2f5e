import { BigIntType, Entity, Enum, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Application } from '../applications/application.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { FinancingKind, OfferCategory } from '../master-data/offer-category.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';

/** What the Regionalteam decided about an application. */
export enum DecisionOutcome {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(DecisionOutcome, {
  name: 'DecisionOutcome',
  description: 'APPROVED bewilligt; REJECTED abgelehnt.',
});

/**
 * The Regionalteam's decision on one application (steps 9–10): who decided, when, the outcome and the
 * justification; an approval fixes amount, period, financing kind and, for § 77, hours and hourly rate as
 * typed columns. One per application; never changed after it is written.
 */
@ObjectType({ description: 'Die Entscheidung des Regionalteams über eine Interessensbekundung.' })
@Entity({ tableName: 'application_decision' })
@Index({ properties: ['socialArea', 'outcome'] })
export class ApplicationDecision extends BaseEntity {
  @ManyToOne(() => Application, { deleteRule: 'restrict', unique: true })
  application!: Application;

  @Field(() => DecisionOutcome)
  @Enum({ items: () => DecisionOutcome, nativeEnumName: 'decision_outcome' })
  outcome!: DecisionOutcome;

  @Field(() => String, { description: 'Begründung der Entscheidung.' })
  @Property({ type: 'text' })
  justification!: string;

  @Field(() => String, { description: 'Wer entschieden hat.' })
  @Property({ type: 'string', length: 200 })
  decidedByName!: string;

  @Field(() => Date, { description: 'Wann entschieden wurde.' })
  @Property({ type: 'datetime' })
  decidedAt!: Date;

  /** The submitted revision (Fassung) the decision was taken on. */
  @Field(() => Int, { description: 'Die Fassung der Interessensbekundung, über die entschieden wurde.' })
  @Property({ type: 'integer' })
  applicationRevisionNumber!: number;

  /** The need's Sozialraum at the time of the decision; null: kreisweit (not charged to a Sozialraum). */
  @ManyToOne(() => SocialArea, { nullable: true, deleteRule: 'restrict' })
  socialArea?: SocialArea | null;

  @ManyToOne(() => OfferCategory, { deleteRule: 'restrict' })
  offerCategory!: OfferCategory;

  /** Approved amount in cents; null for a rejection. */
  @Property({ type: new BigIntType('number'), nullable: true })
  approvedAmount?: number | null;

  /** First day of the approved period (ISO date); null for a rejection. */
  @Field(() => String, { nullable: true, description: 'Beginn des Bewilligungszeitraums (ISO-Datum).' })
  @Property({ type: 'date', nullable: true })
  periodStart?: string | null;

  /** Last day of the approved period (ISO date); null for a rejection. */
  @Field(() => String, { nullable: true, description: 'Ende des Bewilligungszeitraums (ISO-Datum).' })
  @Property({ type: 'date', nullable: true })
  periodEnd?: string | null;

  @Field(() => FinancingKind, { nullable: true })
  @Enum({ items: () => FinancingKind, nativeEnumName: 'financing_kind', nullable: true })
  financingKind?: FinancingKind | null;

  /** § 77: the approved Fachleistungsstunden over the period. */
  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  feeHours?: string | null;

  /** § 77: the hourly rate in cents. */
  @Property({ type: new BigIntType('number'), nullable: true })
  hourlyRate?: number | null;

  /** The approval exceeded what was left of the Sozialraumbudget in at least one budget year. */
  @Property({ type: 'boolean', default: false })
  budgetWarning: boolean & Opt = false;
}

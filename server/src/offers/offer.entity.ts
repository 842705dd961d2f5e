import { BigIntType, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { OfferState } from '../../../process-logic/index.js';
import { Application } from '../applications/application.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { FinancingKind, OfferCategory } from '../master-data/offer-category.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Need } from '../needs/need.entity.js';

registerEnumType(OfferState, {
  name: 'OfferState',
  description: 'RUNNING laufend; ENDED beendet.',
});

/**
 * A running offer (Gemeinwesenangebot): what an approved application becomes when FINANCE issues its
 * notice (Bescheid). It keeps the figures of the approval as typed columns, so overviews and reports
 * read them without opening the documents. The goals it is evaluated against live in goal revisions
 * (Umsteuerung), the half-yearly evaluations in `evaluation`.
 */
@ObjectType({ description: 'Ein laufendes oder beendetes Angebot (aus einem Bescheid).' })
@Entity({ tableName: 'offer' })
@Index({ properties: ['socialArea', 'state'] })
@Unique({ properties: ['application'] })
export class Offer extends BaseEntity {
  /** The approved application it came from (one offer per application). */
  @ManyToOne(() => Application, { deleteRule: 'restrict' })
  application!: Application;

  @ManyToOne(() => Need, { deleteRule: 'restrict' })
  need!: Need;

  /** null: a kreisweit offer. */
  @ManyToOne(() => SocialArea, { nullable: true, deleteRule: 'restrict' })
  socialArea?: SocialArea | null;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  @Index()
  provider!: Provider;

  @ManyToOne(() => OfferCategory, { deleteRule: 'restrict' })
  offerCategory!: OfferCategory;

  @Field(() => FinancingKind)
  @Enum({ items: () => FinancingKind, nativeEnumName: 'financing_kind' })
  financingKind!: FinancingKind;

  @Field(() => String, { description: 'Titel des Angebots (aus Anlage 1).' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  /** First day of the approved period, ISO date. */
  @Field(() => String, { description: 'Beginn des Bewilligungszeitraums (ISO-Datum).' })
  @Property({ type: 'date' })
  periodStart!: string;

  /** Last day of the approved period, ISO date. */
  @Field(() => String, { description: 'Ende des Bewilligungszeitraums (ISO-Datum).' })
  @Property({ type: 'date' })
  periodEnd!: string;

  /** The approved amount in cents. */
  @Property({ type: new BigIntType('number') })
  approvedAmount!: number;

  /** § 77: the approved Fachleistungsstunden over the period; null for § 74. */
  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  feeHours?: string | null;

  /** § 77: the agreed hourly rate in cents; null for § 74. */
  @Property({ type: new BigIntType('number'), nullable: true })
  hourlyRate?: number | null;

  @Field(() => OfferState)
  @Enum({ items: () => OfferState, nativeEnumName: 'offer_state' })
  state: OfferState & Opt = OfferState.RUNNING;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  endedAt?: Date | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

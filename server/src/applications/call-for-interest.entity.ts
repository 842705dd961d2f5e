import { Entity, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { OfferCategory } from '../master-data/offer-category.entity.js';
import { Need } from '../needs/need.entity.js';

/**
 * The call for interest of a need (step 8): until when, to whom (all providers or the invited Träger)
 * and for which offer category (hence financing kind). One per need; it is open while its need is in
 * state OPEN_FOR_APPLICATIONS and the deadline has not passed.
 */
@ObjectType({
  description:
    'Ein Aufruf zur Interessensbekundung zu einem Bedarf: Frist, eingeladene Träger oder alle, Angebotskategorie.',
})
@Entity({ tableName: 'call_for_interest' })
@Unique({ properties: ['need'] })
export class CallForInterest extends BaseEntity {
  @ManyToOne(() => Need, { deleteRule: 'restrict' })
  need!: Need;

  @Field(() => String, { description: 'Überschrift des Aufrufs.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => Date, { description: 'Frist für die Einreichung (Serverzeit).' })
  @Property({ type: 'datetime' })
  deadline!: Date;

  @Field(() => Boolean, { description: 'Offen für alle Träger (sonst nur für die eingeladenen).' })
  @Property({ type: 'boolean' })
  openToAll!: boolean;

  /** The invited Träger (provider ids); empty when open to all. */
  @Property({ type: 'string[]', default: '{}' })
  invitedProviderIds: string[] & Opt = [];

  @ManyToOne(() => OfferCategory, { deleteRule: 'restrict' })
  offerCategory!: OfferCategory;

  @Field(() => String, { description: 'Wer den Aufruf eröffnet hat.' })
  @Property({ type: 'string', length: 200 })
  openedByName!: string;

  @Field(() => Date, { nullable: true, description: 'Wann der Aufruf geschlossen wurde.' })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  closedByName?: string | null;
}

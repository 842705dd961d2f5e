import { Entity, Enum, Index, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { NeedState } from '../../../process-logic/index.js';
import { BaseEntity } from '../common/base.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Body } from './body.entity.js';

registerEnumType(NeedState, {
  name: 'NeedState',
  description:
    'RECORDED erfasst; RESOURCES_INSUFFICIENT Ressourcen reichen nicht; COVERED_BY_RESOURCES mit Ressourcen gedeckt; ' +
    'NO_OFFER kein Leistungsangebot; OFFER_PLANNED Angebot geplant; OPEN_FOR_APPLICATIONS Interessensbekundung offen; CLOSED geschlossen.',
});

/** How a need was resolved (a typed figure for the reports). */
export enum NeedOutcome {
  COVERED_BY_RESOURCES = 'COVERED_BY_RESOURCES',
  NO_OFFER = 'NO_OFFER',
  OFFER = 'OFFER',
}
registerEnumType(NeedOutcome, {
  name: 'NeedOutcome',
  description: 'Ergebnis: mit Ressourcen im Sozialraum gedeckt, kein Leistungsangebot, oder ein Angebot.',
});

/** Kind of a body's involvement (Beteiligungsart). */
export enum BodyInvolvementKind {
  DECIDE = 'DECIDE',
  PARTICIPATE = 'PARTICIPATE',
  INFORM = 'INFORM',
}
registerEnumType(BodyInvolvementKind, {
  name: 'BodyInvolvementKind',
  description: 'DECIDE Entscheidung; PARTICIPATE Beteiligung; INFORM Information.',
});

/**
 * A need (Bedarf) of one Sozialraum, or county-wide (kreisweit: no Sozialraum), with the decisions of
 * steps 2 and 3 (who, when, outcome, justification), the notes of steps 4 and 6 and the priority among
 * the Sozialraum's open needs (step 7). The state follows `process-logic`.
 */
@ObjectType({ description: 'Ein Bedarf in einem Sozialraum oder kreisweit.' })
@Entity({ tableName: 'need' })
@Index({ properties: ['socialArea', 'state'] })
export class Need extends BaseEntity {
  /** null: kreisweit. */
  @ManyToOne(() => SocialArea, { nullable: true, deleteRule: 'restrict' })
  socialArea?: SocialArea | null;

  @Field(() => String, { description: 'Kurzbezeichnung.' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String, { description: 'Situationsbeschreibung (Schritt 1).' })
  @Property({ type: 'text' })
  situationDescription!: string;

  @Field(() => NeedState)
  @Enum({ items: () => NeedState, nativeEnumName: 'need_state' })
  state: NeedState & Opt = NeedState.RECORDED;

  @Field(() => NeedOutcome, { nullable: true, description: 'Ergebnis (für Berichte).' })
  @Enum({ items: () => NeedOutcome, nativeEnumName: 'need_outcome', nullable: true })
  outcome?: NeedOutcome | null;

  /** Name of the author, as the timeline shows it. */
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  createdByName!: string;

  // Decision 1 (step 2): can the resources in the Sozialraum cover the need?
  @Field(() => Boolean, {
    nullable: true,
    description: 'Entscheidung 1: Kann der Bedarf mit den Ressourcen im Sozialraum gedeckt werden?',
  })
  @Property({ type: 'boolean', nullable: true })
  coveredByResources?: boolean | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  resourcesJustification?: string | null;

  @Field(() => String, { nullable: true, description: 'Betrachtete bestehende Angebote (Freitext).' })
  @Property({ type: 'text', nullable: true })
  consideredOffers?: string | null;

  /** Träger considered in decision 1 (provider ids). */
  @Property({ type: 'string[]', default: '{}' })
  consideredProviderIds: string[] & Opt = [];

  /** Running offers considered in decision 1 (offer ids; each was running and visible to the decider then). */
  @Property({ type: 'string[]', default: '{}' })
  consideredOfferIds: string[] & Opt = [];

  @Property({ type: 'string', length: 200, nullable: true })
  resourcesDecidedBy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  resourcesDecidedByName?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  resourcesDecidedAt?: Date | null;

  // Decision 2 (step 3): shall an offer cover the need?
  @Field(() => Boolean, {
    nullable: true,
    description: 'Entscheidung 2: Soll der Bedarf durch ein Angebot gedeckt werden?',
  })
  @Property({ type: 'boolean', nullable: true })
  offerWanted?: boolean | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  offerJustification?: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  offerDecidedBy?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  offerDecidedByName?: string | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  offerDecidedAt?: Date | null;

  // Step 4: contact with FD 51 and Träger; funding programmes.
  @Field(() => String, { nullable: true, description: 'Kontaktaufnahme mit FD 51 (Notiz).' })
  @Property({ type: 'text', nullable: true })
  contactYouthOffice?: string | null;

  @Field(() => String, { nullable: true, description: 'Kontaktaufnahme mit freien Trägern (Notiz).' })
  @Property({ type: 'text', nullable: true })
  contactProviders?: string | null;

  @Field(() => String, { nullable: true, description: 'Geprüfte Förderprogramme und Ergebnis.' })
  @Property({ type: 'text', nullable: true })
  fundingProgrammes?: string | null;

  // Step 6: professional justification, weighed against the resources and the development without the offer.
  @Field(() => String, { nullable: true, description: 'Fachliche Begründung des Angebots.' })
  @Property({ type: 'text', nullable: true })
  professionalJustification?: string | null;

  @Field(() => String, { nullable: true, description: 'Abwägung gegen die eingesetzten Ressourcen.' })
  @Property({ type: 'text', nullable: true })
  resourcesWeighed?: string | null;

  @Field(() => String, { nullable: true, description: 'Erwartete Entwicklung ohne das Angebot.' })
  @Property({ type: 'text', nullable: true })
  developmentWithoutOffer?: string | null;

  // Step 7: priority among the open needs of the Sozialraum (1 = first); null when not open.
  @Field(() => Int, {
    nullable: true,
    description: 'Rang unter den offenen Bedarfen des Sozialraums (1 = zuerst).',
  })
  @Property({ type: 'integer', nullable: true })
  priority?: number | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

/** One body's involvement in the decision on a need (step 5). */
@Entity({ tableName: 'need_body_involvement' })
export class NeedBodyInvolvement extends BaseEntity {
  @ManyToOne(() => Need, { deleteRule: 'cascade' })
  @Index()
  need!: Need;

  @ManyToOne(() => Body, { deleteRule: 'restrict' })
  body!: Body;

  @Enum({ items: () => BodyInvolvementKind, nativeEnumName: 'body_involvement_kind' })
  involvement!: BodyInvolvementKind;

  /** When the body dealt with it, as an ISO date. */
  @Property({ type: 'date' })
  date!: string;

  @Property({ type: 'text' })
  outcome!: string;

  @Property({ type: 'string', length: 200 })
  createdByName!: string;
}

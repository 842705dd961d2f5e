import { BigIntType, Entity, Enum, Index, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Application } from '../applications/application.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import { ApplicationDecision } from '../decisions/decision.entity.js';
import { FinancingKind, OfferCategory } from '../master-data/offer-category.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';
import { Offer } from '../offers/offer.entity.js';

/**
 * A notice (Bescheid) issued by FINANCE for an approved application: its number (unique per year), date,
 * addressee (the Träger as it was on the day), the approved figures and the legal basis. The figures are
 * typed columns; the split per budget year is in `DecisionNoticeShare`. Never changed after it is issued.
 */
@ObjectType({ description: 'Ein Bescheid über eine bewilligte Interessensbekundung.' })
@Entity({ tableName: 'decision_notice' })
@Unique({ properties: ['year', 'sequence'] })
export class DecisionNotice extends BaseEntity {
  @ManyToOne(() => Application, { deleteRule: 'restrict', unique: true })
  application!: Application;

  @ManyToOne(() => ApplicationDecision, { deleteRule: 'restrict', unique: true })
  decision!: ApplicationDecision;

  @ManyToOne(() => Offer, { deleteRule: 'restrict', unique: true })
  offer!: Offer;

  @Field(() => String, { description: 'Aktenzeichen des Bescheids, z. B. SRB-2026-0001.' })
  @Property({ type: 'string', length: 100, unique: true })
  number!: string;

  /** The year the number counts in (the year of the notice date). */
  @Field(() => Int, { description: 'Jahr der laufenden Nummer.' })
  @Property({ type: 'integer' })
  year!: number;

  /** The running number within the year (1, 2, …). */
  @Field(() => Int, { description: 'Laufende Nummer im Jahr.' })
  @Property({ type: 'integer' })
  sequence!: number;

  @Field(() => String, { description: 'Datum des Bescheids (ISO-Datum).' })
  @Property({ type: 'date' })
  noticeDate!: string;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  @Index()
  provider!: Provider;

  @Field(() => String, { description: 'Empfänger: Name des Trägers am Tag des Bescheids.' })
  @Property({ type: 'string', length: 200 })
  addresseeName!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  addresseeStreet?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  addresseePostalCode?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  addresseeCity?: string | null;

  @Field(() => String, { description: 'Titel des Angebots (aus Anlage 1).' })
  @Property({ type: 'string', length: 200 })
  title!: string;

  /** null: kreisweit. */
  @ManyToOne(() => SocialArea, { nullable: true, deleteRule: 'restrict' })
  @Index()
  socialArea?: SocialArea | null;

  @ManyToOne(() => OfferCategory, { deleteRule: 'restrict' })
  offerCategory!: OfferCategory;

  /** The granted amount in cents. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Field(() => String, { description: 'Beginn des Bewilligungszeitraums (ISO-Datum).' })
  @Property({ type: 'date' })
  periodStart!: string;

  @Field(() => String, { description: 'Ende des Bewilligungszeitraums (ISO-Datum).' })
  @Property({ type: 'date' })
  periodEnd!: string;

  @Field(() => FinancingKind)
  @Enum({ items: () => FinancingKind, nativeEnumName: 'financing_kind' })
  financingKind!: FinancingKind;

  @Field(() => String, { description: 'Rechtsgrundlage, z. B. „§ 74 SGB VIII“.' })
  @Property({ type: 'string', length: 50 })
  legalBasis!: string;

  /** § 77: Fachleistungsstunden. */
  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  feeHours?: string | null;

  /** § 77: hourly rate in cents. */
  @Property({ type: new BigIntType('number'), nullable: true })
  hourlyRate?: number | null;

  @Field(() => String, { description: 'Wer den Bescheid erlassen hat.' })
  @Property({ type: 'string', length: 200 })
  issuedByName!: string;
}

/**
 * The share of a notice's amount in one budget year (the period split by days, to the cent, the remainder
 * on the last year): the typed facts that budget reports read (amount per year, financing kind, Sozialraum,
 * Träger, offer category).
 */
@ObjectType({ description: 'Anteil eines Bescheids an einem Haushaltsjahr.' })
@Entity({ tableName: 'decision_notice_share' })
@Unique({ properties: ['notice', 'budgetYear'] })
@Index({ properties: ['budgetYear', 'socialArea'] })
export class DecisionNoticeShare extends BaseEntity {
  @ManyToOne(() => DecisionNotice, { deleteRule: 'restrict' })
  notice!: DecisionNotice;

  @Field(() => Int, { description: 'Haushaltsjahr.' })
  @Property({ type: 'integer' })
  budgetYear!: number;

  /** Cents. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Field(() => FinancingKind)
  @Enum({ items: () => FinancingKind, nativeEnumName: 'financing_kind' })
  financingKind!: FinancingKind;

  @ManyToOne(() => SocialArea, { nullable: true, deleteRule: 'restrict' })
  socialArea?: SocialArea | null;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  provider!: Provider;

  @ManyToOne(() => OfferCategory, { deleteRule: 'restrict' })
  offerCategory!: OfferCategory;
}

import { randomUUID } from 'node:crypto';
import { BigIntType, Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { FinancingKind } from '../master-data/offer-category.entity.js';

/** What a ledger entry books. */
export enum LedgerEntryKind {
  ALLOCATION = 'ALLOCATION',
  COMMITMENT = 'COMMITMENT',
  CANCELLATION = 'CANCELLATION',
  PAYMENT = 'PAYMENT',
  REPAYMENT = 'REPAYMENT',
}
registerEnumType(LedgerEntryKind, {
  name: 'LedgerEntryKind',
  description:
    'ALLOCATION Zuweisung (Änderung des Sozialraumbudgets); COMMITMENT Bindung durch einen Bescheid; CANCELLATION Aufhebung einer Bindung; PAYMENT Auszahlung; REPAYMENT Rückzahlung.',
});

/**
 * One entry of the budget ledger, in cents. Entries are never changed or removed (trigger and role): a
 * correction is a counter-entry of the same kind with the opposite amount naming the entry it corrects.
 * Signs: ALLOCATION ±, COMMITMENT +, CANCELLATION −, PAYMENT +, REPAYMENT −; so allocated, committed
 * (COMMITMENT + CANCELLATION) and paid (PAYMENT + REPAYMENT) are plain sums.
 */
@ObjectType({ description: 'Eine Buchung des Haushaltsbuchs (Beträge in Cent, unveränderlich).' })
@Entity({ tableName: 'ledger_entry' })
@Index({ properties: ['budgetYear', 'socialAreaId', 'kind'] })
@Index({ properties: ['offerId'] })
@Index({ properties: ['bookedOn'] })
export class LedgerEntry {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  /** User id of the author; null for entries the platform wrote itself (migration). */
  @Property({ type: 'string', length: 200, nullable: true })
  createdBy?: string | null;

  @Field(() => String, { nullable: true, description: 'Wer gebucht hat.' })
  @Property({ type: 'string', length: 200, nullable: true })
  createdByName?: string | null;

  @Field(() => LedgerEntryKind)
  @Enum({ items: () => LedgerEntryKind, nativeEnumName: 'ledger_entry_kind' })
  kind!: LedgerEntryKind;

  /** Signed cents (see the class comment). */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Field(() => Int, { description: 'Haushaltsjahr.' })
  @Property({ type: 'integer' })
  budgetYear!: number;

  @Field(() => String, { description: 'Buchungstag (ISO-Datum), zählt für Monatsauswertungen.' })
  @Property({ type: 'date' })
  bookedOn!: string;

  /** Null: kreisweit (charged to no Sozialraum budget). */
  @Property({ type: 'uuid', nullable: true })
  socialAreaId?: string | null;

  /** The Sozialraum's Regionalteam when the entry was booked. */
  @Property({ type: 'uuid', nullable: true })
  regionalTeamId?: string | null;

  @Field(() => FinancingKind, { nullable: true })
  @Enum({ items: () => FinancingKind, nativeEnumName: 'financing_kind', nullable: true })
  financingKind?: FinancingKind | null;

  @Property({ type: 'uuid', nullable: true })
  offerId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  noticeId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  providerId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  offerCategoryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Auszahlung: Beginn des bezahlten Zeitraums.' })
  @Property({ type: 'date', nullable: true })
  periodFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Auszahlung: Ende des bezahlten Zeitraums.' })
  @Property({ type: 'date', nullable: true })
  periodTo?: string | null;

  /** § 77 payments: the Fachleistungsstunden paid. */
  @Property({ type: 'decimal', precision: 10, scale: 2, nullable: true })
  feeHours?: string | null;

  /** § 77 payments: the hourly rate in cents. */
  @Property({ type: new BigIntType('number'), nullable: true })
  hourlyRate?: number | null;

  @Field(() => String, { nullable: true, description: 'Grund bzw. Vermerk.' })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  /** The entry this one corrects (counter-entry). */
  @ManyToOne(() => LedgerEntry, { nullable: true, deleteRule: 'restrict', updateRule: 'restrict' })
  correctsEntry?: LedgerEntry | null;
}

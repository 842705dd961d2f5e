import { BigIntType, Entity, Enum, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ApplicationState } from '../../../process-logic/index.js';
import { BaseEntity } from '../common/base.entity.js';
import { Provider } from '../master-data/provider.entity.js';
import { CallForInterest } from './call-for-interest.entity.js';

registerEnumType(ApplicationState, {
  name: 'ApplicationState',
  description:
    'DRAFT Entwurf; SUBMITTED eingereicht; CHANGES_REQUESTED Änderungen angefordert; APPROVED bewilligt; ' +
    'REJECTED abgelehnt; WITHDRAWN zurückgezogen.',
});

/** The two Anlagen of an application, by form key. */
export const APPLICATION_FORMS = {
  offerDescription: 'offer-description',
  costCalculation: 'cost-calculation',
} as const;

/**
 * An application (Interessensbekundung) of one Träger for a call for interest: Anlage 1 and Anlage 2 in
 * the versions in force when it was created, as a draft the provider saves on the server; each submit
 * stores an immutable `ApplicationRevision`. The state follows `process-logic`.
 */
@ObjectType({ description: 'Eine Interessensbekundung eines Trägers zu einem Aufruf (Anlage 1 und 2).' })
@Entity({ tableName: 'application' })
@Index({ properties: ['call', 'provider'] })
export class Application extends BaseEntity {
  @ManyToOne(() => CallForInterest, { deleteRule: 'restrict' })
  call!: CallForInterest;

  @ManyToOne(() => Provider, { deleteRule: 'restrict' })
  @Index()
  provider!: Provider;

  @Field(() => ApplicationState)
  @Enum({ items: () => ApplicationState, nativeEnumName: 'application_state' })
  state: ApplicationState & Opt = ApplicationState.DRAFT;

  /** The version of Anlage 1 (`offer-description`) in force when the application was created. */
  @Property({ type: 'uuid' })
  offerDescriptionVersionId!: string;

  /** The version of Anlage 2 (`cost-calculation`) in force when the application was created. */
  @Property({ type: 'uuid' })
  costCalculationVersionId!: string;

  /** The working copy of Anlage 1 (draft; after a submit the recomputed data). */
  @Property({ type: 'json' })
  offerDescriptionData: Record<string, unknown> & Opt = {};

  /** The working copy of Anlage 2. */
  @Property({ type: 'json' })
  costCalculationData: Record<string, unknown> & Opt = {};

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  createdByName!: string;

  @Field(() => Date, { nullable: true, description: 'Wann zuletzt eingereicht wurde.' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  /** The comment of the last change request (content: read with `readData`, see the resolver). */
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
  withdrawnAt?: Date | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

/** One submitted state of an application; never changed after it is written. */
@ObjectType({ description: 'Eine eingereichte Fassung einer Interessensbekundung (unveränderlich).' })
@Entity({ tableName: 'application_revision' })
@Unique({ properties: ['application', 'number'] })
export class ApplicationRevision extends BaseEntity {
  @ManyToOne(() => Application, { deleteRule: 'restrict' })
  application!: Application;

  @Field(() => Int, { description: 'Nummer der Fassung (1, 2, …).' })
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'json' })
  offerDescriptionData!: Record<string, unknown>;

  @Property({ type: 'json' })
  costCalculationData!: Record<string, unknown>;

  /** Anlage 2's requested amount in cents (a typed figure for the reports). */
  @Property({ type: new BigIntType('number') })
  requestedAmount!: number;

  @Field(() => Date, { description: 'Eingereicht am.' })
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => String, { description: 'Eingereicht von.' })
  @Property({ type: 'string', length: 200 })
  submittedByName!: string;
}

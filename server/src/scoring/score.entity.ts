import { Entity, Index, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { Application } from '../applications/application.entity.js';
import { BaseEntity } from '../common/base.entity.js';

/** The form key of the scoring sheet (Anlage 3). */
export const CRITERIA_FORM = 'criteria';

/**
 * The score of one office scorer for one application (Anlage 3): bound to the version of Anlage 3 in
 * force when the scorer started it, saved as a draft; each submit writes an immutable `ScoreRevision`
 * with the weighted score of that version's weights (the latest revision counts). One per scorer and
 * application.
 */
@ObjectType({ description: 'Die Bewertung einer Interessensbekundung nach Anlage 3 durch eine Person.' })
@Entity({ tableName: 'score' })
@Unique({ properties: ['application', 'scorerId'] })
export class Score extends BaseEntity {
  @ManyToOne(() => Application, { deleteRule: 'restrict' })
  @Index()
  application!: Application;

  /** User id of the scorer (only the scorer saves and submits). */
  @Property({ type: 'string', length: 200 })
  scorerId!: string;

  @Field(() => String, { description: 'Wer bewertet.' })
  @Property({ type: 'string', length: 200 })
  scorerName!: string;

  /** The version of Anlage 3 (`criteria`) in force when the score was started. */
  @Property({ type: 'uuid' })
  criteriaVersionId!: string;

  /** The working copy of the scoring sheet (draft; after a submit the recomputed data). */
  @Property({ type: 'json' })
  data: Record<string, unknown> & Opt = {};

  @Field(() => Date, { nullable: true, description: 'Wann zuletzt eingereicht wurde (leer: Entwurf).' })
  @Property({ type: 'datetime', nullable: true })
  submittedAt?: Date | null;

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  updatedAt: Date & Opt = new Date();

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

/** One submitted state of a score; never changed after it is written. */
@ObjectType({ description: 'Eine eingereichte Fassung einer Bewertung (unveränderlich).' })
@Entity({ tableName: 'score_revision' })
@Unique({ properties: ['score', 'number'] })
export class ScoreRevision extends BaseEntity {
  @ManyToOne(() => Score, { deleteRule: 'restrict' })
  score!: Score;

  @Field(() => Int, { description: 'Nummer der Fassung (1, 2, …).' })
  @Property({ type: 'integer' })
  number!: number;

  /** The version of Anlage 3 this revision was validated and weighted with. */
  @Property({ type: 'uuid' })
  criteriaVersionId!: string;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  /** Weighted score in basis points of a percent (0…10000 = 0,00 %…100,00 %), from this version's weights. */
  @Property({ type: 'integer' })
  weightedScoreBasisPoints!: number;

  @Field(() => Date, { description: 'Eingereicht am.' })
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Field(() => String, { description: 'Eingereicht von.' })
  @Property({ type: 'string', length: 200 })
  submittedByName!: string;
}

import { Entity, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/**
 * A body (Gremium) that may have to be involved in the decision on a need (step 5): Kreisweite Angebote,
 * AG nach § 78 SGB VIII, Jugendhilfeausschuss, Fachgremium Sozialraummanagement. Master data: the
 * migration creates these four, the administration adds, renames and deactivates them.
 */
@ObjectType({ description: 'Ein Gremium, das an der Entscheidung über einen Bedarf beteiligt werden kann.' })
@Entity({ tableName: 'body' })
export class Body extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

/** The bodies every installation starts with (the seed's list); the migration inserts them. */
export const INITIAL_BODIES = [
  'Kreisweite Angebote',
  'AG nach § 78 SGB VIII',
  'Jugendhilfeausschuss',
  'Fachgremium Sozialraummanagement',
] as const;

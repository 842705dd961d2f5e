import { Entity, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { RegionalTeam } from './regional-team.entity.js';

/** A Sozialraum: a planning area of the county; budgets, needs, offers and reports are per area. */
@ObjectType({ description: 'Ein Sozialraum des Landkreises.' })
@Entity({ tableName: 'social_area' })
export class SocialArea extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  /** The Regionalteam that decides for this area (each area belongs to at most one). */
  @ManyToOne(() => RegionalTeam, { nullable: true, deleteRule: 'restrict' })
  regionalTeam?: RegionalTeam | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

import { Entity, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/** A Regionalteam: decides how the budget of the Sozialräume of its region is used. */
@ObjectType({ description: 'Ein Regionalteam; es entscheidet für die Sozialräume seiner Region.' })
@Entity({ tableName: 'regional_team' })
export class RegionalTeam extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  /** Inactive teams stay for the records but are no longer offered for new assignments. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  /** Optimistic lock: every change increments it; a change naming an older revision conflicts. */
  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

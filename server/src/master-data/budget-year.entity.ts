import { Entity, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/** A Haushaltsjahr (budget year); budgets, commitments and payments are booked to one. */
@ObjectType({ description: 'Ein Haushaltsjahr.' })
@Entity({ tableName: 'budget_year' })
export class BudgetYear extends BaseEntity {
  @Field(() => Int)
  @Property({ type: 'integer', unique: true })
  year!: number;

  /** First day, as an ISO date (`2027-01-01`). */
  @Field(() => String)
  @Property({ type: 'date' })
  startsOn!: string;

  /** Last day, as an ISO date. */
  @Field(() => String)
  @Property({ type: 'date' })
  endsOn!: string;

  /** A closed year takes no new commitments. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  closed: boolean & Opt = false;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

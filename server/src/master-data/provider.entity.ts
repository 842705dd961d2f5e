import { Entity, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';

/** A freier Träger: an independent provider organisation whose staff apply for and run offers. */
@ObjectType({ description: 'Ein freier Träger.' })
@Entity({ tableName: 'provider' })
export class Provider extends BaseEntity {
  @Field(() => String)
  @Property({ type: 'string', length: 200, unique: true })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  street?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  postalCode?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 100, nullable: true })
  city?: string | null;

  /** The organisation's contact for the office (a role or a person, as the provider chooses). */
  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 200, nullable: true })
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 320, nullable: true })
  contactEmail?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 50, nullable: true })
  contactPhone?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

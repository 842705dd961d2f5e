import { randomUUID } from 'node:crypto';
import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** What every stored record has: a UUID, when it was created and by whom. */
@ObjectType({ description: 'Gemeinsame Felder gespeicherter Datensätze.' })
@Entity({ abstract: true })
export abstract class BaseEntity {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  @Field(() => Date)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  /** User id of the author. */
  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  createdBy!: string;
}

import { Entity, Enum, type Opt, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Role } from '../common/context.js';

/** A form (for example Anlage 2 – Kalkulationsbogen), identified by its key; its content lives in versions. */
@ObjectType({ description: 'Ein Formular; sein Inhalt steht in Versionen.' })
@Entity({ tableName: 'form' })
export class Form {
  [PrimaryKeyProp]?: 'key';

  /** Stable key such as `cost-calculation` (see GLOSSARY.md). */
  @Field(() => String)
  @PrimaryKey({ type: 'string', length: 100 })
  key!: string;

  /** Title of the version in force, kept here for lists. */
  @Field(() => String)
  @Property({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  /**
   * Roles whose holders may submit this form (for example `PROVIDER` for Anlage 1 and 2, `TEAM_LEAD` for
   * the scoring sheet). Set from the definition file; empty: nobody.
   */
  @Field(() => [Role])
  @Enum({ items: () => Role, type: 'string[]', array: true, nativeEnumName: 'role', default: [] })
  submitterRoles: Role[] & Opt = [];

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();
}

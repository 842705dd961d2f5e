import { Collection, Entity, Enum, ManyToMany, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../common/base.entity.js';
import { Role } from '../common/context.js';
import { Provider } from '../master-data/provider.entity.js';
import { RegionalTeam } from '../master-data/regional-team.entity.js';
import { SocialArea } from '../master-data/social-area.entity.js';

/**
 * A person who signs in (Fachkraft). A user holds one or more roles; the scoped roles take their scope
 * from here: `TEAM_LEAD` its Sozialräume, `REGIONAL_TEAM` its Regionalteam, `PROVIDER` its Träger.
 */
@ObjectType({ description: 'Eine Person, die sich anmeldet.' })
@Entity({ tableName: 'app_user' })
export class User extends BaseEntity {
  /** Stored in lower case; the sign-in name. */
  @Field(() => String)
  @Property({ type: 'string', length: 320, unique: true })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  @Field(() => [Role])
  @Enum({ items: () => Role, type: 'string[]', array: true, nativeEnumName: 'role' })
  roles!: Role[];

  /** argon2id hash; null until a password is set. Never leaves the server. */
  @Property({ type: 'text', nullable: true, lazy: true })
  passwordHash?: string | null;

  /** Set when an administrator gave an initial password: the user must choose a new one first. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  mustChangePassword: boolean & Opt = false;

  /** A deactivated user cannot sign in, and its sessions end. */
  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean & Opt = true;

  /** Scope of `PROVIDER`: the Träger whose data this user sees. */
  @ManyToOne(() => Provider, { nullable: true, deleteRule: 'restrict' })
  provider?: Provider | null;

  /** Scope of `REGIONAL_TEAM`. */
  @ManyToOne(() => RegionalTeam, { nullable: true, deleteRule: 'restrict' })
  regionalTeam?: RegionalTeam | null;

  /** Scope of `TEAM_LEAD`: the Sozialräume whose teams this user leads. */
  @ManyToMany(() => SocialArea, undefined, { pivotTable: 'user_social_area', owner: true })
  socialAreas = new Collection<SocialArea>(this);

  @Property({ type: 'datetime', nullable: true })
  passwordChangedAt?: Date | null;

  @Field(() => Int)
  @Property({ type: 'integer', version: true })
  revision!: number & Opt;
}

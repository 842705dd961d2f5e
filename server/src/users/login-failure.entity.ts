import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One failed sign-in, kept for throttling (per account and per address) in all app processes. The account
 * is stored as a hash of the e-mail address as typed, so unknown addresses leave no readable trace.
 */
@Entity({ tableName: 'login_failure' })
@Index({ properties: ['accountKey', 'failedAt'] })
@Index({ properties: ['address', 'failedAt'] })
export class LoginFailure {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string & Opt;

  /** sha256 (hex) of the lower-cased e-mail address tried. */
  @Property({ type: 'string', length: 64 })
  accountKey!: string;

  /** The client address the attempt came from. */
  @Property({ type: 'string', length: 100 })
  address!: string;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  failedAt: Date & Opt = new Date();
}

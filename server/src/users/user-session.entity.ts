import { Entity, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from './user.entity.js';

/**
 * A signed-in session, shared by all app processes. The cookie holds a random token; only its sha256
 * is stored, so a copy of the table signs nobody in. A session ends when it is idle too long, at its
 * absolute expiry, at logout, or when its user is deactivated.
 */
@Entity({ tableName: 'user_session' })
export class UserSession {
  @PrimaryKey({ type: 'uuid' })
  id: string & Opt = randomUUID();

  /** sha256 (hex) of the cookie's token. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { deleteRule: 'cascade' })
  @Index()
  user!: User;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date & Opt = new Date();

  /** Last request seen (written at most about once a minute); the idle expiry counts from here. */
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  lastSeenAt: Date & Opt = new Date();

  /** Absolute expiry, fixed at sign-in. */
  @Property({ type: 'datetime' })
  expiresAt!: Date;
}

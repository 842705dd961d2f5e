import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../common/context.js';
import { type ListenerLog, NotificationListener } from '../database/notification-listener.js';
import type { SessionCaller } from './resolve-caller.js';

/** The cookie that carries the session token. */
export const SESSION_COOKIE = 'sr_session';

/** The PostgreSQL channel on which a user's sessions or scopes changed (payload: the user id). */
export const SESSION_CHANNEL = 'user_session';

export interface SessionSettings {
  /** A session not used for this long ends (SESSION_IDLE_MINUTES). */
  idleMinutes: number;
  /** A session ends this long after sign-in, however busy (SESSION_MAX_HOURS). */
  maxHours: number;
  /** How long a resolved session is served from memory (default 5 s); changes end it earlier. */
  cacheMs?: number;
}

/** Tokens are 32 random bytes in base64url; anything else is not looked up. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** last_seen_at is written at most this often per session. */
const LAST_SEEN_RESOLUTION_SECONDS = 60;
const DEFAULT_CACHE_MS = 5_000;
const MAX_CACHED_SESSIONS = 10_000;

/** sha256 (hex) of a session token: the only form in which a token is stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

interface SessionRow {
  sessionId: string;
  userId: string;
  displayName: string;
  roles: Role[];
  providerId: string | null;
  regionalTeamId: string | null;
  socialAreaIds: string[];
  mustChangePassword: boolean;
}

interface Cached {
  caller: SessionCaller;
  checkedAt: number;
}

/** Anything that runs SQL with `?` placeholders: a command (`cmd.sql`) or an entity manager's execute. */
type Sql = <T = Record<string, unknown>>(query: string, params?: readonly unknown[]) => Promise<T[]>;

/**
 * Sessions in PostgreSQL, shared by all app processes, with a small in-process cache of resolved
 * sessions: every request resolves its caller, and most are answered from memory. The cache holds an
 * entry for a few seconds at most, and every app process drops a user's entries as soon as a command
 * announces on SESSION_CHANNEL that the user's sessions ended or the user changed (deactivated, roles,
 * scopes, password); while the listening connection is down nothing is cached.
 */
export class SessionStore {
  private readonly cache = new Map<string, Cached>();
  private generation = 0;
  private readonly listener: NotificationListener;

  constructor(
    private readonly em: EntityManager,
    log: ListenerLog,
    readonly settings: SessionSettings,
  ) {
    this.listener = new NotificationListener(
      em,
      SESSION_CHANNEL,
      {
        onNotification: (userId) => (userId ? this.forgetUser(userId) : this.forgetAll()),
        onLiveChange: () => this.forgetAll(),
      },
      log,
      'Sitzungen: Verbindung für Änderungsmeldungen verloren, lese jede Sitzung aus der Datenbank',
    );
  }

  /** Starts listening for changes; until then (and without `start`) every lookup goes to the database. */
  async start(): Promise<void> {
    await this.listener.start();
  }

  async close(): Promise<void> {
    await this.listener.close();
    this.forgetAll();
  }

  private get live(): boolean {
    return this.listener.live;
  }

  /** The caller of the session whose cookie holds `token`, or null when there is no such live session. */
  async callerOf(token: string): Promise<SessionCaller | null> {
    if (!TOKEN_PATTERN.test(token)) return null;
    const hash = tokenHash(token);
    const cached = this.cache.get(hash);
    if (cached && this.live && Date.now() - cached.checkedAt < (this.settings.cacheMs ?? DEFAULT_CACHE_MS)) {
      return cached.caller;
    }
    const generation = this.generation;
    const caller = await this.load(hash);
    this.cache.delete(hash);
    // A change announced while loading may concern this session: then the answer is not kept.
    if (caller && this.live && generation === this.generation) {
      if (this.cache.size >= MAX_CACHED_SESSIONS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(hash, { caller, checkedAt: Date.now() });
    }
    return caller;
  }

  /**
   * Starts a new session for `userId` inside the sign-in command and returns its token (for the cookie).
   * The session the request came with, if any, ends: a token known before sign-in never becomes valid
   * (no session fixation). Expired sessions are removed on the way.
   */
  async create(sql: Sql, userId: string, previousToken: string | null): Promise<string> {
    if (previousToken) {
      await sql(
        `with "gone" as (delete from "user_session" where "token_hash" = ? returning "user_id")
         select pg_notify(?, "user_id"::text) from "gone"`,
        [tokenHash(previousToken), SESSION_CHANNEL],
      );
    }
    // Ended sessions of anyone are removed here, so the table holds little more than the live ones.
    await sql(
      `delete from "user_session"
        where "expires_at" <= now() or "last_seen_at" <= now() - make_interval(mins => ?)`,
      [this.settings.idleMinutes],
    );
    const token = randomBytes(32).toString('base64url');
    await sql(
      `insert into "user_session" ("id", "token_hash", "user_id", "expires_at")
       values (gen_random_uuid(), ?, ?, now() + make_interval(hours => ?))`,
      [tokenHash(token), userId, this.settings.maxHours],
    );
    return token;
  }

  /** Ends one session (sign-out), inside a command; every app process forgets it once the command commits. */
  async end(sql: Sql, sessionId: string, userId: string): Promise<void> {
    await sql('delete from "user_session" where "id" = ?', [sessionId]);
    await announceUserChange(sql, userId);
  }

  /** Ends every session of a user (deactivated, password reset), or all but `exceptSessionId`. */
  async endAll(sql: Sql, userId: string, exceptSessionId?: string): Promise<void> {
    await sql(
      exceptSessionId
        ? 'delete from "user_session" where "user_id" = ? and "id" <> ?'
        : 'delete from "user_session" where "user_id" = ?',
      exceptSessionId ? [userId, exceptSessionId] : [userId],
    );
    await announceUserChange(sql, userId);
  }

  /**
   * Forgets what this process holds about a user's sessions at once, after a command of this process
   * changed them (the notification from PostgreSQL reaches the other processes, and this one, a moment later).
   */
  forgetUser(userId: string): void {
    this.generation += 1;
    for (const [hash, entry] of this.cache) {
      if (entry.caller.userId === userId) this.cache.delete(hash);
    }
  }

  /** Forgets the session of `token` in this process (the sign-in that replaced it committed). */
  forgetToken(token: string): void {
    this.generation += 1;
    this.cache.delete(tokenHash(token));
  }

  private forgetAll(): void {
    this.generation += 1;
    this.cache.clear();
  }

  /** Looks the session up and, at most once a minute, notes that it was used (same statement). */
  private async load(hash: string): Promise<SessionCaller | null> {
    const rows = await this.em.getConnection().execute<SessionRow[]>(
      `with "found" as (
         select s."id" as "sessionId", u."id" as "userId", u."display_name" as "displayName",
                u."roles"::text[] as "roles", u."provider_id" as "providerId",
                u."regional_team_id" as "regionalTeamId", u."must_change_password" as "mustChangePassword",
                array(select usa."social_area_id"::text from "user_social_area" usa
                       where usa."user_id" = u."id" order by 1) as "socialAreaIds",
                s."last_seen_at" < now() - make_interval(secs => ?) as "stale"
           from "user_session" s join "app_user" u on u."id" = s."user_id"
          where s."token_hash" = ? and u."active"
            and s."expires_at" > now() and s."last_seen_at" > now() - make_interval(mins => ?)
       ), "touched" as (
         update "user_session" set "last_seen_at" = now()
          where "id" in (select "sessionId" from "found" where "stale")
       )
       select * from "found"`,
      [LAST_SEEN_RESOLUTION_SECONDS, hash, this.settings.idleMinutes],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      userId: row.userId,
      displayName: row.displayName,
      roles: row.roles,
      ...(row.providerId ? { providerId: row.providerId } : {}),
      ...(row.regionalTeamId ? { regionalTeamId: row.regionalTeamId } : {}),
      socialAreaIds: row.socialAreaIds,
      sessionId: row.sessionId,
      mustChangePassword: row.mustChangePassword,
    };
  }
}

/**
 * Announces, inside a command's transaction, that a user's sessions or the user (active, roles, scopes,
 * password) changed. PostgreSQL delivers it to every app process when the transaction commits.
 */
export async function announceUserChange(sql: Sql, userId: string): Promise<void> {
  await sql('select pg_notify(?, ?)', [SESSION_CHANNEL, userId]);
}

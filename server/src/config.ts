import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblem } from './users/passwords.js';
import {
  DEFAULT_NOTICE_LEGAL_REMEDY,
  DEFAULT_NOTICE_LETTERHEAD,
  DEFAULT_NOTICE_NUMBER_PATTERN,
  noticeNumberPatternProblem,
} from './notices/notice-settings.js';

/**
 * Every environment variable the platform reads, validated in one place.
 * `.env.example` lists the same variables with their defaults.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'erwartet true oder false' })
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const port = z.coerce
  .number({ message: 'erwartet eine Zahl' })
  .int('erwartet eine ganze Zahl')
  .min(1, 'erwartet einen Port zwischen 1 und 65535')
  .max(65535, 'erwartet einen Port zwischen 1 und 65535');

const configSchema = z.object({
  /**
   * Number of a notice (Bescheid): `{YYYY}` the year of the notice date, `{NNNN}` the running number in that
   * year (as many digits as N), e.g. `SRB-{YYYY}-{NNNN}` → SRB-2026-0001.
   */
  NOTICE_NUMBER_PATTERN: z
    .string()
    .refine((value) => noticeNumberPatternProblem(value) === null, {
      message: 'erwartet {YYYY} und genau einmal {N…}, z. B. SRB-{YYYY}-{NNNN}',
    })
    .default(DEFAULT_NOTICE_NUMBER_PATTERN),
  /** Letterhead of the notice letter, lines separated by `|`. */
  NOTICE_LETTERHEAD: z.string().min(1).max(2000).default(DEFAULT_NOTICE_LETTERHEAD),
  /** The Rechtsbehelfsbelehrung printed on every notice letter. */
  NOTICE_LEGAL_REMEDY: z.string().min(1).max(5000).default(DEFAULT_NOTICE_LEGAL_REMEDY),
  /** `production` hides error details from clients and serves the built web app. */
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** HTTP port for GraphQL (/graphql) and the web app (/). */
  PORT: port.default(4000),
  /** Interface to listen on; `0.0.0.0` in containers. */
  HOST: z.string().min(1).default('localhost'),
  /** A PostgreSQL connection URL; when unset an embedded PostgreSQL is started under DATA_DIR. */
  DATABASE_URL: z
    .url({ message: 'erwartet eine URL wie postgres://user:passwort@host:5432/datenbank' })
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'erwartet eine postgres:// URL')
    .optional(),
  /**
   * With DATABASE_URL: the owner role that runs the migrations and grants the DATABASE_URL role row access,
   * so the app itself serves requests as a role that cannot alter tables or disable triggers.
   */
  MIGRATION_DATABASE_URL: z
    .url({ message: 'erwartet eine URL wie postgres://eigentuemer:passwort@host:5432/datenbank' })
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'erwartet eine postgres:// URL')
    .optional(),
  /**
   * Where the reports read (a pool of their own, always in read-only transactions), e.g. a read replica,
   * so the reporting load can leave the primary. Default: the main database.
   */
  REPORTS_DATABASE_URL: z
    .url({ message: 'erwartet eine URL wie postgres://leser:passwort@replikat:5432/datenbank' })
    .refine((value) => /^postgres(ql)?:\/\//.test(value), 'erwartet eine postgres:// URL')
    .optional(),
  /** Folder with one JSON file per report definition (dashboards in its `dashboards/`), loaded at start. */
  REPORTS_DIR: z.string().min(1).default('reports'),
  /** Where the embedded PostgreSQL keeps its files (survives restarts). */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Port of the embedded PostgreSQL (only used without DATABASE_URL). */
  EMBEDDED_DB_PORT: port.default(54329),
  /**
   * Demo mode: demo master data (the towns of the Landkreis Verden as Sozialräume, Regionalteams, Träger,
   * offer categories, budget years), one demo user per role with a published password (printed at every
   * start) and demo submissions. Default: on with the embedded database, off with DATABASE_URL; in
   * production only when set to true explicitly.
   */
  DEMO_DATA: booleanFlag.optional(),
  /** Earlier name of DEMO_DATA, still read when DEMO_DATA is not set. */
  SEED_DEMO_DATA: booleanFlag.optional(),
  /**
   * With ADMIN_PASSWORD: when no active administrator exists at start, one is created with this e-mail
   * address (idempotent; nothing happens while an administrator exists).
   */
  ADMIN_EMAIL: z.email({ message: 'erwartet eine E-Mail-Adresse' }).max(320).optional(),
  /** The first administrator's password (12 to 128 characters); change it after the first sign-in. */
  ADMIN_PASSWORD: z
    .string()
    .refine((value) => passwordProblem(value) === null, {
      message: `erwartet ${PASSWORD_MIN_LENGTH} bis ${PASSWORD_MAX_LENGTH} Zeichen`,
    })
    .optional(),
  /** A session not used for this many minutes ends. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  /** A session ends this many hours after sign-in, however busy. */
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(10),
  /**
   * The platform runs behind a reverse proxy that sets X-Forwarded-For and X-Forwarded-Proto: the client
   * address (sign-in throttling) and HTTPS (Secure cookie) are taken from there. Only behind such a proxy.
   */
  TRUST_PROXY: booleanFlag.default(false),
  /** Folder with one JSON file per form definition, loaded at start. */
  FORM_DEFINITIONS_DIR: z.string().min(1).default('form-definitions'),
  /** Folder with the built web app (npm run build:web). */
  WEB_ROOT: z.string().min(1).default('dist/web'),
  /** Largest accepted request body in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  /** pino log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Host names (comma-separated, optionally with :port) that requests may address; anything else is refused,
   * so a DNS-rebinding page cannot drive a local server. `*` allows every name (behind a proxy that checks).
   */
  ALLOWED_HOSTS: z
    .string()
    .min(1)
    .default('localhost,127.0.0.1,[::1]')
    .transform((value) =>
      value
        .split(',')
        .map((host) => host.trim().toLowerCase())
        .filter(Boolean),
    ),
  /** Serve the web app's source maps (`*.map`); off in production unless set. */
  SERVE_SOURCE_MAPS: booleanFlag.optional(),
  /** How long a stop waits for in-flight requests before closing the database pool. */
  SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /** Largest number of database connections per app process. */
  DB_POOL_MAX: z.coerce.number().int().min(2).max(200).default(10),
  /** A request waiting longer than this for a free database connection gets SERVICE_UNAVAILABLE. */
  DB_ACQUIRE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** PostgreSQL cancels any statement running longer than this (statement_timeout). */
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  /** Lock waits longer than this end the command with CONFLICT (lock_timeout). */
  DB_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  /** Platform default for the number of items in one array of submitted data (a form can set its own). */
  MAX_ARRAY_ITEMS: z.coerce.number().int().min(1).max(100_000).default(1_000),
  /** Time budget for all derived-field calculations of one request. */
  DERIVE_BUDGET_MS: z.coerce.number().int().min(50).max(60_000).default(2_000),
  /**
   * Worker threads that compute derived fields and validate submissions off the event loop; by default one
   * core is left to the thread that serves requests.
   */
  FORM_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(Math.max(1, availableParallelism() - 1)),
  /**
   * The SMTP server for e-mail notifications, e.g. smtp://benutzer:passwort@mail.example.org:587 (smtps:// for
   * TLS from the start). Without it no e-mail is sent and the notification dispatcher does not run.
   */
  SMTP_URL: z
    .url({ message: 'erwartet eine URL wie smtp://benutzer:passwort@mail.example.org:587' })
    .refine((value) => /^smtps?:\/\//.test(value), 'erwartet eine smtp:// oder smtps:// URL')
    .optional(),
  /** Sender of the notifications, e.g. `Sozialraum-Plattform <noreply@landkreis-verden.de>`. */
  MAIL_FROM: z
    .string()
    .min(3, 'erwartet einen Absender wie Sozialraum-Plattform <noreply@example.org>')
    .max(320)
    .refine(
      (value) => /^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/.test(value.trim()),
      'erwartet eine E-Mail-Adresse, gern mit Namen: Sozialraum-Plattform <noreply@example.org>',
    )
    .optional(),
  /** The address users open the platform at, for the links in notifications (e.g. https://sozialraum.example.org). */
  PUBLIC_URL: z
    .url({ message: 'erwartet eine URL wie https://sozialraum.example.org' })
    .refine((value) => /^https?:\/\//.test(value), 'erwartet eine http:// oder https:// URL')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
});

/** Combinations that are each valid but must not go together. */
const checkedConfigSchema = configSchema
  .superRefine((config, context) => {
    if (!config.ADMIN_EMAIL !== !config.ADMIN_PASSWORD) {
      context.addIssue({
        code: 'custom',
        path: [config.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL'],
        message: 'ADMIN_EMAIL und ADMIN_PASSWORD werden nur zusammen verwendet',
      });
    }
    if (config.SMTP_URL && !config.MAIL_FROM) {
      context.addIssue({
        code: 'custom',
        path: ['MAIL_FROM'],
        message: 'mit SMTP_URL wird ein Absender gebraucht (MAIL_FROM)',
      });
    }
    if (config.SMTP_URL && !config.PUBLIC_URL) {
      context.addIssue({
        code: 'custom',
        path: ['PUBLIC_URL'],
        message: 'mit SMTP_URL wird die Adresse der Plattform für die Links gebraucht (PUBLIC_URL)',
      });
    }
  })
  .transform(({ SEED_DEMO_DATA, DEMO_DATA, ...config }) => ({
    ...config,
    // Production loads demo data (users with published passwords) only when asked for explicitly.
    DEMO_DATA:
      DEMO_DATA ?? SEED_DEMO_DATA ?? (config.NODE_ENV !== 'production' && config.DATABASE_URL === undefined),
  }));

export type Config = z.output<typeof checkedConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Reads the configuration from `env`. Empty strings count as unset, so `PORT=` in a .env file falls back to the default.
 * @throws ConfigError naming every variable with a bad value.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .map((name) => [name, env[name]])
      .filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = checkedConfigSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

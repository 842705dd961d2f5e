import { z } from 'zod';

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
  /** Where the embedded PostgreSQL keeps its files (survives restarts). */
  DATA_DIR: z.string().min(1).default('.data'),
  /** Port of the embedded PostgreSQL (only used without DATABASE_URL). */
  EMBEDDED_DB_PORT: port.default(54329),
  /** Load the demo submissions (sample data of each form) at start. */
  SEED_DEMO_DATA: booleanFlag.default(true),
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
});

export type Config = z.infer<typeof configSchema>;

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
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ungültige Konfiguration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

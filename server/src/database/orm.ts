import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { BaseEntity } from '../common/base.entity.js';
import { Form } from '../forms/form.entity.js';
import { FormVersion } from '../forms/form-version.entity.js';
import { migrationsList } from '../migrations/index.js';
import { Submission } from '../submissions/submission.entity.js';

export const entities = [BaseEntity, Form, FormVersion, Submission];

/** MikroORM options for a database URL; migrations are listed explicitly so compiled and test runs agree. */
export function ormConfig(clientUrl: string, overrides: Partial<Options> = {}) {
  return defineConfig({
    clientUrl,
    entities,
    extensions: [Migrator],
    migrations: {
      migrationsList,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    discovery: { warnWhenNoEntities: true },
    forceUtcTimezone: true,
    pool: { min: 0, max: 10 },
    debug: false,
    ...overrides,
  });
}

/** Connects and brings the schema up to date by running the committed migrations. */
export async function openDatabase(clientUrl: string, overrides: Partial<Options> = {}) {
  const orm = await MikroORM.init(ormConfig(clientUrl, overrides));
  await orm.getMigrator().up();
  return orm;
}

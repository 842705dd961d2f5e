import { randomUUID } from 'node:crypto';
import type { TestApi } from './test-api.js';

/** Runs SQL on the test file's database (as its owner), e.g. to count rows before and after a refusal. */
export function sqlIn<T = Record<string, any>>(
  api: TestApi,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  return api.orm.em.getConnection().execute(text, params);
}

/** Inserts a row with a new id (created by `test`) straight into `table`, for test worlds; returns the id. */
export async function insertRow(
  api: TestApi,
  table: string,
  values: Record<string, unknown>,
): Promise<string> {
  const id = randomUUID();
  const columns = Object.keys(values);
  await sqlIn(
    api,
    `insert into "${table}" ("id", "created_by", ${columns.map((c) => `"${c}"`).join(', ')})
     values (?, 'test', ${columns.map(() => '?').join(', ')})`,
    [id, ...Object.values(values)],
  );
  return id;
}

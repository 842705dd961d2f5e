import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Command } from '../common/command.js';
import { Conflict, NotFound } from '../common/errors.js';

/** Fields of a record as the audit trail shows them: only the ones that changed, before and after. */
export interface FieldChanges {
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

/**
 * Sets each given field (undefined: left alone) on `record` and returns the fields whose value changed,
 * before and after. Text is trimmed; empty optional text is stored as null.
 */
export function applyChanges<T extends object>(record: T, changes: { [K in keyof T]?: T[K] }): FieldChanges {
  const result: FieldChanges = { before: {}, after: {} };
  for (const [key, raw] of Object.entries(changes)) {
    if (raw === undefined) continue;
    const value = typeof raw === 'string' ? raw.trim() || null : raw;
    const current = (record as Record<string, unknown>)[key] ?? null;
    if (current === value) continue;
    result.before[key] = current;
    result.after[key] = value;
    (record as Record<string, unknown>)[key] = value;
  }
  return result;
}

/** Adds one more changed field (such as a relation shown by its id) to `changes`. */
export function addChange(changes: FieldChanges, key: string, before: unknown, after: unknown): void {
  if ((before ?? null) === (after ?? null)) return;
  changes.before[key] = before ?? null;
  changes.after[key] = after ?? null;
}

/**
 * Loads a record for a command by id, or ends with NOT_FOUND. `scope` narrows what the caller may find,
 * so records outside it are not found rather than forbidden (their ids do not leak).
 */
export async function loadForChange<T extends object>(
  cmd: Command,
  entity: new () => T,
  id: string,
  label: string,
  scope: object = {},
): Promise<T> {
  const record = await cmd.tx.findOne(entity, { $and: [{ id }, scope] } as never);
  if (!record) throw NotFound(label);
  return record as T;
}

/**
 * The change must be based on the record's current revision; otherwise the command ends with
 * CONFLICT/STALE_REVISION (the runner maps the optimistic lock error). Call it after the policy check,
 * so a caller who may not change the record learns nothing about its revision.
 */
export async function assertRevision(cmd: Command, record: object, expectedRevision: number): Promise<void> {
  await cmd.tx.lock(record, LockMode.OPTIMISTIC, expectedRevision);
}

/**
 * Ends the command with CONFLICT/NAME_TAKEN when another record of `table` already has `column` = `value`
 * (names compared without regard to case, so "Achim" and "achim" do not both exist).
 */
export async function assertUnique(
  cmd: Command,
  table: string,
  column: string,
  value: string | number,
  exceptId: string | null,
  message: string,
): Promise<void> {
  const comparison = typeof value === 'string' ? `lower("${column}") = lower(?)` : `"${column}" = ?`;
  const rows = await cmd.sql(
    `select 1 from "${table}" where ${comparison} and "id" <> coalesce(?::uuid, '00000000-0000-0000-0000-000000000000')`,
    [value, exceptId],
  );
  if (rows.length > 0) throw Conflict(message, { reason: 'NAME_TAKEN' });
}

/**
 * Flushes the command's changes; a unique violation (another command took the same name in between)
 * becomes the same CONFLICT/NAME_TAKEN as the check before.
 */
export async function flushUnique(cmd: Command, message: string): Promise<void> {
  try {
    await cmd.tx.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException)
      throw Conflict(message, { reason: 'NAME_TAKEN' });
    throw error;
  }
}

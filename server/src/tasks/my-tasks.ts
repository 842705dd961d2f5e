import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../common/context.js';
import { TASK_SOURCES, type TaskSource } from './task-sources.js';
import type { Task, TaskKind, TaskList } from './task.types.js';

/** Overdue first, then by due date (none last), then the longest waiting. */
export function compareTasks(a: Task, b: Task): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const dueA = a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const dueB = b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (a.since.getTime() !== b.since.getTime()) return a.since.getTime() - b.since.getTime();
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The sources for the caller's roles, each with the caller reduced to the roles that source is for. */
function sourcesFor(
  caller: Caller,
  kinds: readonly TaskKind[] | null,
): { source: TaskSource; caller: Caller }[] {
  return TASK_SOURCES.flatMap((source) => {
    if (kinds && !kinds.includes(source.kind)) return [];
    const roles = caller.roles.filter((role) => source.roles.includes(role));
    return roles.length > 0 ? [{ source, caller: { ...caller, roles } }] : [];
  });
}

/**
 * What waits for `caller` ("Meine Aufgaben"): every source for its roles (of `kinds`, when given), each
 * through the feature's read filter; the `limit` most urgent, and how many there are in all. Each source returns its own most urgent
 * `limit`, so merging them gives the overall most urgent.
 */
export async function findMyTasks(
  em: EntityManager,
  caller: Caller,
  limit: number,
  kinds: readonly TaskKind[] | null = null,
  now = new Date(),
): Promise<TaskList> {
  let totalCount = 0;
  const found = new Map<string, Task>();
  // One after another: the request's EntityManager is not for concurrent queries.
  for (const { source, caller: reduced } of sourcesFor(caller, kinds)) {
    const { total, tasks } = await source.find({ em, caller: reduced, now, limit });
    totalCount += total;
    for (const item of tasks) found.set(item.id, item);
  }
  return { totalCount, tasks: [...found.values()].sort(compareTasks).slice(0, limit) };
}

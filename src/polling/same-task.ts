/**
 * Keeps what did not change. An identical poll must cause no re-render and no
 * `import-progress`, and a poll whose counters moved but whose failed records did not must
 * let the failure view see the same list (by identity) and skip regrouping and resorting.
 */
import type { ImportErrorItem, ImportTask } from '../api/types.js';

const SCALAR_KEYS = [
  'task_id', 'status', 'total_count', 'success_count', 'error_count',
  'created_at', 'updated_at', 'zone_id', 'zone_type', 'language',
] as const satisfies readonly Exclude<keyof ImportTask, 'error_items'>[];

const ITEM_SCALAR_KEYS = [
  'name', 'type', 'line', 'ttl', 'weight', 'error_code', 'error_message',
] as const satisfies readonly Exclude<keyof ImportErrorItem, 'value'>[];

/** Two lists of the same length whose entries are pairwise `same` (dense lists: the normalizer makes no holes). */
function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  return a === b || (a.length === b.length && a.every((entry, index) => same(entry, b[index]!)));
}

const sameItem = (a: ImportErrorItem, b: ImportErrorItem): boolean =>
  ITEM_SCALAR_KEYS.every((key) => a[key] === b[key]) && sameList(a.value, b.value, (x, y) => x === y);

export const sameErrorItems = (a: readonly ImportErrorItem[], b: readonly ImportErrorItem[]): boolean => sameList(a, b, sameItem);

const sameScalars = (a: ImportTask, b: ImportTask): boolean => SCALAR_KEYS.every((key) => a[key] === b[key]);

export function sameTask(a: ImportTask | null | undefined, b: ImportTask | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return sameScalars(a, b) && sameErrorItems(a.error_items, b.error_items);
}

/**
 * The task to keep after a poll: `previous` itself when nothing changed; otherwise `next`,
 * carrying `previous.error_items` when the failed records are the same.
 */
export function reuseUnchanged(previous: ImportTask | null | undefined, next: ImportTask | null): ImportTask | null {
  if (!previous || !next || !sameErrorItems(previous.error_items, next.error_items)) return next;
  return sameScalars(previous, next) ? previous : Object.freeze({ ...next, error_items: previous.error_items });
}

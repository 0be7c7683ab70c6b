/**
 * Keeps what did not change. An identical poll must cause no re-render and no
 * `import-progress`, and a poll whose counters moved but whose failed records did not must
 * let the failed-record list see the same list (by identity) and skip regrouping and resorting.
 */
import { readsAs } from '../api/normalize-import-task.js';
import type { ImportErrorItem, ImportTask } from '../api/types.js';

const SCALAR_KEYS = [
  'task_id', 'status', 'total_count', 'success_count', 'error_count',
  'created_at', 'updated_at', 'zone_id', 'zone_type', 'language',
] as const satisfies readonly Exclude<keyof ImportTask, 'error_items'>[];

function sameErrorItems(a: readonly ImportErrorItem[], b: readonly ImportErrorItem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  // The same record object first: the normalizer keeps the records shown that an answer sends
  // again. Else a normalized record is compared as the normalizer compares an answer's with the
  // shown ones: one notion of the same record.
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !readsAs(a[i], b[i]!)) return false;
  return true;
}

const sameScalars = (a: ImportTask, b: ImportTask): boolean => SCALAR_KEYS.every((key) => a[key] === b[key]);

/** Whether two tasks as the normalizer makes them say the same thing. */
export function sameTask(a: ImportTask | null | undefined, b: ImportTask | null | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return sameScalars(a, b) && sameErrorItems(a.error_items, b.error_items);
}

/**
 * The task to keep after a poll: `previous` itself when nothing changed; otherwise `next`,
 * carrying `previous.error_items` when the failed records are the same. Records the normalizer
 * kept from `previous` (normalize-in-slices.ts) compare by identity: then this is one pass of
 * pointer comparisons, short enough to run at once at 100,000 records.
 */
export function reuseUnchanged(previous: ImportTask | null | undefined, next: ImportTask | null): ImportTask | null {
  if (!previous || !next || !sameErrorItems(previous.error_items, next.error_items)) return next;
  if (sameScalars(previous, next)) return previous;
  return next.error_items === previous.error_items ? next : Object.freeze({ ...next, error_items: previous.error_items });
}

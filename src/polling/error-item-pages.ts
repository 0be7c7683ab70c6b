/**
 * A batch-create task pages its failed records (`error_item_limit`: 2,000 by default, and a
 * server may send fewer). When a DONE task's answer holds fewer records than its `error_count`,
 * the rest is fetched from `error_item_offset`, once per task, so that the task shown and
 * exported holds every record. Pages are told apart by content: a page that repeats or overlaps
 * what is held adds only what is new. A page that fails, or brings nothing new, ends the
 * reading: the task keeps what was read, and the element says how many are not listed.
 */
import type { ImportErrorItem, ImportTask } from '../api/types.js';

/** The largest `error_item_offset` the API takes (a task holds at most 2,000 record sets). */
export const MAX_ERROR_ITEM_OFFSET = 2000;

/** Two normalized records with the same key say the same thing (their fields are built in one order). */
const itemKey = (item: ImportErrorItem) => JSON.stringify(item);

/**
 * `task` with the rest of its failed records, fetched through `fetchPage`; `task` itself when it
 * is not finished or already whole, and `shown` when that is the same finished task (read once).
 */
export async function withEveryErrorItem(
  task: ImportTask | null,
  shown: ImportTask | null | undefined,
  fetchPage: (offset: number) => Promise<ImportTask | null>,
): Promise<ImportTask | null> {
  if (task?.status !== 'DONE' || task.error_items.length >= task.error_count) return task;
  if (shown?.task_id === task.task_id && shown.status === 'DONE') return shown;
  const items = [...task.error_items];
  const held = new Set(items.map(itemKey));
  let offset = items.length;
  try {
    while (items.length < task.error_count && offset <= MAX_ERROR_ITEM_OFFSET) {
      const page = await fetchPage(offset);
      // Another task took this one's place meanwhile: the next poll shows it.
      if (page?.task_id !== task.task_id) break;
      // A record already held from an earlier page is that page again (a server that ignores the
      // offset, or pages that overlap); twins within one page are two records, and both stay.
      const fresh = page.error_items.filter((item) => !held.has(itemKey(item)));
      if (fresh.length === 0) break;
      for (const item of fresh) held.add(itemKey(item));
      items.push(...fresh);
      offset += page.error_items.length;
    }
  } catch {
    // What was read is shown; the element says how many records are missing.
  }
  return Object.freeze({ ...task, error_items: Object.freeze(items) });
}

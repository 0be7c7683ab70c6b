/**
 * A batch-create task pages its failed records (`error_item_limit`: 2,000 by default, and a
 * server may send fewer). When a DONE task's answer holds fewer records than its `error_count`,
 * the rest is fetched from `error_item_offset`, once per task, so that the task shown and
 * exported holds every record. Records are told apart by content: a page that repeats or
 * overlaps what is held adds only what is new. A page that fails, or brings nothing new, ends
 * the reading: the task keeps what was read, and the element says how many are not listed.
 */
import type { ImportTask } from '../api/types.js';

/** The largest `error_item_offset` the API takes (a task holds at most 2,000 record sets). */
export const MAX_ERROR_ITEM_OFFSET = 2000;

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
  // By content (a normalized record's fields always come in one order), in the order received.
  const items = new Map(task.error_items.map((item) => [JSON.stringify(item), item]));
  let offset = task.error_items.length;
  try {
    while (items.size < task.error_count && offset <= MAX_ERROR_ITEM_OFFSET) {
      const page = await fetchPage(offset);
      // Another task took this one's place meanwhile: the next poll shows it.
      if (page?.task_id !== task.task_id) break;
      const held = items.size;
      for (const item of page.error_items) items.set(JSON.stringify(item), item);
      // Nothing new: a server that ignores the offset would send the same page for ever.
      if (items.size === held) break;
      offset += page.error_items.length;
    }
  } catch {
    // What was read is shown; the element says how many records are missing.
  }
  return Object.freeze({ ...task, error_items: Object.freeze([...items.values()]) });
}

/**
 * From a fetcher's answer to the task to show, with no long frame at 100,000 failed records:
 * normalizing and comparing with the task shown run in slices (see work-in-slices.ts); an
 * answer the built-in fetcher recognised as unchanged costs nothing, and records that read as
 * the ones shown are not normalized again (an object answer from a custom fetcher is compared,
 * not rebuilt). When the records did not change, the task returned holds the shown task's
 * `error_items` (the shown task itself when nothing changed), so no view regroups or re-sorts.
 */
import { setTag, tagOf, UNCHANGED_BODY } from '../api/body-tag.js';
import { errorItemCount, normalizeSteps } from '../api/normalize-import-task.js';
import type { ImportTask } from '../api/types.js';
import { atOnce, inSlices, LARGE_LIST } from '../common/work-in-slices.js';
import { reuseUnchanged } from './same-task.js';

export async function normalizeInSlices(body: unknown, shown: ImportTask | null | undefined, signal: AbortSignal): Promise<ImportTask | null> {
  if (body === UNCHANGED_BODY && shown !== undefined) return shown;
  const steps = normalizeSteps(body, shown?.error_items);
  const task = reuseUnchanged(shown, errorItemCount(body) > LARGE_LIST ? await inSlices(steps, signal) : atOnce(steps));
  setTag(task, tagOf(body));
  return task;
}

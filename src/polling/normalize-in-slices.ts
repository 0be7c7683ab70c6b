/**
 * From a fetcher's answer to the task to show, with no long task at 100,000 failed records:
 * normalizing and comparing with the task shown run in steps (see work-in-slices.ts), and an
 * answer the built-in fetcher recognised as unchanged costs nothing. When the records did not
 * change, the task returned holds the shown task's `error_items` (the shown task itself when
 * nothing changed), so no view regroups or re-sorts.
 */
import { setTag, tagOf, UNCHANGED_BODY } from '../api/body-tag.js';
import { errorItemCount, normalizeSteps } from '../api/normalize-import-task.js';
import type { ImportTask } from '../api/types.js';
import { atOnce, inSlices, LARGE_LIST, type Steps } from '../shared/work-in-slices.js';
import { reuseUnchangedSteps } from './same-task.js';

export async function normalizeInSlices(body: unknown, shown: ImportTask | null | undefined, signal: AbortSignal): Promise<ImportTask | null> {
  if (body === UNCHANGED_BODY && shown !== undefined) return shown;
  const steps = taskSteps(body, shown);
  const task = errorItemCount(body) > LARGE_LIST ? await inSlices(steps, signal) : atOnce(steps);
  setTag(task, tagOf(body));
  return task;
}

function* taskSteps(body: unknown, shown: ImportTask | null | undefined): Steps<ImportTask | null> {
  return yield* reuseUnchangedSteps(shown, yield* normalizeSteps(body));
}

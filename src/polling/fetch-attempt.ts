/**
 * One request for a zone's task, whatever the fetcher: never longer than its time-out (even when
 * the fetcher ignores its signal), the answer normalized (in slices for a long list, keeping what
 * the shown task already holds), a finished batch-create task's paged failures read whole
 * (error-item-pages.ts), and any failure turned into an ImportStatusError.
 * A pure step of the channel's schedule, so it is tested without one.
 */
import { tagOf } from '../api/body-tag.js';
import { errorCause, ImportStatusError, toImportStatusError } from '../api/import-status-error.js';
import { normalizeImportResponse } from '../api/normalize-import-task.js';
import type { ImportTask, ImportTaskFetcher, ImportTaskFetchInit, ImportTaskKind } from '../api/types.js';
import { withEveryErrorItem } from './error-item-pages.js';
import { normalizeInSlices } from './normalize-in-slices.js';

export type Outcome = { ok: true; task: ImportTask | null } | { ok: false; error: ImportStatusError };

export interface AttemptOptions {
  readonly fetcher: ImportTaskFetcher;
  readonly zoneId: string;
  readonly taskKind: ImportTaskKind;
  /** The task on screen: its tag lets the fetcher recognise an unchanged answer, and its records are reused. */
  readonly shown: ImportTask | null | undefined;
  /** Ms before the attempt fails with a `timeout` error. */
  readonly timeout: number;
  /** Aborts the attempt (a newer request, or nobody watching any more). */
  readonly signal: AbortSignal;
}

/** The attempt's outcome; never rejects. */
export async function fetchAttempt({ fetcher, zoneId, taskKind, shown, timeout, signal }: AttemptOptions): Promise<Outcome> {
  const attempt = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const cutShort = new Promise<never>((_, reject) => {
    const stop = (reason: unknown) => {
      attempt.abort(reason);
      reject(reason);
    };
    const seconds = Math.round(timeout / 1000);
    // Our own timer (not AbortSignal.timeout), so that fake timers control it in tests.
    timer = setTimeout(() => stop(new ImportStatusError(`No answer within ${seconds} s.`, { kind: 'timeout' })), timeout);
    onAbort = () => stop(signal.reason);
    signal.addEventListener('abort', onAbort);
  });
  const ask = (init: Omit<ImportTaskFetchInit, 'signal'>) => Promise.race([callFetcher(fetcher, zoneId, { ...init, taskKind, signal: attempt.signal }), cutShort]);
  try {
    const task = await normalizeInSlices(await ask({ knownTag: tagOf(shown) }), shown, signal);
    if (taskKind === 'import') return { ok: true, task };
    // The batch-create task pages its failed records: the rest, within the same time-out. (Aborted
    // meanwhile, the attempt's outcome is dropped by the channel, records missing or not.)
    return { ok: true, task: await withEveryErrorItem(task, shown, async (errorItemOffset) => normalizeImportResponse(await ask({ errorItemOffset }))) };
  } catch (reason) {
    const error = toImportStatusError(reason);
    // A zone that never had an import answers 404: that is the empty state, unless the
    // code says the zone or the API itself does not exist.
    if (error.status === 404 && errorCause(error) === 'other') return { ok: true, task: null };
    return { ok: false, error: Object.freeze(error) };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort!);
  }
}

function callFetcher(fetcher: ImportTaskFetcher, zoneId: string, init: ImportTaskFetchInit): Promise<unknown> {
  // Inside a promise's executor: a fetcher that throws at once fails like one that rejects.
  const call = new Promise((resolve) => resolve(fetcher(zoneId, init)));
  // An abandoned call (timed out, replaced) may still settle: nobody listens, nothing is reported.
  call.catch(() => {});
  return call;
}

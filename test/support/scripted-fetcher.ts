/**
 * A fetcher whose every call waits until the test answers it, so each state of the element
 * can be asserted exactly (the pattern of lit's own task tests).
 */
import type { ImportTask, ImportTaskFetcher } from '../../src/api/types.js';
import { until, type UntilOptions } from './wait.js';

export interface PendingCall {
  zoneId: string;
  signal: AbortSignal;
  resolve(body: unknown): void;
  reject(reason: unknown): void;
}

export class ScriptedFetcher {
  readonly calls: PendingCall[] = [];
  readonly fetcher: ImportTaskFetcher = (zoneId, { signal }) =>
    new Promise((resolve, reject) => {
      // Like fetch: an abort rejects the pending call with the signal's reason.
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      this.calls.push({ zoneId, signal, resolve, reject });
    });

  /** Resolves once the fetcher has been called `count` times in all (the element may call it asynchronously). */
  called(count: number, options?: UntilOptions): Promise<void> {
    return until(() => this.calls.length === count, () => `request ${count} (made ${this.calls.length})`, options);
  }

  get last(): PendingCall {
    const call = this.calls.at(-1);
    if (!call) throw new Error('The fetcher has not been called.');
    return call;
  }

  get inFlight(): number {
    return this.pending.length;
  }

  /** Calls neither answered nor aborted. */
  private get pending(): PendingCall[] {
    return this.calls.filter((call) => !call.signal.aborted && !(call as { settled?: boolean }).settled);
  }

  /** Answers the latest call. */
  answer(body: unknown): void {
    const call = this.last;
    (call as { settled?: boolean }).settled = true;
    call.resolve(body);
  }

  fail(reason: unknown): void {
    const call = this.last;
    (call as { settled?: boolean }).settled = true;
    call.reject(reason);
  }
}

// The documented sample lives in ./documented-sample.ts; re-exported for the tests that import it from here.
export { envelope, rawTask } from './documented-sample.js';

export type { ImportTask };

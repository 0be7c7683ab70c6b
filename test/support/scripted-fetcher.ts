/**
 * A fetcher whose every call waits until the test answers it, so each state of the element
 * can be asserted exactly (the pattern of lit's own task tests).
 */
import type { ImportTaskFetcher, ImportTaskFetchInit } from '../../src/api/types.js';
import { until, type UntilOptions } from './wait.js';

export interface PendingCall {
  zoneId: string;
  signal: AbortSignal;
  /** Everything the fetcher was given besides the zone (task kind, offset of a page, known tag). */
  init: ImportTaskFetchInit;
  /** Date.now() when the fetcher was called. */
  at: number;
  resolve(body: unknown): void;
  reject(reason: unknown): void;
  /** Answered or failed by the test. */
  settled: boolean;
}

export interface ScriptedFetcherOptions {
  /**
   * Like a custom fetcher that never passes its signal on: an abort leaves the call pending, so
   * a test can still answer it late and show that the element drops that answer.
   */
  ignoresAbort?: boolean;
}

export class ScriptedFetcher {
  readonly calls: PendingCall[] = [];
  readonly #ignoresAbort: boolean;

  constructor({ ignoresAbort = false }: ScriptedFetcherOptions = {}) {
    this.#ignoresAbort = ignoresAbort;
  }

  readonly fetcher: ImportTaskFetcher = (zoneId, init) =>
    new Promise((resolve, reject) => {
      const { signal } = init;
      // Like fetch: an abort rejects the pending call with the signal's reason.
      if (!this.#ignoresAbort) signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      this.calls.push({ zoneId, signal, init, at: Date.now(), resolve, reject, settled: false });
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
  get pending(): PendingCall[] {
    return this.calls.filter((call) => !call.signal.aborted && !call.settled);
  }

  /** Answers the latest call. */
  answer(body: unknown): void {
    const call = this.last;
    call.settled = true;
    call.resolve(body);
  }

  fail(reason: unknown): void {
    const call = this.last;
    call.settled = true;
    call.reject(reason);
  }
}

// The documented sample lives in ./documented-sample.ts; re-exported for the tests that import it from here.
export { envelope, rawTask } from './documented-sample.js';

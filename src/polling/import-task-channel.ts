/**
 * One zone's import task as seen through one fetcher, shared by every element watching it:
 * 50 elements on one zone make one request per tick, not 50 (TanStack Query's Query and
 * observers, minus the cache). The channel owns the schedule: a chain of timeouts, never
 * setInterval, so a slow server can never cause overlapping requests.
 */
import { Task, initialState } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { ImportStatusError, toImportStatusError } from '../api/import-status-error.js';
import { normalizeImportResponse } from '../api/normalize-import-task.js';
import { isRetryable, pollDelayMs, retryDelayMs } from './retry-policy.js';
import { reuseUnchanged } from './same-task.js';
import type { ImportTask, ImportTaskFetcher } from '../api/types.js';

export interface ChannelSnapshot {
  /** undefined: nothing loaded yet; null: the zone has no import task. Kept across failures. */
  readonly task: ImportTask | null | undefined;
  /** The latest failure; cleared by the next success. */
  readonly error: ImportStatusError | undefined;
  readonly willRetry: boolean;
  /** When the next attempt is due (epoch ms), while retrying. */
  readonly retryAt: number | undefined;
  /** True when retrying stopped because failures went on for longer than `giveUpAfter`. */
  readonly gaveUp: boolean;
}

export interface ChannelSubscriber {
  /** Poll period in ms, already sanitized. The channel uses the shortest among its subscribers. */
  readonly interval: number;
  /** Per-request timeout in ms. The channel uses the longest. */
  readonly timeout: number;
  /** Stop retrying after failures for this long (ms). The channel uses the longest. */
  readonly giveUpAfter: number;
  onSnapshot(snapshot: ChannelSnapshot): void;
}

type Outcome = { ok: true; task: ImportTask | null } | { ok: false; error: ImportStatusError };

/** Above this many failed records, parsing, normalizing and rendering each get a task of their own. */
const LARGE_LIST = 5000;

/** Lets the browser paint and handle input between two long steps (a macrotask; not a timer). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

function failedRecordCount(body: unknown): number {
  const data = (body as { data?: { error_items?: unknown } } | null)?.data ?? body;
  const items = (data as { error_items?: unknown } | null)?.error_items;
  return Array.isArray(items) ? items.length : 0;
}

const EMPTY: ChannelSnapshot = { task: undefined, error: undefined, willRetry: false, retryAt: undefined, gaveUp: false };

/**
 * Task's own host would re-render the element at the start and end of every poll; the
 * channel only tells its subscribers when something they show has changed.
 */
const quietHost: ReactiveControllerHost = {
  addController() {},
  removeController() {},
  requestUpdate() {},
  updateComplete: Promise.resolve(true),
};

export class ImportTaskChannel {
  snapshot: ChannelSnapshot = EMPTY;
  private readonly subscribers = new Set<ChannelSubscriber>();
  private readonly request: Task<[string], Outcome>;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** A fetch fell due while the page was hidden or offline: run it when that ends. */
  private due = false;
  private offline = false;
  private inFlight = false;
  private settledAt = -Infinity;
  private failures = 0;
  private failingSince: number | undefined;

  constructor(
    readonly fetcher: ImportTaskFetcher,
    readonly zoneId: string,
    private readonly onEmpty: () => void,
  ) {
    this.request = new Task<[string], Outcome>(quietHost, {
      autoRun: false,
      task: ([zone], { signal }) => this.load(zone, signal),
      onComplete: (outcome) => this.settle(outcome),
    });
  }

  subscribe(subscriber: ChannelSubscriber): void {
    if (this.subscribers.size === 0) this.listen(true);
    this.subscribers.add(subscriber);
    if (this.snapshot !== EMPTY) subscriber.onSnapshot(this.snapshot);
    const stale = Date.now() - this.settledAt >= this.interval;
    if (!this.inFlight && stale) this.fetchNow();
  }

  unsubscribe(subscriber: ChannelSubscriber): void {
    if (!this.subscribers.delete(subscriber) || this.subscribers.size > 0) return;
    this.listen(false);
    this.clearTimer();
    this.due = false;
    this.request.abort();
    this.onEmpty();
  }

  /** Fetch now, forget the backoff, and poll again if the task is pending. */
  refresh(): Promise<void> {
    this.failures = 0;
    this.failingSince = undefined;
    return this.fetchNow(true);
  }

  private get interval(): number {
    return Math.min(...[...this.subscribers].map((s) => s.interval));
  }

  private get timeout(): number {
    return Math.max(...[...this.subscribers].map((s) => s.timeout));
  }

  private get giveUpAfter(): number {
    return Math.max(...[...this.subscribers].map((s) => s.giveUpAfter));
  }

  private fetchNow(force = false): Promise<void> {
    this.clearTimer();
    if (!force && (document.hidden || this.offline)) {
      this.due = true;
      return Promise.resolve();
    }
    this.due = false;
    this.inFlight = true;
    return this.request.run([this.zoneId]);
  }

  private async load(zoneId: string, signal: AbortSignal): Promise<Outcome | typeof initialState> {
    // A timeout of our own (not AbortSignal.timeout) so that fake timers control it in tests.
    const controller = new AbortController();
    const abort = () => controller.abort(signal.reason);
    signal.addEventListener('abort', abort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeout);
    try {
      const body = await this.fetcher(zoneId, { signal: controller.signal });
      const large = failedRecordCount(body) > LARGE_LIST;
      if (large) await nextTask();
      if (signal.aborted) return initialState;
      const task = normalizeImportResponse(body);
      if (large) await nextTask();
      if (signal.aborted) return initialState;
      return { ok: true, task };
    } catch (reason) {
      // An abort we asked for (removal, zone change, refresh) is not a failure: say nothing.
      if (signal.aborted) return initialState;
      if (timedOut) {
        const seconds = Math.round(this.timeout / 1000);
        return { ok: false, error: new ImportStatusError(`No answer within ${seconds} s.`, { kind: 'timeout' }) };
      }
      const error = toImportStatusError(reason);
      // A zone that never had an import answers 404: that is the empty state, not an error.
      if (error.kind === 'http' && error.status === 404) return { ok: true, task: null };
      return { ok: false, error };
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      if (!signal.aborted) this.inFlight = false;
    }
  }

  private settle(outcome: Outcome): void {
    this.settledAt = Date.now();
    if (this.subscribers.size === 0) return;
    if (outcome.ok) {
      this.failures = 0;
      this.failingSince = undefined;
      const task = reuseUnchanged(this.snapshot.task, outcome.task);
      if (task && task.status !== 'DONE') this.schedule(pollDelayMs(this.interval));
      if (task !== this.snapshot.task || this.snapshot.error) this.publish({ ...EMPTY, task });
      return;
    }
    const now = Date.now();
    this.failures += 1;
    this.failingSince ??= now;
    const retryable = isRetryable(outcome.error);
    const gaveUp = retryable && now - this.failingSince >= this.giveUpAfter;
    const willRetry = retryable && !gaveUp;
    let retryAt: number | undefined;
    if (willRetry) {
      const delay = retryDelayMs({ attempt: this.failures, interval: this.interval, retryAfter: outcome.error.retryAfter });
      retryAt = now + delay;
      this.schedule(delay);
    }
    this.publish({ task: this.snapshot.task, error: outcome.error, willRetry, retryAt, gaveUp });
  }

  private publish(snapshot: ChannelSnapshot): void {
    this.snapshot = snapshot;
    for (const subscriber of this.subscribers) subscriber.onSnapshot(snapshot);
  }

  private schedule(delay: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.fetchNow();
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private readonly onVisibilityChange = () => {
    if (!document.hidden && this.due) void this.fetchNow();
  };

  private readonly onOnline = () => {
    this.offline = false;
    // Back online: don't wait out a backoff that was only counting network errors.
    if (this.due || this.snapshot.willRetry) void this.fetchNow();
  };

  private readonly onOffline = () => {
    // navigator.onLine is wrong in some browsers at start-up; an `offline` event is not.
    this.offline = true;
  };

  private listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('visibilitychange', this.onVisibilityChange);
    window[method]('online', this.onOnline);
    window[method]('offline', this.onOffline);
  }
}

const channels = new WeakMap<ImportTaskFetcher, Map<string, ImportTaskChannel>>();

/** The channel shared by every element watching `zoneId` through `fetcher`. */
export function channelFor(fetcher: ImportTaskFetcher, zoneId: string): ImportTaskChannel {
  let byZone = channels.get(fetcher);
  if (!byZone) channels.set(fetcher, (byZone = new Map()));
  const zones = byZone;
  let channel = zones.get(zoneId);
  if (!channel) {
    channel = new ImportTaskChannel(fetcher, zoneId, () => zones.delete(zoneId));
    zones.set(zoneId, channel);
  }
  return channel;
}

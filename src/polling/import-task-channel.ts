/**
 * One zone's import task as seen through one data source, shared by every element watching it:
 * 50 elements on one zone make one request per tick, not 50 (TanStack Query's Query and
 * observers, minus the cache).
 *
 * The channel owns the schedule, and only these may change it:
 * - its own timer: the next poll while PENDING, or the next retry after a failure (a chain of
 *   timeouts, never setInterval, so a slow server never causes overlapping requests);
 * - `refresh()`, a person or a console asking: it always fetches, cutting any wait;
 * - the page coming back (visible again, focused, online), but only to do what was due, or,
 *   while idle, one check per interval; never to cut a wait the server asked for (Retry-After,
 *   429, 5xx, flow control). A backoff caused only by network errors ends on `online`.
 * A subscriber joining never cuts a wait either: it is shown what the channel has.
 *
 * Identity: a channel is one zone through one fetcher function. An element whose custom fetcher
 * is replaced by another function (a framework re-creating it on each render) hands the channel
 * over to the new function and keeps its place in the schedule (see `handOver`). With a share
 * key, a channel is one zone, endpoint and key, whatever the fetcher, and it shares the schedule
 * with the same channel in the browser's other tabs (tab-share.ts): one tab polls, the others
 * show its answers, and the waits it keeps hold for all of them.
 */
import { Task as RequestRunner } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { errorCause, ImportStatusError, toImportStatusError } from '../api/import-status-error.js';
import { tagOf } from '../api/body-tag.js';
import type { ImportTask, ImportTaskFetcher } from '../api/types.js';
import { EXPECT_NEW_TASK_MS } from './config.js';
import { normalizeInSlices } from './normalize-in-slices.js';
import { isConnectionFailure, isRetryable, pollDelayMs, retryDelayMs } from './retry-policy.js';
import { reuseUnchanged } from './same-task.js';
import { decodeSharedState, encodeSharedState, type SharedState } from './shared-state.js';
import { canShareAcrossTabs, shareGroupName, TabShare } from './tab-share.js';
import { VisibleClock } from './visible-clock.js';

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
  /** `refresh({ expectNewTask: true })` waited its full time and the API still showed the old task. */
  readonly noNewTask: boolean;
}

export interface ChannelSubscriber {
  /** Poll period in ms, already sanitized. The channel uses the shortest among its subscribers. */
  readonly interval: number;
  /** Per-request timeout in ms. The channel uses the longest. */
  readonly timeout: number;
  /** Stop retrying after failures for this long (ms of visible time). The channel uses the longest. */
  readonly giveUpAfter: number;
  /** Poll period while every sharing page is hidden (0: none). The channel uses the shortest set. */
  readonly hiddenInterval: number;
  onSnapshot(snapshot: ChannelSnapshot): void;
  /** Whether the task is watched by someone somewhere (`visibleSomewhere`) may have changed. */
  onPresence(): void;
}

/** Where a channel's answers come from. */
export interface ChannelSource {
  readonly fetcher: ImportTaskFetcher;
  readonly zoneId: string;
  /** '' for none: then the channel is shared within the page by fetcher, and never beyond it. */
  readonly shareKey: string;
  /** The built-in fetcher's endpoint (part of a shared channel's identity). */
  readonly endpoint: string;
}

export interface RefreshOptions {
  /**
   * A console has just created a new import: keep checking at the interval until a task with
   * another `task_id` appears (at most 60 s, then say that none appeared).
   */
  expectNewTask?: boolean;
}

type Outcome = { ok: true; task: ImportTask | null } | { ok: false; error: ImportStatusError };

const EMPTY: ChannelSnapshot = { task: undefined, error: undefined, willRetry: false, retryAt: undefined, gaveUp: false, noNewTask: false };

/**
 * `@lit/task` runs each request: `run()` aborts the previous attempt and drops its late result,
 * and `abort()` ends one when the last element leaves; the channel checks neither by hand. Its
 * host would re-render at the start and end of every poll, so the channel gives it a host that
 * does nothing and tells its subscribers only about real changes.
 */
const quietHost: ReactiveControllerHost = {
  addController() {},
  removeController() {},
  requestUpdate() {},
  updateComplete: Promise.resolve(true),
};

const channels = new WeakMap<ImportTaskFetcher, Map<string, ImportTaskChannel>>();
/** Channels with a share key, by group name (key, endpoint, zone). */
const sharedChannels = new Map<string, ImportTaskChannel>();

const zonesOf = (fetcher: ImportTaskFetcher) => {
  let zones = channels.get(fetcher);
  if (!zones) channels.set(fetcher, (zones = new Map()));
  return zones;
};

/**
 * The channel shared by every watcher of `source.zoneId` through `source.fetcher` or, with a
 * share key, by every watcher with that key, endpoint and zone.
 */
export function channelFor(source: ChannelSource): ImportTaskChannel {
  const { fetcher, zoneId, shareKey, endpoint } = source;
  if (shareKey !== '') {
    const group = shareGroupName(shareKey, endpoint, zoneId);
    let channel = sharedChannels.get(group);
    if (!channel) sharedChannels.set(group, (channel = new ImportTaskChannel(fetcher, zoneId, group)));
    return channel;
  }
  const zones = zonesOf(fetcher);
  let channel = zones.get(zoneId);
  if (!channel) zones.set(zoneId, (channel = new ImportTaskChannel(fetcher, zoneId)));
  return channel;
}

export class ImportTaskChannel {
  snapshot: ChannelSnapshot = EMPTY;
  readonly #subscribers = new Set<ChannelSubscriber>();
  readonly #request = new RequestRunner<[], Outcome>(quietHost, {
    autoRun: false,
    task: (_args, { signal }) => this.#load(signal),
    onComplete: (outcome) => this.#settle(outcome),
  });
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** When the timer fires (epoch ms). */
  #timerAt = 0;
  /** The running wait was asked for by the server: nothing but `refresh()` may cut it. */
  #serversWait = false;
  /** A fetch fell due while the page was hidden or offline: run it when that ends. */
  #due = false;
  #offline = false;
  #settledAt = -Infinity;
  #failures = 0;
  #failingSince: number | undefined;
  #expecting: { taskId: string | undefined; until: number } | undefined;
  /** Epoch ms the latest request started (browser-wide with a share key). */
  #requestAt = -Infinity;
  readonly #clock = new VisibleClock(document.hidden);

  // With a share key: the other tabs, and what this tab last heard or said.
  readonly #share: TabShare | undefined;
  /** The share group's name; undefined without a share key. */
  readonly group: string | undefined;
  /** Names the snapshot shown; a tab that missed one asks for it again. */
  #shownVersion = '';
  /** The version last sent to the other tabs. */
  #sentVersion = '';
  /** The polling tab's schedule, as last heard (a listening tab). */
  #heard: SharedState | undefined;

  constructor(
    public fetcher: ImportTaskFetcher,
    readonly zoneId: string,
    group?: string,
  ) {
    this.group = group;
    if (group !== undefined && canShareAcrossTabs()) {
      this.#share = new TabShare(group, {
        lead: (leading) => (leading ? this.#lead() : this.#follow()),
        receive: (state) => this.#receive(state),
        stateWanted: (joined) => {
          this.#sendState(true);
          if (joined) this.#checkIfIdle();
        },
        refreshAsked: (expectNewTask) => void this.refresh({ expectNewTask: expectNewTask === true }),
        leaderVisibility: () => this.#subscribers.forEach((subscriber) => subscriber.onPresence()),
      });
    }
  }

  /**
   * Someone sees this task: this page is visible or, with a share key, the polling tab's page
   * is. Stalls count only such time: a hidden browser polls nothing, so nothing can be seen stuck.
   */
  get visibleSomewhere(): boolean {
    return this.#share ? this.#share.visibleSomewhere : !document.hidden;
  }

  subscribe(subscriber: ChannelSubscriber): void {
    const first = this.#subscribers.size === 0;
    this.#subscribers.add(subscriber);
    if (first) {
      this.#listen(true);
      this.#share?.start();
    }
    if (this.snapshot !== EMPTY) subscriber.onSnapshot(this.snapshot);
    this.#checkIfIdle();
  }

  unsubscribe(subscriber: ChannelSubscriber): void {
    if (!this.#subscribers.delete(subscriber) || this.#subscribers.size > 0) return;
    this.#listen(false);
    this.#clearTimer();
    this.#due = false;
    this.#request.abort();
    this.#share?.stop();
    if (this.group !== undefined) sharedChannels.delete(this.group);
    else zonesOf(this.fetcher).delete(this.zoneId);
  }

  /**
   * `subscriber`'s fetcher was replaced by another function: the same data source, so the task
   * stays on screen and the next poll, when it falls due, goes through the new function. Returns
   * the channel the subscriber is on now.
   */
  handOver(subscriber: ChannelSubscriber, fetcher: ImportTaskFetcher): ImportTaskChannel {
    const zones = zonesOf(fetcher);
    const existing = zones.get(this.zoneId);
    if (!existing && this.#subscribers.size === 1) {
      zonesOf(this.fetcher).delete(this.zoneId);
      zones.set(this.zoneId, this);
      this.fetcher = fetcher;
      return this;
    }
    // Others still use the old function (or another element already uses the new one).
    const next = existing ?? channelFor({ fetcher, zoneId: this.zoneId, shareKey: '', endpoint: '' });
    if (!existing) next.#continueFrom(this);
    this.unsubscribe(subscriber);
    next.subscribe(subscriber);
    return next;
  }

  /** Fetch now, forget the backoff, and poll again if the task is pending. */
  refresh(options: RefreshOptions = {}): Promise<void> {
    if (this.#share && !this.#share.leading) {
      // Another tab polls: it fetches, once, for every tab.
      this.#share.post('refresh', options.expectNewTask === true);
      return Promise.resolve();
    }
    this.#failures = 0;
    this.#failingSince = undefined;
    if (options.expectNewTask) {
      this.#expecting = { taskId: this.snapshot.task?.task_id, until: Date.now() + EXPECT_NEW_TASK_MS };
    }
    return this.#fetchNow(true);
  }

  get #inFlight(): boolean {
    return this.#request.status === 1; // TaskStatus.PENDING
  }

  get #interval(): number {
    return Math.min(...[...this.#subscribers].map((s) => s.interval));
  }

  get #timeout(): number {
    return Math.max(...[...this.#subscribers].map((s) => s.timeout));
  }

  get #giveUpAfter(): number {
    return Math.max(...[...this.#subscribers].map((s) => s.giveUpAfter));
  }

  get #hiddenInterval(): number {
    const set = [...this.#subscribers].map((s) => s.hiddenInterval).filter((ms) => ms > 0);
    return set.length > 0 ? Math.min(...set) : 0;
  }

  /** Takes over another channel's state and its place in the schedule. */
  #continueFrom(other: ImportTaskChannel): void {
    this.snapshot = other.snapshot;
    this.#settledAt = other.#settledAt;
    this.#failures = other.#failures;
    this.#failingSince = other.#failingSince;
    this.#expecting = other.#expecting;
    if (other.#timer !== undefined) this.#schedule(Math.max(0, other.#timerAt - Date.now()), other.#serversWait);
  }

  /** While nothing is scheduled or running, one check when the data is older than an interval. */
  #checkIfIdle(): void {
    if (this.#timer === undefined && !this.#inFlight && Date.now() - this.#settledAt >= this.#interval) void this.#fetchNow();
  }

  #fetchNow(force = false): Promise<void> {
    this.#clearTimer();
    // With a share key, only the tab holding the lock fetches.
    if (this.#share && !this.#share.leading) return Promise.resolve();
    if (!force && (this.#offline || document.hidden)) {
      this.#due = true;
      // Hidden, with `hidden-interval`: the next request at that cadence (none while offline).
      const wait = this.#hiddenInterval > 0 && !this.#offline ? this.#requestAt + this.#hiddenInterval - Date.now() : Infinity;
      if (wait > 0) {
        if (wait < Infinity) this.#schedule(wait);
        return Promise.resolve();
      }
    }
    this.#due = false;
    this.#requestAt = Date.now();
    // The others learn that a request is under way: whoever takes over waits an interval from it.
    this.#sendState(false);
    return this.#request.run([]);
  }

  /** One attempt: never longer than `timeout`, whatever the fetcher does with its signal. */
  async #load(signal: AbortSignal): Promise<Outcome> {
    const timeout = this.#timeout;
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
    try {
      const body = await Promise.race([this.#callFetcher(attempt.signal), cutShort]);
      return { ok: true, task: await normalizeInSlices(body, this.snapshot.task, signal) };
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

  #callFetcher(signal: AbortSignal): Promise<unknown> {
    // Inside a promise's executor: a fetcher that throws at once fails like one that rejects.
    const call = new Promise((resolve) => resolve(this.fetcher(this.zoneId, { signal, knownTag: tagOf(this.snapshot.task) })));
    // An abandoned call (timed out, replaced) may still settle: nobody listens, nothing is reported.
    call.catch(() => {});
    return call;
  }

  #settle(outcome: Outcome): void {
    this.#settledAt = Date.now();
    if (this.#subscribers.size === 0) return;
    if (outcome.ok) {
      this.#failures = 0;
      this.#failingSince = undefined;
      const task = reuseUnchanged(this.snapshot.task, outcome.task);
      const noNewTask = this.#awaitNewTask(task);
      if (this.#expecting || (task && task.status !== 'DONE')) this.#schedule(pollDelayMs(this.#interval));
      if (task !== this.snapshot.task || this.snapshot.error || noNewTask !== this.snapshot.noNewTask) {
        this.#publish({ ...EMPTY, task, noNewTask });
      }
      this.#sendState(false);
      return;
    }
    const { error } = outcome;
    const now = this.#clock.now();
    this.#failures += 1;
    this.#failingSince ??= now;
    const retryable = isRetryable(error);
    const gaveUp = retryable && now - this.#failingSince >= this.#giveUpAfter;
    const willRetry = retryable && !gaveUp;
    let retryAt: number | undefined;
    if (willRetry) {
      const delay = retryDelayMs({ attempt: this.#failures, interval: this.#interval, retryAfter: error.retryAfter });
      retryAt = Date.now() + delay;
      this.#schedule(delay, error.retryAfter !== undefined || !isConnectionFailure(error));
    }
    this.#publish({ ...EMPTY, task: this.snapshot.task, error, willRetry, retryAt, gaveUp });
    this.#sendState(false);
  }

  /**
   * While a console waits for the import it just created: true once the wait is over and the
   * API still shows the task it showed before (then checking stops).
   */
  #awaitNewTask(task: ImportTask | null): boolean {
    const expecting = this.#expecting;
    if (!expecting) return false;
    if (task && task.task_id !== expecting.taskId) {
      this.#expecting = undefined;
      return false;
    }
    if (Date.now() < expecting.until) return false;
    this.#expecting = undefined;
    return true;
  }

  #publish(snapshot: ChannelSnapshot, version = String(Math.random())): void {
    this.snapshot = snapshot;
    this.#shownVersion = version;
    for (const subscriber of this.#subscribers) subscriber.onSnapshot(snapshot);
  }

  /**
   * The polling tab tells the others where things stand: after every answer, when a request
   * starts, when a tab joins and when its page is hidden or shown. The snapshot goes only when it
   * changed (or `full`): an identical poll sends a few numbers, not 100,000 records.
   */
  #sendState(full: boolean): void {
    if (!this.#share?.leading) return;
    const shown = full || this.#sentVersion !== this.#shownVersion ? this.snapshot : undefined;
    this.#sentVersion = this.#shownVersion;
    const idle = this.#timer === undefined && !this.#due && !this.#inFlight && this.#requestAt <= this.#settledAt;
    const state: SharedState = {
      version: this.#shownVersion,
      shown,
      // While a request runs (or one is due), a successor may ask again an interval after it.
      nextAt: this.#timer !== undefined ? this.#timerAt : idle ? undefined : this.#requestAt + this.#interval,
      serversWait: this.#serversWait,
      requestAt: this.#requestAt,
      failures: this.#failures,
    };
    this.#share.post('state', encodeSharedState(state));
  }

  /** A listening tab hears the polling tab: shows what it shows, and keeps its schedule at hand. */
  #receive(message: unknown): void {
    const state = decodeSharedState(message);
    if (!state || this.#share?.leading) return;
    this.#heard = state;
    this.#requestAt = this.#settledAt = state.requestAt;
    this.#failures = state.failures;
    const { shown } = state;
    if (shown && state.version !== this.#shownVersion) {
      if (shown.task !== undefined || shown.error) this.#publish({ ...shown, task: reuseUnchanged(this.snapshot.task, shown.task ?? null) }, state.version);
      this.#shownVersion = state.version;
    } else if (!shown && state.version !== this.#shownVersion) {
      // A change went by unheard (this tab joined late, or was frozen): ask for the whole state.
      this.#share?.post('hello');
    }
  }

  /**
   * This tab now polls for the group. It goes on from where the last polling tab left off: never
   * sooner than an interval after the last request anywhere, nor than a wait the server asked
   * for, and not at all while that tab was idle. A tab that never heard from another checks now.
   */
  #lead(): void {
    const heard = this.#heard;
    this.#heard = undefined;
    if (!heard) this.#checkIfIdle();
    else if (heard.nextAt !== undefined) {
      const at = Math.max(heard.nextAt, this.#requestAt + this.#interval);
      this.#schedule(Math.max(0, at - Date.now()), heard.serversWait);
    }
    this.#sendState(true);
  }

  /** Another tab polls now (this one was hidden, frozen or let go): stop asking. */
  #follow(): void {
    this.#clearTimer();
    this.#due = false;
    this.#request.abort();
  }

  #schedule(delay: number, serversWait = false): void {
    this.#clearTimer();
    this.#serversWait = serversWait;
    this.#timerAt = Date.now() + delay;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#fetchNow();
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#serversWait = false;
  }

  /** The page is back in front of someone: do what fell due, or check once if idle. */
  #comeBack(): void {
    if (this.#due) void this.#fetchNow();
    else this.#checkIfIdle();
  }

  readonly #onVisibilityChange = () => {
    this.#clock.setHidden(document.hidden);
    if (!document.hidden) this.#comeBack();
  };

  readonly #onFocus = () => this.#comeBack();

  readonly #onOnline = () => {
    this.#offline = false;
    const { error } = this.snapshot;
    // Back online: a wait that only counted network errors (or gave up on them) ends now.
    if (this.#due || (error && isConnectionFailure(error) && !this.#serversWait && !this.#inFlight)) void this.#fetchNow();
  };

  readonly #onOffline = () => {
    // navigator.onLine is wrong in some browsers at start-up, so it is never read; an `offline` event is not.
    this.#offline = true;
  };

  #listen(on: boolean): void {
    const method = on ? 'addEventListener' : 'removeEventListener';
    document[method]('visibilitychange', this.#onVisibilityChange);
    window[method]('focus', this.#onFocus);
    window[method]('online', this.#onOnline);
    window[method]('offline', this.#onOffline);
  }
}

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
 * Identity: a channel is one zone's task of one kind through one fetcher function. An element
 * whose custom fetcher is replaced by another function (a framework re-creating it on each
 * render) hands the channel over to the new function and keeps its place in the schedule (see
 * `handOver`). With a share key, a channel is one zone, task kind, endpoint and key, whatever the
 * fetcher, and it shares the schedule with the same channel in the browser's other tabs
 * (tab-sync.ts): one tab polls, the others show its answers, and the waits it keeps hold for all
 * of them.
 *
 * Each request is one `fetchAttempt()` (fetch-attempt.ts); what the channel shows, who listens and
 * what `refresh()` takes are in channel-types.ts.
 */
import type { ImportTask, ImportTaskFetcher, ImportTaskKind } from '../api/types.js';
import { EMPTY_SNAPSHOT, type ChannelSnapshot, type ChannelSource, type ChannelSubscriber, type RefreshOptions } from './channel-types.js';
import { EXPECT_NEW_TASK_MS } from './config.js';
import { fetchAttempt, type Outcome } from './fetch-attempt.js';
import { isConnectionFailure, isRetryable, pollDelayMs, retryDelayMs } from './retry-policy.js';
import { reuseUnchanged } from './same-task.js';
import { canShareAcrossTabs, shareGroupName } from './tab-share.js';
import { TabSync, type Schedule } from './tab-sync.js';
import { VisibleClock } from './visible-clock.js';

/** The channels watched now (a page has a few: one per zone, task kind and source). */
const channels = new Set<ImportTaskChannel>();

/** The channel watched now of a zone's task of one kind: in a share group, or through a fetcher without one. */
function watchedChannel(fetcher: ImportTaskFetcher, zoneId: string, taskKind: ImportTaskKind, group: string | undefined): ImportTaskChannel | undefined {
  for (const channel of channels) {
    // A share group is the key's, whatever the fetcher.
    if (channel.group === group && channel.zoneId === zoneId && channel.taskKind === taskKind && (group !== undefined || channel.fetcher === fetcher)) return channel;
  }
  return undefined;
}

/**
 * The channel shared by every watcher of `source.zoneId`'s task of `source.taskKind` through
 * `source.fetcher` or, with a share key, by every watcher with that key, endpoint, zone and kind.
 */
export function channelFor(source: ChannelSource): ImportTaskChannel {
  const { fetcher, zoneId, taskKind, shareKey, endpoint } = source;
  const group = shareKey === '' ? undefined : shareGroupName(shareKey, endpoint, zoneId, taskKind);
  let channel = watchedChannel(fetcher, zoneId, taskKind, group);
  if (!channel) channels.add((channel = new ImportTaskChannel(fetcher, zoneId, taskKind, group)));
  return channel;
}

export class ImportTaskChannel {
  snapshot: ChannelSnapshot = EMPTY_SNAPSHOT;
  readonly #subscribers = new Set<ChannelSubscriber>();
  /** The request under way: a newer one aborts it and drops its answer. */
  #request: AbortController | undefined;
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

  /** With a share key: the same channel in the other tabs. */
  readonly #sync: TabSync | undefined;
  /** The share group's name; undefined without a share key. */
  readonly group: string | undefined;

  constructor(
    public fetcher: ImportTaskFetcher,
    readonly zoneId: string,
    readonly taskKind: ImportTaskKind,
    group?: string,
  ) {
    this.group = group;
    if (group !== undefined && canShareAcrossTabs()) {
      this.#sync = new TabSync(group, {
        snapshot: () => this.snapshot,
        schedule: () => this.#schedulePosition(),
        hear: ({ requestAt, failures }) => {
          this.#requestAt = this.#settledAt = requestAt;
          this.#failures = failures;
        },
        show: (shown) => this.#publish({ ...shown, task: reuseUnchanged(this.snapshot.task, shown.task ?? null) }),
        lead: (heard) => this.#lead(heard),
        follow: () => this.#follow(),
        refreshAsked: (expectNewTask) => void this.refresh({ expectNewTask }),
        joined: () => this.#checkIfIdle(),
        leaderVisibility: () => this.#presenceChanged(),
      });
    }
  }

  /**
   * Someone sees this task: this page is visible or, with a share key, the polling tab's page
   * is. Stalls count only such time: a hidden browser polls nothing, so nothing can be seen stuck.
   */
  get visibleSomewhere(): boolean {
    return this.#sync ? this.#sync.visibleSomewhere : !document.hidden;
  }

  subscribe(subscriber: ChannelSubscriber): void {
    const first = this.#subscribers.size === 0;
    this.#subscribers.add(subscriber);
    if (first) {
      this.#listen(true);
      this.#sync?.start();
    }
    if (this.snapshot !== EMPTY_SNAPSHOT) subscriber.onSnapshot(this.snapshot);
    this.#checkIfIdle();
  }

  unsubscribe(subscriber: ChannelSubscriber): void {
    if (!this.#subscribers.delete(subscriber) || this.#subscribers.size > 0) return;
    this.#listen(false);
    this.#clearTimer();
    this.#due = false;
    this.#request?.abort();
    this.#sync?.stop();
    channels.delete(this);
  }

  /**
   * `subscriber`'s fetcher was replaced by another function: the same data source, so the task
   * stays on screen and the next poll, when it falls due, goes through the new function. Returns
   * the channel the subscriber is on now.
   */
  handOver(subscriber: ChannelSubscriber, fetcher: ImportTaskFetcher): ImportTaskChannel {
    const { zoneId, taskKind } = this;
    const existing = watchedChannel(fetcher, zoneId, taskKind, undefined);
    if (!existing && this.#subscribers.size === 1) {
      this.fetcher = fetcher;
      return this;
    }
    // Others still use the old function (or another element already uses the new one).
    const next = existing ?? channelFor({ fetcher, zoneId, taskKind, shareKey: '', endpoint: '' });
    if (!existing) next.#continueFrom(this);
    this.unsubscribe(subscriber);
    next.subscribe(subscriber);
    return next;
  }

  /** Fetch now, forget the backoff, and poll again if the task is pending. */
  refresh(options: RefreshOptions = {}): Promise<void> {
    if (this.#sync && !this.#sync.leading) {
      // Another tab polls: it fetches, once, for every tab.
      this.#sync.askRefresh(options.expectNewTask === true);
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
    return this.#request !== undefined;
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
    if (this.#sync && !this.#sync.leading) return Promise.resolve();
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
    this.#sync?.send(false);
    return this.#run();
  }

  /**
   * One request at a time: a new one aborts the one under way and drops its answer. One aborted
   * otherwise (nobody watches, another tab polls now) counts as under way until it ends, and then
   * reports nothing: it did not fail, it was let go. Its answer is handled once it is no longer
   * under way, so the schedule the other tabs hear from `#settle` is the one after it.
   */
  async #run(): Promise<void> {
    this.#request?.abort();
    const request = new AbortController();
    this.#request = request;
    const { fetcher, zoneId, taskKind } = this;
    const outcome = await fetchAttempt({ fetcher, zoneId, taskKind, shown: this.snapshot.task, timeout: this.#timeout, signal: request.signal });
    if (this.#request !== request) return;
    this.#request = undefined;
    if (request.signal.aborted) this.#settledAt = Date.now();
    else this.#settle(outcome);
  }

  #settle(outcome: Outcome): void {
    this.#settledAt = Date.now();
    if (this.#subscribers.size === 0) return;
    if (outcome.ok) {
      this.#failures = 0;
      this.#failingSince = undefined;
      // Already compared with the task shown, in slices (fetchAttempt is given it, and nothing
      // else publishes a task while this channel's own request runs).
      const { task } = outcome;
      const noNewTask = this.#awaitNewTask(task);
      if (this.#expecting || (task && task.status !== 'DONE')) this.#schedule(pollDelayMs(this.#interval));
      if (task !== this.snapshot.task || this.snapshot.error || noNewTask !== this.snapshot.noNewTask) {
        this.#publish({ ...EMPTY_SNAPSHOT, task, noNewTask });
      }
      this.#sync?.send(false);
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
    this.#publish({ ...EMPTY_SNAPSHOT, task: this.snapshot.task, error, willRetry, retryAt, gaveUp });
    this.#sync?.send(false);
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

  #publish(snapshot: ChannelSnapshot): void {
    this.snapshot = snapshot;
    this.#sync?.showing();
    for (const subscriber of this.#subscribers) subscriber.onSnapshot(snapshot);
  }

  /** Where the schedule stands, for the other tabs. */
  #schedulePosition(): Schedule {
    const idle = this.#timer === undefined && !this.#due && !this.#inFlight && this.#requestAt <= this.#settledAt;
    return {
      // While a request runs (or one is due), a successor may ask again an interval after it.
      nextAt: this.#timer !== undefined ? this.#timerAt : idle ? undefined : this.#requestAt + this.#interval,
      serversWait: this.#serversWait,
      requestAt: this.#requestAt,
      failures: this.#failures,
    };
  }

  /**
   * This tab now polls for the group. It goes on from where the last polling tab left off: never
   * sooner than an interval after the last request anywhere, nor than a wait the server asked
   * for, and not at all while that tab was idle. A tab that never heard from another checks now.
   */
  #lead(heard: Schedule | undefined): void {
    if (!heard) this.#checkIfIdle();
    else if (heard.nextAt !== undefined) {
      const at = Math.max(heard.nextAt, this.#requestAt + this.#interval);
      this.#schedule(Math.max(0, at - Date.now()), heard.serversWait);
    }
  }

  /** Another tab polls now (this one was hidden, frozen or let go): stop asking. */
  #follow(): void {
    this.#clearTimer();
    this.#due = false;
    this.#request?.abort();
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
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#serversWait = false;
  }

  /** The page is back in front of someone: do what fell due, or check once if idle. */
  #comeBack(): void {
    if (this.#due) void this.#fetchNow();
    else this.#checkIfIdle();
  }

  /** Whether someone sees the task may have changed: the subscribers' stall clocks count only such time. */
  #presenceChanged(): void {
    for (const subscriber of this.#subscribers) subscriber.onPresence();
  }

  readonly #onVisibilityChange = () => {
    this.#clock.setHidden(document.hidden);
    this.#presenceChanged();
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

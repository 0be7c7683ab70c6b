/**
 * Watches one zone's import task, with or without an element: `watchImport()` for a console's
 * task centre or anything that outlives the page's element, and the engine under
 * `<dns-import-status>` (one engine, not two). It joins the zone's shared channel, derives the
 * events from what the channel shows (progress on a change of content, done once per task,
 * errors, stalls), and, with `notify`, tells the user through the system when an import
 * finishes while nobody is looking.
 */
import { sharedHttpFetcher } from '../api/http-fetcher.js';
import { ImportStatusError } from '../api/import-status-error.js';
import type { ImportTask, ImportTaskFetcher, ImportTaskKind } from '../api/types.js';
import { showDoneNotificationOnce } from './done-notification.js';
import { importEvent, type ImportEventMap } from './events.js';
import { localeFromLang, type Locale } from '../i18n/locale.js';
import { DEFAULT_STALL_AFTER_MS, giveUpAfterMs, hiddenIntervalMs, intervalMs, shareKeyOf, stallAfterMs, taskKindOf, timeoutMs, zoneIdOf } from '../polling/config.js';
import { shareGroupName } from '../polling/tab-share.js';
import type { ChannelSnapshot, ChannelSubscriber, RefreshOptions } from '../polling/channel-types.js';
import { channelFor, type ImportTaskChannel } from '../polling/import-task-channel.js';
import { ProgressEstimator } from '../polling/progress-estimator.js';
import { sameTask } from '../polling/same-task.js';
import { VisibleClock } from '../polling/visible-clock.js';

/** The element's own names and defaults (its attributes, as properties). */
export interface WatchImportOptions {
  /** The zone whose import task is watched. */
  zoneId: string;
  /** Which task: `import` (the default, the `.xlsx` import) or `batch-create` (the v2.1 batch-create task). */
  taskKind?: ImportTaskKind;
  /** Base URL of the built-in fetcher (same origin when empty). Ignored when `fetcher` is set. */
  endpoint?: string;
  /** The transport; default the built-in HTTP fetcher on `endpoint`. */
  fetcher?: ImportTaskFetcher | null;
  /** Poll period in ms while PENDING (500 ms to 1 h; default 2000). */
  interval?: number;
  /** Poll period in ms while every sharing page is hidden (default 0: none). */
  hiddenInterval?: number;
  /** Per-request timeout in ms (default 15000). */
  timeout?: number;
  /** Stop retrying after failures for this many ms of visible time (default 10 min). */
  giveUpAfter?: number;
  /** No progress for this many ms of watched polling is a stall (default 2 min; 0: off). */
  stallAfter?: number;
  /** Tabs of this browser with the same key, endpoint and zone make one request between them. */
  shareKey?: string;
  /** When the import finishes while nobody looks, one system notification (permission is the host's to ask). */
  notify?: boolean;
}

/** The watcher's events: the element's own (events.ts). */
export type ImportWatcherEventMap = ImportEventMap;

/** What the element adds: a re-render when something changed, and its language. */
export interface ImportWatcherHooks {
  onChange?(): void;
  locale?(): Locale;
}

/** Stands in for a `fetcher` that is not a function: a configuration error, never retried. */
const notAFunction: ImportTaskFetcher = () =>
  Promise.reject(new ImportStatusError('The fetcher property must be a function: (zoneId, { signal }) => Promise.', { kind: 'config' }));

const documentLocale = (): Locale => localeFromLang(document.documentElement.lang);

// Typed listeners: `watcher.addEventListener('import-done', (event) => event.detail.task)`.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- the typed overloads of EventTarget's methods
export interface ImportWatcher {
  addEventListener<K extends keyof ImportWatcherEventMap>(
    type: K,
    listener: (this: ImportWatcher, event: ImportWatcherEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ImportWatcherEventMap>(
    type: K,
    listener: (this: ImportWatcher, event: ImportWatcherEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging -- see the interface above
export class ImportWatcher extends EventTarget implements ChannelSubscriber {
  /** What the channel shows, which the events and the estimator follow; undefined until the current channel has said anything. */
  snapshot: ChannelSnapshot | undefined;
  /** True while the import has stalled (see `stallAfter`). */
  stalled = false;
  /** Rate and time left of the task watched. */
  readonly estimator = new ProgressEstimator();

  #options: Readonly<WatchImportOptions> = { zoneId: '' };
  #channel: ImportTaskChannel | undefined;
  /** The custom fetcher the channel was joined with, if any. */
  #customFetcher: ImportTaskFetcher | undefined;
  #closed = false;
  readonly #doneTaskIds = new Set<string>();
  /** Tasks seen running: their finish was watched (`import-done`'s `sawPending`). */
  readonly #pendingTaskIds = new Set<string>();
  #stallTimer: ReturnType<typeof setTimeout> | undefined;
  /** Runs while the task is watched by someone: stalls count only that time. Made on first use (no document on a server). */
  #stallClock: VisibleClock | undefined;
  readonly #hooks: ImportWatcherHooks;

  constructor(hooks: ImportWatcherHooks = {}) {
    super();
    this.#hooks = hooks;
  }

  /** The last task observed, normalized (kept while later fetches fail). */
  get task(): ImportTask | undefined {
    return this.snapshot?.task ?? undefined;
  }

  get zoneId(): string {
    return zoneIdOf(this.#options.zoneId);
  }

  /** The task kind in force (an unknown one is `import`). */
  get taskKind(): ImportTaskKind {
    return taskKindOf(this.#options.taskKind);
  }

  get interval(): number {
    return intervalMs(this.#options.interval);
  }

  get hiddenInterval(): number {
    return hiddenIntervalMs(this.#options.hiddenInterval);
  }

  get timeout(): number {
    return timeoutMs(this.#options.timeout);
  }

  get giveUpAfter(): number {
    return giveUpAfterMs(this.#options.giveUpAfter);
  }

  /** `stallAfter` as used, ms (0: off). */
  get stallAfter(): number {
    return stallAfterMs(this.#options.stallAfter ?? DEFAULT_STALL_AFTER_MS, this.interval);
  }

  /** Whether the watcher is on a channel now. */
  get attached(): boolean {
    return this.#channel !== undefined;
  }

  /**
   * Takes the options in force and follows them: another zone, task kind, fetcher, endpoint or
   * share key starts over; a custom fetcher replaced by another function is the same source. Values are
   * cleaned as the element's attributes are (polling/config.ts).
   */
  configure(options: Readonly<WatchImportOptions>): void {
    this.#options = options;
    if (this.#closed) return;
    this.#sync();
    // stall-after or the interval may have changed.
    this.#checkStall();
  }

  /** Fetches now (for every sharing tab) and restarts polling, also after DONE or after retrying stopped. */
  refresh(options?: RefreshOptions): Promise<void> {
    return this.#channel?.refresh(options) ?? Promise.resolve();
  }

  /** Stops watching for good: leaves the channel (its request ends when nobody else watches), clears every timer. */
  close(): void {
    this.#closed = true;
    this.detach();
  }

  /** Leaves the channel until the next `configure()` (an element removed from the page). */
  detach(): void {
    this.#channel?.unsubscribe(this);
    this.#channel = undefined;
    this.#armStallTimer();
  }

  onSnapshot(snapshot: ChannelSnapshot): void {
    const previous = this.snapshot;
    if (snapshot === previous) return;
    this.snapshot = snapshot;
    const { task } = snapshot;
    if (task && task !== previous?.task) this.estimator.observe(task, this.#clock.now(), Date.now());
    this.#deriveEvents(snapshot, previous);
    this.#checkStall();
    this.#hooks.onChange?.();
  }

  onPresence(): void {
    this.#checkStall();
  }

  #sync(): void {
    const { zoneId, taskKind } = this;
    const { fetcher: given, endpoint = '' } = this.#options;
    const shareKey = shareKeyOf(this.#options.shareKey);
    const custom = given == null ? undefined : typeof given === 'function' ? given : notAFunction;
    const fetcher = custom ?? sharedHttpFetcher(endpoint);
    const current = this.#channel;
    if (current && current.zoneId === zoneId && current.taskKind === taskKind) {
      if (shareKey !== '' && current.group === shareGroupName(shareKey, endpoint, zoneId, taskKind)) {
        // A shared channel is the key's, whatever the fetcher: the newest function serves it.
        current.fetcher = fetcher;
        return;
      }
      if (shareKey === '' && current.group === undefined) {
        if (current.fetcher === fetcher) return;
        if (custom && this.#customFetcher) {
          // A framework re-created the fetcher: the same data source, its place in the schedule kept.
          this.#customFetcher = custom;
          this.#channel = current.handOver(this, custom);
          return;
        }
      }
    }
    this.detach();
    this.snapshot = undefined;
    this.#customFetcher = custom;
    if (zoneId === '') return;
    const next = channelFor({ fetcher, zoneId, taskKind, shareKey, endpoint });
    this.#channel = next;
    next.subscribe(this);
  }

  /** Progress on a change of content (not of object), done once per task, errors as they come. */
  #deriveEvents(snapshot: ChannelSnapshot, previous: ChannelSnapshot | undefined): void {
    const { task, error } = snapshot;
    // Content, not identity: a task fetched again through a new channel is not progress.
    if (task && !sameTask(task, previous?.task)) {
      this.dispatchEvent(importEvent('import-progress', { task }));
      if (task.status !== 'DONE') this.#pendingTaskIds.add(task.task_id);
      else if (!this.#doneTaskIds.has(task.task_id)) {
        this.#doneTaskIds.add(task.task_id);
        const sawPending = this.#pendingTaskIds.has(task.task_id);
        this.dispatchEvent(importEvent('import-done', { task, sawPending }));
        if (sawPending && this.#options.notify && !this.#watchedVisibly) {
          showDoneNotificationOnce(task, (this.#hooks.locale ?? documentLocale)());
        }
      }
    }
    if (error && error !== previous?.error) this.dispatchEvent(importEvent('import-error', { error, willRetry: snapshot.willRetry }));
  }

  get #clock(): VisibleClock {
    return (this.#stallClock ??= new VisibleClock(!this.#watchedVisibly));
  }

  get #watchedVisibly(): boolean {
    return this.#channel?.visibleSomewhere ?? false;
  }

  /** A stall needs a timer of its own: an identical poll makes no snapshot, so nothing else would notice time going by. */
  #checkStall(): void {
    const stalled = this.#armStallTimer() <= 0;
    if (stalled === this.stalled) return;
    this.stalled = stalled;
    if (stalled) this.dispatchEvent(importEvent('import-stalled', { task: this.task!, since: this.estimator.since }));
    this.#hooks.onChange?.();
  }

  /** (Re)arms the stall timeout; returns the watched ms until the stall (≤ 0: stalled now). */
  #armStallTimer(): number {
    clearTimeout(this.#stallTimer);
    this.#stallTimer = undefined;
    if (!this.#stallClock && !this.#channel) return Infinity;
    const clock = this.#clock;
    clock.setHidden(!this.#watchedVisibly);
    const wait = this.task && this.#channel ? this.estimator.stallIn(clock.now(), this.stallAfter) : Infinity;
    if (clock.running && wait > 0 && wait < Infinity) this.#stallTimer = setTimeout(() => this.#checkStall(), wait);
    return wait;
  }
}

/**
 * Watches a zone's import without an element: the same polling, sharing, events and
 * notification as `<dns-import-status>`, for a console's task centre or a service that outlives
 * the page's element. Call `close()` when done.
 */
export function watchImport(options: WatchImportOptions): ImportWatcher {
  const watcher = new ImportWatcher();
  watcher.configure(options);
  return watcher;
}

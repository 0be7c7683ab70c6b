import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ImportTask, ImportTaskFetcher } from './api/types.js';
import { cssProperty } from './css-property.js';
// The two style sheets are imported side by side on purpose: the bundler emits modules in
// import order, and gzip packs similar text better when it is close (about 100 B here).
import { dnsImportStatusStyles } from './dns-import-status.styles.js';
import { styles as failureViewStyles } from './failures/failure-view.styles.js';
import { FailureView } from './failures/failure-view.js';
import { clipText, formatTime, parseApiTime, progressPercent } from './i18n/format.js';
import { LangController } from './i18n/lang-controller.js';
import { messagesFor, outcomeText, type Locale, type Messages } from './i18n/messages.js';
import { estimateText, stalledText, tookText } from './i18n/progress-messages.js';
import { LiveAnnouncer } from './live-announcer.js';
import { ImportWatcherController } from './import-watcher-controller.js';
import { DEFAULT_GIVE_UP_AFTER_MS, DEFAULT_HIDDEN_INTERVAL_MS, DEFAULT_INTERVAL_MS, DEFAULT_TIMEOUT_MS, zoneIdOf } from './polling/config.js';
import type { ChannelSnapshot, RefreshOptions } from './polling/import-task-channel.js';
import { DEFAULT_STALL_AFTER_MS } from './polling/progress-estimator.js';

/** The element's phase, reflected as the `state` attribute for host styling and scripts. */
export type DnsImportStatusState = 'idle' | 'loading' | 'pending' | 'done' | 'empty' | 'error';

export type { RefreshOptions };

/**
 * Shows the progress and the failed records of a Huawei Cloud DNS batch import, polling the
 * zone's import task while it is PENDING.
 *
 * @summary Progress and failed records of a DNS batch import.
 *
 * @fires {ImportProgressEvent} import-progress - The observed task changed (not on an identical poll). `detail.task`.
 * @fires {ImportDoneEvent} import-done - The task was seen DONE; once per `task_id` per element. `detail.task`; `detail.sawPending` is true when this element saw it PENDING first.
 * @fires {ImportErrorEvent} import-error - A fetch failed or the body was not a task. `detail.error`, `detail.willRetry`.
 * @fires {ImportStalledEvent} import-stalled - No progress for `stall-after` ms of watched polling (this page or, with `share-key`, the polling tab visible); once per stall. `detail.task`; `detail.since` is the epoch ms of the last change.
 *
 * @csspart summary - The status headline, progress bar and task facts.
 * @csspart progress - The progress bar track (role="progressbar").
 * @csspart estimate - Rate and time left while importing (absent until there is a rate, and while stalled); how long the import took when done.
 * @csspart error-list - The scrolling container of the failed-record table.
 * @csspart error-item - One failed record (a table row).
 * @csspart message - Notices: configuration hint, loading, empty state, errors and the stall notice (class `stalled`).
 *
 * @cssprop --dns-import-status-font - Font family.
 * @cssprop --dns-import-status-text-color - Main text colour.
 * @cssprop --dns-import-status-muted-color - Secondary text colour (labels, hints).
 * @cssprop --dns-import-status-surface-color - Background.
 * @cssprop --dns-import-status-border-color - Borders and row separators.
 * @cssprop --dns-import-status-accent-color - Progress bar, buttons and focus ring.
 * @cssprop --dns-import-status-success-color - "All imported" outcome.
 * @cssprop --dns-import-status-danger-color - Failures and error notices.
 * @cssprop --dns-import-status-track-color - Progress bar track.
 * @cssprop --dns-import-status-radius - Corner radius.
 * @cssprop --dns-import-status-spacing - Base spacing unit.
 * @cssprop --dns-import-status-list-max-height - Height of the failed-record list before it scrolls.
 */
export class DnsImportStatus extends LitElement {
  static override styles = [dnsImportStatusStyles, failureViewStyles];

  // Declared here rather than with decorators: the same reactive properties, 400 B less gzip.
  static override properties = {
    zoneId: { attribute: 'zone-id' },
    endpoint: {},
    interval: { type: Number },
    hiddenInterval: { type: Number, attribute: 'hidden-interval' },
    shareKey: { attribute: 'share-key' },
    notify: { type: Boolean },
    timeout: { type: Number },
    giveUpAfter: { type: Number, attribute: 'give-up-after' },
    stallAfter: { type: Number, attribute: 'stall-after' },
    stalled: { type: Boolean, reflect: true },
    fetcher: { attribute: false },
    theme: { reflect: true },
    state: { reflect: true },
  };

  /** The zone whose import task is shown. A change aborts any request and starts over. */
  zoneId = '';

  /** Base URL of the built-in fetcher (same origin when empty). Ignored when `fetcher` is set. */
  endpoint = '';

  /** Poll period in milliseconds while the task is PENDING (500 ms to 1 h; other values are clamped). */
  interval = DEFAULT_INTERVAL_MS;

  /**
   * Poll period in milliseconds while every sharing page is hidden (0, the default: no requests
   * while hidden). Browsers run hidden pages' timers about once a minute after five minutes.
   */
  hiddenInterval = DEFAULT_HIDDEN_INTERVAL_MS;

  /**
   * Tabs of this browser whose elements (or `watchImport()` watchers) have the same share key,
   * zone id and endpoint make one request per interval between them. The key states that those
   * tabs act for one account (a project or account id); it names a lock and a channel only.
   * Unset or blank: nothing is shared beyond the page.
   */
  declare shareKey: string | undefined;

  /**
   * When the import finishes while the page is hidden, one system notification for the whole
   * browser. The element never asks for permission: the host asks, on a user gesture.
   */
  notify = false;

  /** Per-request timeout in milliseconds (at least 1000), enforced whatever the fetcher does. */
  timeout = DEFAULT_TIMEOUT_MS;

  /** After failures for this many milliseconds of visible time in a row, stop retrying and offer Retry. */
  giveUpAfter = DEFAULT_GIVE_UP_AFTER_MS;

  /** While PENDING, no change in the processed count or `updated_at` for this many ms of visible polling is a stall (0: off; at least `interval`). */
  stallAfter = DEFAULT_STALL_AFTER_MS;

  /** True while the import has stalled (see `stallAfter`). Reflected; read-only. */
  stalled = false;

  /** The transport. Default: the built-in HTTP fetcher on `endpoint`. */
  declare fetcher: ImportTaskFetcher | undefined;

  /** Colour scheme: `light` or `dark` forces one; unset follows `prefers-color-scheme` (and the page's `color-scheme`). */
  declare theme: 'light' | 'dark' | undefined;

  /** The element's phase: `idle`, `loading`, `pending`, `done`, `empty` or `error`. Reflected; read-only. */
  state: DnsImportStatusState = 'idle';

  readonly #uiLanguage = new LangController(this);
  readonly #announcer = new LiveAnnouncer(this);

  readonly #watch = new ImportWatcherController(this, {
    options: () => ({
      zoneId: this.zoneId,
      fetcher: this.fetcher,
      endpoint: this.endpoint,
      interval: this.interval,
      hiddenInterval: this.hiddenInterval,
      timeout: this.timeout,
      giveUpAfter: this.giveUpAfter,
      stallAfter: this.stallAfter,
      shareKey: this.shareKey,
      notify: this.notify,
    }),
    locale: () => this.#uiLanguage.locale,
    onStall: () => this.#announcer.announce(stalledText(this.#uiLanguage.locale, this.#watch.watcher.stallAfter), true),
  });

  /** The failed-record view's query and page, kept across polls of the same zone. */
  readonly #failureView = new FailureView(this, { zoneId: () => this.#watch.watcher.zoneId, taskId: () => this.#watch.watcher.task?.task_id });

  /** The snapshot the DOM shows. */
  #shown: ChannelSnapshot | undefined;

  /** The last task observed, normalized (kept while later fetches fail). */
  get task(): ImportTask | undefined {
    return this.#watch.watcher.task;
  }

  /**
   * Fetches now and restarts polling, also after DONE or after retrying stopped. After a
   * console creates a new import, `refresh({ expectNewTask: true })` keeps checking at the
   * interval until a task with another `task_id` appears (at most 60 s, then says none did).
   */
  refresh(options?: RefreshOptions): Promise<void> {
    return this.#watch.refresh(options);
  }

  /** Server rendering (lit SSR) calls `willUpdate()` and `render()`, never `update()`: the state for the markup. */
  protected override willUpdate(): void {
    if (isServer) this.state = this.#phaseOf(this.#shown);
  }

  /**
   * Takes what to show after the controllers' `hostUpdate()`, not in `willUpdate()`, which runs
   * before them: the poller may switch channels there, and its snapshot with them.
   */
  protected override update(changed: PropertyValues<this>): void {
    const previous = this.#shown;
    this.#shown = this.#watch.watcher.snapshot;
    this.stalled = this.#watch.watcher.stalled;
    this.state = this.#phaseOf(this.#shown);
    if (this.#shown !== previous) this.#tellScreenReaders(this.#shown, previous);
    super.update(changed);
  }

  /** Progress goes through the announcer's throttle; completion and new failures are said at once. */
  #tellScreenReaders(snapshot: ChannelSnapshot | undefined, previous: ChannelSnapshot | undefined): void {
    const t = messagesFor(this.#uiLanguage.locale);
    const task = snapshot?.task;
    if (snapshot?.error) {
      if (snapshot.error !== previous?.error) {
        this.#announcer.announce(t.errorNotice(snapshot.error, snapshot.willRetry, undefined, snapshot.gaveUp), true);
      }
    } else if (task === null) {
      this.#announcer.announce(t.empty);
    } else if (task) {
      const done = task.status === 'DONE';
      this.#announcer.announce(`${t.statusWord(task.status)}: ${outcomeText(t, task)}`, done && previous?.task?.status !== 'DONE');
    }
  }

  #phaseOf(snapshot: ChannelSnapshot | undefined): DnsImportStatusState {
    if (zoneIdOf(this.zoneId) === '') return 'idle';
    if (!snapshot) return 'loading';
    if (snapshot.error) return 'error';
    if (snapshot.task === null) return 'empty';
    if (snapshot.task === undefined) return 'loading';
    return snapshot.task.status === 'DONE' ? 'done' : 'pending';
  }

  protected override render(): TemplateResult {
    const locale = this.#uiLanguage.locale;
    const t = messagesFor(locale);
    const task = this.#shown?.task;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcer.text}</div>
      ${this.#renderNotice(t)} ${task ? this.#renderTask(t, locale, task) : nothing}
    `;
  }

  /** The notice for the current state (`state` decides; nothing here re-derives it). */
  #renderNotice(t: Messages): TemplateResult | typeof nothing {
    const snapshot = this.#shown;
    switch (this.state) {
      case 'idle':
        return html`<p part="message">${t.configHint}</p>`;
      case 'loading':
        return html`<p part="message" aria-busy="true">${t.loading}</p>`;
      case 'error': {
        const { error, willRetry, retryAt, gaveUp, task } = snapshot!;
        const retryIn = retryAt === undefined ? undefined : Math.max(1, Math.round((retryAt - Date.now()) / 1000));
        return html`<div part="message" class="error">
          <span>${clipText(t.errorNotice(error!, willRetry, retryIn, gaveUp))}${task ? ` ${t.staleData}` : ''}</span>
          <button type="button" @click=${() => void this.refresh()}>${t.retry}</button>
          <span class="details">${clipText(t.errorDetails(error!))}</span>
        </div>`;
      }
      case 'empty':
        return html`<p part="message">
          ${snapshot!.noNewTask ? t.noNewTask : t.empty} <span class="details">${t.emptyHint}</span>
        </p>`;
      default:
        return snapshot!.noNewTask ? html`<p part="message">${t.noNewTask}</p>` : nothing;
    }
  }

  #renderTask(t: Messages, locale: Locale, task: ImportTask): TemplateResult {
    const done = task.status === 'DONE';
    const processed = task.success_count + task.error_count;
    const percent = progressPercent(processed, task.total_count, done);
    const outcomeClass = !done ? 'pending' : task.error_count === 0 ? 'success' : task.success_count === 0 ? 'failed' : 'partial';
    // A stalled import's rate is stale: no estimate until it moves again.
    const timing = done ? tookText(locale, task) : this.stalled ? '' : estimateText(locale, this.#watch.watcher.estimator);
    return html`
      ${this.stalled ? html`<p part="message" class="stalled">${stalledText(locale, this.#watch.watcher.stallAfter)}</p>` : nothing}
      <section part="summary" aria-label=${t.progressLabel}>
        <p class="headline">
          <span>${clipText(t.statusWord(task.status))}</span>
          <span class="outcome ${outcomeClass}">${outcomeText(t, task)}</span>
        </p>
        <div
          part="progress"
          role="progressbar"
          aria-label=${t.progressLabel}
          aria-valuemin="0"
          aria-valuemax="100"
          aria-valuenow=${percent}
          aria-valuetext=${t.progressValue(percent, processed, task.total_count)}
        >
          <div class="bar" ${cssProperty('--_fraction', String(percent / 100))}></div>
        </div>
        ${timing ? html`<p part="estimate">${timing}</p>` : nothing}
        <dl>
          ${this.#fact(t.total, task.total_count.toLocaleString(locale))}
          ${this.#fact(t.imported, task.success_count.toLocaleString(locale))}
          ${this.#fact(t.failed, task.error_count.toLocaleString(locale))}
          ${this.#fact(t.taskId, task.task_id, 'code')}
          ${this.#timeFact(t.created, task.created_at, locale)} ${this.#timeFact(t.updated, task.updated_at, locale)}
          ${this.#fact(t.templateLanguage, task.language)} ${this.#fact(t.zoneType, task.zone_type)}
        </dl>
      </section>
      ${task.error_items.length > 0 ? this.#failureView.render({ task, locale, messages: t }) : nothing}
    `;
  }

  #fact(label: string, value: string | undefined, className = ''): TemplateResult | typeof nothing {
    return value === undefined ? nothing : html`<div><dt>${label}</dt><dd class=${className}>${clipText(value)}</dd></div>`;
  }

  #timeFact(label: string, text: string | undefined, locale: Locale): TemplateResult | typeof nothing {
    const date = parseApiTime(text);
    if (!date) return this.#fact(label, text);
    return html`<div><dt>${label}</dt><dd><time datetime=${date.toISOString()}>${formatTime(date, locale)}</time></dd></div>`;
  }
}

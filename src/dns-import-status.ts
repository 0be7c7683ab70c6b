import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { cssProperty } from './css-property.js';
import { dnsImportStatusStyles } from './dns-import-status.styles.js';
import { FailureView } from './failures/failure-view.js';
import { styles as failureViewStyles } from './failures/failure-view.styles.js';
import { importDoneEvent, importErrorEvent, importProgressEvent } from './events.js';
import { clipText, formatTime, parseApiTime, progressPercent } from './i18n/format.js';
import { createHttpFetcher } from './api/http-fetcher.js';
import type { ChannelSnapshot } from './polling/import-task-channel.js';
import { ImportTaskController } from './polling/import-task-controller.js';
import { LangController } from './i18n/lang-controller.js';
import { LiveAnnouncer } from './live-announcer.js';
import { messagesFor, type Locale, type Messages } from './i18n/messages.js';
import { DEFAULT_INTERVAL_MS, sanitizeInterval } from './polling/retry-policy.js';
import type { ImportTask, ImportTaskFetcher } from './api/types.js';

/** The element's phase, reflected as the `state` attribute for host styling and scripts. */
export type DnsImportStatusState = 'idle' | 'loading' | 'pending' | 'done' | 'empty' | 'error';

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_GIVE_UP_AFTER_MS = 10 * 60_000;

/** One built-in fetcher per endpoint, so elements on the same zone share their requests. */
const builtInFetchers = new Map<string, ImportTaskFetcher>();
function builtInFetcher(endpoint: string): ImportTaskFetcher {
  let fetcher = builtInFetchers.get(endpoint);
  if (!fetcher) builtInFetchers.set(endpoint, (fetcher = createHttpFetcher({ endpoint })));
  return fetcher;
}

/**
 * Shows the progress and the failed records of a Huawei Cloud DNS batch import, polling the
 * zone's import task while it is PENDING.
 *
 * @summary Progress and failed records of a DNS batch import.
 *
 * @fires {ImportProgressEvent} import-progress - The observed task changed (not on an identical poll). `detail.task`.
 * @fires {ImportDoneEvent} import-done - The task was seen DONE; once per `task_id` per element. `detail.task`; `detail.sawPending` is true when this element saw it PENDING first.
 * @fires {ImportErrorEvent} import-error - A fetch failed or the body was not a task. `detail.error`, `detail.willRetry`.
 *
 * @csspart summary - The status headline, progress bar and task facts.
 * @csspart progress - The progress bar track (role="progressbar").
 * @csspart error-list - The scrolling container of the failed-record table.
 * @csspart error-item - One failed record (a table row).
 * @csspart message - Notices: configuration hint, loading, empty state and errors.
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
    timeout: { type: Number },
    giveUpAfter: { type: Number, attribute: 'give-up-after' },
    fetcher: { attribute: false },
    theme: { reflect: true },
    state: { reflect: true },
  };

  /** The zone whose import task is shown. A change aborts any request and starts over. */
  zoneId = '';

  /** Base URL of the built-in fetcher (same origin when empty). Ignored when `fetcher` is set. */
  endpoint = '';

  /** Poll period in milliseconds while the task is PENDING (at least 500). */
  interval = DEFAULT_INTERVAL_MS;

  /** Per-request timeout in milliseconds. */
  timeout = DEFAULT_TIMEOUT_MS;

  /** After failures for this many milliseconds in a row, stop retrying and offer Retry. */
  giveUpAfter = DEFAULT_GIVE_UP_AFTER_MS;

  /** The transport. Default: the built-in HTTP fetcher on `endpoint`. */
  declare fetcher: ImportTaskFetcher | undefined;

  /** Colour scheme: `light` or `dark` forces one; unset follows `prefers-color-scheme` (and the page's `color-scheme`). */
  declare theme: 'light' | 'dark' | undefined;

  /** The element's phase: `idle`, `loading`, `pending`, `done`, `empty` or `error`. Reflected; read-only. */
  state: DnsImportStatusState = 'idle';

  private readonly poller = new ImportTaskController(this, {
    zoneId: () => this.zoneId,
    fetcher: () => this.fetcher ?? builtInFetcher(this.endpoint),
    interval: () => sanitizeInterval(this.interval),
    timeout: () => (Number.isFinite(this.timeout) && this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT_MS),
    giveUpAfter: () => (Number.isFinite(this.giveUpAfter) && this.giveUpAfter >= 0 ? this.giveUpAfter : DEFAULT_GIVE_UP_AFTER_MS),
  });

  /** The failed-record view's query and page, kept across polls of the same zone. */
  private readonly failureView = new FailureView(this, { zoneId: () => this.zoneId, taskId: () => this.task?.task_id });

  private readonly uiLanguage = new LangController(this);
  private readonly announcer = new LiveAnnouncer(this);

  /** The snapshot the DOM shows, and the one events were last dispatched for. */
  private shown: ChannelSnapshot | undefined;
  private dispatchedFor: ChannelSnapshot | undefined;
  private readonly doneTaskIds = new Set<string>();
  /** Tasks this element saw running: their finish was watched (`import-done`'s `sawPending`). */
  private readonly pendingTaskIds = new Set<string>();

  /** The last task observed, normalized (kept while later fetches fail). */
  get task(): ImportTask | undefined {
    return this.poller.snapshot?.task ?? undefined;
  }

  /** Fetches now and restarts polling, also after DONE or after retrying stopped. */
  refresh(): Promise<void> {
    return this.poller.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('zoneId') || changed.has('fetcher') || changed.has('endpoint')) this.poller.sync();
    const previous = this.shown;
    this.shown = this.poller.snapshot;
    this.state = this.phaseOf(this.shown);
    if (this.shown !== previous) this.announce(this.shown, previous);
  }

  /** Tells screen readers what changed: progress throttled, completion and failures at once. */
  private announce(snapshot: ChannelSnapshot | undefined, previous: ChannelSnapshot | undefined): void {
    const t = messagesFor(this.uiLanguage.locale);
    const task = snapshot?.task;
    if (snapshot?.error) {
      if (snapshot.error !== previous?.error) {
        this.announcer.announce(t.errorNotice(snapshot.error, snapshot.willRetry, undefined, snapshot.gaveUp), true);
      }
    } else if (task === null) {
      this.announcer.announce(t.empty);
    } else if (task) {
      const done = task.status === 'DONE';
      const words = done
        ? `${t.statusWord(task.status)}: ${t.outcome(task.total_count, task.success_count, task.error_count)}`
        : `${t.statusWord(task.status)}: ${t.pendingOutcome(task.success_count + task.error_count, task.total_count)}`;
      this.announcer.announce(words, done && previous?.task?.status !== 'DONE');
    }
  }

  protected override updated(): void {
    const snapshot = this.shown;
    if (snapshot === this.dispatchedFor) return;
    const previous = this.dispatchedFor;
    this.dispatchedFor = snapshot;
    if (!snapshot) return;
    const { task, error } = snapshot;
    if (task && task !== previous?.task) {
      this.dispatchEvent(importProgressEvent(task));
      if (task.status !== 'DONE') this.pendingTaskIds.add(task.task_id);
      else if (!this.doneTaskIds.has(task.task_id)) {
        this.doneTaskIds.add(task.task_id);
        this.dispatchEvent(importDoneEvent(task, this.pendingTaskIds.has(task.task_id)));
      }
    }
    if (error && error !== previous?.error) this.dispatchEvent(importErrorEvent(error, snapshot.willRetry));
  }

  private phaseOf(snapshot: ChannelSnapshot | undefined): DnsImportStatusState {
    if (this.zoneId === '') return 'idle';
    if (!snapshot) return 'loading';
    if (snapshot.error) return 'error';
    if (snapshot.task === null) return 'empty';
    if (snapshot.task === undefined) return 'loading';
    return snapshot.task.status === 'DONE' ? 'done' : 'pending';
  }

  protected override render(): TemplateResult {
    const locale = this.uiLanguage.locale;
    const t = messagesFor(locale);
    const live = html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcer.text}</div>`;
    if (this.zoneId === '') return html`${live}<p part="message">${t.configHint}</p>`;
    const snapshot = this.shown;
    const task = snapshot?.task;
    return html`
      ${live} ${this.renderNotice(t, snapshot)}
      ${task ? this.renderTask(t, locale, task) : nothing}
    `;
  }

  private renderNotice(t: Messages, snapshot: ChannelSnapshot | undefined): TemplateResult | typeof nothing {
    if (snapshot?.error) {
      const { error, willRetry, retryAt, gaveUp } = snapshot;
      const retryIn = retryAt === undefined ? undefined : Math.max(1, Math.round((retryAt - Date.now()) / 1000));
      return html`<div part="message" class="error">
        <span>${clipText(t.errorNotice(error, willRetry, retryIn, gaveUp))}${snapshot.task ? ` ${t.staleData}` : ''}</span>
        <button type="button" @click=${() => void this.refresh()}>${t.retry}</button>
        <span class="details">${clipText(t.errorDetails(error))}</span>
      </div>`;
    }
    if (!snapshot || snapshot.task === undefined) return html`<p part="message" aria-busy="true">${t.loading}</p>`;
    if (snapshot.task === null) {
      return html`<p part="message">${t.empty} <span class="details">${t.emptyHint}</span></p>`;
    }
    return nothing;
  }

  private renderTask(t: Messages, locale: Locale, task: ImportTask): TemplateResult {
    const done = task.status === 'DONE';
    const processed = task.success_count + task.error_count;
    const percent = progressPercent(processed, task.total_count, done);
    const outcomeClass = !done ? 'pending' : task.error_count === 0 ? 'success' : task.success_count === 0 ? 'failed' : 'partial';
    return html`
      <section part="summary" aria-label=${t.progressLabel}>
        <p class="headline">
          <span class="status">${clipText(t.statusWord(task.status))}</span>
          <span class="outcome ${outcomeClass}">
            ${done ? t.outcome(task.total_count, task.success_count, task.error_count) : t.pendingOutcome(processed, task.total_count)}
          </span>
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
        <dl>
          ${this.fact(t.total, task.total_count.toLocaleString(locale))}
          ${this.fact(t.imported, task.success_count.toLocaleString(locale))}
          ${this.fact(t.failed, task.error_count.toLocaleString(locale))}
          ${this.fact(t.taskId, task.task_id, 'code')}
          ${this.timeFact(t.created, task.created_at, locale)} ${this.timeFact(t.updated, task.updated_at, locale)}
          ${this.fact(t.templateLanguage, task.language)} ${this.fact(t.zoneType, task.zone_type)}
        </dl>
      </section>
      ${task.error_items.length > 0 ? this.renderFailures(t, locale, task) : nothing}
    `;
  }

  private fact(label: string, value: string | undefined, className = ''): TemplateResult | typeof nothing {
    return value === undefined ? nothing : html`<div><dt>${label}</dt><dd class=${className}>${clipText(value)}</dd></div>`;
  }

  private timeFact(label: string, text: string | undefined, locale: Locale): TemplateResult | typeof nothing {
    const date = parseApiTime(text);
    if (!date) return this.fact(label, text);
    return html`<div><dt>${label}</dt><dd><time datetime=${date.toISOString()}>${formatTime(date, locale)}</time></dd></div>`;
  }

  private renderFailures(t: Messages, locale: Locale, task: ImportTask): TemplateResult {
    return this.failureView.render({ task, locale, messages: t });
  }
}

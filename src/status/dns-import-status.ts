import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ImportErrorItem, ImportTask, ImportTaskFetcher } from '../api/types.js';
import { dnsImportStatusStyles } from './dns-import-status.styles.js';
import { DEFAULT_HEADING_LEVEL, headingLevelOf } from '../common/heading-level.js';
import { LangController } from '../i18n/lang-controller.js';
import { estimateText, messagesFor, outcomeText, stalledText, tookText } from '../i18n/messages.js';
import { LiveAnnouncer } from './live-announcer.js';
import { ImportWatcherController } from '../watcher/import-watcher-controller.js';
import {
  DEFAULT_GIVE_UP_AFTER_MS,
  DEFAULT_HIDDEN_INTERVAL_MS,
  DEFAULT_INTERVAL_MS,
  DEFAULT_STALL_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
  zoneIdOf,
} from '../polling/config.js';
import type { ChannelSnapshot, RefreshOptions } from '../polling/channel-types.js';
import { renderNotice, renderSummary, type DnsImportStatusState } from './status-templates.js';

export type { DnsImportStatusState, RefreshOptions };

/**
 * Shows the progress and the failed records of a Huawei Cloud DNS batch import, polling the
 * zone's import task while it is PENDING. The failed records are a `<dns-import-failures>`
 * inside it, whose parts it forwards.
 *
 * @summary Progress and failed records of a DNS batch import.
 *
 * @fires {ImportProgressEvent} import-progress - The observed task changed (not on an identical poll). `detail.task`.
 * @fires {ImportDoneEvent} import-done - The task was seen DONE; once per `task_id` per element. `detail.task`; `detail.sawPending` is true when this element saw it PENDING first.
 * @fires {ImportErrorEvent} import-error - A fetch failed or the body was not a task. `detail.error`, `detail.willRetry`.
 * @fires {ImportStalledEvent} import-stalled - No progress for `stall-after` ms of watched polling (this page or, with `share-key`, the polling tab visible); once per stall. `detail.task`; `detail.since` is the epoch ms of the last change.
 *
 * @slot actions - The host's own buttons or links ("Import again", "Download template"), shown beside the summary or notice in every state, after it in the focus order. Styled and handled by the host.
 * @slot empty - Replaces the built-in "no import task yet" message when the zone has no import (a console's own call to action), on screen and in the live region: screen readers hear its text instead.
 *
 * @csspart summary - The status headline, progress bar and task facts.
 * @csspart progress - The progress bar track (role="progressbar").
 * @csspart estimate - Rate and time left while importing (absent until there is a rate, and while stalled); how long the import took when done.
 * @csspart error-list - The scrolling container of the failed-record table (forwarded from `<dns-import-failures>`).
 * @csspart error-item - One failed record, a table row (forwarded from `<dns-import-failures>`).
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
  static override styles = dnsImportStatusStyles;

  static override properties = {
    zoneId: { attribute: 'zone-id' },
    taskKind: { attribute: 'task-kind' },
    endpoint: {},
    interval: { type: Number },
    hiddenInterval: { type: Number, attribute: 'hidden-interval' },
    shareKey: { attribute: 'share-key' },
    notify: { type: Boolean },
    timeout: { type: Number },
    giveUpAfter: { type: Number, attribute: 'give-up-after' },
    stallAfter: { type: Number, attribute: 'stall-after' },
    stalled: { type: Boolean, reflect: true },
    headingLevel: { type: Number, attribute: 'heading-level' },
    fetcher: { attribute: false },
    theme: { reflect: true },
    state: { reflect: true },
  };

  /** The zone whose import task is shown. A change aborts any request and starts over. */
  zoneId = '';

  /**
   * Which task of the zone is shown: `import` (the default), the `.xlsx` import, or
   * `batch-create`, the v2.1 batch-create task the SDKs and API Explorer make. A change starts
   * over. Other values fall back to `import` (with a console warning in development).
   */
  taskKind: 'import' | 'batch-create' = 'import';

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
   * When the import finishes while nobody looks at a sharing page, one system notification for
   * the whole browser. The element never asks for permission: the host asks, on a user gesture.
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

  /**
   * Level of the element's top heading, 1 to 6 (the failed records' heading; the causes' heading
   * is one level below). Default 3: the element usually sits in a section of a console page (h1
   * the page, h2 the section), and 3 is the outline it had before the level could be chosen.
   * Other values fall back to 3 (with a console warning in development).
   */
  headingLevel = DEFAULT_HEADING_LEVEL;

  /** The transport. Default: the built-in HTTP fetcher on `endpoint`. */
  declare fetcher: ImportTaskFetcher | undefined;

  /** Colour scheme: `light` or `dark` forces one; unset follows `prefers-color-scheme` (and the page's `color-scheme`). */
  declare theme: 'light' | 'dark' | undefined;

  /** The element's phase: `idle`, `loading`, `pending`, `done`, `empty` or `error`. Reflected; read-only. */
  state: DnsImportStatusState = 'idle';

  readonly #uiLanguage = new LangController(this);
  readonly #announcer = new LiveAnnouncer(this);

  /** The element's properties are the watcher's options, under the same names. */
  readonly #watch = new ImportWatcherController(this, {
    locale: () => this.#uiLanguage.locale,
    onStall: () => this.#announcer.announce(stalledText(this.#uiLanguage.locale, this.#watch.watcher.stallAfter), true),
  });

  /** `headingLevel`, checked. */
  #level = DEFAULT_HEADING_LEVEL;

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
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) this.#level = headingLevelOf(this.headingLevel, 'dns-import-status');
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
    const messages = messagesFor(this.#uiLanguage.locale);
    const task = snapshot?.task;
    if (snapshot?.error) {
      if (snapshot.error !== previous?.error) {
        this.#announcer.announce(messages.errorNotice(snapshot.error, snapshot.willRetry, undefined, snapshot.gaveUp), true);
      }
    } else if (task === null) {
      // Said as shown: the host's content in slot="empty" takes the built-in message's place, here
      // too (its text as is: the live region lays it out, which collapses the white space).
      const hosted = [...this.querySelectorAll(':scope > [slot=empty]')];
      this.#announcer.announce(hosted.length ? hosted.map((node) => node.textContent).join(' ') : snapshot!.noNewTask ? messages.noNewTask : messages.empty);
    } else if (task) {
      // "No new import within 60 s." answers a refresh the user asked for: said at once, like completion.
      const noNewTask = snapshot!.noNewTask;
      this.#announcer.announce(
        `${messages.statusWord(task.status)}: ${outcomeText(messages, task)}${noNewTask ? ` ${messages.noNewTask}` : ''}`,
        (task.status === 'DONE' && previous?.task?.status !== 'DONE') || (noNewTask && !previous?.noNewTask),
      );
    }
  }

  #phaseOf(snapshot: ChannelSnapshot | undefined): DnsImportStatusState {
    const task = snapshot?.task;
    if (zoneIdOf(this.zoneId) === '') return 'idle';
    if (snapshot?.error) return 'error';
    if (task === null) return 'empty';
    // No snapshot yet, or no task in it yet.
    if (!task) return 'loading';
    return task.status === 'DONE' ? 'done' : 'pending';
  }

  protected override render(): TemplateResult {
    const locale = this.#uiLanguage.locale;
    const messages = messagesFor(locale);
    const task = this.#shown?.task;
    // A stalled import's rate is stale: no estimate until it moves again.
    const timing = !task ? undefined : task.status === 'DONE' ? tookText(locale, task) : this.stalled ? '' : estimateText(locale, this.#watch.watcher.estimator);
    const stalledNotice = this.stalled ? stalledText(locale, this.#watch.watcher.stallAfter) : undefined;
    // Always there, hidden without failed records, so the reader's query and page outlive a
    // moment without a task (a refresh, another endpoint); another zone or import resets them.
    const items = task?.error_items ?? NO_ITEMS;
    return html`
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#announcer.text}</div>
      <div class="head">
        <div @slotchange=${this.#hostContentChanged}>
          ${renderNotice(messages, this.state, this.#shown, this.#retry)}
          ${task ? renderSummary({ messages, locale, task, taskKind: this.#watch.watcher.taskKind, stalledNotice, timing }) : nothing}
        </div>
        <slot name="actions"></slot>
      </div>
      <dns-import-failures
        heading-level=${this.#level}
        exportparts="error-list, error-item"
        ?hidden=${items.length === 0}
        .items=${items}
        zone-id=${this.#watch.watcher.zoneId}
        task-id=${task?.task_id ?? nothing}
      ></dns-import-failures>
    `;
  }

  readonly #retry = (): void => void this.refresh();

  /** The host added or removed content in slot="empty" (the one slot in that box): say what is shown now. */
  readonly #hostContentChanged = (): void => this.#tellScreenReaders(this.#shown, this.#shown);
}

const NO_ITEMS: readonly ImportErrorItem[] = Object.freeze([]);

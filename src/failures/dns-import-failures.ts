/**
 * The failed records of an import: an overview by error code, find/filter/sort controls, one
 * page of the table, and the CSV export. An element of its own, so the reader's query and page
 * are its own state (a keystroke re-renders this list, nothing around it) and a console can
 * show failed records it got from elsewhere.
 *
 * Its cost does not grow with the records on screen: the table shows one page, and what is
 * derived from the whole list (groups, types, the filtered and sorted list) is memoized on
 * the list's identity and the query. `<dns-import-status>` hands over the same array when a
 * poll changed other fields of the task but sent the same records (see same-task.ts), so such
 * a poll recomputes nothing either. For a large list that work runs in slices
 * (work-in-slices.ts) while the list shows what it showed before, whole; a first list, neither
 * filtered nor sorted, shows its first page at once and its causes once they are all counted.
 * Counts, groups and rows never come from a computation half done.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { ImportErrorItem } from '../api/types.js';
import { DEFAULT_HEADING_LEVEL, heading, headingLevelOf } from '../common/heading-level.js';
import { clipText } from '../i18n/format.js';
import { LangController } from '../i18n/lang-controller.js';
import { downloadTextFile } from './download.js';
import { dnsImportFailuresStyles } from './dns-import-failures.styles.js';
import type { FailureGroup } from './failure-groups.js';
import { failureMessagesFor, hintFor, type FailureColumnTitles, type FailureMessages } from './failure-messages.js';
import { emptyFailureQuery, isFiltering, type FailureQuery, type FailureSortKey } from './failure-query.js';
import { failureColumns, failuresCsvFileName, failuresCsvOf, type FailuresCsvColumn } from './failures-csv.js';
import { failureRow } from './failure-row.js';
import { viewSteps, type View } from './failure-view.js';
import { afterNextPaint, atOnce, inSlices, LARGE_LIST } from '../common/work-in-slices.js';

/** Rows per page: enough to scan, few enough that a render stays well under a frame. */
export const FAILURE_PAGE_SIZE = 100;

/**
 * Rows a list that appears builds per frame, starting with more than fit before it scrolls,
 * until its page is whole: a page of rows built and laid out at once is a frame over 50 ms on a
 * slow laptop.
 */
const ROWS_PER_FRAME = 25;

/** Causes shown before "Show all": a long wall of cards hides the table. */
const COLLAPSED_GROUP_COUNT = 12;

/**
 * The failed records of a DNS batch import: causes, find, filter, sort, pages and CSV export.
 * Used by `<dns-import-status>`, and usable alone: set `items` (and `heading-level` to fit the
 * page's outline).
 *
 * @summary The failed records of a DNS batch import, grouped, searchable and exportable.
 *
 * @csspart error-list - The scrolling container of the failed-record table.
 * @csspart error-item - One failed record (a table row).
 *
 * @cssprop --dns-import-status-font - Font family.
 * @cssprop --dns-import-status-text-color - Main text colour.
 * @cssprop --dns-import-status-muted-color - Secondary text colour (labels, hints).
 * @cssprop --dns-import-status-surface-color - Background of the controls and the sticky table header.
 * @cssprop --dns-import-status-border-color - Borders and row separators.
 * @cssprop --dns-import-status-accent-color - Buttons, the selected cause and the focus ring.
 * @cssprop --dns-import-status-success-color - Part of the theme shared with `<dns-import-status>`; the list itself does not use it.
 * @cssprop --dns-import-status-danger-color - The count of each cause.
 * @cssprop --dns-import-status-track-color - Part of the theme shared with `<dns-import-status>`; the list itself does not use it.
 * @cssprop --dns-import-status-radius - Corner radius.
 * @cssprop --dns-import-status-spacing - Base spacing unit.
 * @cssprop --dns-import-status-list-max-height - Height of the failed-record list before it scrolls.
 */
export class DnsImportFailures extends LitElement {
  static override styles = dnsImportFailuresStyles;

  static override properties = {
    items: { attribute: false },
    zoneId: { attribute: 'zone-id' },
    taskId: { attribute: 'task-id' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /** The failed records (`error_items` of a normalized task). Nothing is shown while it is empty. */
  items: readonly ImportErrorItem[] = [];

  /** The zone the records come from: names the CSV file. Another zone starts afresh (query, page). */
  zoneId = '';

  /** The import the records come from (`task_id`): names the CSV file. Another import starts afresh. */
  declare taskId: string | undefined;

  /**
   * Level of the list's heading (1-6; default 3, the level it has inside `<dns-import-status>`
   * by default); the causes' heading is one level below. Other values fall back to 3.
   */
  headingLevel = DEFAULT_HEADING_LEVEL;

  readonly #uiLanguage = new LangController(this);
  #level = DEFAULT_HEADING_LEVEL;

  #query: FailureQuery = emptyFailureQuery;
  /**
   * The page the reader asked for, zero-based. Render shows it clamped to the pages there are
   * and never writes the clamp back: when a shrunken list grows again, the reader is back on
   * the page they chose.
   */
  #page = 0;
  #allGroupsShown = false;
  #zoneIdShown: string | undefined;
  #taskIdShown: string | undefined;
  /** The error code of the group button that had the focus before this update, if any. */
  #focusedCode: string | undefined;

  /** What is shown; a list's identity is enough to know it changed. */
  #view: View | undefined;
  /** Rows of the page rendered: ROWS_PER_FRAME more each frame while a page is built (#buildPage), else all. */
  #pageRows = FAILURE_PAGE_SIZE;
  /** The view being worked out in slices, replaced (and its work dropped) when the list or query changes again. */
  #working: { items: readonly ImportErrorItem[]; query: FailureQuery; abort: AbortController } | undefined;

  /**
   * Another zone, or another import in the same zone (a known `task_id` that differs), starts
   * afresh. A moment without a task id (a refresh under way) is not a new import.
   */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) this.#level = headingLevelOf(this.headingLevel, 'dns-import-failures');
    const { zoneId, taskId } = this;
    if (zoneId !== this.#zoneIdShown || (taskId !== undefined && taskId !== this.#taskIdShown)) {
      this.#zoneIdShown = zoneId;
      this.#taskIdShown = taskId;
      this.#query = emptyFailureQuery;
      this.#page = 0;
      this.#allGroupsShown = false;
    }
    this.#focusedCode = (this.shadowRoot?.activeElement as HTMLElement | null)?.dataset['code'];
    // Not on a server (never connected there): its markup holds the whole page.
    const appearing = this.isConnected && !this.#view?.items.length;
    this.#updateView();
    if (appearing && (this.#view?.items.length ?? 0) > ROWS_PER_FRAME) void this.#buildPage(0);
  }

  /**
   * Renders `rows` rows of the page now and ROWS_PER_FRAME more after each paint until the page
   * is whole; a page already being built goes on from `rows` in the same loop.
   */
  async #buildPage(rows: number): Promise<void> {
    const building = this.#pageRows < FAILURE_PAGE_SIZE;
    this.#pageRows = rows;
    if (building) return;
    while (this.#pageRows < FAILURE_PAGE_SIZE) {
      await afterNextPaint();
      this.#pageRows += ROWS_PER_FRAME;
      this.requestUpdate();
    }
  }

  #updateView(): void {
    const { items } = this;
    const query = this.#query;
    const working = this.#working;
    if (working?.items === items && working.query === query) return;
    working?.abort.abort();
    this.#working = undefined;
    if (this.#view?.items === items && this.#view.query === query) return;
    const steps = viewSteps(items, query, this.#view);
    if (items.length <= LARGE_LIST) {
      const view = atOnce(steps);
      // The reader's new query's rows come a few per frame too (a re-sorted page of 100 rows built
      // at once is a frame over 50 ms on a slow laptop); a new list in place still comes whole.
      if (this.#view?.items === items && view.list !== this.#view.list) void this.#buildPage(ROWS_PER_FRAME);
      this.#view = view;
      return;
    }
    // A first list, unfiltered: its first page needs no work, so it is shown at once, without
    // the causes until they are all counted.
    if (!this.#view?.items.length && !isFiltering(query) && query.sort === 'none') this.#view = { items, query, list: items };
    const abort = new AbortController();
    this.#working = { items, query, abort };
    inSlices(steps, abort.signal).then(
      (view) => {
        if (this.#working?.abort !== abort) return;
        // New rows (a query's result) come a few per frame too, the first ones with the result.
        if (view.list !== this.#view?.list) void this.#buildPage(ROWS_PER_FRAME);
        this.#view = view;
        this.#working = undefined;
        this.requestUpdate();
      },
      () => {}, // Replaced by newer work.
    );
  }

  /**
   * The group buttons are reused by position, so when a new list re-sorts the groups the
   * focused button may now show another cause: the focus follows its cause, so Enter still
   * acts on the group the reader chose. (Lit's `repeat` would move the buttons instead, but
   * moving the focused node drops the focus in Chromium.)
   */
  protected override updated(): void {
    const code = this.#focusedCode;
    const root = this.renderRoot as ShadowRoot;
    if (code === undefined || (root.activeElement as HTMLElement | null)?.dataset['code'] === code) return;
    root.querySelector<HTMLElement>(`[data-code="${CSS.escape(code)}"]`)?.focus();
  }

  protected override render(): TemplateResult | typeof nothing {
    // Nothing before there is a view: a first large list that is filtered or sorted is worked out first.
    const view = this.#view;
    if (!view || view.items.length === 0) return nothing;
    const { items, list } = view;
    const { groups, types, columns } = view.overview ?? { types: [], columns: failureColumns(items) };
    const messages = failureMessagesFor(this.#uiLanguage.locale);
    const filtering = isFiltering(view.query);

    const pageCount = Math.max(1, Math.ceil(list.length / FAILURE_PAGE_SIZE));
    const page = Math.min(this.#page, pageCount - 1);
    const start = page * FAILURE_PAGE_SIZE;
    const rows = list.slice(start, start + FAILURE_PAGE_SIZE);

    const titles = messages.columns;
    return html`
      ${heading(this.#level, messages.heading(items.length), 'failures-heading')}
      ${groups ? this.#renderGroups(messages, groups) : nothing}
      <div class="filters">
        <div class="field search">
          <label for="failure-search">${messages.searchLabel}</label>
          <input
            id="failure-search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            placeholder=${messages.searchPlaceholder}
            name="text"
            .value=${this.#query.text}
            @input=${this.#onControlInput}
            @compositionend=${this.#onControlInput}
          />
        </div>
        <div class="field">
          <label for="failure-type">${messages.typeLabel}</label>
          <select id="failure-type" name="type" @change=${this.#onControlInput}>
            <option value="" .selected=${this.#query.type === ''}>${messages.allTypes}</option>
            ${typeOptions(types, this.#query.type).map(
              (type) => html`<option value=${type} .selected=${type === this.#query.type}>${clipText(type)}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="failure-sort">${messages.sortLabel}</label>
          <select id="failure-sort" name="sort" @change=${this.#onControlInput}>
            ${(Object.keys(messages.sortOption) as FailureSortKey[]).map(
              (key) => html`<option value=${key} .selected=${key === this.#query.sort}>${messages.sortOption[key]}</option>`,
            )}
          </select>
        </div>
        ${isFiltering(this.#query) ? html`<button type="button" class="clear" @click=${this.#clearFilters}>${messages.clearFilters}</button>` : nothing}
      </div>
      <div class="list-bar">
        <p class="showing">${messages.showing(list.length, items.length)}</p>
        <button type="button" class="download" @click=${() => this.#downloadCsv(titles, list, columns, filtering)}>
          ${filtering ? messages.downloadFilteredCsv(list.length, items.length) : messages.downloadCsv}
        </button>
      </div>
      <div part="error-list" tabindex="0" role="region" aria-labelledby="failures-heading" aria-busy=${!!this.#working}>
        <table role="table" aria-rowcount=${list.length + 1}>
          <thead role="rowgroup">
            <tr role="row" aria-rowindex="1">
              ${columns.map((column) => html`<th role="columnheader">${titles[column]}</th>`)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${rows.length === 0
              ? html`<tr role="row"><td role="cell" class="no-match" colspan=${columns.length}>${messages.noMatch}</td></tr>`
              : rows.slice(0, this.#pageRows).map((item, index) => failureRow(item, start + index + 2, columns, titles))}
          </tbody>
        </table>
      </div>
      ${pageCount > 1 ? this.#renderPager(messages, page, start, rows.length, list.length, pageCount) : nothing}
    `;
  }

  #renderGroups(messages: FailureMessages, groups: readonly FailureGroup[]): TemplateResult {
    const collapsible = groups.length > COLLAPSED_GROUP_COUNT;
    let visible = collapsible && !this.#allGroupsShown ? groups.slice(0, COLLAPSED_GROUP_COUNT) : groups;
    // The selected cause stays on screen, so it can always be unselected where it was selected.
    const selected = this.#query.code;
    if (selected !== null && !visible.some((group) => group.code === selected)) {
      visible = [...visible, ...groups.filter((group) => group.code === selected)];
    }
    return html`
      ${heading(this.#level + 1, messages.groupsHeading, 'groups-heading')}
      <ul class="groups" aria-label=${messages.groupsLabel}>
        ${visible.map((group) => {
          const hint = hintFor(messages, group.code);
          // A boolean bound to an attribute is written as "true" or "false", as aria-pressed wants.
          return html`<li>
            <button
              type="button"
              class="group"
              data-code=${group.code}
              aria-pressed=${group.code === selected}
              @click=${() => this.#selectGroup(group.code)}
            >
              <span class="group-head"><span class="count">${messages.count(group.count)}</span><span class="code">${clipText(group.code) || messages.noCode}</span></span>
              ${group.message ? html`<span class="message">${clipText(group.message)}</span>` : nothing}
              ${hint ? html`<span class="hint">${hint}</span>` : nothing}
            </button>
          </li>`;
        })}
      </ul>
      ${collapsible
        ? html`<button type="button" class="more-groups" aria-expanded=${this.#allGroupsShown} @click=${this.#toggleAllGroups}>
            ${this.#allGroupsShown ? messages.showFewerGroups : messages.showAllGroups(groups.length)}
          </button>`
        : nothing}
    `;
  }

  /** `page` is the page shown: the one asked for, clamped to the pages there are. */
  #renderPager(messages: FailureMessages, page: number, start: number, rowCount: number, total: number, pageCount: number): TemplateResult {
    const last = pageCount - 1;
    // `data-page` names the way each button goes: the focus fallback in #goToPage looks it up.
    const pageButton = (way: string, label: string, to: number, disabled: boolean) =>
      html`<button type="button" data-page=${way} ?disabled=${disabled} @click=${(event: Event) => this.#goToPage(to, event)}>
        ${label}
      </button>`;
    return html`<div class="pager" role="group" aria-label=${messages.pagesLabel}>
      ${pageButton('first', messages.firstPage, 0, page === 0)} ${pageButton('previous', messages.previousPage, page - 1, page === 0)}
      <span class="range">${messages.rowRange(start + 1, start + rowCount, total)}</span>
      ${pageButton('next', messages.nextPage, page + 1, page === last)} ${pageButton('last', messages.lastPage, last, page === last)}
    </div>`;
  }

  /** A new query shows its first page. */
  #setQuery(change: Partial<FailureQuery>): void {
    const query = this.#query;
    if ((Object.keys(change) as (keyof FailureQuery)[]).every((key) => change[key] === query[key])) return;
    this.#query = { ...query, ...change };
    this.#page = 0;
    this.requestUpdate();
  }

  /** For the search box and both menus: each control's `name` is the query field it sets. */
  readonly #onControlInput = (event: Event): void => {
    // Mid-composition (pinyin not yet turned into characters) there is nothing to search for yet.
    if ((event as InputEvent).isComposing) return;
    const control = event.target as HTMLInputElement | HTMLSelectElement;
    this.#setQuery({ [control.name]: control.value });
  };

  #selectGroup(code: string): void {
    this.#setQuery({ code: this.#query.code === code ? null : code });
  }

  readonly #clearFilters = (): void => {
    this.#setQuery({ text: '', type: '', code: null });
  };

  readonly #toggleAllGroups = (): void => {
    this.#allGroupsShown = !this.#allGroupsShown;
    this.requestUpdate();
  };

  async #goToPage(page: number, event: Event): Promise<void> {
    const button = event.currentTarget as HTMLButtonElement;
    const root = this.renderRoot as ShadowRoot;
    const hadFocus = root.activeElement === button;
    this.#page = page;
    this.requestUpdate();
    await this.updateComplete;
    const list = root.querySelector('[part~="error-list"]');
    if (list) list.scrollTop = 0;
    // A focused button that becomes disabled drops the focus to the page: keep it in the pager,
    // on the button that still leads away from the end reached. (Lit reuses the pager's
    // buttons, so `button` is still the one pressed.)
    if (hadFocus && button.disabled) root.querySelector<HTMLButtonElement>(`.pager [data-page="${page === 0 ? 'next' : 'previous'}"]`)?.focus();
  }

  /** Exports what the render that drew the button showed: the whole filtered list, every page. */
  #downloadCsv(titles: FailureColumnTitles, list: readonly ImportErrorItem[], columns: FailuresCsvColumn[], filtered: boolean): void {
    downloadTextFile(failuresCsvFileName(this.zoneId, this.taskId ?? '', filtered), failuresCsvOf(list, columns, titles));
  }
}

/** The selected type stays selectable after a poll in which no record has it any more. */
function typeOptions(types: readonly string[], selected: string): readonly string[] {
  return selected === '' || types.includes(selected) ? types : [...types, selected];
}

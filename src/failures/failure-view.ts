/**
 * The failed-record view: an overview by error code, find/filter/sort controls, one page of
 * the table, and the CSV export. A ReactiveController the element owns, because the reader's
 * query and page are state of their own that must outlive each poll (while the zone stays the
 * same) and re-render the host when they change.
 *
 * Its cost does not grow with the records on screen: the table shows one page, and what is
 * derived from the whole list (groups, types, the filtered and sorted list) is memoized on
 * the list's identity and the query. A poll that changed other fields of the task but sent
 * the same records hands over the same array (the channel keeps it, see same-task.ts), so it
 * recomputes nothing either.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
// The messages first, on purpose: the bundler emits modules in import order, and the CSV
// module brings the element's messages right after these (gzip packs them better side by side).
import { failureMessagesFor, type FailureMessages } from './failure-messages.js';
import { buildFailuresCsv, failureColumns, failuresCsvFileName } from './failures-csv.js';
import { downloadTextFile } from './download.js';
import { groupFailuresByCode, type FailureGroup } from './failure-groups.js';
import { applyFailureQuery, emptyFailureQuery, isFiltering, recordTypesOf, type FailureQuery, type FailureSortKey } from './failure-query.js';
import { clipText } from '../i18n/format.js';
import type { Locale, Messages } from '../i18n/messages.js';
import type { ImportErrorItem, ImportTask } from '../api/types.js';

/** Rows per page: enough to scan, few enough that a render stays well under a frame. */
export const FAILURE_PAGE_SIZE = 100;

/** Causes shown before "Show all": a long wall of cards hides the table. */
const COLLAPSED_GROUP_COUNT = 12;

export interface FailureViewConfig {
  /** The zone shown: the query and the page are kept while it and the import stay the same. */
  zoneId(): string;
  /** The import shown (`task_id`), undefined while none is known: a new import starts afresh. */
  taskId(): string | undefined;
}

export interface FailureViewInput {
  task: ImportTask;
  locale: Locale;
  /** The element's messages: the heading and the column titles are shared with it. */
  messages: Messages;
}

/** Derived from the whole list, once per distinct list. */
interface Overview {
  groups: FailureGroup[];
  types: string[];
  hasWeight: boolean;
}

export class FailureView implements ReactiveController {
  #query: FailureQuery = emptyFailureQuery;
  /**
   * The page the reader asked for, zero-based. Render shows it clamped to the pages there are
   * and never writes the clamp back: when a shrunken list grows again, the reader is back on
   * the page they chose.
   */
  #page = 0;
  #allGroupsShown = false;
  #zoneId: string | undefined;
  #taskId: string | undefined;
  /** The error code of the group button that had the focus before this update, if any. */
  #focusedCode: string | undefined;

  /**
   * The list the memos below were computed from. The channel hands over the same array when a
   * poll changed only the counters (same-task.ts), so identity is enough to know it changed.
   */
  #items: readonly ImportErrorItem[] | undefined;
  #overview!: Overview;
  /** The query `#list` was selected with. */
  #listQuery: FailureQuery | undefined;
  #list!: readonly ImportErrorItem[];

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #config: FailureViewConfig;

  constructor(host: ReactiveControllerHost & HTMLElement, config: FailureViewConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  /**
   * Before each render, also those that show no failures: another zone, or another import in
   * the same zone (a known `task_id` that differs), starts afresh. A moment without a task
   * (a refresh under way) is not a new import.
   */
  hostUpdate(): void {
    const zoneId = this.#config.zoneId();
    const taskId = this.#config.taskId();
    if (zoneId !== this.#zoneId || (taskId !== undefined && taskId !== this.#taskId)) this.#reset(zoneId, taskId);
    this.#focusedCode = (this.#host.shadowRoot?.activeElement as HTMLElement | null)?.dataset['code'];
  }

  /**
   * The group buttons are reused by position, so when a poll re-sorts the groups the focused
   * button may now show another cause: the focus follows its cause, so Enter still acts on
   * the group the reader chose. (Lit's `repeat` would move the buttons instead, but moving
   * the focused node drops the focus in Chromium, and it costs 0.7 KB gzip.)
   */
  hostUpdated(): void {
    const code = this.#focusedCode;
    const root = this.#host.shadowRoot;
    if (code === undefined || (root?.activeElement as HTMLElement | null)?.dataset['code'] === code) return;
    root!.querySelector<HTMLElement>(`[data-code="${CSS.escape(code)}"]`)?.focus();
  }

  render(input: FailureViewInput): TemplateResult {
    const t = input.messages;
    const f = failureMessagesFor(input.locale);
    const items = input.task.error_items;
    if (items !== this.#items) {
      this.#items = items;
      this.#overview = {
        groups: groupFailuresByCode(items),
        types: recordTypesOf(items),
        hasWeight: items.some((item) => item.weight !== undefined),
      };
      this.#listQuery = undefined;
    }
    const { groups, types, hasWeight } = this.#overview;
    if (this.#listQuery !== this.#query) this.#list = applyFailureQuery(items, (this.#listQuery = this.#query));
    const list = this.#list;
    const filtering = isFiltering(this.#query);

    const pageCount = Math.max(1, Math.ceil(list.length / FAILURE_PAGE_SIZE));
    const page = Math.min(this.#page, pageCount - 1);
    const start = page * FAILURE_PAGE_SIZE;
    const rows = list.slice(start, start + FAILURE_PAGE_SIZE);

    const c = t.columns;
    const columns = failureColumns(hasWeight);
    return html`
      <h3 id="failures-heading">${t.failuresHeading(items.length)}</h3>
      ${this.#renderGroups(f, groups)}
      <div class="filters">
        <div class="field search">
          <label for="failure-search">${f.searchLabel}</label>
          <input
            id="failure-search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            placeholder=${f.searchPlaceholder}
            name="text"
            .value=${this.#query.text}
            @input=${this.#onControlInput}
            @compositionend=${this.#onControlInput}
          />
        </div>
        <div class="field">
          <label for="failure-type">${f.typeLabel}</label>
          <select id="failure-type" name="type" @change=${this.#onControlInput}>
            <option value="" .selected=${this.#query.type === ''}>${f.allTypes}</option>
            ${typeOptions(types, this.#query.type).map(
              (type) => html`<option value=${type} .selected=${type === this.#query.type}>${clipText(type)}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="failure-sort">${f.sortLabel}</label>
          <select id="failure-sort" name="sort" @change=${this.#onControlInput}>
            ${(Object.keys(f.sortOption) as FailureSortKey[]).map((key) => html`<option value=${key} .selected=${key === this.#query.sort}>${f.sortOption[key]}</option>`)}
          </select>
        </div>
        ${filtering ? html`<button type="button" class="clear" @click=${this.#clearFilters}>${f.clearFilters}</button>` : nothing}
      </div>
      <div class="list-bar">
        <p class="showing">${f.showing(list.length, items.length)}</p>
        <button type="button" class="download" @click=${() => this.#downloadCsv(input, list, hasWeight, filtering)}>
          ${filtering ? f.downloadFilteredCsv(list.length, items.length) : f.downloadCsv}
        </button>
      </div>
      <div part="error-list" tabindex="0" role="region" aria-labelledby="failures-heading">
        <table role="table" aria-rowcount=${list.length + 1}>
          <thead role="rowgroup">
            <tr role="row" aria-rowindex="1">
              ${columns.map((column) => html`<th role="columnheader">${c[column]}</th>`)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            ${rows.length === 0
              ? html`<tr role="row"><td role="cell" class="no-match" colspan=${columns.length}>${f.noMatch}</td></tr>`
              : rows.map((item, i) => renderRow(item, start + i + 2, hasWeight, c))}
          </tbody>
        </table>
      </div>
      ${pageCount > 1 ? this.#renderPager(f, page, start, rows.length, list.length, pageCount) : nothing}
    `;
  }

  #renderGroups(f: FailureMessages, groups: readonly FailureGroup[]): TemplateResult {
    const collapsible = groups.length > COLLAPSED_GROUP_COUNT;
    let visible = collapsible && !this.#allGroupsShown ? groups.slice(0, COLLAPSED_GROUP_COUNT) : groups;
    // The selected cause stays on screen, so it can always be unselected where it was selected.
    const selected = this.#query.code;
    if (selected !== null && !visible.some((group) => group.code === selected)) {
      visible = [...visible, ...groups.filter((group) => group.code === selected)];
    }
    return html`
      <h4>${f.groupsHeading}</h4>
      <ul class="groups" aria-label=${f.groupsLabel}>
        ${visible.map((group) => {
          const hint = f.hint(group.code);
          // A boolean bound to an attribute is written as "true" or "false", as aria-pressed wants.
          return html`<li>
            <button
              type="button"
              class="group"
              data-code=${group.code}
              aria-pressed=${group.code === selected}
              @click=${() => this.#selectGroup(group.code)}
            >
              <span class="group-head"><span class="count">${f.count(group.count)}</span><span class="code">${clipText(group.code) || f.noCode}</span></span>
              ${group.message ? html`<span class="message">${clipText(group.message)}</span>` : nothing}
              ${hint ? html`<span class="hint">${hint}</span>` : nothing}
            </button>
          </li>`;
        })}
      </ul>
      ${collapsible
        ? html`<button type="button" class="more-groups" aria-expanded=${this.#allGroupsShown} @click=${this.#toggleAllGroups}>
            ${this.#allGroupsShown ? f.showFewerGroups : f.showAllGroups(groups.length)}
          </button>`
        : nothing}
    `;
  }

  /** `page` is the page shown: the one asked for, clamped to the pages there are. */
  #renderPager(f: FailureMessages, page: number, start: number, rowCount: number, total: number, pageCount: number): TemplateResult {
    const last = pageCount - 1;
    // `data-page` names the way each button goes: the focus fallback below looks it up.
    const button = (way: string, label: string, to: number, disabled: boolean) =>
      html`<button type="button" data-page=${way} ?disabled=${disabled} @click=${(event: Event) => this.#goToPage(to, event)}>
        ${label}
      </button>`;
    return html`<div class="pager" role="group" aria-label=${f.pagesLabel}>
      ${button('first', f.firstPage, 0, page === 0)} ${button('previous', f.previousPage, page - 1, page === 0)}
      <span class="range">${f.rowRange(start + 1, start + rowCount, total)}</span>
      ${button('next', f.nextPage, page + 1, page === last)} ${button('last', f.lastPage, last, page === last)}
    </div>`;
  }

  #reset(zoneId: string, taskId: string | undefined): void {
    this.#zoneId = zoneId;
    this.#taskId = taskId;
    this.#query = emptyFailureQuery;
    this.#page = 0;
    this.#allGroupsShown = false;
  }

  /** A new query shows its first page. */
  #setQuery(change: Partial<FailureQuery>): void {
    const q = this.#query;
    if ((Object.keys(change) as (keyof FailureQuery)[]).every((key) => change[key] === q[key])) return;
    this.#query = { ...q, ...change };
    this.#page = 0;
    this.#host.requestUpdate();
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
    this.#host.requestUpdate();
  };

  async #goToPage(page: number, event: Event): Promise<void> {
    const button = event.currentTarget as HTMLButtonElement;
    const root = button.getRootNode() as ShadowRoot;
    const hadFocus = root.activeElement === button;
    this.#page = page;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const list = root.querySelector('[part~="error-list"]');
    if (list) list.scrollTop = 0;
    // A focused button that becomes disabled drops the focus to the page: keep it in the pager,
    // on the button that still leads away from the end reached. (Lit reuses the pager's
    // buttons, so `button` is still the one pressed.)
    if (hadFocus && button.disabled) root.querySelector<HTMLButtonElement>(`.pager [data-page="${page === 0 ? 'next' : 'previous'}"]`)?.focus();
  }

  /** Exports what the render that drew the button showed: the whole filtered list, every page. */
  #downloadCsv({ task, messages }: FailureViewInput, list: readonly ImportErrorItem[], hasWeight: boolean, filtered: boolean): void {
    const csv = buildFailuresCsv(list, { includeWeight: hasWeight, headers: messages.columns });
    downloadTextFile(failuresCsvFileName(this.#zoneId ?? '', task.task_id, filtered), csv);
  }
}

/**
 * One record. The explicit roles keep it a table row for screen readers when a narrow
 * container restyles the cells as a stacked block (WebKit drops the semantics of table
 * elements whose `display` changes); `data-label` is the visible field name there.
 */
function renderRow(item: ImportErrorItem, rowIndex: number, hasWeight: boolean, c: Messages['columns']): TemplateResult {
  return html`<tr part="error-item" role="row" aria-rowindex=${rowIndex}>
    <td role="cell">${clipText(item.name)}</td><td role="cell" data-label=${c.type}>${clipText(item.type)}</td>
    <td role="cell" data-label=${c.line}>${clipText(item.line)}</td><td role="cell" data-label=${c.ttl}>${clipText(item.ttl ?? '')}</td>
    ${hasWeight ? html`<td role="cell" data-label=${c.weight}>${clipText(item.weight ?? '')}</td>` : nothing}
    <td role="cell" data-label=${c.value}><ul class="values">${item.value.map((value) => html`<li>${clipText(value)}</li>`)}</ul></td>
    <td role="cell" class="code">${clipText(item.error_code)}</td><td role="cell">${clipText(item.error_message)}</td>
  </tr>`;
}

/** The selected type stays selectable after a poll in which no record has it any more. */
function typeOptions(types: readonly string[], selected: string): readonly string[] {
  return selected === '' || types.includes(selected) ? types : [...types, selected];
}

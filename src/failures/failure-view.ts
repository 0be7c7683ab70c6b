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
import { downloadTextFile } from './download.js';
import { groupFailuresByCode, type FailureGroup } from './failure-groups.js';
import { failureMessagesFor, type FailureMessages } from './failure-messages.js';
import { applyFailureQuery, emptyFailureQuery, recordTypesOf, type FailureQuery, type FailureSortKey } from './failure-query.js';
import { buildFailuresCsv, failuresCsvFileName } from './failures-csv.js';
import { clipText } from '../i18n/format.js';
import type { Locale, Messages } from '../i18n/messages.js';
import type { ImportErrorItem, ImportTask } from '../api/types.js';

/** Rows per page: enough to scan, few enough that a render stays well under a frame. */
export const FAILURE_PAGE_SIZE = 100;

/** Causes shown before "Show all": a long wall of cards hides the table. */
const COLLAPSED_GROUP_COUNT = 12;

const SORT_KEYS: readonly FailureSortKey[] = ['none', 'name', 'type', 'code'];

export interface FailureViewConfig {
  /** The zone shown: the query and the page are kept while it stays the same. */
  zoneId(): string;
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

/** What the last render showed, for the handlers that act on it (export). */
interface Shown {
  input: FailureViewInput;
  list: readonly ImportErrorItem[];
  hasWeight: boolean;
}

type PagerButton = 'first' | 'previous' | 'next' | 'last';

export class FailureView implements ReactiveController {
  private query: FailureQuery = emptyFailureQuery;
  /** Zero-based. */
  private page = 0;
  private allGroupsShown = false;
  private zoneId: string | undefined;

  /** The list the memos below were computed from. */
  private items: readonly ImportErrorItem[] | undefined;
  private overview: Overview | undefined;
  private selection: { query: FailureQuery; list: readonly ImportErrorItem[] } | undefined;
  private shown: Shown | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: FailureViewConfig,
  ) {
    host.addController(this);
  }

  /** Before each render, also those that show no failures: another zone starts afresh. */
  hostUpdate(): void {
    const zoneId = this.config.zoneId();
    if (zoneId !== this.zoneId) this.reset(zoneId);
  }

  render(input: FailureViewInput): TemplateResult {
    const t = input.messages;
    const f = failureMessagesFor(input.locale);
    const items = this.canonical(input.task.error_items);
    const { groups, types, hasWeight } = this.overviewOf(items);
    const list = this.listOf(items);
    const filtering = isFiltering(this.query);

    const pageCount = Math.max(1, Math.ceil(list.length / FAILURE_PAGE_SIZE));
    this.page = Math.min(this.page, pageCount - 1);
    const start = this.page * FAILURE_PAGE_SIZE;
    const rows = list.slice(start, start + FAILURE_PAGE_SIZE);
    this.shown = { input, list, hasWeight };

    const c = t.columns;
    const columnCount = hasWeight ? 8 : 7;
    return html`
      <h3 id="failures-heading">${t.failuresHeading(items.length)}</h3>
      ${this.renderGroups(f, groups)}
      <div class="filters">
        <div class="field search">
          <label for="failure-search">${f.searchLabel}</label>
          <input
            id="failure-search"
            type="search"
            autocomplete="off"
            spellcheck="false"
            placeholder=${f.searchPlaceholder}
            .value=${this.query.text}
            @input=${this.onSearchInput}
            @compositionend=${this.onSearchInput}
          />
        </div>
        <div class="field">
          <label for="failure-type">${f.typeLabel}</label>
          <select id="failure-type" @change=${this.onTypeChange}>
            <option value="" .selected=${this.query.type === ''}>${f.allTypes}</option>
            ${typeOptions(types, this.query.type).map(
              (type) => html`<option value=${type} .selected=${type === this.query.type}>${clipText(type)}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="failure-sort">${f.sortLabel}</label>
          <select id="failure-sort" @change=${this.onSortChange}>
            ${SORT_KEYS.map((key) => html`<option value=${key} .selected=${key === this.query.sort}>${f.sortOption[key]}</option>`)}
          </select>
        </div>
        ${filtering ? html`<button type="button" class="clear" @click=${this.clearFilters}>${f.clearFilters}</button>` : nothing}
      </div>
      <div class="list-bar">
        <p class="showing" role="status">${f.showing(list.length, items.length)}</p>
        <button type="button" class="download" @click=${this.downloadCsv}>
          ${filtering ? f.downloadFilteredCsv(list.length, items.length) : f.downloadCsv}
        </button>
      </div>
      <div part="error-list" tabindex="0" role="region" aria-labelledby="failures-heading">
        <table aria-rowcount=${list.length + 1}>
          <thead>
            <tr aria-rowindex="1">
              <th scope="col">${c.name}</th><th scope="col">${c.type}</th><th scope="col">${c.line}</th>
              <th scope="col">${c.ttl}</th>${hasWeight ? html`<th scope="col">${c.weight}</th>` : nothing}
              <th scope="col">${c.value}</th><th scope="col">${c.error_code}</th><th scope="col">${c.error_message}</th>
            </tr>
          </thead>
          <tbody>
            ${rows.length === 0
              ? html`<tr><td class="no-match" colspan=${columnCount}>${f.noMatch}</td></tr>`
              : rows.map((item, i) => renderRow(item, start + i + 2, hasWeight))}
          </tbody>
        </table>
      </div>
      ${pageCount > 1 ? this.renderPager(f, start, rows.length, list.length, pageCount) : nothing}
    `;
  }

  private renderGroups(f: FailureMessages, groups: readonly FailureGroup[]): TemplateResult {
    const collapsible = groups.length > COLLAPSED_GROUP_COUNT;
    let visible = collapsible && !this.allGroupsShown ? groups.slice(0, COLLAPSED_GROUP_COUNT) : groups;
    // The selected cause stays on screen, so it can always be unselected where it was selected.
    const selected = this.query.code;
    if (selected !== null && !visible.some((group) => group.code === selected)) {
      visible = [...visible, ...groups.filter((group) => group.code === selected)];
    }
    return html`
      <h4 id="failure-groups-heading">${f.groupsHeading}</h4>
      <ul class="groups" aria-label=${f.groupsLabel}>
        ${visible.map((group) => {
          const hint = f.hint(group.code);
          return html`<li>
            <button
              type="button"
              class="group"
              aria-pressed=${group.code === selected ? 'true' : 'false'}
              @click=${() => this.selectGroup(group.code)}
            >
              <span class="group-head"><span class="count">${f.count(group.count)}</span><span class="code">${clipText(group.code) || f.noCode}</span></span>
              ${group.message ? html`<span class="message">${clipText(group.message)}</span>` : nothing}
              ${hint ? html`<span class="hint">${hint}</span>` : nothing}
            </button>
          </li>`;
        })}
      </ul>
      ${collapsible
        ? html`<button type="button" class="more-groups" aria-expanded=${this.allGroupsShown ? 'true' : 'false'} @click=${this.toggleAllGroups}>
            ${this.allGroupsShown ? f.showFewerGroups : f.showAllGroups(groups.length)}
          </button>`
        : nothing}
    `;
  }

  private renderPager(f: FailureMessages, start: number, rowCount: number, total: number, pageCount: number): TemplateResult {
    const atStart = this.page === 0;
    const atEnd = this.page === pageCount - 1;
    const button = (which: PagerButton, label: string, page: number, disabled: boolean) =>
      html`<button type="button" data-page=${which} ?disabled=${disabled} @click=${(event: Event) => this.goToPage(page, which, event)}>
        ${label}
      </button>`;
    return html`<div class="pager" role="group" aria-label=${f.pagesLabel}>
      ${button('first', f.firstPage, 0, atStart)} ${button('previous', f.previousPage, this.page - 1, atStart)}
      <span class="range" role="status">${f.rowRange(start + 1, start + rowCount, total)}</span>
      ${button('next', f.nextPage, this.page + 1, atEnd)} ${button('last', f.lastPage, pageCount - 1, atEnd)}
    </div>`;
  }

  private reset(zoneId: string): void {
    this.zoneId = zoneId;
    this.query = emptyFailureQuery;
    this.page = 0;
    this.allGroupsShown = false;
    this.items = undefined;
    this.overview = undefined;
    this.selection = undefined;
  }

  /**
   * Forgets the memos when the list changes. The channel hands over the same array when a poll
   * changed only the counters (same-task.ts), so identity is enough here.
   */
  private canonical(items: readonly ImportErrorItem[]): readonly ImportErrorItem[] {
    if (items === this.items) return items;
    this.items = items;
    this.overview = undefined;
    this.selection = undefined;
    return items;
  }

  private overviewOf(items: readonly ImportErrorItem[]): Overview {
    this.overview ??= {
      groups: groupFailuresByCode(items),
      types: recordTypesOf(items),
      hasWeight: items.some((item) => item.weight !== undefined),
    };
    return this.overview;
  }

  private listOf(items: readonly ImportErrorItem[]): readonly ImportErrorItem[] {
    if (this.selection?.query !== this.query) this.selection = { query: this.query, list: applyFailureQuery(items, this.query) };
    return this.selection.list;
  }

  /** A new query shows its first page. */
  private setQuery(change: Partial<FailureQuery>): void {
    const next = { ...this.query, ...change };
    const q = this.query;
    if (next.text === q.text && next.type === q.type && next.code === q.code && next.sort === q.sort) return;
    this.query = next;
    this.page = 0;
    this.host.requestUpdate();
  }

  private readonly onSearchInput = (event: Event): void => {
    // Mid-composition (pinyin not yet turned into characters) there is nothing to search for yet.
    if ((event as InputEvent).isComposing) return;
    this.setQuery({ text: (event.target as HTMLInputElement).value });
  };

  private readonly onTypeChange = (event: Event): void => {
    this.setQuery({ type: (event.target as HTMLSelectElement).value });
  };

  private readonly onSortChange = (event: Event): void => {
    this.setQuery({ sort: (event.target as HTMLSelectElement).value as FailureSortKey });
  };

  private selectGroup(code: string): void {
    this.setQuery({ code: this.query.code === code ? null : code });
  }

  private readonly clearFilters = (): void => {
    this.setQuery({ text: '', type: '', code: null });
  };

  private readonly toggleAllGroups = (): void => {
    this.allGroupsShown = !this.allGroupsShown;
    this.host.requestUpdate();
  };

  private async goToPage(page: number, which: PagerButton, event: Event): Promise<void> {
    const button = event.currentTarget as HTMLButtonElement;
    const root = button.getRootNode() as ShadowRoot;
    const hadFocus = root.activeElement === button;
    this.page = page;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const list = root.querySelector('[part~="error-list"]');
    if (list) list.scrollTop = 0;
    // A focused button that becomes disabled drops the focus to the page: keep it in the pager.
    const pressed = root.querySelector<HTMLButtonElement>(`.pager [data-page="${which}"]`);
    if (hadFocus && pressed?.disabled) {
      const fallback = which === 'first' || which === 'previous' ? 'next' : 'previous';
      root.querySelector<HTMLButtonElement>(`.pager [data-page="${fallback}"]`)?.focus();
    }
  }

  private readonly downloadCsv = (): void => {
    const shown = this.shown;
    if (!shown) return;
    const { input, list, hasWeight } = shown;
    const csv = buildFailuresCsv(list, { includeWeight: hasWeight, headers: input.messages.columns });
    downloadTextFile(failuresCsvFileName(this.zoneId ?? '', input.task.task_id, isFiltering(this.query)), csv);
  };
}

function renderRow(item: ImportErrorItem, rowIndex: number, hasWeight: boolean): TemplateResult {
  return html`<tr part="error-item" aria-rowindex=${rowIndex}>
    <td>${clipText(item.name)}</td><td>${clipText(item.type)}</td><td>${clipText(item.line)}</td><td>${clipText(item.ttl ?? '')}</td>
    ${hasWeight ? html`<td>${clipText(item.weight ?? '')}</td>` : nothing}
    <td><ul class="values">${item.value.map((value) => html`<li>${clipText(value)}</li>`)}</ul></td>
    <td class="code">${clipText(item.error_code)}</td><td>${clipText(item.error_message)}</td>
  </tr>`;
}

/** Sorting alone hides nothing; only these make the list (and the export) a subset. */
function isFiltering(query: FailureQuery): boolean {
  return query.text.trim() !== '' || query.type !== '' || query.code !== null;
}

/** The selected type stays selectable after a poll in which no record has it any more. */
function typeOptions(types: readonly string[], selected: string): readonly string[] {
  return selected === '' || types.includes(selected) ? types : [...types, selected];
}

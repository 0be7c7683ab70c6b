// The render benchmark's page (driven by bench/render.bench.js): <dns-import-status> beside a
// naive element that renders every failed record with Lit's `repeat`, both fed the same
// deterministic response body through a fetcher that answers at once, and both normalizing it
// the same way, so the difference measured is the rendering strategy alone.
import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { DnsImportFailures, DnsImportStatus, normalizeImportResponse } from '../../src/index.js';
import type { ImportErrorItem, ImportTask, ImportTaskFetcher } from '../../src/index.js';
import { groupFailuresByCode } from '../../src/failures/failure-groups.js';

const CODES = [
  ['DNS.0806', 'This line is not be supported in this DNS version.'],
  ['DNS.0016', 'The record set already exists.'],
  ['DNS.0308', 'Invalid record value.'],
  ['DNS.1601', 'The line does not exist.'],
] as const;
const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'] as const;

/** A raw API body (as the fetcher resolves it) with `count` failed records, the same on every call. */
function rawBody(count: number, revision: number): unknown {
  const error_items = [];
  for (let i = 0; i < count; i++) {
    // Half one cause, then 30 %, 10 %, 10 %: a realistic, lopsided overview.
    const [code, message] = CODES[i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : i % 10 < 9 ? 2 : 3];
    error_items.push({
      name: `host-${i}.bench.example.com.`,
      type: TYPES[i % TYPES.length],
      line: 'default_view',
      ttl: '300',
      value: [`192.0.${(i >> 8) & 255}.${i & 255}`],
      error_code: code,
      error_message: message,
    });
  }
  return {
    code: 200,
    data: {
      task_id: `bench-task-${count}`,
      status: 'DONE',
      created_at: '2026-11-27T12:00:00.000',
      // A poll update: a new updated_at and one more record imported, the same failed records.
      updated_at: `2026-11-27T12:00:${String(revision % 60).padStart(2, '0')}.000`,
      zone_id: 'bench-zone',
      zone_type: 'public',
      language: 'en-us',
      total_count: count * 2 + revision,
      success_count: count + revision,
      error_count: count,
      error_items,
    },
  };
}

/** Answers at once with the next prepared body (each call one revision later). */
function preparedFetcher(count: number): ImportTaskFetcher {
  const bodies = [rawBody(count, 0), rawBody(count, 1)];
  let calls = 0;
  return () => Promise.resolve(bodies[Math.min(calls++, bodies.length - 1)]);
}

/** Normalizing a body, alone: the part of every poll that is linear in the records whatever the view does. */
async function measureNormalize(count: number, repetitions: number): Promise<number[]> {
  const body = rawBody(count, 0);
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    await pause();
    const start = performance.now();
    normalizeImportResponse(body);
    times.push(performance.now() - start);
  }
  return times;
}

/** Grouping normalized records by error code, alone: 50 codes, three messages each. */
async function measureGrouping(count: number, repetitions: number): Promise<number[]> {
  const items: ImportErrorItem[] = Array.from({ length: count }, (_, i) => ({
    name: `host-${i}.bench.example.com.`, type: 'A', line: 'default_view', ttl: 300, value: ['192.0.2.1'],
    error_code: `DNS.${String(i % 50).padStart(4, '0')}`, error_message: `message ${i % 3}`,
  }));
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    await pause();
    const start = performance.now();
    groupFailuresByCode(items);
    times.push(performance.now() - start);
  }
  return times;
}

/** The naive strategy: every failed record a row, through `repeat`, re-rendered on each poll. */
class NaiveFailureTable extends LitElement {
  static override properties = { task: { state: true } };
  declare task: ImportTask | null | undefined;
  fetcher: ImportTaskFetcher | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refresh();
  }

  async refresh(): Promise<void> {
    const body = await this.fetcher!('bench-zone', { signal: new AbortController().signal });
    this.task = normalizeImportResponse(body);
    await this.updateComplete;
  }

  protected override render(): TemplateResult | typeof nothing {
    const items = this.task?.error_items;
    if (!items) return nothing;
    const hasWeight = items.some((item) => item.weight !== undefined);
    return html`<p>${this.task!.success_count} imported, ${items.length} failed</p>
      <div part="error-list">
        <table>
          <thead><tr><th>Name</th><th>Type</th><th>Line</th><th>TTL</th><th>Value</th><th>Error code</th><th>Error message</th></tr></thead>
          <tbody>
            ${repeat(
              items,
              (item: ImportErrorItem) => item.name,
              (item: ImportErrorItem) => html`<tr part="error-item">
                <td>${item.name}</td><td>${item.type}</td><td>${item.line}</td><td>${item.ttl ?? ''}</td>
                ${hasWeight ? html`<td>${item.weight ?? ''}</td>` : nothing}
                <td><ul>${item.value.map((value) => html`<li>${value}</li>`)}</ul></td>
                <td>${item.error_code}</td><td>${item.error_message}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }
}
customElements.define('naive-failure-table', NaiveFailureTable);

const stage = document.getElementById('stage')!;

/**
 * Time spent in Lit's update (render and commit to the DOM) of each element class: the part of
 * a render that is the view's own, as opposed to normalizing the body and laying out.
 */
const updateTime = new Map<CustomElementConstructor, number>();
for (const elementClass of [DnsImportStatus, DnsImportFailures, NaiveFailureTable]) {
  const prototype = elementClass.prototype as unknown as { update(changed: unknown): void };
  const update = prototype.update;
  updateTime.set(elementClass, 0);
  prototype.update = function (this: unknown, changed: unknown) {
    const start = performance.now();
    try {
      update.call(this, changed);
    } finally {
      updateTime.set(elementClass, updateTime.get(elementClass)! + performance.now() - start);
    }
  };
}

/** Runs `act` and returns how long it took and how much of it was spent in these element classes' Lit updates. */
async function timed(elementClasses: CustomElementConstructor[], act: () => Promise<void>): Promise<[total: number, update: number]> {
  const spent = () => elementClasses.reduce((sum, elementClass) => sum + updateTime.get(elementClass)!, 0);
  const updateBefore = spent();
  const start = performance.now();
  await act();
  return [performance.now() - start, spent() - updateBefore];
}

/** Ours: the status element and the failed-record list it composes. */
const OURS = [DnsImportStatus, DnsImportFailures];

/** The failed-record list inside <dns-import-status>, once rendered. */
function listOf(el: DnsImportStatus): DnsImportFailures {
  return el.shadowRoot!.querySelector('dns-import-failures')!;
}

/** Reading a layout property makes the browser lay out now: the time includes layout, as a user waits for it. */
function settleLayout(el: HTMLElement): void {
  void el.getBoundingClientRect().height;
}

function rowCount(el: HTMLElement): number {
  const root = el instanceof DnsImportStatus ? listOf(el).shadowRoot! : el.shadowRoot!;
  return root.querySelectorAll('[part~="error-item"]').length;
}

function once(el: HTMLElement, type: string): Promise<void> {
  return new Promise((resolve) => el.addEventListener(type, () => resolve(), { once: true }));
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 50));

export interface Sample {
  firstRender: number;
  firstRenderUpdate: number;
  pollUpdate: number;
  pollUpdateUpdate: number;
  rows: number;
}

async function sampleOurs(fetcher: ImportTaskFetcher): Promise<Sample> {
  const el = document.createElement('dns-import-status') as DnsImportStatus;
  el.fetcher = fetcher;
  el.setAttribute('zone-id', `bench-zone-${Math.random()}`);
  const [firstRender, firstRenderUpdate] = await timed(OURS, async () => {
    const done = once(el, 'import-done');
    stage.append(el);
    await done;
    await el.updateComplete;
    await listOf(el).updateComplete;
    settleLayout(el);
  });
  const rows = rowCount(el);
  await pause();

  const [pollUpdate, pollUpdateUpdate] = await timed(OURS, async () => {
    const progressed = once(el, 'import-progress');
    void el.refresh();
    await progressed;
    await el.updateComplete;
    await listOf(el).updateComplete;
    settleLayout(el);
  });
  el.remove();
  return { firstRender, firstRenderUpdate, pollUpdate, pollUpdateUpdate, rows };
}

async function sampleNaive(fetcher: ImportTaskFetcher): Promise<Sample> {
  const el = document.createElement('naive-failure-table') as NaiveFailureTable;
  el.fetcher = fetcher;
  const [firstRender, firstRenderUpdate] = await timed([NaiveFailureTable], async () => {
    stage.append(el);
    await el.refresh();
    settleLayout(el);
  });
  const rows = rowCount(el);
  await pause();

  const [pollUpdate, pollUpdateUpdate] = await timed([NaiveFailureTable], async () => {
    await el.refresh();
    settleLayout(el);
  });
  el.remove();
  return { firstRender, firstRenderUpdate, pollUpdate, pollUpdateUpdate, rows };
}

/** Runs `measure` while observing long tasks; returns its result and the longest task (0 when none reached 50 ms). */
async function withLongTasks<T>(measure: () => Promise<T>): Promise<{ result: T; longestTask: number }> {
  let longestTask = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestTask = Math.max(longestTask, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const result = await measure();
  // Long task entries are delivered after the task ends: let them arrive.
  await pause();
  for (const entry of observer.takeRecords()) longestTask = Math.max(longestTask, entry.duration);
  observer.disconnect();
  return { result, longestTask };
}

export interface Measurement {
  samples: Sample[];
  /** Per run (first render and poll update together): the longest task, 0 when none reached 50 ms. */
  longestTasks: number[];
}

async function measure(kind: 'ours' | 'naive', count: number, repetitions: number): Promise<Measurement> {
  const sample = kind === 'ours' ? sampleOurs : sampleNaive;
  const samples: Sample[] = [];
  const longestTasks: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    // Generated before observing: making up 100,000 records is the benchmark's work, not the element's.
    const fetcher = preparedFetcher(count);
    await pause();
    const { result, longestTask: longest } = await withLongTasks(() => sample(fetcher));
    samples.push(result);
    longestTasks.push(longest);
    await pause();
  }
  return { samples, longestTasks };
}

/** What a reader does on a loaded list, each timed to the end of the re-render (layout included). */
async function measureInteractions(count: number): Promise<Record<string, number>> {
  const el = document.createElement('dns-import-status') as DnsImportStatus;
  el.fetcher = preparedFetcher(count);
  el.setAttribute('zone-id', `bench-zone-i-${Math.random()}`);
  const done = once(el, 'import-done');
  stage.append(el);
  await done;
  await el.updateComplete;
  const list = listOf(el);
  await list.updateComplete;
  const root = list.shadowRoot!;
  const timeInteraction = async (act: () => void) => {
    await pause();
    const start = performance.now();
    act();
    await list.updateComplete;
    settleLayout(el);
    return performance.now() - start;
  };
  const select = (id: string, value: string) => () => {
    const control = root.getElementById(id) as HTMLSelectElement;
    control.value = value;
    control.dispatchEvent(new Event('change'));
  };
  const results: Record<string, number> = {};
  results['next page'] = await timeInteraction(() => root.querySelector<HTMLButtonElement>('.pager [data-page="next"]')!.click());
  results['text filter'] = await timeInteraction(() => {
    const input = root.getElementById('failure-search') as HTMLInputElement;
    input.value = '7';
    input.dispatchEvent(new InputEvent('input'));
  });
  results['sort by name'] = await timeInteraction(select('failure-sort', 'name'));
  results['type filter'] = await timeInteraction(select('failure-type', 'AAAA'));
  results['group filter'] = await timeInteraction(() => root.querySelector<HTMLButtonElement>('button.group')!.click());
  el.remove();
  return results;
}

declare global {
  interface Window {
    renderBench: {
      measure: typeof measure;
      measureInteractions: typeof measureInteractions;
      measureNormalize: typeof measureNormalize;
      measureGrouping: typeof measureGrouping;
    };
  }
}
window.renderBench = { measure, measureInteractions, measureNormalize, measureGrouping };

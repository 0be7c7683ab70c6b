// The render benchmark's page (driven by bench/render.bench.js). Each scenario is one call the
// driver traces, so it can read the longest main-thread task from Chromium's own trace:
// `<dns-import-status>` as shipped (large lists worked out in slices), and beside it the same
// work done at once (today's approach before slicing: normalize, group, filter and sort each in
// one task). Records are generated deterministically before tracing starts; the fetcher hands
// over an already parsed body, so no JSON.parse is counted: every millisecond is the element's.
import { html, render } from 'lit';
import { normalizeImportResponse, type DnsImportFailures, type DnsImportStatus, type ImportErrorItem } from '../../src/index.js';
import { groupFailuresByCode } from '../../src/failures/failure-groups.js';
import { applyFailureQuery, emptyFailureQuery, recordTypesOf, type FailureQuery } from '../../src/failures/failure-query.js';
import { reuseUnchanged } from '../../src/polling/same-task.js';

const CODES = [
  ['DNS.0806', 'This line is not be supported in this DNS version.'],
  ['DNS.0016', 'The record set already exists.'],
  ['DNS.0308', 'Invalid record value.'],
  ['DNS.1601', 'The line does not exist.'],
] as const;
const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'] as const;
/** Typed one letter at a time; every keystroke waits for its result. */
const TYPED = 'host-7';
const SORTS = ['name', 'code', 'type'] as const;

/** A raw API body with `count` failed records, distinct names, in no particular order. */
function rawBody(count: number): unknown {
  const error_items = [];
  for (let i = 0; i < count; i++) {
    // Half one cause, then 30 %, 10 %, 10 %: a realistic, lopsided overview.
    const [code, message] = CODES[i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : i % 10 < 9 ? 2 : 3];
    const n = (i * 7919) % count;
    error_items.push({
      name: `host-${n}.bench.example.com.`,
      type: TYPES[i % TYPES.length],
      line: 'default_view',
      ttl: '300',
      value: [`192.0.${(n >> 8) & 255}.${n & 255}`],
      error_code: code,
      error_message: message,
    });
  }
  return {
    code: 200,
    data: {
      task_id: `bench-task-${count}`, status: 'DONE', created_at: '2026-11-27T12:00:00.000', updated_at: '2026-11-27T12:00:01.000',
      zone_id: 'bench-zone', zone_type: 'public', language: 'en-us',
      total_count: count * 2, success_count: count, error_count: count, error_items,
    },
  };
}

const stage = document.getElementById('stage')!;
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
/**
 * A result counts once painted, as a person sees it: the frame after it was rendered. Layout is
 * left to the browser's own rendering task (forcing it here would add it to the script's task).
 */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let body: unknown;
let ours: DnsImportStatus | undefined;
let atOnce: { items: readonly ImportErrorItem[]; container: HTMLElement } | undefined;

/** Before tracing: the body, and nothing left from the last run. */
function prepare(count: number): void {
  ours?.remove();
  atOnce?.container.remove();
  ours = atOnce = undefined;
  body = rawBody(count);
}

const listOf = (el: DnsImportStatus) => el.shadowRoot!.querySelector<DnsImportFailures>('dns-import-failures');

/** Until the list shows a finished result (rows or "no match", and not busy), laid out. */
async function shown(el: DnsImportStatus): Promise<void> {
  for (;;) {
    const list = listOf(el);
    const region = list?.shadowRoot?.querySelector('[part~="error-list"]');
    if (region && region.getAttribute('aria-busy') !== 'true' && list!.shadowRoot!.querySelector('tbody tr')) break;
    await nextTask();
    await list?.updateComplete;
  }
  await painted();
}

async function timed(act: () => Promise<void> | void): Promise<number> {
  const start = performance.now();
  await act();
  return performance.now() - start;
}

const ourScenarios = {
  /** From the fetcher's answer to the first page of rows on screen (traced until the causes are counted too). */
  firstRender: async () => {
    const el = (ours = document.createElement('dns-import-status'));
    el.fetcher = () => Promise.resolve(body);
    el.setAttribute('zone-id', `bench-zone-${Math.random()}`);
    const start = performance.now();
    stage.append(el);
    while (!listOf(el)?.shadowRoot?.querySelector('tbody tr')) await nextTask();
    await painted();
    const firstRows = performance.now() - start;
    await shown(el);
    return firstRows;
  },
  /** The same answer again, as a fresh object (a custom fetcher that returns objects). */
  identicalPoll: () => timed(() => ours!.refresh()),
  typing: () =>
    timed(async () => {
      const input = listOf(ours!)!.shadowRoot!.getElementById('failure-search') as HTMLInputElement;
      for (let length = 1; length <= TYPED.length; length++) {
        input.value = TYPED.slice(0, length);
        input.dispatchEvent(new InputEvent('input'));
        await listOf(ours!)!.updateComplete;
        await shown(ours!);
      }
    }),
  sorting: () =>
    timed(async () => {
      const root = listOf(ours!)!.shadowRoot!;
      (root.querySelector('button.clear') as HTMLButtonElement | null)?.click();
      for (const sort of SORTS) {
        const select = root.getElementById('failure-sort') as HTMLSelectElement;
        select.value = sort;
        select.dispatchEvent(new Event('change'));
        await listOf(ours!)!.updateComplete;
        await shown(ours!);
      }
    }),
};

/** One page of plain rows: the at-once variant's render, as cheap as a render can be. */
function renderPage(list: readonly ImportErrorItem[], container: HTMLElement): Promise<unknown> {
  render(html`<table>${list.slice(0, 100).map((item) => html`<tr><td>${item.name}</td><td>${item.type}</td><td>${item.value.join(' ')}</td><td>${item.error_code}</td></tr>`)}</table>`, container);
  return painted();
}

/** Each step in one task, as before slicing; the steps of typing and sorting in a task each. */
const atOnceScenarios = {
  firstRender: () =>
    timed(async () => {
      const items = normalizeImportResponse(body)!.error_items;
      const container = document.createElement('div');
      stage.append(container);
      atOnce = { items, container };
      void [groupFailuresByCode(items), recordTypesOf(items), items.some((item) => item.weight !== undefined)];
      await renderPage(items, container);
    }),
  identicalPoll: () =>
    timed(() => {
      const task = normalizeImportResponse(body);
      void reuseUnchanged({ ...task!, error_items: atOnce!.items }, task);
    }),
  typing: () =>
    timed(async () => {
      for (let length = 1; length <= TYPED.length; length++) {
        await renderPage(applyFailureQuery(atOnce!.items, { ...emptyFailureQuery, text: TYPED.slice(0, length) }), atOnce!.container);
      }
    }),
  sorting: () =>
    timed(async () => {
      for (const sort of SORTS) {
        await renderPage(applyFailureQuery(atOnce!.items, { ...emptyFailureQuery, sort } as FailureQuery), atOnce!.container);
      }
    }),
};

declare global {
  interface Window {
    renderBench: { prepare: typeof prepare; ours: typeof ourScenarios; atOnce: typeof atOnceScenarios };
  }
}
window.renderBench = { prepare, ours: ourScenarios, atOnce: atOnceScenarios };

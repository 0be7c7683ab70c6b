// The payload benchmark's page (driven by bench/payload.bench.js): the simulated API's
// `zone-many-100000` (100,000 failed records, about 20 MB of JSON) over real HTTP, timed piece by
// piece, then through the element with a parsed body and end to end on the built-in fetcher.
// Long tasks are collected from the start, so each run can report the longest task it caused.
import { normalizeImportResponse } from '../../src/index.js';
import type { DnsImportStatus, ImportTask } from '../../src/index.js';

const ZONE = 'zone-many-100000';
const url = `/api/dns/v2/zones/${ZONE}/import/recordsets`;

interface LongTask {
  start: number;
  duration: number;
}
const longTasks: LongTask[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
// Ending after `since`: the task that appends the element began before the clock was read.
const tasksSince = (since: number) => longTasks.filter((task) => task.start + task.duration >= since).map((task) => task.duration);

export interface Pieces {
  bytes: number;
  download: number;
  decode: number;
  parse: number;
  normalize: number;
  records: number;
}

/** Download, JSON.parse and normalize, each timed on its own (nothing kept afterwards). */
async function pieces(): Promise<Pieces> {
  let started = performance.now();
  const bytes = await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
  const download = performance.now() - started;
  started = performance.now();
  const text = new TextDecoder().decode(bytes);
  const decode = performance.now() - started;
  started = performance.now();
  const body: unknown = JSON.parse(text);
  const parse = performance.now() - started;
  started = performance.now();
  const task: ImportTask | null = normalizeImportResponse(body);
  const normalize = performance.now() - started;
  return { bytes: bytes.byteLength, download, decode, parse, normalize, records: task?.error_items.length ?? 0 };
}

export interface RenderRun {
  rendered: number;
  rows: number;
  longest: number;
  tasks: number[];
}

/** The element with an already parsed body: first render (its normalize included), and its long tasks. */
async function render(): Promise<RenderRun> {
  let body: unknown = await (await fetch(url, { cache: 'no-store' })).json();
  await frame();
  const el = document.createElement('dns-import-status');
  el.fetcher = async () => body;
  el.zoneId = ZONE;
  const started = performance.now();
  document.body.append(el);
  const list = await listShown(el);
  void document.body.offsetHeight;
  const rendered = performance.now() - started;
  await frame();
  await frame();
  const tasks = tasksSince(started);
  const rows = list.shadowRoot!.querySelectorAll('[part~="error-item"]').length;
  el.remove();
  body = undefined;
  await frame();
  return { rendered, rows, longest: Math.max(0, ...tasks), tasks };
}

/** Until the failed-record list shows its first page: a list this long is worked out in slices. */
async function listShown(el: DnsImportStatus): Promise<HTMLElement> {
  for (;;) {
    const list = el.shadowRoot?.querySelector('dns-import-failures');
    const region = list?.shadowRoot?.querySelector('[part~="error-list"]');
    if (list && region && region.getAttribute('aria-busy') !== 'true' && region.querySelector('[part~="error-item"]')) return list;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface EndToEndRun {
  shown: number;
  longest: number;
  tasks: number[];
}

let shown: DnsImportStatus | undefined;

/** End to end on the built-in fetcher: fetch, text, JSON.parse, normalize, render, laid out. */
async function endToEnd(): Promise<EndToEndRun> {
  await frame();
  const el = document.createElement('dns-import-status');
  el.endpoint = '/api/dns';
  el.zoneId = ZONE;
  const started = performance.now();
  document.body.append(el);
  await listShown(el);
  void document.body.offsetHeight;
  const shownAfter = performance.now() - started;
  await frame();
  await frame();
  const tasks = tasksSince(started);
  shown = el;
  return { shown: shownAfter, longest: Math.max(0, ...tasks), tasks };
}

async function removeShown(): Promise<void> {
  shown?.remove();
  shown = undefined;
  await frame();
  await frame();
}

declare global {
  interface Window {
    payloadBench: { pieces: typeof pieces; render: typeof render; endToEnd: typeof endToEnd; removeShown: typeof removeShown };
  }
}
window.payloadBench = { pieces, render, endToEnd, removeShown };

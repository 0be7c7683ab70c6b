// The render benchmark's page (driven by bench/render.bench.js): `<dns-import-status>` with a
// custom fetcher that hands over a parsed body, as a console's own client would, so no
// JSON.parse is counted. Each poll gets a fresh object, parsed before the measurement starts,
// never the object of the last poll. Records are generated
// deterministically. While a step runs, the page records what a person sees: the gaps between
// painted frames (a requestAnimationFrame loop), the long animation frames (LoAF, over 50 ms)
// and how long each key press took to be painted (Event Timing).
import type { DnsImportFailures, DnsImportStatus } from '../../src/index.js';
import '../../src/index.js';

const CODES = [
  ['DNS.0806', 'This line is not be supported in this DNS version.'],
  ['DNS.0016', 'The record set already exists.'],
  ['DNS.0308', 'Invalid record value.'],
  ['DNS.1601', 'The line does not exist.'],
] as const;
const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'] as const;

/**
 * A raw API body with `count` failed records, distinct names, in no particular order, parsed
 * from its JSON text as a console's own client would hand it over.
 */
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
  return JSON.parse(JSON.stringify({
    code: 200,
    data: {
      task_id: `bench-task-${count}`, status: 'DONE', created_at: '2026-11-27T12:00:00.000', updated_at: '2026-11-27T12:00:01.000',
      zone_id: 'bench-zone', zone_type: 'public', language: 'en-us',
      total_count: count * 2, success_count: count, error_count: count, error_items,
    },
  })) as unknown;
}

const stage = document.getElementById('stage')!;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
/** A result counts once painted, as a person sees it: the task after the frame that showed it. */
const painted = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

let count = 0;
/** What the fetcher hands over at the next poll, once: the heap figures hold no body of the bench's own. */
let body: unknown;
const fetcher = () => {
  const answer = body;
  body = undefined;
  return Promise.resolve(answer);
};
let el: DnsImportStatus | undefined;

/** Before a run: nothing left from the last one, and the body of the first render. */
function prepare(records: number): void {
  el?.remove();
  el = undefined;
  count = records;
  body = rawBody(count);
}

/** Before an identical poll: the same answer as a new object, made outside the measurement. */
function freshBody(): void {
  body = rawBody(count);
}

const listOf = () => el?.shadowRoot?.querySelector<DnsImportFailures>('dns-import-failures');

/**
 * Until the list shows a finished result, its whole first page (or "no match"), not busy,
 * painted; checked once a frame. A page may be built a few rows per frame: all of them count.
 */
async function settled(): Promise<void> {
  for (;;) {
    const root = listOf()?.shadowRoot;
    await listOf()?.updateComplete;
    const busy = root?.querySelector('[part~="error-list"]')?.getAttribute('aria-busy') !== 'false';
    const listed = Number(root?.querySelector('table')?.getAttribute('aria-rowcount')) - 1;
    const rows = root?.querySelectorAll('tbody tr').length ?? 0;
    if (!busy && (listed === 0 ? rows === 1 : rows === Math.min(100, listed))) break;
    await nextFrame();
  }
  await painted();
}

/** From the fetcher's answer to the first page of rows painted (ms); then on until the causes are counted. */
async function firstRender(): Promise<number> {
  el = document.createElement('dns-import-status');
  el.fetcher = fetcher;
  el.setAttribute('zone-id', `bench-zone-${Math.random()}`);
  const start = performance.now();
  stage.append(el);
  while (!listOf()?.shadowRoot?.querySelector('tbody tr')) await nextFrame();
  await painted();
  const firstRows = performance.now() - start;
  await settled();
  return firstRows;
}

/** The same answer again: `refresh()` until it has settled (ms). */
async function identicalPoll(): Promise<number> {
  const start = performance.now();
  await el!.refresh();
  const elapsed = performance.now() - start;
  await painted();
  return elapsed;
}

/** Back to the whole list in the API's order, before sorting. */
async function clearQuery(): Promise<void> {
  listOf()?.shadowRoot?.querySelector<HTMLButtonElement>('button.clear')?.click();
  const sort = listOf()?.shadowRoot?.querySelector<HTMLSelectElement>('#failure-sort');
  if (sort && sort.value !== 'none') {
    sort.value = 'none';
    sort.dispatchEvent(new Event('change'));
  }
  await settled();
}

// What a person sees while a step runs.
let measuring = false;
let lastFrame = 0;
let longestGap = 0;
/** Long animation frames and key-press timings, as delivered (an entry may come after its frame). */
let frames: PerformanceEntry[] = [];
let keys: PerformanceEntry[] = [];

new PerformanceObserver((list) => frames.push(...list.getEntries())).observe({ type: 'long-animation-frame' });
new PerformanceObserver((list) => keys.push(...list.getEntries().filter((entry) => entry.name.startsWith('key')))).observe({
  type: 'event',
  durationThreshold: 16,
} as PerformanceObserverInit);

function onFrame(time: number): void {
  if (!measuring) return;
  longestGap = Math.max(longestGap, time - lastFrame);
  lastFrame = time;
  requestAnimationFrame(onFrame);
}

let since = 0;

/** Starts recording frames once a frame has been painted (the step starts on a painted page). */
async function startMeasuring(): Promise<void> {
  since = lastFrame = await nextFrame();
  longestGap = 0;
  frames = [];
  keys = [];
  measuring = true;
  requestAnimationFrame(onFrame);
}

/** Stops recording; the longest frame gap, long animation frame and key press to paint (0: none reported) of the step. */
async function stopMeasuring(): Promise<{ longestGap: number; longestFrame: number; slowestKey: number }> {
  await painted();
  const until = performance.now();
  measuring = false;
  // The observers' last entries arrive after their frames.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const longest = (entries: PerformanceEntry[]) =>
    Math.max(0, ...entries.filter((entry) => entry.startTime >= since && entry.startTime < until).map((entry) => entry.duration));
  return { longestGap, longestFrame: longest(frames), slowestKey: longest(keys) };
}

const renderBench = { prepare, freshBody, firstRender, identicalPoll, settled, clearQuery, startMeasuring, stopMeasuring };
declare global {
  interface Window {
    renderBench: typeof renderBench;
  }
}
window.renderBench = renderBench;

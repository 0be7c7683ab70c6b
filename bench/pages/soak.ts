// The soak benchmark's page (driven by bench/soak.bench.js): 10,000 polls of a PENDING task whose
// failure list rises from 0 to 240 records and back every 500 polls, on sinon's fake clock (as in
// test/soak.test.ts), then removal and attach/detach cycles. The bench reads the heap between
// steps; this page reports what else must stay bounded: records, shadow DOM nodes, timers and
// page-wide listeners.
import sinon from 'sinon';
import '../../src/index.js';
import type { DnsImportStatus } from '../../src/index.js';

const CODES = ['DNS.0016', 'DNS.0303', 'DNS.0308', 'DNS.0806', 'DNS.1601'];
const TYPES = ['A', 'AAAA', 'CNAME', 'TXT', 'MX'];
const MAX_FAILURES = 240;
// Every checkpoint (1k, 5k, 10k) falls where the list is back to 0: their heaps compare like for like.
const PERIOD = 500;

function failureCount(poll: number): number {
  const phase = poll % PERIOD;
  const half = PERIOD / 2;
  return Math.round((phase < half ? phase / half : (PERIOD - phase) / half) * MAX_FAILURES);
}

function body(poll: number) {
  const failures = failureCount(poll);
  return {
    code: 200,
    data: {
      task_id: 'soak-task', status: 'PENDING', created_at: '2026-11-27T12:00:00.000',
      total_count: 1_000_000, success_count: poll, error_count: failures,
      error_items: Array.from({ length: failures }, (_, i) => ({
        name: `r${i}.soak.example.com.`, type: TYPES[i % 5], line: 'default_view', ttl: 300,
        value: [`192.0.2.${i % 250}`], error_code: CODES[i % 5], error_message: `Record ${i} failed at poll ${poll - (poll % 7)}.`,
      })),
    },
  };
}

// Page-wide listeners, net of removals (window and document), as in test/soak.test.ts.
const listeners = new Set<string>();
const ids = new WeakMap<object, number>();
let nextId = 0;
function idOf(listener: unknown): string {
  if (!listener || (typeof listener !== 'object' && typeof listener !== 'function')) return 'null';
  if (!ids.has(listener)) ids.set(listener, ++nextId);
  return String(ids.get(listener));
}
const listenerKey = (target: EventTarget, type: string, listener: unknown, options?: boolean | EventListenerOptions) =>
  `${JSON.stringify([target === window ? 'w' : 'd', type, typeof options === 'boolean' ? options : !!options?.capture])}#${idOf(listener)}`;
const { addEventListener, removeEventListener } = EventTarget.prototype;
EventTarget.prototype.addEventListener = function (this: EventTarget, type, listener, options) {
  if (this === window || this === document) listeners.add(listenerKey(this, type, listener, options));
  return addEventListener.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (this: EventTarget, type, listener, options) {
  listeners.delete(listenerKey(this, type, listener, options));
  return removeEventListener.call(this, type, listener, options);
};

const flush = async (el?: DnsImportStatus) => {
  for (let i = 0; i < 30; i++) await Promise.resolve();
  await el?.updateComplete;
};
/** Nodes under root, those in the shadow roots of the elements there (the failed-record list's) included. */
function countNodes(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    count++;
    if (node instanceof Element && node.shadowRoot) count += countNodes(node.shadowRoot);
  }
  return count;
}

let clock: sinon.SinonFakeTimers;
let el: DnsImportStatus | undefined;
let polls = 0;
let fetches = 0;

export interface SoakStats {
  polls: number;
  records: number;
  nodes: number;
  timers: number;
  listeners: number;
  state: string;
  msPerPoll?: number;
  msPerCycle?: number;
}

const stats = (): SoakStats => ({
  polls,
  records: el?.task?.error_items.length ?? 0,
  nodes: el ? countNodes(el.shadowRoot!) : 0,
  timers: clock.countTimers(),
  listeners: listeners.size,
  state: el?.state ?? 'removed',
});

async function start(): Promise<SoakStats> {
  clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.UTC(2026, 10, 27, 12) });
  el = document.createElement('dns-import-status');
  el.fetcher = async () => {
    fetches++;
    // Now and then the server fails once: the retry path is part of the run.
    if (fetches % 151 === 0) throw Object.assign(new Error('Service unavailable.'), { status: 503 });
    return body(fetches);
  };
  el.zoneId = 'zone-soak';
  document.body.append(el);
  await flush(el);
  polls = 1;
  return stats();
}

/** Runs polls until `target`; each one: fire timers until the fetcher is called, let it settle and render. */
async function pollUntil(target: number): Promise<SoakStats> {
  const started = performance.now();
  const from = polls;
  while (polls < target) {
    const before = fetches;
    for (let guard = 0; fetches === before; guard++) {
      if (guard > 10) throw new Error(`no poll after ${guard} timers`);
      clock.next();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    }
    polls++;
    await flush(el);
  }
  return { ...stats(), msPerPoll: (performance.now() - started) / Math.max(1, polls - from) };
}

async function remove(): Promise<SoakStats> {
  const removed = el!;
  removed.remove();
  await flush(removed);
  el = undefined;
  return stats();
}

async function cycles(count: number): Promise<SoakStats> {
  const started = performance.now();
  const pending = { code: 200, data: { task_id: 't', status: 'PENDING', total_count: 10, success_count: 5, error_items: [] } };
  for (let cycle = 0; cycle < count; cycle++) {
    const one = document.createElement('dns-import-status');
    one.fetcher = async () => pending;
    one.zoneId = `zone-cycle-${cycle % 4}`;
    document.body.append(one);
    await flush(one);
    if (cycle % 2) {
      clock.next();
      await flush(one);
    }
    one.remove();
    await flush(one);
  }
  return { ...stats(), msPerCycle: (performance.now() - started) / count };
}

function stop(): void {
  clock.restore();
}

declare global {
  interface Window {
    soakBench: { start: typeof start; pollUntil: typeof pollUntil; remove: typeof remove; cycles: typeof cycles; stop: typeof stop };
  }
}
window.soakBench = { start, pollUntil, remove, cycles, stop };

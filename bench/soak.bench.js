// Soak benchmark (`npm run bench -- soak`): the heap over 10,000 polls of a PENDING task whose
// failure list rises from 0 to 240 records and back every 500 polls (sinon's fake clock drives the poll timer,
// as in test/soak.test.ts), then after removal and after 1,000 attach/detach cycles. Headless
// Chromium with --expose-gc; the heap is read through the DevTools protocol after full GCs.
import { printTable, startBenchServer } from '../scripts/harness.js';
import { heapAfterGc, launchMeasuringBrowser, openBenchPage } from './payload.bench.js';

/** Two decimals: the point is to see that the heap does not move. */
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

const CHECKPOINTS = [0, 1_000, 5_000, 10_000];
const CYCLES = 1_000;

const PAGE_SCRIPT = `
import sinon from '/node_modules/sinon/pkg/sinon-esm.js';
import '/src/index.ts';

const CODES = ['DNS.0016', 'DNS.0303', 'DNS.0308', 'DNS.0806', 'DNS.1601'];
const TYPES = ['A', 'AAAA', 'CNAME', 'TXT', 'MX'];
const MAX_FAILURES = 240;
// Every checkpoint (1k, 5k, 10k) falls where the list is back to 0: their heaps compare like for like.
const PERIOD = 500;
const failureCount = (poll) => {
  const phase = poll % PERIOD, half = PERIOD / 2;
  return Math.round((phase < half ? phase / half : (PERIOD - phase) / half) * MAX_FAILURES);
};
const body = (poll) => {
  const failures = failureCount(poll);
  return { code: 200, data: {
    task_id: 'soak-task', status: 'PENDING', created_at: '2026-11-27T12:00:00.000',
    total_count: 1000000, success_count: poll, error_count: failures,
    error_items: Array.from({ length: failures }, (_, i) => ({
      name: 'r' + i + '.soak.example.com.', type: TYPES[i % 5], line: 'default_view', ttl: 300,
      value: ['192.0.2.' + (i % 250)], error_code: CODES[i % 5], error_message: 'Record ' + i + ' failed at poll ' + (poll - (poll % 7)) + '.',
    })),
  } };
};

// Page-wide listeners, net of removals (window and document), as in test/soak.test.ts.
const listeners = new Set();
const { addEventListener, removeEventListener } = EventTarget.prototype;
const key = (target, type, listener, options) => [target === window ? 'w' : 'd', type, typeof options === 'boolean' ? options : !!options?.capture];
EventTarget.prototype.addEventListener = function (type, listener, options) {
  if (this === window || this === document) listeners.add(JSON.stringify(key(this, type, null, options)) + '#' + idOf(listener));
  return addEventListener.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (type, listener, options) {
  listeners.delete(JSON.stringify(key(this, type, null, options)) + '#' + idOf(listener));
  return removeEventListener.call(this, type, listener, options);
};
const ids = new WeakMap();
let nextId = 0;
function idOf(listener) {
  if (!listener) return 'null';
  if (!ids.has(listener)) ids.set(listener, ++nextId);
  return ids.get(listener);
}

const flush = async (el) => {
  for (let i = 0; i < 30; i++) await Promise.resolve();
  await el?.updateComplete;
};
/** Nodes under root, those in the shadow roots of the elements there (the failed-record list's) included. */
const countNodes = (root) => {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    n++;
    if (node.shadowRoot) n += countNodes(node.shadowRoot);
  }
  return n;
};

let clock, el, polls = 0, fetches = 0;
const stats = () => ({ polls, records: el?.task?.error_items.length ?? 0, nodes: el ? countNodes(el.shadowRoot) : 0, timers: clock.countTimers(), listeners: listeners.size, state: el?.state ?? 'removed' });

window.soakBench = {
  async start() {
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
  },
  /** Runs polls until \`target\`; each one: fire timers until the fetcher is called, let it settle and render. */
  async pollUntil(target) {
    const started = performance.now();
    const from = polls;
    while (polls < target) {
      const before = fetches;
      for (let guard = 0; fetches === before; guard++) {
        if (guard > 10) throw new Error('no poll after ' + guard + ' timers');
        clock.next();
        for (let i = 0; i < 10; i++) await Promise.resolve();
      }
      polls++;
      await flush(el);
    }
    return { ...stats(), msPerPoll: (performance.now() - started) / Math.max(1, polls - from) };
  },
  async remove() {
    el.remove();
    await flush(el);
    el = undefined;
    return stats();
  },
  async cycles(n) {
    const started = performance.now();
    const pending = { code: 200, data: { task_id: 't', status: 'PENDING', total_count: 10, success_count: 5, error_items: [] } };
    for (let cycle = 0; cycle < n; cycle++) {
      const one = document.createElement('dns-import-status');
      one.fetcher = async () => pending;
      one.zoneId = 'zone-cycle-' + (cycle % 4);
      document.body.append(one);
      await flush(one);
      if (cycle % 2) {
        clock.next();
        await flush(one);
      }
      one.remove();
      await flush(one);
    }
    return { ...stats(), msPerCycle: (performance.now() - started) / n };
  },
  stop() {
    clock.restore();
  },
};
window.benchReady = true;
`;

export async function run() {
  const server = await startBenchServer();
  const browser = await launchMeasuringBrowser();
  try {
    const page = await openBenchPage(browser, server.url, 'soak', PAGE_SCRIPT);
    const heapEmpty = await heapAfterGc(page);
    const rows = [];
    const row = (moment, stats, heap, extra = '') => ({
      moment,
      'used JS heap': mb(heap),
      'vs. first poll': rows.length === 0 ? '' : `${heap >= rows.base ? '+' : ''}${mb(heap - rows.base)}`,
      'records in the task': stats.records,
      'shadow DOM nodes': stats.nodes,
      timers: stats.timers,
      'page listeners': stats.listeners,
      note: extra,
    });

    let stats = await page.evaluate(() => window.soakBench.start());
    for (const checkpoint of CHECKPOINTS) {
      if (checkpoint > 0) stats = await page.evaluate((target) => window.soakBench.pollUntil(target), checkpoint);
      const heap = await heapAfterGc(page);
      if (rows.length === 0) rows.base = heap;
      const moment = checkpoint === 0 ? 'after the first poll' : `after ${checkpoint.toLocaleString('en')} polls`;
      rows.push(row(moment, stats, heap, stats.msPerPoll ? `${stats.msPerPoll.toFixed(2)} ms per poll` : `${mb(heap - heapEmpty)} over the empty page`));
    }
    stats = await page.evaluate(() => window.soakBench.remove());
    rows.push(row('element removed', stats, await heapAfterGc(page)));
    stats = await page.evaluate((n) => window.soakBench.cycles(n), CYCLES);
    rows.push(row(`after ${CYCLES.toLocaleString('en')} attach/detach cycles`, stats, await heapAfterGc(page), `${stats.msPerCycle.toFixed(2)} ms per cycle`));
    await page.evaluate(() => window.soakBench.stop());

    printTable('Heap over a 10,000-poll soak (failure list 0 → 240 → 0 every 500 polls; a 503 every 151st poll)', rows);
    console.log(`\nEmpty page with the module loaded: ${mb(heapEmpty)}.`);
  } finally {
    await browser.close();
    await server.close();
  }
}

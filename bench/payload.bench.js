// Big payload benchmark (`npm run bench -- payload`): the simulated API's `zone-many-100000`
// (100,000 failed records, about 20 MB of JSON) over real HTTP, in headless Chromium with a
// collectable heap (--expose-gc). Reports the JSON parse, the normalize, the element's first
// render, the longest main-thread task beyond the parse (Long Tasks API), and the heap before,
// with and after the element. Benchmarks measure; they never assert timings.
import { chromium } from 'playwright-core';
import { findChromium } from '../scripts/find-chromium.js';
import { printTable, startBenchServer } from '../scripts/harness.js';

const ZONE = 'zone-many-100000';
const RUNS = 5;
/** The budget: no main-thread task over this beyond the JSON parse itself. */
const BUDGET_MS = 200;

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run',
  // A heap that can be collected on demand, and exact (not bucketed) performance.memory figures.
  '--js-flags=--expose-gc', '--enable-precise-memory-info',
];

export function launchMeasuringBrowser() {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
}

/** An empty page on the bench server's origin, whose module scripts Vite serves from src/. */
export async function openBenchPage(browser, serverUrl, name, script) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error('page error:', error));
  const url = `${serverUrl}/__bench/${name}.html`;
  await page.route(url, (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head>
        <body><script type="module">${script}</script></body></html>`,
    }),
  );
  // Vite may optimize dependencies on first sight: load twice so that no reload lands mid-run.
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.reload({ waitUntil: 'networkidle' });
  await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 60_000 });
  return page;
}

/** Used JS heap after full collections, through the DevTools protocol. */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => window.gc?.());
      await cdp.send('HeapProfiler.collectGarbage');
    }
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const ms = (value) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Median, and the worst run beside it: a budget is about the worst case. */
const spread = (values) => `${ms(median(values))} (worst ${ms(Math.max(...values))})`;

const PAGE_SCRIPT = `
import { normalizeImportResponse } from '/src/api/normalize-import-task.ts';
import '/src/index.ts';

const url = '/api/dns/v2/zones/${ZONE}/import/recordsets';
const longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: true });
const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
// Ending after \`since\`: the task that appends the element began before the clock was read.
const tasksSince = (since) => longTasks.filter((task) => task.start + task.duration >= since).map((task) => task.duration);
/** Until the failed-record list shows its first page: a list this long is worked out in slices. */
async function listShown(el) {
  for (;;) {
    const list = el.shadowRoot.querySelector('dns-import-failures');
    const region = list?.shadowRoot?.querySelector('[part~="error-list"]');
    if (region && region.getAttribute('aria-busy') !== 'true' && region.querySelector('[part~="error-item"]')) return list;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

window.payloadBench = {
  /** Download, JSON.parse and normalize, each timed on its own (nothing kept afterwards). */
  async pieces() {
    let started = performance.now();
    const bytes = await (await fetch(url, { cache: 'no-store' })).arrayBuffer();
    const download = performance.now() - started;
    started = performance.now();
    const text = new TextDecoder().decode(bytes);
    const decode = performance.now() - started;
    started = performance.now();
    let body = JSON.parse(text);
    const parse = performance.now() - started;
    started = performance.now();
    let task = normalizeImportResponse(body);
    const normalize = performance.now() - started;
    const records = task.error_items.length;
    body = task = undefined;
    return { bytes: bytes.byteLength, download, decode, parse, normalize, records };
  },

  /** The element with an already parsed body: first render (its normalize included), and its long tasks. */
  async render() {
    let body = await (await fetch(url, { cache: 'no-store' })).json();
    await frame();
    const el = document.createElement('dns-import-status');
    el.fetcher = async () => body;
    el.zoneId = '${ZONE}';
    const started = performance.now();
    document.body.append(el);
    const list = await listShown(el);
    document.body.offsetHeight;
    const rendered = performance.now() - started;
    await frame();
    await frame();
    const tasks = tasksSince(started);
    const rows = list.shadowRoot.querySelectorAll('[part~="error-item"]').length;
    el.remove();
    body = undefined;
    await frame();
    return { rendered, rows, longest: Math.max(0, ...tasks), tasks };
  },

  /** End to end on the built-in fetcher: fetch, text, JSON.parse, normalize, render, laid out. */
  async endToEnd() {
    await frame();
    const el = document.createElement('dns-import-status');
    el.endpoint = '/api/dns';
    el.zoneId = '${ZONE}';
    const started = performance.now();
    document.body.append(el);
    await listShown(el);
    document.body.offsetHeight;
    const shown = performance.now() - started;
    await frame();
    await frame();
    const tasks = tasksSince(started);
    window.payloadBench.shown = el;
    return { shown, longest: Math.max(0, ...tasks), tasks };
  },

  async removeShown() {
    window.payloadBench.shown.remove();
    window.payloadBench.shown = undefined;
    await frame();
    await frame();
  },
};
window.benchReady = true;
`;

export async function run() {
  const server = await startBenchServer();
  const browser = await launchMeasuringBrowser();
  try {
    const page = await openBenchPage(browser, server.url, 'payload', PAGE_SCRIPT);
    // Warm-up: module compilation, JIT and the simulated API's cache of the 20 MB body.
    await page.evaluate(() => window.payloadBench.pieces());

    const pieces = [];
    for (let i = 0; i < RUNS; i++) pieces.push(await page.evaluate(() => window.payloadBench.pieces()));
    const renders = [];
    for (let i = 0; i < RUNS; i++) {
      await heapAfterGc(page);
      renders.push(await page.evaluate(() => window.payloadBench.render()));
    }

    const ends = [];
    for (let i = 0; i < RUNS - 1; i++) {
      await heapAfterGc(page);
      ends.push(await page.evaluate(() => window.payloadBench.endToEnd()));
      await page.evaluate(() => window.payloadBench.removeShown());
    }
    const heapBefore = await heapAfterGc(page);
    ends.push(await page.evaluate(() => window.payloadBench.endToEnd()));
    const heapShown = await heapAfterGc(page);
    await page.evaluate(() => window.payloadBench.removeShown());
    const heapAfter = await heapAfterGc(page);
    const endToEnd = {
      shown: median(ends.map((e) => e.shown)),
      longest: median(ends.map((e) => e.longest)),
      worst: Math.max(...ends.map((e) => e.longest)),
      longests: ends.map((e) => e.longest),
      tasks: ends.map((e) => e.tasks.map(ms).join(' + ')),
    };

    const parse = median(pieces.map((p) => p.parse));
    const decode = median(pieces.map((p) => p.decode));
    const normalize = median(pieces.map((p) => p.normalize));
    const renderLongest = median(renders.map((r) => r.longest));
    const { bytes, records } = pieces[0];

    printTable(`${records.toLocaleString('en')} failed records, ${mb(bytes)} of JSON (median of ${RUNS})`, [
      { step: 'download (fetch + arrayBuffer)', time: ms(median(pieces.map((p) => p.download))) },
      { step: 'UTF-8 decode (what response.text() adds)', time: ms(decode) },
      { step: 'JSON.parse', time: ms(parse) },
      { step: 'normalizeImportResponse', time: ms(normalize) },
      { step: `first render, parsed body given (normalize included; ${renders[0].rows} rows on the page)`, time: ms(median(renders.map((r) => r.rendered))) },
      { step: 'longest main-thread task during that render', time: spread(renders.map((r) => r.longest)) },
      { step: 'end to end on the built-in fetcher (fetch → laid out)', time: ms(endToEnd.shown) },
      { step: 'longest main-thread task end to end (parse included)', time: spread(endToEnd.longests) },
      { step: 'the same, beyond the JSON parse', time: spread(endToEnd.longests.map((t) => Math.max(0, t - parse))) },
      { step: 'the same, beyond the decode and the JSON parse', time: spread(endToEnd.longests.map((t) => Math.max(0, t - parse - decode))) },
    ]);
    printTable('Heap (used JS heap after full GC)', [
      { moment: 'before the element', heap: mb(heapBefore) },
      { moment: 'element showing the 100,000 records', heap: mb(heapShown), delta: mb(heapShown - heapBefore) },
      { moment: 'after removing the element', heap: mb(heapAfter), delta: mb(heapAfter - heapBefore) },
    ].map((row) => ({ moment: row.moment, heap: row.heap, delta: row.delta ?? '' })));

    const beyondParse = Math.max(Math.max(...renders.map((r) => r.longest)), endToEnd.worst - parse);
    if (beyondParse > BUDGET_MS) {
      console.log(
        `\nOVER BUDGET: a main-thread task of ${ms(beyondParse)} beyond the JSON parse (budget ${BUDGET_MS} ms): ` +
          `normalize ${ms(normalize)}, longest task with a parsed body ${ms(renderLongest)}, ` +
          `worst end to end ${ms(endToEnd.worst)} of which parse ${ms(parse)} and decode ${ms(decode)}. ` +
          `Long tasks (>= 50 ms) of each end-to-end run: ${endToEnd.tasks.join('; ')}.`,
      );
    } else {
      console.log(`\nWithin budget: longest task beyond the parse ${ms(beyondParse)} (budget ${BUDGET_MS} ms).`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

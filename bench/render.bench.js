// Render benchmark (`npm run bench -- render`): the longest main-thread task, read from
// Chromium's own trace, of what a person waits for with 2,000, 10,000 and 100,000 failed
// records: the first render (normalizing, grouping, first page), an identical poll, typing a
// filter letter by letter, and sorting by name, code and type. `<dns-import-status>` works on
// large lists in slices; beside it, the same work done at once (as before slicing). Medians of
// 5 runs, each scenario traced on its own. The fetcher hands over an already parsed body, so
// no JSON.parse is counted (see `npm run bench -- payload` for the whole way over HTTP).
import { launchChromium } from '../scripts/lib/chromium.js';
import { startBenchServer } from '../scripts/lib/harness.js';
import { printTable } from './support.js';

const SIZES = [2_000, 10_000, 100_000];
const RUNS = 5;
const SCENARIOS = [
  ['firstRender', 'first render'],
  ['identicalPoll', 'identical poll'],
  ['typing', 'typing "host-7"'],
  ['sorting', 'sorting: name, code, type'],
];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const ms = (value) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);

/** The longest task on the page's main thread in a trace. */
function longestTask(trace) {
  const mainThreads = new Set(
    trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  let longest = 0;
  for (const e of trace.traceEvents) {
    if (e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && mainThreads.has(`${e.pid}:${e.tid}`)) {
      longest = Math.max(longest, e.dur / 1000);
    }
  }
  return longest;
}

export async function run() {
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error('page error:', error));
    // Vite optimizes the page's dependencies on first sight and then reloads it: load it twice,
    // so no reload can land in the middle of a measurement.
    await page.goto(`${server.url}/bench/pages/render.html`, { waitUntil: 'networkidle' });
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.renderBench !== undefined);

    /** Runs one scenario under the tracer: [longest task, time to the result]. */
    const traced = async (kind, scenario) => {
      await browser.startTracing(page, { categories: ['toplevel'] });
      const elapsed = await page.evaluate(([kind, scenario]) => window.renderBench[kind][scenario](), [kind, scenario]);
      return [longestTask(JSON.parse((await browser.stopTracing()).toString())), elapsed];
    };

    const rows = [];
    for (const count of [1_000, ...SIZES]) {
      const samples = { ours: {}, atOnce: {} };
      // 1,000 records once, unreported: compilation and JIT warm-up are not charged to the first size.
      for (let i = 0; i < (count === 1_000 ? 1 : RUNS); i++) {
        for (const kind of ['ours', 'atOnce']) {
          await page.evaluate((count) => window.renderBench.prepare(count), count);
          for (const [scenario] of SCENARIOS) (samples[kind][scenario] ??= []).push(await traced(kind, scenario));
        }
      }
      if (count === 1_000) continue;
      for (const [scenario, label] of SCENARIOS) {
        const [ours, atOnce] = [samples.ours[scenario], samples.atOnce[scenario]];
        rows.push({
          'failed records': count.toLocaleString('en'),
          step: label,
          'longest task: sliced': ms(median(ours.map(([task]) => task))),
          'at once': ms(median(atOnce.map(([task]) => task))),
          'time to result: sliced': ms(median(ours.map(([, time]) => time))),
          'at once ': ms(median(atOnce.map(([, time]) => time))),
        });
      }
    }
    await page.evaluate(() => window.renderBench.prepare(0));
    printTable(`Longest main-thread task and time to the result, medians of ${RUNS} (headless Chromium, traced)`, rows);
  } finally {
    await browser.close();
    await server.close();
  }
}

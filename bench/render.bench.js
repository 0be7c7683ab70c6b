// Render benchmark (`npm run bench -- render`): time to first render and time of a poll update
// of <dns-import-status> at 1,000, 10,000 and 100,000 failed records, beside a naive Lit
// `repeat` over every row measured in the same browser run, plus the longest main-thread task
// and what common interactions cost. The page is bench/pages/render.html; records are
// generated in the page, deterministically. Times run from handing the element a fetcher (or
// calling refresh()) to the DOM updated and laid out, so they include normalizing the body;
// "(Lit update)" is the part spent in the element's own render and commit. Grouping the records
// by error code (the overview of causes) is timed on its own, at each size.
import { median, ms, onBenchPage, printTable } from './support.js';

const SIZES = [1_000, 10_000, 100_000];
/** Fewer repetitions where one naive render takes seconds. */
const repetitionsFor = (count) => (count >= 100_000 ? 3 : 5);

// The Long Tasks API reports only tasks of 50 ms or more.
const longTask = (value) => (value > 0 ? ms(value) : '< 50 ms');

const INTERACTION_RUNS = 3;

async function measureInteractions(page, count) {
  const runs = [];
  for (let i = 0; i < INTERACTION_RUNS; i++) {
    runs.push(await page.evaluate((count) => window.renderBench.measureInteractions(count), count));
  }
  return {
    'failed records': count.toLocaleString('en'),
    ...Object.fromEntries(Object.keys(runs[0]).map((name) => [name, ms(median(runs.map((run) => run[name])))])),
  };
}

export function run() {
  return onBenchPage('render', () => window.renderBench !== undefined, async (page) => {
    // One small warm-up of each, so module compilation and JIT warm-up are not charged to the first size.
    await page.evaluate(async () => {
      await window.renderBench.measure('ours', 1000, 2);
      await window.renderBench.measure('naive', 1000, 2);
    });

    const rows = [];
    const normalize = [];
    const grouping = [];
    const interactions = [];
    for (const count of SIZES) {
      const repetitions = repetitionsFor(count);
      for (const kind of ['ours', 'naive']) {
        // Before the naive run of the same size: collecting its 100,000 rows would land in these timings.
        if (kind === 'naive') {
          interactions.push(await measureInteractions(page, count));
          const normalizing = await page.evaluate(([count, repetitions]) => window.renderBench.measureNormalize(count, repetitions), [count, repetitions]);
          normalize.push({ 'failed records': count.toLocaleString('en'), 'normalizing one body (median)': ms(median(normalizing)) });
          const grouped = await page.evaluate(([count, repetitions]) => window.renderBench.measureGrouping(count, repetitions), [count, repetitions]);
          grouping.push({ 'failed records': count.toLocaleString('en'), 'grouping by error code: median (worst)': `${ms(median(grouped))} (${ms(Math.max(...grouped))})` });
        }
        const { samples, longestTasks } = await page.evaluate(
          ([kind, count, repetitions]) => window.renderBench.measure(kind, count, repetitions),
          [kind, count, repetitions],
        );
        rows.push({
          'failed records': count.toLocaleString('en'),
          element: kind === 'ours' ? '`<dns-import-status>` (paged)' : 'naive `repeat`',
          'rows in DOM': samples[0].rows.toLocaleString('en'),
          'first render': ms(median(samples.map((s) => s.firstRender))),
          '(Lit update)': ms(median(samples.map((s) => s.firstRenderUpdate))),
          'poll update': ms(median(samples.map((s) => s.pollUpdate))),
          '(Lit update) ': ms(median(samples.map((s) => s.pollUpdateUpdate))),
          'longest task: median (worst)': `${longTask(median(longestTasks))} (${longTask(Math.max(...longestTasks))})`,
          runs: samples.length,
        });
      }
    }
    printTable('Render: time to first render and poll update, medians (headless Chromium)', rows);
    printTable('Of every poll, normalizing the response body (linear in the records, the same for any view)', normalize);
    printTable(`Interactions on <dns-import-status>, one after the other, medians of ${INTERACTION_RUNS} (re-render and layout included)`, interactions);
    // Linear in the records: 100,000 take about a hundred times as long as 1,000.
    printTable('Grouping the failed records by error code (groupFailuresByCode, 50 codes)', grouping);
  });
}

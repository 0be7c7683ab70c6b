// Long-text benchmark (`npm run bench -- long-text`): how long <dns-import-status> takes to render
// and lay out a task whose fields are 64 KiB unbroken words (a TXT value, a proxy's error page in
// error_message, a hostile server). Unclipped, Chromium took seconds per field; the element clips
// what it shows, and test/fuzz-element.test.ts checks the clipping. The page is
// bench/pages/long-text.ts. Benchmarks measure; they never assert timings.
import { median, ms, onBenchPage, printTable } from './support.js';

const RUNS = 5;

export function run() {
  return onBenchPage('long-text', () => 'longTextBench' in window, async (page) => {
    // A warm-up, so module compilation is not charged to the first run.
    await page.evaluate(() => window.longTextBench.measure());
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await page.evaluate(() => window.longTextBench.measure()));
    const row = (step, values) => ({ step, 'median (worst)': `${ms(median(values))} (${ms(Math.max(...values))})` });
    printTable(`A task with four 64 KiB unbroken fields (${RUNS} runs, headless Chromium)`, [
      row('render (normalize included)', runs.map((run) => run.render)),
      row('layout that follows', runs.map((run) => run.layout)),
    ]);
  });
}

// Soak benchmark (`npm run bench -- soak`): the heap over 10,000 polls of a PENDING task whose
// failure list rises from 0 to 240 records and back every 500 polls (sinon's fake clock drives the poll timer,
// as in test/soak.test.ts), then after removal and after 1,000 attach/detach cycles. The page is
// bench/pages/soak.ts; the heap is read through the DevTools protocol after full GCs.
import { heapAfterGc, mb, onBenchPage, printTable } from './support.js';

const CHECKPOINTS = [0, 1_000, 5_000, 10_000];
const CYCLES = 1_000;
/** Two decimals: the point is to see that the heap does not move. */
const mb2 = (bytes) => mb(bytes, 2);

export function run() {
  return onBenchPage('soak', () => 'soakBench' in window, async (page) => {
    const heapEmpty = await heapAfterGc(page);
    const rows = [];
    const row = (moment, stats, heap, extra = '') => ({
      moment,
      'used JS heap': mb2(heap),
      'vs. first poll': rows.length === 0 ? '' : `${heap >= rows.base ? '+' : ''}${mb2(heap - rows.base)}`,
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
      rows.push(row(moment, stats, heap, stats.msPerPoll ? `${stats.msPerPoll.toFixed(2)} ms per poll` : `${mb2(heap - heapEmpty)} over the empty page`));
    }
    stats = await page.evaluate(() => window.soakBench.remove());
    rows.push(row('element removed', stats, await heapAfterGc(page)));
    stats = await page.evaluate((n) => window.soakBench.cycles(n), CYCLES);
    rows.push(row(`after ${CYCLES.toLocaleString('en')} attach/detach cycles`, stats, await heapAfterGc(page), `${stats.msPerCycle.toFixed(2)} ms per cycle`));
    await page.evaluate(() => window.soakBench.stop());

    printTable('Heap over a 10,000-poll soak (failure list 0 → 240 → 0 every 500 polls; a 503 every 151st poll)', rows);
    console.log(`\nEmpty page with the module loaded: ${mb2(heapEmpty)}.`);
  });
}

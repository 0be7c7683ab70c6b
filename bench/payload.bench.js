// Big payload benchmark (`npm run bench -- payload`): the simulated API's `zone-many-100000`
// (100,000 failed records, about 20 MB of JSON) over real HTTP, in headless Chromium with a
// collectable heap (--expose-gc). Reports the JSON parse, the normalize, the element's first
// render, the longest main-thread task beyond the parse (Long Tasks API), and the heap before,
// with and after the element. The page is bench/pages/payload.ts. Benchmarks measure; they
// never assert timings.
import { heapAfterGc, mb, median, ms, onBenchPage, printTable } from './support.js';

const RUNS = 5;
/** The budget: no main-thread task over this beyond the JSON parse itself. */
const BUDGET_MS = 200;
/** Median, and the worst run beside it: a budget is about the worst case. */
const spread = (values) => `${ms(median(values))} (worst ${ms(Math.max(...values))})`;

export function run() {
  return onBenchPage('payload', () => 'payloadBench' in window, async (page) => {
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
  });
}

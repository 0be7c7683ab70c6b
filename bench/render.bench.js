// Render benchmark (`npm run bench -- render`): what a person waits for and sees with 1,000,
// 2,000, 10,000 and 100,000 failed records in `<dns-import-status>`: the first render (normalizing,
// grouping, first page), an identical poll (`refresh()`, the same answer as a fresh object),
// typing a filter key by key (real key presses, each waiting for its result), and sorting by
// name, code and type (`<select>` changes). For each step: the longest main-thread task
// (Chromium's own trace), the longest gap between painted frames (a requestAnimationFrame loop),
// the longest animation frame (LoAF; only frames over 50 ms are reported), the time to the
// result; for the identical poll its JavaScript and GC time (a CPU profile), for typing the
// slowest key press to paint (Event Timing). Medians of 5 runs, the worst beside the frame
// figures; then the used JS heap with the records shown. The fetcher hands over an already
// parsed body, so no JSON.parse is counted (see `npm run bench -- payload` for the whole way
// over HTTP).
import { heapAfterGc, mb, median, ms, onBenchPage, printTable } from './support.js';

// BENCH_RENDER_SIZES=100000 BENCH_RENDER_RUNS=1 for a quick look at one size.
const SIZES = process.env.BENCH_RENDER_SIZES?.split(',').map(Number) ?? [1_000, 2_000, 10_000, 100_000];
/** Run once first, unreported: compilation and JIT warm-up are not charged to the first size. */
const WARM_UP = 500;
const RUNS = Number(process.env.BENCH_RENDER_RUNS ?? 5);
const TYPED = 'host-7';
const SORTS = ['name', 'code', 'type'];
const STEPS = [
  ['firstRender', 'first render'],
  ['identicalPoll', 'identical poll'],
  ['typing', `typing "${TYPED}"`],
  ['sorting', `sorting: ${SORTS.join(', ')}`],
];

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

/** JavaScript and GC time in a CPU profile (ms): every sample but idle time and the browser's own work ("(program)"). */
function scriptAndGcMs({ nodes, samples, timeDeltas }) {
  const notScript = new Set(nodes.filter((n) => ['(idle)', '(program)', '(root)'].includes(n.callFrame.functionName)).map((n) => n.id));
  let total = 0;
  // timeDeltas[i] is the time from sample i - 1 to sample i: the time of sample i runs to the next one.
  for (let i = 0; i < samples.length - 1; i++) if (!notScript.has(samples[i])) total += timeDeltas[i + 1];
  return total / 1000;
}

export function run() {
  return onBenchPage('render', () => 'renderBench' in window, async (page) => {
    const browser = page.context().browser();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    const bench = (method, ...args) => page.evaluate(([method, args]) => window.renderBench[method](...args), [method, args]);
    const search = page.locator('#failure-search');
    const sort = page.locator('#failure-sort');

    /** One step from a painted, collected page: traced, with the frames it painted. */
    const measured = async (act) => {
      await cdp.send('HeapProfiler.collectGarbage');
      await bench('startMeasuring');
      await browser.startTracing(page, { categories: ['toplevel'] });
      const start = performance.now();
      const result = await act();
      const elapsed = typeof result === 'number' ? result : performance.now() - start;
      const task = longestTask(JSON.parse((await browser.stopTracing()).toString()));
      return { task, elapsed, ...(await bench('stopMeasuring')) };
    };

    const rows = [];
    const heapRows = [];
    for (const count of [WARM_UP, ...SIZES]) {
      const samples = Object.fromEntries(STEPS.map(([step]) => [step, []]));
      const scriptMs = [];
      const heap = [];
      for (let i = 0; i < (count === WARM_UP ? 1 : RUNS); i++) {
        await bench('prepare', count);
        samples.firstRender.push(await measured(() => bench('firstRender')));
        await bench('freshBody');
        samples.identicalPoll.push(await measured(() => bench('identicalPoll')));
        // The same poll again, under the CPU profiler instead of the tracer.
        await bench('freshBody');
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('Profiler.start');
        await bench('identicalPoll');
        scriptMs.push(scriptAndGcMs((await cdp.send('Profiler.stop')).profile));
        heap.push(await heapAfterGc(page));

        await search.click();
        samples.typing.push(
          await measured(async () => {
            for (const key of TYPED) {
              await page.keyboard.type(key);
              await bench('settled');
            }
          }),
        );
        await bench('clearQuery');
        samples.sorting.push(
          await measured(async () => {
            for (const key of SORTS) {
              await sort.selectOption(key);
              await bench('settled');
            }
          }),
        );
      }
      if (count === WARM_UP) continue;
      const records = count.toLocaleString('en');
      const worst = (values) => Math.max(...values);
      const withWorst = (values) => `${ms(median(values))} (${ms(worst(values))})`;
      /** For figures reported only above a threshold (LoAF: 50 ms; Event Timing: 16 ms), 0 is "none reported". */
      const overThreshold = (values, none) =>
        worst(values) === 0 ? none : `${median(values) === 0 ? 'none' : ms(median(values))} (${ms(worst(values))})`;
      for (const [step, label] of STEPS) {
        const runs = samples[step];
        const frames = runs.map((r) => r.longestFrame);
        rows.push({
          'failed records': records,
          step: label,
          'longest task': ms(median(runs.map((r) => r.task))),
          'longest frame gap (worst)': withWorst(runs.map((r) => r.longestGap)),
          'longest animation frame (worst)': overThreshold(frames, 'none over 50 ms'),
          'time to result': ms(median(runs.map((r) => r.elapsed))),
          'JS+GC': step === 'identicalPoll' ? withWorst(scriptMs) : '',
          'key press to paint (worst)': step === 'typing' ? overThreshold(runs.map((r) => r.slowestKey), 'all under 16 ms') : '',
        });
      }
      heapRows.push({ 'failed records': records, 'used JS heap, records shown': mb(median(heap)) });
    }
    await bench('prepare', 0);
    printTable(`What a person sees, medians of ${RUNS} (worst in brackets; headless Chromium)`, rows);
    printTable(`Heap after full GC, the element showing the records (median of ${RUNS})`, heapRows);
  });
}

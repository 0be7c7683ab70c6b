// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const browser = page.context().browser();
  const cdp = await page.context().newCDPSession(page);
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  for (const n of [1000, 100000]) { await bench('prepare', n); await bench('firstRender'); }
  for (const key of ['name', 'code', 'type']) {
    await cdp.send('HeapProfiler.collectGarbage');
    await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8', 'disabled-by-default-devtools.timeline'] });
    await page.locator('#failure-sort').selectOption(key);
    await bench('settled');
    const trace = JSON.parse((await browser.stopTracing()).toString());
    const main = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const ev = trace.traceEvents.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    const tasks = ev.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 15000);
    console.log(key, 'long tasks', tasks.length);
    for (const t of tasks) {
      const inside = ev.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
      const top = new Map(); for (const e of inside) top.set(e.name, (top.get(e.name) ?? 0) + e.dur / 1000);
      console.log(`  task ${(t.dur / 1000).toFixed(1)}:`, [...top].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k}=${v.toFixed(1)}`).join(' '));
    }
  }
});

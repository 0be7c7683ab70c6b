// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
const count = Number(process.env.N ?? 2000);
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const browser = page.context().browser();
  const cdp = await page.context().newCDPSession(page);
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  for (const n of [1000, count, count, count]) {
    await bench('prepare', n);
    await cdp.send('HeapProfiler.collectGarbage');
    await bench('startMeasuring');
    if (n === count) await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8', 'blink.user_timing', 'disabled-by-default-devtools.timeline'] });
    await bench('firstRender');
    if (n !== count) continue;
    const trace = JSON.parse((await browser.stopTracing()).toString());
    console.log('measured', JSON.stringify(await bench('stopMeasuring')));
    const main = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
    const ev = trace.traceEvents.filter((e) => main.has(`${e.pid}:${e.tid}`) && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    const tasks = ev.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.dur > 8000);
    for (const t of tasks) {
      const inside = ev.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t);
      const sum = (name) => inside.filter((e) => e.name === name).reduce((s, e) => s + e.dur, 0) / 1000;
      console.log(`task ${(t.dur / 1000).toFixed(1)} ms: FunctionCall ${sum('FunctionCall').toFixed(1)} v8.run ${sum('v8.run').toFixed(1)} RunMicrotasks ${sum('RunMicrotasks').toFixed(1)} UpdateLayoutTree ${sum('UpdateLayoutTree').toFixed(1)} Layout ${sum('Layout').toFixed(1)} PrePaint ${sum('PrePaint').toFixed(1)} Paint ${sum('Paint').toFixed(1)} Layerize ${sum('Layerize').toFixed(1)} Commit ${sum('Commit').toFixed(1)} GC ${(sum('MajorGC') + sum('MinorGC') + sum('V8.GC_MC_BACKGROUND_MARKING')).toFixed(1)} ParseAuthorStyleSheet ${sum('ParseAuthorStyleSheet').toFixed(1)} HitTest ${sum('HitTest').toFixed(1)} IntersectionObserverController::computeIntersections ${sum('IntersectionObserverController::computeIntersections').toFixed(1)}`);
      const top = new Map(); for (const e of inside) top.set(e.name, (top.get(e.name) ?? 0) + e.dur / 1000);
      console.log('   ', [...top].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([k, v]) => `${k}=${v.toFixed(1)}`).join(' '));
    }
  }
});

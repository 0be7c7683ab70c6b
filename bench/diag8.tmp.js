// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
const count = Number(process.env.N ?? 2000);
function totals({ nodes, samples, timeDeltas }, names) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const out = Object.fromEntries(names.map((n) => [n, 0]));
  let js = 0;
  for (let i = 0; i < samples.length - 1; i++) {
    const dt = timeDeltas[i + 1] / 1000;
    const n = byId.get(samples[i]);
    if (!['(idle)', '(program)', '(root)'].includes(n.callFrame.functionName)) js += dt;
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) { const f = byId.get(id).callFrame; const k = `${f.functionName}@${f.url.split('/').pop().split('?')[0]}`; for (const name of names) if (k.startsWith(name) && !seen.has(name)) { seen.add(name); out[name] += dt; } }
  }
  return `js+gc ${js.toFixed(1)} | ` + Object.entries(out).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ');
}
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  for (const n of [1000, count, count, count, count]) {
    await bench('prepare', n);
    await cdp.send('HeapProfiler.collectGarbage');
    if (n === count) await cdp.send('Profiler.start');
    await bench('firstRender');
    if (n === count) console.log(totals((await cdp.send('Profiler.stop')).profile, ['normalizeInSlices@', 'update@dns-import-status.ts', 'render@dns-import-status.ts', 'willUpdate@dns-import-failures', 'render@dns-import-failures', 'renderRow@', 'wholeTokens@', 'update@lit.js', '(garbage collector)@', 'importNode@', 'performUpdate@']));
  }
});

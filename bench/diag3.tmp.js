// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
const count = Number(process.env.N ?? 2000);
function tree({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  for (let i = 0; i < samples.length - 1; i++) {
    const dt = timeDeltas[i + 1] / 1000;
    const n = byId.get(samples[i]);
    const name = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop().split('?')[0]}:${n.callFrame.lineNumber}`;
    self.set(name(n), (self.get(name(n)) ?? 0) + dt);
    const seen = new Set();
    for (let id = n.id; id !== undefined; id = parent.get(id)) { const k = name(byId.get(id)); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt); } }
  }
  const fmt = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k}`).join('\n');
  return `SELF\n${fmt(self)}\nTOTAL\n${fmt(total)}`;
}
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  for (const n of [1000, 2000, count]) {
    await bench('prepare', n);
    await cdp.send('HeapProfiler.collectGarbage');
    if (n === count) await cdp.send('Profiler.start');
    await bench('firstRender');
    if (n === count) console.log(tree((await cdp.send('Profiler.stop')).profile));
  }
});

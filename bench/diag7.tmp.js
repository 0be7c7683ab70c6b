// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
const count = Number(process.env.N ?? 100000);
function top({ nodes, samples, timeDeltas }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  for (let i = 0; i < samples.length - 1; i++) {
    const n = byId.get(samples[i]);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop().split('?')[0]}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + timeDeltas[i + 1] / 1000);
    if (!['(idle)', '(program)', '(root)'].includes(n.callFrame.functionName)) total += timeDeltas[i + 1] / 1000;
  }
  return `JS+GC ${total.toFixed(1)}\n` + [...self].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, v]) => `${v.toFixed(1).padStart(7)} ${k}`).join('\n');
}
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: Number(process.env.INTERVAL ?? 100) });
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  for (const n of [1000, count]) { await bench('prepare', n); await bench('firstRender'); }
  for (let r = 0; r < 3; r++) {
    await bench('freshBody');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Profiler.start');
    await bench('identicalPoll');
    console.log(top((await cdp.send('Profiler.stop')).profile));
  }
});

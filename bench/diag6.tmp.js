// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  await bench('prepare', 2000);
  await bench('firstRender');
  const r = await page.evaluate(async () => {
    const stage = document.getElementById('stage');
    const status0 = stage.querySelector('dns-import-status');
    const task = status0.task;
    status0.remove();
    const res = {};
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    const variants = {
      listSame: async () => { const el = document.createElement('dns-import-failures'); el.items = task.error_items; el.setAttribute('lang', 'en'); stage.append(el); await el.updateComplete; return el; },
      listFresh: async () => { const el = document.createElement('dns-import-failures'); el.items = structuredClone(task.error_items); el.setAttribute('lang', 'en'); stage.append(el); await el.updateComplete; return el; },
      statusHiddenFirst: async () => { const el = document.createElement('dns-import-failures'); el.hidden = true; el.setAttribute('lang', 'en'); stage.append(el); await el.updateComplete; void el.offsetHeight; el.items = task.error_items; el.hidden = false; await el.updateComplete; return el; },
      status: async () => { const el = document.createElement('dns-import-status'); const fresh = { code: 200, data: structuredClone(task) }; el.fetcher = () => Promise.resolve(fresh); el.setAttribute('zone-id', `z${Math.random()}`); el.setAttribute('lang', 'en'); stage.append(el); while (!el.shadowRoot?.querySelector('dns-import-failures')?.shadowRoot?.querySelector('tbody tr')) await Promise.resolve(); return el; },
    };
    for (let round = 0; round < 7; round++) {
      for (const [name, make] of Object.entries(variants)) {
        await frame();
        const t0 = performance.now();
        const el = await make();
        const t1 = performance.now();
        void el.offsetHeight;
        const t2 = performance.now();
        (res[name] ??= []).push([t1 - t0, t2 - t1]);
        await frame();
        el.remove();
      }
    }
    const med = (v) => v.sort((a, b) => a - b)[3].toFixed(1);
    return Object.fromEntries(Object.entries(res).map(([k, v]) => [k, `script ${med(v.map((x) => x[0]))} layout ${med(v.map((x) => x[1]))}`]));
  });
  console.log(r);
});

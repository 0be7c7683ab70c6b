// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  await bench('prepare', 2000);
  await bench('firstRender');
  const r = await page.evaluate(async (variants) => {
    const stage = document.getElementById('stage');
    const status0 = stage.querySelector('dns-import-status');
    const task = status0.task;
    const body = { code: 200, data: JSON.parse(JSON.stringify(task)) };
    status0.remove();
    const res = {};
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
    for (let round = 0; round < 7; round++) {
      for (const [name, css] of Object.entries(variants)) {
        await frame();
        const el = document.createElement('dns-import-status');
        const fresh = structuredClone(body);
        el.fetcher = () => Promise.resolve(fresh);
        el.setAttribute('zone-id', `z${Math.random()}`);
        el.setAttribute('lang', 'en');
        const t0 = performance.now();
        stage.append(el);
        while (!el.shadowRoot?.querySelector('dns-import-failures')?.shadowRoot?.querySelector('tbody tr')) await Promise.resolve();
        const list = el.shadowRoot.querySelector('dns-import-failures');
        if (css) {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          list.shadowRoot.adoptedStyleSheets = [...list.shadowRoot.adoptedStyleSheets, sheet];
        }
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
  }, {
    base: '',
    rows25: 'tbody tr:nth-child(n+26){display:none}',
    noTable: 'table{display:none}',
  });
  console.log(r);
});

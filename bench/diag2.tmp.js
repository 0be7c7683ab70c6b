// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  await bench('prepare', 2000);
  await bench('firstRender');
  const r = await page.evaluate(async (variants) => {
    const stage = document.getElementById('stage');
    const status = stage.querySelector('dns-import-status');
    const items = status.task.error_items;
    const res = {};
    for (let round = 0; round < 7; round++) {
      for (const [name, css] of Object.entries(variants)) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        const el = document.createElement('dns-import-failures');
        el.items = items;
        el.setAttribute('lang', 'en');
        const t0 = performance.now();
        stage.append(el);
        if (css) {
          const sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, sheet];
        }
        await el.updateComplete;
        const t1 = performance.now();
        void el.offsetHeight;
        const t2 = performance.now();
        let t3 = t2;
        if (name.startsWith('rows')) {
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
          el.shadowRoot.adoptedStyleSheets = el.shadowRoot.adoptedStyleSheets.slice(0, -1);
          const t = performance.now();
          void el.offsetHeight;
          t3 = t2 + performance.now() - t;
        }
        (res[name] ??= []).push([t1 - t0, t2 - t1, t3 - t2]);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r)));
        el.remove();
      }
    }
    const med = (v) => v.sort((a, b) => a - b)[3].toFixed(1);
    return Object.fromEntries(Object.entries(res).map(([k, v]) => [k, `script ${med(v.map((x) => x[0]))} layout ${med(v.map((x) => x[1]))} then ${med(v.map((x) => x[2]))}`]));
  }, {
    base: '',
    tokenInline: '.token{display:inline;width:auto;max-width:none}',
    tokenNoMax: '.token{max-width:none}',
    tokenNoWidth: '.token{width:auto}',
    tableFixed: 'table{table-layout:fixed}',
    noAnywhere: 'td,td:first-child,td:last-child,.values{overflow-wrap:normal}',
    rows20: 'tbody tr:nth-child(n+21){display:none}',
    rows25: 'tbody tr:nth-child(n+26){display:none}',
    rows50: 'tbody tr:nth-child(n+51){display:none}',
    noGroups: '.groups{display:none}',
    noTable: 'table{display:none}',
    noSticky: 'th{position:static}',
    noCq: ':host{container-type:normal}',
    containStrict: '[part=error-list]{contain:strict;height:24rem}',
  });
  console.log(r);
});

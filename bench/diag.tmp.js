// temporary diagnostic, not committed
import { onBenchPage } from './support.js';
const count = Number(process.env.N ?? 100000);
const what = process.env.WHAT ?? 'first';
await onBenchPage('render', () => 'renderBench' in window, async (page) => {
  const bench = (m, ...a) => page.evaluate(([m, a]) => window.renderBench[m](...a), [m, a]);
  await page.evaluate(() => {
    window.loafs = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.loafs.push(e); }).observe({ type: 'long-animation-frame' });
    window.dump = () => window.loafs.map((e) => ({ d: Math.round(e.duration), block: Math.round(e.blockingDuration), styleLayout: Math.round(e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0), renderStart: Math.round(e.renderStart - e.startTime), scripts: e.scripts.map((s) => `${s.invokerType}:${s.invoker} ${s.sourceFunctionName}@${(s.sourceURL||'').split('/').pop()} ${Math.round(s.duration)}ms fsl=${Math.round(s.forcedStyleAndLayoutDuration)}`) }));
  });
  for (const n of [1000, count]) {
    await bench('prepare', n);
    await page.evaluate(() => { window.loafs = []; });
    await bench('firstRender');
    if (what === 'first' && n === count) console.log(JSON.stringify(await page.evaluate(() => window.dump()), null, 1));
  }
  if (what === 'type') {
    await page.locator('#failure-search').click();
    for (const key of 'host-7') {
      await page.evaluate(() => { window.loafs = []; });
      await page.keyboard.type(key);
      await bench('settled');
      await new Promise((r) => setTimeout(r, 100));
      console.log(key, JSON.stringify(await page.evaluate(() => window.dump())));
    }
  }
  if (what === 'sort') {
    for (const key of ['name', 'code', 'type']) {
      await page.evaluate(() => { window.loafs = []; });
      await page.locator('#failure-sort').selectOption(key);
      await bench('settled');
      console.log(key, JSON.stringify(await page.evaluate(() => window.dump()), null, 1));
    }
  }
});

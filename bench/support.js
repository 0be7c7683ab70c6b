// What the benchmarks (bench/*.bench.js) share: a bench page (bench/pages/<name>.html, typed and
// checked by tsc like src/) opened in Chromium from scripts/lib/chromium.js on the Vite server of
// scripts/lib/harness.js, the heap read after full collections, medians and number formats, and the
// Markdown tables they print. Benchmarks measure; they never assert timings.
import { launchChromium } from '../scripts/lib/chromium.js';
import { openPage, startBenchServer } from '../scripts/lib/harness.js';

/**
 * Starts the server and the browser, opens bench/pages/<name>.html (at 1280 × 900) once
 * `ready` holds in it, runs `measure(page)`, and closes everything whatever happens.
 */
export async function onBenchPage(name, ready, measure) {
  const server = await startBenchServer();
  const browser = await launchChromium();
  try {
    const page = await openPage(browser, `${server.url}/bench/pages/${name}.html`, ready, { viewport: { width: 1280, height: 900 } });
    return await measure(page);
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Used JS heap after full collections (window.gc, exposed by scripts/lib/chromium.js's flags, and the DevTools protocol's). */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => window.gc?.());
      await cdp.send('HeapProfiler.collectGarbage');
    }
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach();
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const ms = (value) => (value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`);
export const mb = (bytes, digits = 1) => `${(bytes / 1024 / 1024).toFixed(digits)} MB`;

/** Prints rows (objects with the same keys) as a Markdown table, ready for docs/benchmarks.md. */
export function printTable(title, rows) {
  const keys = Object.keys(rows[0] ?? {});
  console.log(`\n### ${title}\n`);
  console.log(`| ${keys.join(' | ')} |`);
  console.log(`| ${keys.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${keys.map((k) => row[k]).join(' | ')} |`);
}

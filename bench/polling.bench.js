// Requests per simulated minute (interval 2 s): our element beside a naive setInterval poller,
// both measured in the same headless Chromium run. See bench/pages/polling.ts.
import { onBenchPage, printTable } from './support.js';

export function run() {
  return onBenchPage('polling', () => 'runPollingBench' in window, async (page) => {
    const rows = await page.evaluate(() => window.runPollingBench());
    printTable('Requests in one simulated minute (interval 2000 ms)', rows.map((r) => ({
      scenario: r.scenario, 'dns-import-status': r.ours, 'naive setInterval': r.naive,
    })));
  });
}

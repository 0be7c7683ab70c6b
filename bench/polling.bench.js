// Requests per simulated minute (interval 2 s): our element beside a naive setInterval poller,
// both measured in the same headless Chromium run. See bench/pages/polling.ts.
import { launchBrowser, openPage, printTable, startBenchServer } from '../scripts/harness.js';

export async function run() {
  const server = await startBenchServer();
  const browser = await launchBrowser();
  try {
    const page = await openPage(browser, `${server.url}/bench/pages/polling.html`, () => 'runPollingBench' in window);
    const rows = await page.evaluate(() => window.runPollingBench());
    printTable('Requests in one simulated minute (interval 2000 ms)', rows.map((r) => ({
      scenario: r.scenario, 'dns-import-status': r.ours, 'naive setInterval': r.naive,
    })));
  } finally {
    await browser.close();
    await server.close();
  }
}

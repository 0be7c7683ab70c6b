// Shared by the benchmarks and the screenshots: a Vite server (the demo's config, so the simulated DNS API is
// mounted, serving src/ with Lit's production build) and headless Debian Chromium driven by
// playwright-core. Benchmarks measure; they never assert timings.
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { findChromium } from './find-chromium.js';

export async function startBenchServer(port = 0) {
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'error',
    // Lit's production build, as users get it; 'development' would add dev-mode checks.
    resolve: { conditions: ['production', 'module', 'browser'] },
    // No HMR and no file watching: an edit elsewhere in the tree must not reload a page mid-measurement.
    server: { port, host: '127.0.0.1', open: false, strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  const address = server.httpServer.address();
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/**
 * Opens a bench page. The first visit lets Vite discover and pre-bundle the page's
 * dependencies (it reloads the page when it does); the second visit is the measured one.
 */
export async function openPage(browser, url, readyFunction) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  await page.goto(url);
  if (readyFunction) await page.waitForFunction(readyFunction);
  return page;
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Prints rows (objects with the same keys) as a Markdown table, ready for the README. */
export function printTable(title, rows) {
  const keys = Object.keys(rows[0] ?? {});
  console.log(`\n### ${title}\n`);
  console.log(`| ${keys.join(' | ')} |`);
  console.log(`| ${keys.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${keys.map((k) => row[k]).join(' | ')} |`);
}

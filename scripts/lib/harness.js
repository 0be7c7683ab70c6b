// Shared by the benchmarks and the screenshots: a Vite server (the demo's config, so the simulated
// DNS API is mounted, serving src/ with Lit's production build) and a way to open its pages in a
// browser from scripts/lib/chromium.js without a reload landing mid-measurement.
import { createServer } from 'vite';

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
 * Opens a page of the Vite server. The first visit lets Vite discover and pre-bundle the page's
 * dependencies (it reloads the page when it does); the second visit is the one used. Page errors
 * are printed: a benchmark or a screenshot of a broken page must not pass unnoticed.
 */
export async function openPage(browser, url, readyFunction, { viewport } = {}) {
  const page = await browser.newPage(viewport ? { viewport } : {});
  page.on('pageerror', (error) => console.error('page error:', error));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.goto(url, { waitUntil: 'networkidle' });
  if (readyFunction) await page.waitForFunction(readyFunction, undefined, { timeout: 60_000 });
  return page;
}

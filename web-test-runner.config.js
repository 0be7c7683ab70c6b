// web-test-runner: every test runs in a real browser, importing src/ through esbuild.
// Engines: Chromium by default; BROWSERS=firefox, webkit, a comma list or `all` selects others
// (scripts/lib/engines.js). `npm run test:all` runs each engine in turn (scripts/test-engines.js).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { litSsrPlugin } from '@lit-labs/testing/web-test-runner-ssr-plugin.js';
import { chromeLauncher, puppeteerCore } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { chromiumLaunchOptions } from './scripts/lib/chromium.js';
import { findFirefox, selectedEngines, startWebKitDriver, webkitCapabilities } from './scripts/lib/engines.js';
import { simulatedDnsApi } from './simulator/simulated-dns-api.js';
import { frameworkExamplesPlugin } from './test/frameworks/example-bundles.js';

/** Adapts the connect-style simulated API (shared with the Vite demo) to koa. */
function koaMiddleware(handler) {
  return (ctx, next) =>
    new Promise((resolve, reject) => {
      ctx.respond = false;
      // 'close' as well as 'finish': a request the browser aborts never finishes.
      ctx.res.once('finish', resolve);
      ctx.res.once('close', resolve);
      handler(ctx.req, ctx.res, () => {
        ctx.respond = true;
        next().then(resolve, reject);
      });
    });
}

const engines = selectedEngines();

/** WebKitWebDriver runs for as long as this test run, and no longer. */
async function webkitLauncher() {
  const driver = await startWebKitDriver();
  process.once('exit', driver.stop);
  return webdriverLauncher({
    automationProtocol: 'webdriver',
    hostname: '127.0.0.1',
    port: driver.port,
    path: '/',
    logLevel: 'error',
    capabilities: webkitCapabilities(),
  });
}

const launchers = {
  chromium: () => chromeLauncher({ launchOptions: chromiumLaunchOptions() }),
  // Firefox ESR over WebDriver BiDi, through puppeteer-core (no geckodriver, no download).
  firefox: () =>
    chromeLauncher({ puppeteer: puppeteerCore, launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true } }),
  webkit: webkitLauncher,
};

const browsers = [];
for (const engine of engines) browsers.push(await launchers[engine]());

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // Each test file asserts exact request counts: run them one at a time against the shared
  // simulated API. (Several engines in one run still run side by side: scripts/test-engines.js
  // runs them one after the other instead.)
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // A whole file may take longer in WebKit (the soak test runs 10,000 polls).
  testsFinishTimeout: 300_000,
  // import.meta.env.DEV: the tests run the development source (src/common/dev-mode.ts), as Vite's dev server does.
  // litSsrPlugin: renders test/ssr/'s fixtures with @lit-labs/ssr in a Node worker (on dist/).
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json', define: { 'import.meta.env.DEV': 'true' } }), frameworkExamplesPlugin(), litSsrPlugin()],
  middleware: [koaMiddleware(simulatedDnsApi())],
  browsers,
  // Only Chromium reports coverage (V8). scripts/test-engines.js passes --coverage to the
  // Chromium run only; a run without Chromium must not be judged against these thresholds.
  coverage: false,
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: engines.includes('chromium') ? { statements: 95, lines: 95, branches: 90, functions: 95 } : undefined,
  },
};

// web-test-runner: every test runs in a real browser, importing src/ through esbuild.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/find-chromium.js';
import { simulatedDnsApi } from './server/simulated-dns-api.js';

/** Adapts the connect-style simulated API (shared with the Vite demo) to koa. */
function koaMiddleware(handler) {
  return (ctx, next) =>
    new Promise((resolve, reject) => {
      let handled = true;
      ctx.respond = false;
      ctx.res.on('finish', resolve);
      handler(ctx.req, ctx.res, () => {
        handled = false;
        ctx.respond = true;
        next().then(resolve, reject);
      });
      if (!handled) return;
    });
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  // Each test file asserts exact request counts: run them one at a time against the shared simulated API.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' })],
  middleware: [koaMiddleware(simulatedDnsApi())],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: findChromium(),
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  ],
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { statements: 90, lines: 90, branches: 80, functions: 90 },
  },
};

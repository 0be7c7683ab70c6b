// web-test-runner: every test runs in a real browser, importing src/ through esbuild.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChromium } from './scripts/find-chromium.js';
import { simulatedDnsApi } from './server/simulated-dns-api.js';

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

// `npm run test:dist`: the checks of the built output, after `npm run build` (`npm test` builds
// once, before web-test-runner, whose SSR hydration test needs dist/ too, and then runs this
// file directly). Each runs even when an earlier one failed, so one run reports everything; the
// exit code says whether all passed.
//   - the build's template minifier (node:test)
//   - server rendering in Node with @lit-labs/ssr (node:test)
//   - end to end: the bundle on a plain HTML page under a strict CSP, in several tabs of one
//     browser sharing one poller, and through the signing proxy to a local Huawei DNS stub
//     (playwright-core, Chromium)
//   - the package: npm pack, install, exports, sideEffects, typings (node:test)
//   - the size budget (scripts/check-size.js)
import { spawnSync } from 'node:child_process';

const steps = [
  ['template minifier, server rendering, end to end (CSP, tabs, signing proxy), package', ['--test', 'test/build/minify-templates.test.js', 'test/ssr/server-render.test.js', 'test/e2e/csp.e2e.test.js', 'test/e2e/tabs.e2e.test.js', 'test/e2e/huawei-proxy.e2e.test.js', 'test/package/pack.test.js']],
  ['size budget', ['scripts/check-size.js']],
];
const failed = [];
for (const [name, args] of steps) {
  const { status } = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (status !== 0) failed.push(name);
}
if (failed.length > 0) console.error(`\ntest:dist failed: ${failed.join('; ')}`);
process.exit(failed.length > 0 ? 1 : 0);

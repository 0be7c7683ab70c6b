// End to end, as a locked-down console would use it: the built self-contained bundle on a
// plain HTML page (one script tag, one element tag), served by plain node:http with a strict
// Content-Security-Policy and Trusted Types, against the simulated DNS API over real HTTP,
// in Debian's Chromium driven by playwright-core. Needs `npm run build` first.
//
//   node --test test/e2e/csp.e2e.test.js
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { simulatedDnsApi } from '../../simulator/simulated-dns-api.js';
import { startStaticServer } from './static-server.js';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const BUNDLE = 'dist/dns-import-status.bundle.js';
const PAGE = `<!doctype html>
<script type="module" src="/dns-import-status.bundle.js"></script>
<dns-import-status zone-id="zone-progress" endpoint="/api/dns"></dns-import-status>
`;

/** Installed before any page script: records what the page reports about itself. */
function recorder() {
  const w = /** @type {any} */ (window);
  w.__violations = [];
  w.__events = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, sample: e.sample, source: e.sourceFile });
  });
  for (const type of ['import-progress', 'import-done', 'import-error']) {
    document.addEventListener(type, (e) => {
      const detail = /** @type {CustomEvent} */ (e).detail;
      w.__events.push({ type, status: detail.task?.status, taskId: detail.task?.task_id, errors: detail.task?.error_count, at: performance.now() });
    });
  }
}

let server;
let browser;
const apiRequests = () => server.requests.filter((path) => path.startsWith('/api/dns/')).length;

before(async () => {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\` first.`);
  server = await startStaticServer({
    root: 'dist',
    pages: { '/': PAGE },
    headers: { 'Content-Security-Policy': CSP },
    middleware: simulatedDnsApi({ progressMs: 3000 }),
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that records console errors and warnings, page errors and failed requests. */
async function openPage() {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`));
  await page.addInitScript(recorder);
  return { page, problems };
}

const fractionOf = (element) => element.locator('.bar').evaluate((bar) => getComputedStyle(bar).getPropertyValue('--_fraction').trim());

test('renders, polls and fires import-done under a strict CSP with Trusted Types, with no violation', async () => {
  const { page, problems } = await openPage();

  const response = await page.goto(`${server.url}/`);
  assert.equal(response?.headers()['content-security-policy'], CSP, 'the page is served with the strict policy');

  const element = page.locator('dns-import-status');
  // First answer: PENDING, rendered inside the shadow root (locators pierce it).
  await element.locator('[part~="progress"][role="progressbar"]').waitFor({ timeout: 10_000 });
  assert.equal(await element.getAttribute('state'), 'pending');
  assert.ok(await page.evaluate(() => customElements.get('dns-import-status') !== undefined), 'the bundle registered the element');

  // It polls on its own until DONE (progressMs 3000, interval 2000).
  await page.waitForFunction(() => /** @type {any} */ (window).__events.some((e) => e.type === 'import-done'), null, { timeout: 15_000 });
  const events = await page.evaluate(() => /** @type {any} */ (window).__events);
  const done = events.filter((e) => e.type === 'import-done');
  assert.equal(done.length, 1, 'import-done fires once');
  assert.equal(done[0].status, 'DONE');
  assert.equal(done[0].errors, 37);
  assert.ok(events.some((e) => e.type === 'import-progress' && e.status === 'PENDING'), 'a PENDING progress event came first');
  assert.ok(apiRequests() >= 2, `polled the API (${apiRequests()} requests)`);

  // The final state is on screen: status DONE, the failed records listed, the bar at 100 %.
  assert.equal(await element.getAttribute('state'), 'done');
  assert.equal(await element.locator('[part~="progress"]').getAttribute('aria-valuenow'), '100');
  assert.equal(await element.locator('[part~="error-item"]').count(), 37);
  // styleMap sets the bar's custom property through the CSSOM, which the policy allows.
  assert.equal(await fractionOf(element), '1');
  // Static styles were applied (adopted stylesheets are allowed by style-src 'self').
  const display = await element.evaluate((host) => getComputedStyle(host).display);
  assert.equal(display, 'block');

  // Polling stopped after DONE.
  const settled = apiRequests();
  await page.waitForTimeout(2500);
  assert.equal(apiRequests(), settled, 'no request after DONE');

  const violations = await page.evaluate(() => /** @type {any} */ (window).__violations);
  assert.deepEqual(violations, [], `CSP/Trusted Types violations: ${JSON.stringify(violations)}`);
  assert.deepEqual(problems, [], problems.join('\n'));

  // The probe proves the listener would have seen a violation: a style attribute is blocked.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<b style="color: red">x</b>')).catch(() => undefined);
  await page.evaluate(() => document.body.appendChild(document.createElement('i')).setAttribute('style', 'color: red'));
  await page.waitForFunction(() => /** @type {any} */ (window).__violations.length > 0, null, { timeout: 5000 });
  const probe = await page.evaluate(() => /** @type {any} */ (window).__violations.map((v) => v.directive));
  assert.ok(probe.some((d) => d.startsWith('style-src') || d === 'require-trusted-types-for'), `the probe was reported: ${probe}`);
  await page.close();
});

test('a task already DONE renders complete on its first render, with no violation', async () => {
  // zone-progress finished during the previous test: this page's first answer is DONE.
  const { page, problems } = await openPage();
  await page.goto(`${server.url}/`);
  const element = page.locator('dns-import-status');
  await page.waitForFunction(() => /** @type {any} */ (window).__events.some((e) => e.type === 'import-done'), null, { timeout: 10_000 });
  assert.equal(await element.getAttribute('state'), 'done');
  // Painted by the first render, not by a later one: nothing else will render here.
  assert.equal(await fractionOf(element), '1', 'the progress bar is full');
  const violations = await page.evaluate(() => /** @type {any} */ (window).__violations);
  assert.deepEqual(violations, [], `CSP/Trusted Types violations: ${JSON.stringify(violations)}`);
  assert.deepEqual(problems, [], problems.join('\n'));
  await page.close();
});

// End to end through the signing proxy, with no internet: the built bundle on a plain page, the
// page's server mounting `huaweiDnsProxy`, and behind it a local stand-in for Huawei Cloud DNS
// that verifies every signature with an independent implementation of the documented
// SDK-HMAC-SHA256 algorithm (proxy/testing/). Chromium driven by playwright-core.
// Needs `npm run build` first.
//
//   node --test test/e2e/huawei-proxy.e2e.test.js
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { launchChromium } from '../../scripts/lib/chromium.js';
import { huaweiDnsProxy } from '../../proxy/huawei-dns-proxy.js';
import { startHuaweiDnsStub } from '../../proxy/testing/huawei-dns-stub.js';
import { startStaticServer } from './static-server.js';

const AK = 'E2EAKEXAMPLE0000';
const SK = 'e2e-secret-5d4c3b2a19081726354a5b6c7d8e9f00';
const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';
const BUNDLE = 'dist/dns-import-status.bundle.js';
const page = (zoneId) => `<!doctype html>
<script type="module" src="/dns-import-status.bundle.js"></script>
<dns-import-status zone-id="${zoneId}" endpoint="/api/dns"></dns-import-status>
`;

/** Installed before any page script: records the element's events. */
function recorder() {
  const w = /** @type {any} */ (window);
  w.__events = [];
  for (const type of ['import-progress', 'import-done', 'import-error']) {
    document.addEventListener(type, (e) => {
      const detail = /** @type {CustomEvent} */ (e).detail;
      w.__events.push({ type, status: detail.task?.status, code: detail.error?.code, httpStatus: detail.error?.status, willRetry: detail.willRetry });
    });
  }
}

let browser;
const closers = [];

/** A Huawei stub, and a page server whose /api/dns is the proxy (signing with `sk`) to it. */
async function setUp({ sk = SK, now, answer } = {}) {
  const stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer, ...(now && { now }) });
  const proxy = huaweiDnsProxy({ ak: AK, sk, endpoint: stub.url });
  const server = await startStaticServer({
    root: 'dist',
    pages: { '/': page(ZONE), '/hostile': page('a%2F..%2Fb') },
    middleware: proxy,
  });
  closers.push(() => server.close(), () => stub.close());
  return { stub, server, proxy };
}

/** A new tab on `url`; `watch` sees the tab before the page loads. */
async function open(url, watch = (_tab) => {}) {
  const tab = await browser.newPage();
  watch(tab);
  const problems = [];
  tab.on('pageerror', (error) => problems.push(error.message));
  await tab.addInitScript(recorder);
  await tab.goto(url);
  return { tab, problems, element: tab.locator('dns-import-status') };
}

const eventOf = (tab, type) => tab.waitForFunction((t) => /** @type {any} */ (window).__events.find((e) => e.type === t), type, { timeout: 15_000 }).then((h) => h.jsonValue());

before(async () => {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\` first.`);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const close of closers) await close();
});

test('the element polls a PENDING import to DONE through the proxy; every request reached the stub correctly signed', async () => {
  let polls = 0;
  const task = (status, done) => ({ code: 200, data: { task_id: 't-e2e', status, zone_id: ZONE, total_count: 4, success_count: done, error_count: status === 'DONE' ? 1 : 0,
    error_items: status === 'DONE' ? [{ name: 'x.example.com.', type: 'A', line: 'default_view', ttl: '300', value: ['192.0.2.1'], error_code: 'DNS.0806', error_message: 'This line is not supported.' }] : [] } });
  const { stub, server } = await setUp({ answer: () => ((polls += 1) < 2 ? { body: task('PENDING', 1) } : { body: task('DONE', 3) }) });
  const { tab, problems, element } = await open(`${server.url}/`);
  await eventOf(tab, 'import-done');
  assert.equal(await element.getAttribute('state'), 'done');
  assert.equal(await element.locator('[part~="error-item"]').count(), 1);
  assert.ok(stub.requests.length >= 2, `polled through the proxy (${stub.requests.length})`);
  assert.ok(stub.requests.every((r) => r.verified), 'the independent verifier accepted every signature');
  assert.ok(stub.requests.every((r) => r.url === `/v2/zones/${ZONE}/import/recordsets`));
  assert.deepEqual(problems, []);
  await tab.close();
});

test('an unchanged poll costs a 304: the element sends back the proxy\'s ETag and keeps showing the task', async () => {
  const task = { code: 200, data: { task_id: 't-304', status: 'PENDING', zone_id: ZONE, total_count: 4, success_count: 1, error_count: 0, error_items: [] } };
  const { stub, server, proxy } = await setUp({ answer: () => ({ body: task }) });
  const { tab, problems, element } = await open(`${server.url}/`);
  await eventOf(tab, 'import-progress');
  const notModified = () => Number(/^dns_import_status_proxy_not_modified_total (\d+)$/m.exec(proxy.metricsText())?.[1]);
  for (const deadline = Date.now() + 15_000; notModified() < 1 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(notModified() >= 1, 'the proxy answered 304 to the element');
  assert.ok(stub.requests.length >= 2, 'every poll asked Huawei (the element polls every 2 s, answers are shared for 1 s)');
  assert.equal(await element.getAttribute('state'), 'pending');
  assert.deepEqual(await tab.evaluate(() => /** @type {any} */ (window).__events.filter((e) => e.type === 'import-error')), []);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a large task reaches the browser gzipped, and its unchanged polls revalidate with the gzip tag as 304s', async () => {
  const items = Array.from({ length: 300 }, (_, i) => ({ name: `host-${i}.example.com.`, type: 'A', line: 'default_view', ttl: '300', value: [`192.0.2.${i % 256}`], error_code: 'DNS.0806', error_message: 'This line is not supported.' }));
  const task = { code: 200, data: { task_id: 't-gzip', status: 'PENDING', zone_id: ZONE, total_count: 1000, success_count: 400, error_count: 300, error_items: items } };
  const { server, proxy } = await setUp({ answer: () => ({ body: task }) });
  const seen = [];
  const { tab, problems, element } = await open(`${server.url}/`, (tab) =>
    tab.on('response', async (response) => {
      if (!response.url().includes('/import/recordsets')) return;
      const headers = await response.allHeaders();
      const sent = await response.request().allHeaders();
      seen.push({ status: response.status(), encoding: headers['content-encoding'], etag: headers.etag, accepted: sent['accept-encoding'], ifNoneMatch: sent['if-none-match'] });
    }),
  );
  await eventOf(tab, 'import-progress');
  const sample = (name) => Number(new RegExp(`^dns_import_status_proxy_${name} (\\d+)$`, 'm').exec(proxy.metricsText())?.[1]);
  for (const deadline = Date.now() + 15_000; !seen.some((r) => r.status === 304) && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.ok(sample('gzip_answers_total') >= 1, 'the proxy sent the browser a gzipped answer');
  assert.ok(sample('not_modified_total') >= 1, 'the element revalidated with the tag it was given');
  const gzipped = seen.find((r) => r.status === 200);
  assert.ok(gzipped, JSON.stringify(seen));
  assert.match(gzipped.accepted, /gzip/);
  assert.equal(gzipped.encoding, 'gzip');
  assert.match(gzipped.etag, /-gzip"$/);
  assert.ok(seen.some((r) => r.status === 304 && r.ifNoneMatch === gzipped.etag), JSON.stringify(seen));
  assert.equal(await element.getAttribute('state'), 'pending');
  assert.ok((await element.locator('[part~="error-item"]').count()) > 0, 'the browser unzipped and the element read the failed records');
  assert.deepEqual(await tab.evaluate(() => /** @type {any} */ (window).__events.filter((e) => e.type === 'import-error')), []);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a wrong SK: Huawei answers APIG.0301 and the element shows its sign-in message, without retrying', async () => {
  const { server } = await setUp({ sk: 'not-the-secret' });
  const { tab, element } = await open(`${server.url}/`);
  const error = await eventOf(tab, 'import-error');
  assert.deepEqual([error.httpStatus, error.code, error.willRetry], [401, 'APIG.0301', false]);
  const message = await element.locator('[part~="message"]').innerText();
  assert.match(message, /Sign-in expired \(HTTP 401\)\. Sign in again, then retry/);
  assert.match(message, /verify aksk signature fail/);
  await tab.close();
});

test("a clock more than 15 minutes off: refused as Huawei does, and the element says to correct the clock", async () => {
  const { server } = await setUp({ now: () => Date.now() + 20 * 60_000 });
  const { tab, element } = await open(`${server.url}/`);
  const error = await eventOf(tab, 'import-error');
  assert.deepEqual([error.httpStatus, error.code], [401, 'APIG.0301']);
  // Not the sign-in notice: what to fix is the clock; the details carry the gateway's own words.
  const message = await element.locator('[part~="message"]').innerText();
  assert.match(message, /clock is more than 15 minutes off\. Correct its time, then retry/);
  assert.doesNotMatch(message, /Sign in again/);
  assert.match(message, /signature expired, signature time:\d{8}T\d{6}Z,server time:\d{8}T\d{6}Z/);
  await tab.close();
});

test('a hostile zone id is refused by the proxy with a 400 the element explains, and nothing reaches Huawei', async () => {
  const { server, stub } = await setUp();
  const { tab, element } = await open(`${server.url}/hostile`);
  const error = await eventOf(tab, 'import-error');
  assert.deepEqual([error.httpStatus, error.code], [400, 'PROXY.0400']);
  assert.match(await element.locator('[part~="message"]').innerText(), /Request rejected \(HTTP 400\)\. Check zone-id/);
  assert.equal(stub.requests.length, 0);
  await tab.close();
});

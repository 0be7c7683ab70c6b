// The proxy and the v2.1 batch-create task (ShowBatchCreateRecordSetsTask): the second and only
// other path it forwards, with its two paging parameters checked as Huawei documents them
// (integers from 0 to 2000) and nothing else let through, signed with the query (which the stub's
// independent verifier checks), and covered by the same single flight, shared answers, ETag and
// allow-list as the import. Upstream answers are held open with gates, never with sleeps.
// Run: node --test proxy/
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { huaweiDnsProxy } from './huawei-dns-proxy.js';
import { startHuaweiDnsStub } from './testing/huawei-dns-stub.js';
import { gate, metric, rawGet, startHost, waitUntil } from './testing/http-host.js';
import { ERROR_ITEM_PAGING, routeApiRequest } from './upstream-routes.js';

const AK = 'BATCHAKEXAMPLE000000';
const SK = 'batch-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';

/** The v2.1 body as Huawei documents it: bare, one page of failed items from `offset`. */
const taskOf = (zoneId, offset = 0) => ({
  task_id: `batch-of-${zoneId}`,
  status: 'DONE',
  created_at: '2025-03-01T08:00:00.000',
  updated_at: '2025-03-01T08:00:41.250',
  total_count: 2000,
  success_count: 800,
  error_count: 1200,
  error_items: [{ name: `r${offset}.example.com.`, type: 'A', line: 'default_view', ttl: 300, records: ['192.0.2.1'], status: 'ERROR', error_code: 'DNS.0016', error_message: 'The record set already exists.' }],
});
const batchPath = (zone, query = '', root = '/api/dns') => `${root}/v2.1/zones/${zone}/recordsets/batch-create-task${query}`;

let stub;
/** What the stub answers (reset by each test that changes it). */
let script = (zoneId, caller) => ({ body: caller.kind === 'batch-create' ? taskOf(zoneId, Number(caller.query.get('error_item_offset') ?? 0)) : { code: 200, data: {} } });
const defaultScript = script;
const proxies = [];

before(async () => {
  stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer: (zoneId, caller) => script(zoneId, caller) });
});
after(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await stub.close();
});

async function proxyHost(options = {}) {
  const proxy = huaweiDnsProxy({ ak: AK, sk: SK, endpoint: stub.url, ...options });
  const host = await startHost(proxy);
  proxies.push(host, proxy);
  return { proxy, host };
}

const upstreamFor = (zone) => stub.requests.filter((r) => r.url.includes(`/zones/${zone}/`));

describe('the batch-create route', () => {
  it('takes error_item_limit and error_item_offset, 0 to 2000 written one way, in canonical order; nothing else', () => {
    const task = `/v2.1/zones/${ZONE}/recordsets/batch-create-task`;
    assert.deepEqual(routeApiRequest('GET', task), { kind: 'forward', zoneId: ZONE, resource: task });
    assert.deepEqual(routeApiRequest('GET', `${task}?error_item_offset=1000&error_item_limit=500`), {
      kind: 'forward',
      zoneId: ZONE,
      resource: `${task}?error_item_limit=500&error_item_offset=1000`,
    });
    for (const value of ['0', '7', '99', '500', '1999', '2000']) assert.equal(ERROR_ITEM_PAGING.test(value), true, value);
    for (const value of ['', '-1', '+1', '2001', '9999', '01', '0500', '1e3', '1.5', ' 1', '1%20', '%31', '0x10', '２']) {
      assert.equal(ERROR_ITEM_PAGING.test(value), false, value);
      assert.equal(routeApiRequest('GET', `${task}?error_item_offset=${value}`).kind, 'bad', value);
    }
    for (const query of ['?limit=10', '?error_item_offset=1&error_item_offset=2', '?error_item_offset', '?', '?&', '?error_item_offset=1&', '?error_item_offset=1#x', '?marker=abc', '?error_item_offset=1;x=1']) {
      assert.equal(routeApiRequest('GET', `${task}${query}`).kind, 'bad', query);
    }
    assert.equal(routeApiRequest('GET', `/v2/zones/${ZONE}/import/recordsets?error_item_offset=1`).kind, 'bad', 'the import takes no query');
    assert.equal(routeApiRequest('POST', task).kind, 'next');
    assert.equal(routeApiRequest('GET', `/v2.1/zones/${ZONE}/recordsets`).kind, 'next');
    assert.equal(routeApiRequest('GET', `/v2.1/zones/${ZONE}/recordsets/batch-create-task/x`).kind, 'next');
  });
});

describe('huaweiDnsProxy: the batch-create task against the signature-verifying stub', () => {
  it('forwards the GET with its paging query, signed over that query; the stub verifies it and answers the page asked', async () => {
    script = defaultScript;
    const zone = `${ZONE}b1`;
    const { host } = await proxyHost({ minInterval: 0 });
    const first = await rawGet(host.url, batchPath(zone));
    assert.equal(first.status, 200);
    assert.deepEqual(first.json(), taskOf(zone));
    const page = await rawGet(host.url, batchPath(zone, '?error_item_offset=500&error_item_limit=500'));
    assert.equal(page.status, 200);
    assert.equal(page.json().error_items[0].name, 'r500.example.com.');
    const received = upstreamFor(zone);
    assert.deepEqual(received.map((r) => r.url), [`/v2.1/zones/${zone}/recordsets/batch-create-task`, `/v2.1/zones/${zone}/recordsets/batch-create-task?error_item_limit=500&error_item_offset=500`]);
    assert.ok(received.every((r) => r.verified), 'the stub verified both signatures, the query included');
  });

  it('refuses hostile or unknown query values with a Huawei-shaped 400, and sends nothing upstream', async () => {
    const zone = `${ZONE}b2`;
    const { host } = await proxyHost();
    for (const query of ['?error_item_offset=2001', '?error_item_limit=-1', '?error_item_offset=1e3', '?error_item_offset=%32%30', '?error_item_offset=1&error_item_offset=2', '?limit=5', '?error_item_offset=0%00', `?error_item_offset=${'9'.repeat(5000)}`, '?error_item_limit=10&marker=x']) {
      const res = await rawGet(host.url, batchPath(zone, query));
      assert.equal(res.status, 400, query);
      assert.equal(res.json().error_code, 'PROXY.0400', query);
      assert.match(res.json().error_msg, /error_item_limit, error_item_offset/);
    }
    for (const path of [batchPath('..'), batchPath(`${zone}%2Fx`), batchPath('zone-with-dash'), `/api/dns/v2.1/zones/${zone};x/recordsets/batch-create-task`]) {
      assert.equal((await rawGet(host.url, path)).status, 400, path);
    }
    assert.equal(upstreamFor(zone).length, 0, 'not one request reached Huawei');
  });

  it('twenty viewers of one page share one upstream request; another page is another resource; the same page in another order is the same', async () => {
    const zone = `${ZONE}b3`;
    const upstream = gate();
    script = (zoneId, caller) => upstream.opened.then(() => ({ body: taskOf(zoneId, Number(caller.query.get('error_item_offset') ?? 0)) }));
    try {
      const { proxy, host } = await proxyHost({ minInterval: 60_000 });
      const page = (query) => rawGet(host.url, batchPath(zone, query));
      const viewers = [
        ...Array.from({ length: 10 }, () => page('?error_item_limit=500&error_item_offset=500')),
        ...Array.from({ length: 10 }, () => page('?error_item_offset=500&error_item_limit=500')),
        page(''),
      ];
      await waitUntil(() => metric(proxy, 'requests_total') === 21 && upstreamFor(zone).length === 2, 'twenty-one viewers on two upstream requests');
      upstream.open();
      const answers = await Promise.all(viewers);
      assert.ok(answers.slice(0, 20).every((a) => a.status === 200 && a.text === answers[0].text));
      assert.equal(answers[0].json().error_items[0].name, 'r500.example.com.');
      assert.equal(answers[20].json().error_items[0].name, 'r0.example.com.');
      assert.equal(metric(proxy, 'coalesced_total'), 19);
      // Shared for minInterval: the same page again is served from memory, with Age and its ETag.
      const again = await page('?error_item_offset=500&error_item_limit=500');
      assert.equal(again.text, answers[0].text);
      assert.equal(again.headers.etag, answers[0].headers.etag);
      assert.match(again.headers.age, /^\d+$/);
      assert.equal((await rawGet(host.url, batchPath(zone, '?error_item_limit=500&error_item_offset=500'), { 'If-None-Match': again.headers.etag })).status, 304);
      assert.equal(upstreamFor(zone).length, 2);
    } finally {
      script = defaultScript;
    }
  });

  it('the import and the batch-create task of one zone never share an answer', async () => {
    const zone = `${ZONE}b4`;
    const { host } = await proxyHost({ minInterval: 60_000 });
    const created = await rawGet(host.url, batchPath(zone));
    const imported = await rawGet(host.url, `/api/dns/v2/zones/${zone}/import/recordsets`);
    assert.notEqual(created.text, imported.text);
    assert.deepEqual(upstreamFor(zone).map((r) => r.url.split('/zones/')[0]), ['/v2.1', '/v2']);
  });

  it('holds a 429 wait from the batch-create task for every viewer of it', async () => {
    const zone = `${ZONE}b5`;
    script = () => ({ status: 429, body: { error_code: 'APIG.0308', error_msg: 'The throttling threshold has been reached' }, headers: { 'Retry-After': '30' } });
    try {
      const { host } = await proxyHost({ minInterval: 0 });
      const first = await rawGet(host.url, batchPath(zone));
      const second = await rawGet(host.url, batchPath(zone));
      assert.deepEqual([first.status, second.status], [429, 429]);
      assert.ok(Number(second.headers['retry-after']) >= 1 && Number(second.headers['retry-after']) <= 30);
      assert.equal(upstreamFor(zone).length, 1);
    } finally {
      script = defaultScript;
    }
  });

  it('serves the batch-create task only for the zones of the allow-list, mounted at a path too', async () => {
    const allowed = `${ZONE}b6`;
    const { host } = await proxyHost({ zones: [allowed], prefix: '/dns' });
    assert.equal((await rawGet(host.url, batchPath(allowed, '?error_item_offset=0', '/dns'))).status, 200);
    const refused = await rawGet(host.url, batchPath(`${ZONE}b7`, '', '/dns'));
    assert.equal(refused.status, 403);
    assert.equal(upstreamFor(`${ZONE}b7`).length, 0);
    assert.equal((await rawGet(host.url, batchPath(allowed))).status, 418, 'nothing outside the prefix');
  });
});

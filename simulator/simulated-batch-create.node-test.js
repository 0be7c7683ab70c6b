// Node tests of the simulated v2.1 batch-create task over real HTTP. Run: node --test simulator/
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { simulatedDnsApi } from './simulated-dns-api.js';
import { BATCH_PROGRESS_FAILURES, BATCH_PROGRESS_TOTAL, PAGED_FAILURES, PAGED_PAGE_SIZE, PAGED_TOTAL } from './simulated-batch-create.js';

/** @type {http.Server} */
let server;
let base = '';

/** @param {(req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void} api */
async function listen(api) {
  const plain = http.createServer((req, res) =>
    api(req, res, () => {
      res.statusCode = 418;
      res.end('passed on');
    }),
  );
  await new Promise((resolve) => plain.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (plain.address());
  return { server: plain, url: `http://127.0.0.1:${port}` };
}

before(async () => {
  ({ server, url: base } = await listen(simulatedDnsApi({ progressMs: 400 })));
});

after(() => new Promise((resolve) => server.close(() => resolve(undefined))));

beforeEach(async () => {
  await fetch(`${base}/__sim/reset`, { method: 'POST' });
});

/** @param {string} zoneId @param {string} [query] */
const getTask = (zoneId, query = '') => fetch(`${base}/api/dns/v2.1/zones/${encodeURIComponent(zoneId)}/recordsets/batch-create-task${query}`);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

describe('simulated v2.1 batch-create task', () => {
  it('answers as documented: a bare body, records, integer ttl, an item status, no zone fields', async () => {
    const res = await getTask('zone-paged');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('etag') ?? '', /^"[\w-]+"$/);
    const body = await res.json();
    assert.equal('code' in body || 'data' in body, false);
    assert.deepEqual(Object.keys(body), ['task_id', 'status', 'created_at', 'updated_at', 'total_count', 'success_count', 'error_count', 'error_items']);
    assert.match(body.task_id, /^[0-9a-f]{32}$/);
    assert.match(body.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    assert.deepEqual([body.status, body.total_count, body.success_count, body.error_count], ['DONE', PAGED_TOTAL, PAGED_TOTAL - PAGED_FAILURES, PAGED_FAILURES]);
    const [item] = body.error_items;
    assert.deepEqual(Object.keys(item).filter((key) => key !== 'weight'), ['name', 'type', 'line', 'ttl', 'records', 'status', 'error_code', 'error_message']);
    assert.equal(item.status, 'ERROR');
    assert.ok(Array.isArray(item.records));
    assert.ok(body.error_items.some((/** @type {{ ttl: unknown }} */ each) => Number.isInteger(each.ttl)));
    assert.ok(body.error_items.some((/** @type {{ weight?: unknown }} */ each) => Number.isInteger(each.weight)));
  });

  it('pages zone-paged 500 at a time from error_item_offset, within error_item_limit', async () => {
    const pages = [];
    for (const offset of [0, 500, 1000, 1500]) pages.push((await (await getTask('zone-paged', `?error_item_offset=${offset}`)).json()).error_items);
    assert.deepEqual(pages.map((page) => page.length), [PAGED_PAGE_SIZE, PAGED_PAGE_SIZE, PAGED_FAILURES - 2 * PAGED_PAGE_SIZE, 0]);
    const all = pages.flat();
    const whole = (await (await getTask('zone-paged', '?error_item_limit=2000&error_item_offset=0')).json()).error_items;
    assert.deepEqual(whole, all.slice(0, PAGED_PAGE_SIZE), 'the server sends 500 at most, whatever the limit');
    const small = (await (await getTask('zone-paged', '?error_item_limit=7&error_item_offset=498')).json()).error_items;
    assert.deepEqual(small, all.slice(498, 505));
    assert.deepEqual((await (await getTask('zone-paged', '?error_item_limit=0')).json()).error_items, []);
  });

  it('serves the largest task, 2,000 record sets all failed, in one default page', async () => {
    const body = await (await getTask('zone-full')).json();
    assert.deepEqual([body.total_count, body.success_count, body.error_count, body.error_items.length], [2000, 0, 2000, 2000]);
  });

  it('refuses paging values outside 0..2000, or not whole numbers, like the API (400)', async () => {
    for (const query of ['?error_item_offset=2001', '?error_item_offset=-1', '?error_item_offset=1.5', '?error_item_offset=', '?error_item_limit=abc', '?error_item_limit=99999', '?error_item_offset=1e3']) {
      const res = await getTask('zone-paged', query);
      assert.equal(res.status, 400, query);
      assert.match((await res.json()).error_code, /^DNS\.\d{4}$/, query);
    }
    assert.equal((await getTask('zone-paged', '?error_item_offset=2000&error_item_limit=2000')).status, 200);
  });

  it('climbs zone-progress from PENDING to DONE with its failures, and restart makes a new task', async () => {
    const first = await (await getTask('zone-progress')).json();
    assert.equal(first.status, 'PENDING');
    await sleep(450);
    const done = await (await getTask('zone-progress')).json();
    assert.deepEqual([done.status, done.total_count, done.error_count, done.error_items.length], ['DONE', BATCH_PROGRESS_TOTAL, BATCH_PROGRESS_FAILURES, BATCH_PROGRESS_FAILURES]);
    assert.equal(done.task_id, first.task_id);
    await fetch(`${base}/__sim/zones/zone-progress/restart`, { method: 'POST' });
    const again = await (await getTask('zone-progress')).json();
    assert.equal(again.status, 'PENDING');
    assert.notEqual(again.task_id, first.task_id);
  });

  it('has a server that ignores the offset, one whose later pages fail, and a wrapped answer', async () => {
    const repeated = await (await getTask('zone-repeating', '?error_item_offset=300')).json();
    assert.deepEqual(repeated, await (await getTask('zone-repeating')).json());
    assert.equal((await getTask('zone-page-fails')).status, 200);
    const failed = await getTask('zone-page-fails', '?error_item_offset=500');
    assert.equal(failed.status, 500);
    assert.equal((await failed.json()).error_code, 'DNS.0021');
    const wrapped = await (await getTask('zone-wrapped')).json();
    assert.equal(wrapped.code, '200');
    assert.equal(typeof wrapped.data.error_items[0].ttl, 'string');
    assert.ok(Array.isArray(wrapped.data.error_items[0].value));
  });

  it('answers a zone with no batch-create task with 404, and counts and records both kinds', async () => {
    const res = await getTask('zone-empty');
    assert.equal(res.status, 404);
    assert.equal((await res.json()).error_code, 'DNS.0101');
    await fetch(`${base}/api/dns/v2/zones/zone-empty/import/recordsets`);
    await getTask('zone-empty', '?error_item_offset=5');
    const stats = await (await fetch(`${base}/__sim/stats`)).json();
    assert.equal(stats.requests['zone-empty'], 3);
    const last = await (await fetch(`${base}/__sim/last-request/zone-empty`)).json();
    assert.equal(last.url, '/api/dns/v2.1/zones/zone-empty/recordsets/batch-create-task?error_item_offset=5');
  });

  it('is the gateway’s 405 for another method, and its 404 for another v2.1 path', async () => {
    assert.equal((await fetch(`${base}/api/dns/v2.1/zones/zone-paged/recordsets/batch-create-task`, { method: 'POST' })).status, 405);
    assert.equal((await fetch(`${base}/api/dns/v2.1/zones/zone-paged/recordsets`)).status, 404);
  });

  it('is served at the root with prefix "", owning /v2 and /v2.1 there', async () => {
    const root = await listen(simulatedDnsApi({ prefix: '' }));
    try {
      assert.equal((await fetch(`${root.url}/v2.1/zones/zone-clean/recordsets/batch-create-task`)).status, 200);
      assert.equal((await fetch(`${root.url}/v2.1/zones`)).status, 404);
      assert.equal((await fetch(`${root.url}/v2.10/zones`)).status, 418);
    } finally {
      await new Promise((resolve) => root.server.close(() => resolve(undefined)));
    }
  });
});

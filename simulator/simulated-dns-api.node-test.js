// Node tests of the simulated DNS API over real HTTP. Run: node --test simulator/
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import express from 'express';
import { simulatedDnsApi } from './simulated-dns-api.js';

/** @type {http.Server} */
let server;
let base = '';

before(async () => {
  const api = simulatedDnsApi({ progressMs: 400, slowMs: 150 });
  server = http.createServer((req, res) =>
    api(req, res, () => {
      res.statusCode = 418;
      res.end('passed on');
    }),
  );
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  base = `http://127.0.0.1:${address.port}`;
});

after(() => new Promise((resolve) => server.close(() => resolve(undefined))));

beforeEach(async () => {
  await fetch(`${base}/__sim/reset`, { method: 'POST' });
});

/** @param {string} zoneId @param {RequestInit} [init] */
const getImport = (zoneId, init) => fetch(`${base}/api/dns/v2/zones/${encodeURIComponent(zoneId)}/import/recordsets`, init);
const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stats = async () => (await fetch(`${base}/__sim/stats`)).json();

describe('simulated DNS import API', () => {
  it('passes unrelated URLs on with next()', async () => {
    const res = await fetch(`${base}/src/index.js`);
    assert.equal(res.status, 418);
    assert.equal(await res.text(), 'passed on');
  });

  it('tags a task answer with an ETag and answers a request naming it with an empty 304', async () => {
    const first = await getImport('zone-clean');
    const etag = first.headers.get('etag') ?? '';
    assert.match(etag, /^"[\w-]+"$/);
    const again = await getImport('zone-clean', { headers: { 'If-None-Match': etag } });
    assert.equal(again.status, 304);
    assert.equal(again.headers.get('etag'), etag);
    assert.equal(await again.text(), '');
    const other = await getImport('zone-clean', { headers: { 'If-None-Match': '"something-else"' } });
    assert.equal(other.status, 200);
    assert.equal((await getImport('zone-unauthorized')).headers.get('etag'), null);
  });

  it('answers zone-clean with the documented envelope', async () => {
    const res = await getImport('zone-clean');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json');
    assert.match(res.headers.get('x-request-id') ?? '', /^[0-9a-f]{32}$/);
    const body = await res.json();
    assert.equal(body.code, 200);
    assert.match(body.data.task_id, /^[0-9a-f]{32}$/);
    assert.match(body.data.created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/);
    assert.deepEqual(
      { ...body.data, task_id: undefined, created_at: undefined, updated_at: undefined },
      {
        task_id: undefined, created_at: undefined, updated_at: undefined,
        status: 'DONE', zone_id: 'zone-clean', zone_type: 'public', language: 'zh-cn',
        total_count: 1200, success_count: 1200, error_count: 0, error_items: [],
      },
    );
    const again = await (await getImport('zone-clean')).json();
    assert.deepEqual(again, body, 'deterministic');
  });

  it('gives unique request ids', async () => {
    const [a, b] = await Promise.all([getImport('zone-clean'), getImport('zone-clean')]);
    assert.notEqual(a.headers.get('x-request-id'), b.headers.get('x-request-id'));
  });

  it('generates realistic, deterministic failed records', async () => {
    const { data } = await (await getImport('zone-huge')).json();
    assert.equal(data.total_count, 10000);
    assert.equal(data.success_count, 7500);
    assert.equal(data.error_count, 2500);
    assert.equal(data.error_items.length, 2500);
    const codes = new Set(data.error_items.map((/** @type {{error_code: string}} */ i) => i.error_code));
    for (const code of ['DNS.0016', 'DNS.0303', 'DNS.0304', 'DNS.0307', 'DNS.0308', 'DNS.0403', 'DNS.0806', 'DNS.0807', 'DNS.1601']) {
      assert.ok(codes.has(code), code);
    }
    for (const item of data.error_items) {
      assert.equal(typeof item.ttl, 'string');
      assert.ok(Array.isArray(item.value) && item.value.length >= 1);
      if ('weight' in item) assert.equal(typeof item.weight, 'string');
    }
    assert.ok(data.error_items.some((/** @type {{name: string}} */ i) => i.name === '测试.example.com.'));
    assert.ok(data.error_items.some((/** @type {{value: string[]}} */ i) => i.value.length > 1));
    assert.ok(data.error_items.some((/** @type {{weight?: string}} */ i) => i.weight !== undefined));
  });

  it('answers zone-many-N with exactly N failures, and 404 above the limit', async () => {
    const { data } = await (await getImport('zone-many-1234')).json();
    assert.equal(data.error_count, 1234);
    assert.equal(data.error_items.length, 1234);
    assert.equal((await getImport('zone-many-200001')).status, 404);
  });

  it('answers the error scenarios in Huawei formats', async () => {
    /** @type {[string, number, unknown][]} */
    const cases = [
      ['zone-empty', 404, { error_code: 'DNS.0101', error_msg: 'The zone does not exist or has no import task.' }],
      ['no-such-zone', 404, { error_code: 'DNS.0101', error_msg: 'The zone does not exist or has no import task.' }],
      ['zone-empty-data', 200, { code: 200, data: {} }],
      ['zone-unauthorized', 401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: token expired.' }],
      ['zone-forbidden', 403, { error_code: 'DNS.0030', error_msg: 'Insufficient permissions.' }],
      ['zone-api-error', 200, { code: 'DNS.0101', message: 'Zone not found.' }],
    ];
    for (const [zone, status, body] of cases) {
      const res = await getImport(zone);
      assert.equal(res.status, status, zone);
      assert.ok(res.headers.get('x-request-id'), zone);
      assert.deepEqual(await res.json(), body, zone);
    }
    const html = await getImport('zone-html');
    assert.equal(html.status, 502);
    assert.match(html.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await html.text(), /502 Bad Gateway/);
  });

  it('follows the flaky script, and restart replays it', async () => {
    const seen = [];
    for (let i = 0; i < 9; i++) {
      const res = await getImport('zone-flaky');
      const body = await res.json();
      seen.push([res.status, body.data?.status ?? body.error_code ?? body.code, res.headers.get('retry-after')]);
    }
    assert.deepEqual(seen, [
      [503, 'APIG.0201', null],
      [503, 'DNS.0021', null],
      [429, 'APIG.0308', '1'],
      [403, 'DNS.0014', null],
      [200, 'PENDING', null],
      [200, 'PENDING', null],
      [200, 'PENDING', null],
      [200, 'DONE', null],
      [200, 'DONE', null],
    ]);
    const restart = await fetch(`${base}/__sim/zones/zone-flaky/restart`, { method: 'POST' });
    assert.deepEqual(await restart.json(), { ok: true });
    assert.equal((await getImport('zone-flaky')).status, 503);
  });

  it('climbs zone-progress from PENDING to DONE with 37 failures', async () => {
    const first = (await (await getImport('zone-progress')).json()).data;
    assert.equal(first.status, 'PENDING');
    assert.equal(first.total_count, 500);
    await sleep(200);
    const middle = (await (await getImport('zone-progress')).json()).data;
    assert.equal(middle.status, 'PENDING');
    assert.ok(middle.success_count + middle.error_count > first.success_count + first.error_count);
    assert.equal(middle.error_items.length, middle.error_count);
    assert.deepEqual(middle.error_items.slice(0, first.error_items.length), first.error_items, 'the list only grows');
    await sleep(250);
    const done = (await (await getImport('zone-progress')).json()).data;
    assert.equal(done.status, 'DONE');
    assert.equal(done.success_count, 463);
    assert.equal(done.error_count, 37);
    assert.equal(done.task_id, first.task_id, 'same run, same task');

    await fetch(`${base}/__sim/zones/zone-progress/restart`, { method: 'POST' });
    const restarted = (await (await getImport('zone-progress')).json()).data;
    assert.equal(restarted.status, 'PENDING');
    assert.notEqual(restarted.task_id, first.task_id, 'a restart is a new task');
  });

  it('climbs zone-stuck, then keeps it PENDING with counts and updated_at that no longer move', async () => {
    const first = (await (await getImport('zone-stuck')).json()).data;
    assert.equal(first.status, 'PENDING');
    assert.ok(first.success_count + first.error_count < 180);
    await sleep(450);
    const stuck = await (await getImport('zone-stuck')).json();
    await sleep(100);
    const later = await (await getImport('zone-stuck')).json();
    assert.equal(stuck.data.status, 'PENDING');
    assert.equal(stuck.data.success_count + stuck.data.error_count, 180);
    assert.deepEqual(later, stuck, 'identical polls');
  });

  it('counts requests, records the last one, and resets', async () => {
    await getImport('zone-clean', { headers: { 'X-Auth-Token': 'secret-token' } });
    await getImport('zone-clean');
    await getImport('a/b');
    const s = await stats();
    assert.deepEqual(s, { requests: { 'zone-clean': 2, 'a/b': 1 }, total: 3, maxInFlight: { 'zone-clean': 1, 'a/b': 1 } });

    await getImport('zone-empty', { headers: { 'X-Auth-Token': 'secret-token' } });
    const last = await (await fetch(`${base}/__sim/last-request/zone-empty`)).json();
    assert.equal(last.url, '/api/dns/v2/zones/zone-empty/import/recordsets');
    assert.equal(last.headers['x-auth-token'], 'secret-token');
    const encoded = await (await fetch(`${base}/__sim/last-request/${encodeURIComponent('a/b')}`)).json();
    assert.equal(encoded.url, '/api/dns/v2/zones/a%2Fb/import/recordsets');
    assert.equal((await fetch(`${base}/__sim/last-request/zone-never`)).status, 404);

    await fetch(`${base}/__sim/reset`, { method: 'POST' });
    assert.deepEqual(await stats(), { requests: {}, total: 0, maxInFlight: {} });
  });

  it('delays zone-slow and tracks concurrent requests', async () => {
    const started = Date.now();
    const res = await getImport('zone-slow');
    assert.ok(Date.now() - started >= 140);
    assert.equal((await res.json()).data.status, 'PENDING');
    assert.equal((await stats()).maxInFlight['zone-slow'], 1);
    await Promise.all([getImport('zone-slow'), getImport('zone-slow')]);
    const s = await stats();
    assert.equal(s.requests['zone-slow'], 3);
    assert.equal(s.maxInFlight['zone-slow'], 2);
  });

  it('does not count an aborted slow request as still in flight', async () => {
    const controller = new AbortController();
    const pending = getImport('zone-slow', { signal: controller.signal }).catch(() => 'aborted');
    await sleep(30);
    controller.abort();
    assert.equal(await pending, 'aborted');
    await sleep(30);
    await getImport('zone-slow');
    assert.equal((await stats()).maxInFlight['zone-slow'], 1);
  });

  it('answers other paths under the API prefix and other methods like the gateway', async () => {
    assert.equal((await fetch(`${base}/api/dns/v2/zones/zone-clean/import/recordsets/`)).status, 404);
    assert.equal((await fetch(`${base}/api/dns//v2/zones/zone-clean/import/recordsets`)).status, 404);
    const post = await getImport('zone-clean', { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET');
    assert.equal((await stats()).total, 0);
  });

  it('answers what it cannot serve with a Huawei-shaped 4xx body', async () => {
    /** @type {[string, RequestInit, number, string][]} */
    const cases = [
      ['/api/dns/v2/zones/%E0%A4%A/import/recordsets', {}, 400, 'DNS.0002'],
      ['/api/dns/v2/zones/zone-clean/import', {}, 404, 'APIG.0101'],
      ['/api/dns', {}, 404, 'APIG.0101'],
      ['/api/dns/v2/zones/zone-clean/import/recordsets', { method: 'DELETE' }, 405, 'APIG.0101'],
      ['/api/dns/v2/zones/zone-clean/import/recordsets', { method: 'PUT', body: '{}' }, 405, 'APIG.0101'],
    ];
    for (const [path, init, status, code] of cases) {
      const res = await fetch(`${base}${path}`, init);
      assert.equal(res.status, status, `${init.method ?? 'GET'} ${path}`);
      assert.equal(res.headers.get('content-type'), 'application/json');
      const body = await res.json();
      assert.equal(body.error_code, code, path);
      assert.equal(typeof body.error_msg, 'string');
    }
    const head = await fetch(`${base}/api/dns/v2/zones/zone-clean/import/recordsets`, { method: 'HEAD' });
    assert.equal(head.status, 405);
    assert.equal((await stats()).total, 0, 'none of them reached a scenario');
  });

  it('reads the path of an absolute-form request target', async () => {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    const status = await new Promise((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path: 'http://elsewhere.example/api/dns/v2/zones/zone-clean/import/recordsets?x=1' }, (res) => {
          res.resume();
          resolve(res.statusCode);
        })
        .on('error', reject);
    });
    assert.equal(status, 200);
  });
});

/** Starts a plain node:http server with `middleware`, whose fallback answers 418. @param {ReturnType<typeof simulatedDnsApi>} middleware */
async function plainServer(middleware) {
  const plain = http.createServer((req, res) => middleware(req, res, () => res.writeHead(418).end('passed on')));
  await new Promise((resolve) => plain.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (plain.address());
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => plain.close(() => resolve(undefined))) };
}

describe('simulatedDnsApi options', () => {
  it('serves the API at the root with prefix "", and owns only /v2 there', async () => {
    const root = await plainServer(simulatedDnsApi({ prefix: '' }));
    try {
      assert.equal((await fetch(`${root.url}/v2/zones/zone-clean/import/recordsets`)).status, 200);
      assert.equal((await fetch(`${root.url}/v2/zones`)).status, 404);
      assert.equal((await fetch(`${root.url}/index.html`)).status, 418);
      assert.equal((await fetch(`${root.url}/api/dns/v2/zones/zone-clean/import/recordsets`)).status, 418);
    } finally {
      await root.close();
    }
  });

  it('takes the prefix as the browser requests it, mounted at a path or not (req.originalUrl)', async () => {
    const api = simulatedDnsApi({ prefix: '/dns-sim/' });
    // What Express and Connect do for app.use('/dns-sim', api): req.url loses the mount path.
    const mounted = await plainServer((req, res, next) => {
      if (!req.url?.startsWith('/dns-sim/')) return next();
      Object.assign(req, { originalUrl: req.url, url: req.url.slice('/dns-sim'.length) });
      api(req, res, next);
    });
    try {
      const res = await fetch(`${mounted.url}/dns-sim/v2/zones/zone-clean/import/recordsets`);
      assert.equal(res.status, 200);
      assert.equal((await res.json()).data.zone_id, 'zone-clean');
      assert.equal((await fetch(`${mounted.url}/dns-sim/v2/nothing`)).status, 404);
    } finally {
      await mounted.close();
    }
  });

  it("Express: app.use('/mock-dns', simulatedDnsApi()) answers under the mount path, whatever it is, control endpoints included", async () => {
    const app = express();
    app.use('/mock-dns', simulatedDnsApi());
    app.use((_req, res) => res.status(418).send('next'));
    const server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${server.address().port}`;
    try {
      const res = await fetch(`${url}/mock-dns/v2/zones/zone-clean/import/recordsets`);
      assert.equal(res.status, 200);
      assert.equal((await res.json()).data.zone_id, 'zone-clean');
      assert.equal((await fetch(`${url}/mock-dns/v2/nothing`)).status, 404);
      assert.equal((await (await fetch(`${url}/mock-dns/__sim/stats`)).json()).total, 1);
      assert.equal((await fetch(`${url}/api/dns/v2/zones/zone-clean/import/recordsets`)).status, 418, 'nothing outside the mount');
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('refuses a prefix that is not a path', () => {
    assert.throws(() => simulatedDnsApi({ prefix: 'api/dns' }), /prefix must start with "\/"/);
  });

  it('answers 500 in the API’s shape instead of crashing the server when a scenario throws', async () => {
    const broken = await plainServer(
      simulatedDnsApi({
        now: () => {
          throw new Error('clock broke');
        },
      }),
    );
    try {
      const res = await fetch(`${broken.url}/api/dns/v2/zones/zone-progress/import/recordsets`);
      assert.equal(res.status, 500);
      assert.deepEqual(await res.json(), { error_code: 'SIM.0500', error_msg: 'The simulator failed: clock broke' });
      assert.equal((await fetch(`${broken.url}/elsewhere`)).status, 418, 'the server still answers');
    } finally {
      await broken.close();
    }
  });
});

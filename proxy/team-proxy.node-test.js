// The proxy for a team behind one key, on one instance: one upstream request per resource for
// every viewer (single flight and the short shared cache), a wait Huawei asks for held for all,
// ETag/304, mounting at a path, the zone allow-list, and all of that for the v2.1 batch-create task
// with its paging query checked and signed. Against the stub that verifies every
// signature. Upstream answers are held open with gates, never with sleeps, so what is asserted does
// not depend on the machine's speed. (Several instances sharing Redis: redis-sharing.node-test.js.)
// Run: node --test proxy/
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import express from 'express';
import { createServer as createViteServer } from 'vite';
import { huaweiDnsProxy } from './huawei-dns-proxy.js';
import { startHuaweiDnsStub } from './testing/huawei-dns-stub.js';
import { gate, metric, rawGet, startHost, waitUntil } from './testing/http-host.js';

const AK = 'TEAMAKEXAMPLE0000000';
const SK = 'team-secret-7e6d5c4b3a291807f6e5d4c3b2a19080';
const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';
const OTHER_ZONE = 'ff8080825b8fc86c015b94bc6f8799aa';
const taskOf = (zoneId) => ({ code: 200, data: { task_id: `task-of-${zoneId}`, zone_id: zoneId, status: 'PENDING', total_count: 10, success_count: 3, error_count: 0, error_items: [] } });
const importPath = (zone, root = '/api/dns') => `${root}/v2/zones/${zone}/import/recordsets`;

let stub;
/** What the stub answers for a zone (reset by each test that changes it). */
let script = (zoneId) => ({ body: taskOf(zoneId) });
const proxies = [];

before(async () => {
  stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer: (zoneId, caller) => script(zoneId, caller) });
});
after(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await stub.close();
});

/** A proxy on its own host server, with every option the test gives. */
async function team(options = {}) {
  const proxy = huaweiDnsProxy({ ak: AK, sk: SK, endpoint: stub.url, ...options });
  const host = await startHost(proxy);
  proxies.push(host, proxy);
  return { proxy, host };
}

const upstreamFor = (zone) => stub.requests.filter((r) => r.url.includes(`/zones/${zone}/`));

describe('one upstream request for every viewer', () => {
  it('twenty viewers arriving while a slow request is on its way all wait for it, and get its answer', async () => {
    const zone = `${ZONE}sf`;
    const upstream = gate();
    script = (zoneId) => upstream.opened.then(() => ({ body: taskOf(zoneId) }));
    const { proxy, host } = await team();
    const viewers = Array.from({ length: 20 }, () => rawGet(host.url, importPath(zone)));
    await waitUntil(() => metric(proxy, 'requests_total') === 20 && upstreamFor(zone).length === 1, 'twenty viewers waiting on one upstream request');
    upstream.open();
    const answers = await Promise.all(viewers);
    assert.deepEqual(answers.map((a) => a.status), Array(20).fill(200));
    assert.ok(answers.every((a) => a.text === answers[0].text && a.json().data.zone_id === zone));
    assert.equal(upstreamFor(zone).length, 1);
    assert.equal(upstreamFor(zone)[0].verified, true);
    assert.equal(metric(proxy, 'coalesced_total'), 19);
    assert.equal(metric(proxy, 'upstream_requests_total'), 1);
    assert.equal(metric(proxy, 'upstream_duration_seconds_count'), 1);
  });

  it('a viewer who leaves stops waiting; the request goes on for the others, and is abandoned only when nobody waits', async () => {
    const upstream = gate();
    script = (zoneId) => upstream.opened.then(() => ({ body: taskOf(zoneId) }));
    // A time-out far beyond the waits below: only the viewers leaving can end a request here.
    const { proxy, host } = await team({ timeout: 120_000 });

    const shared = `${ZONE}l1`;
    const leaving = new AbortController();
    const left = rawGet(host.url, importPath(shared), {}, { signal: leaving.signal }).catch((error) => error);
    const staying = rawGet(host.url, importPath(shared));
    await waitUntil(() => metric(proxy, 'requests_total') === 2 && upstreamFor(shared).length === 1, 'two viewers on one request');
    leaving.abort();
    await waitUntil(() => host.state.closedEarly === 1, 'the proxy saw the first viewer leave');
    assert.equal((await left).name, 'AbortError');
    upstream.open();
    const answer = await staying;
    assert.equal(answer.status, 200, 'the other viewer still gets the answer');
    assert.equal(answer.json().data.zone_id, shared);
    assert.equal(upstreamFor(shared)[0].abandoned, false);

    const alone = `${ZONE}l2`;
    const held = gate();
    script = (zoneId) => held.opened.then(() => ({ body: taskOf(zoneId) }));
    const onlyViewer = new AbortController();
    const gone = rawGet(host.url, importPath(alone), {}, { signal: onlyViewer.signal }).catch((error) => error);
    await waitUntil(() => upstreamFor(alone).length === 1, 'the request upstream');
    onlyViewer.abort();
    await gone;
    await waitUntil(() => upstreamFor(alone)[0].abandoned, 'the upstream request abandoned once nobody waits');
    held.open();
    const next = await rawGet(host.url, importPath(alone));
    assert.equal(next.status, 200, 'the next viewer starts afresh');
    assert.equal(upstreamFor(alone).length, 2);
  });

  it('later viewers get the same answer from memory for minInterval, with Age; after it, the next one goes upstream', async () => {
    script = (zoneId) => ({ body: taskOf(zoneId) });
    const zone = `${ZONE}c1`;
    const { proxy, host } = await team({ minInterval: 60_000 });
    const first = await rawGet(host.url, importPath(zone));
    assert.equal(first.headers.age, '0');
    const fetchedAt = Date.now();
    await waitUntil(() => Date.now() - fetchedAt >= 1100, 'more than a second later');
    const later = await rawGet(host.url, importPath(zone));
    assert.equal(later.text, first.text);
    assert.equal(later.headers.etag, first.headers.etag);
    assert.ok(Number(later.headers.age) >= 1 && Number(later.headers.age) <= 60, `Age ${later.headers.age}`);
    assert.equal(upstreamFor(zone).length, 1);
    assert.equal(metric(proxy, 'cache_hits_total{store="memory"}'), 1);

    const short = `${ZONE}c2`;
    const brief = await team({ minInterval: 150 });
    await rawGet(brief.host.url, importPath(short));
    const answeredAt = Date.now();
    await waitUntil(() => Date.now() - answeredAt > 200, 'past minInterval');
    await rawGet(brief.host.url, importPath(short));
    assert.equal(upstreamFor(short).length, 2);
  });

  it('an answer is as old as the request that asked for it: one viewer polling every minInterval always gets a new one', async () => {
    const zone = `${ZONE}c3`;
    script = (zoneId) => ({ body: taskOf(zoneId), delayMs: 1000 });
    const { host } = await team({ minInterval: 1500 });
    await rawGet(host.url, importPath(zone));
    // Huawei answered a second after it was asked: by now the answer is over minInterval old.
    await waitUntil(() => Date.now() - upstreamFor(zone)[0].at > 1500, 'minInterval after the request left');
    await rawGet(host.url, importPath(zone));
    assert.equal(upstreamFor(zone).length, 2);
  });

  it('minInterval 0 shares only the request in flight', async () => {
    script = (zoneId) => ({ body: taskOf(zoneId) });
    const zone = `${ZONE}c0`;
    const { host } = await team({ minInterval: 0 });
    await rawGet(host.url, importPath(zone));
    await rawGet(host.url, importPath(zone));
    assert.equal(upstreamFor(zone).length, 2);
  });

  it('two zones never share an answer', async () => {
    const upstream = gate();
    script = (zoneId) => upstream.opened.then(() => ({ body: taskOf(zoneId) }));
    const { proxy, host } = await team();
    const zones = [`${ZONE}z1`, `${ZONE}z2`];
    const viewers = zones.flatMap((zone) => [rawGet(host.url, importPath(zone)), rawGet(host.url, importPath(zone))]);
    await waitUntil(() => metric(proxy, 'requests_total') === 4, 'four viewers');
    upstream.open();
    const answers = await Promise.all(viewers);
    assert.deepEqual(answers.map((a) => a.json().data.zone_id), [zones[0], zones[0], zones[1], zones[1]]);
    assert.equal(upstreamFor(zones[0]).length + upstreamFor(zones[1]).length, 2);
  });
});

describe('errors and waits', () => {
  it('a 429 with Retry-After holds every viewer off Huawei for the wait, each told the seconds left (1 to what Huawei said)', async () => {
    const zone = `${ZONE}r1`;
    const body = '{"error_code":"APIG.0308","error_msg":"The throttling threshold has been reached: policy user over ratelimit,limit:60,time:1 minute"}';
    script = () => ({ status: 429, raw: body, headers: { 'Content-Type': 'application/json', 'Retry-After': '30' } });
    const { proxy, host } = await team({ minInterval: 0 });
    for (let i = 0; i < 12; i += 1) {
      const res = await rawGet(host.url, importPath(zone));
      assert.equal(res.status, 429);
      assert.equal(res.text, body);
      const left = Number(res.headers['retry-after']);
      assert.ok(Number.isInteger(left) && left >= 1 && left <= 30, `Retry-After ${res.headers['retry-after']}`);
      // Huawei's 30 s, not the default for a throttling answer without a wait (10 s).
      if (i === 0) assert.ok(left > 20, `Retry-After ${left}`);
    }
    assert.equal(upstreamFor(zone).length, 1);
    assert.equal(metric(proxy, 'throttled_total'), 12);
  });

  it('APIG.0308 without Retry-After holds for the documented default; a 503 with Retry-After for its wait, then the next viewer tries again', async () => {
    const zone = `${ZONE}r2`;
    script = () => ({ status: 429, body: { error_code: 'APIG.0308', error_msg: 'The throttling threshold has been reached' } });
    const { host } = await team({ minInterval: 0 });
    for (let i = 0; i < 3; i += 1) {
      const res = await rawGet(host.url, importPath(zone));
      assert.equal(res.status, 429);
      const left = Number(res.headers['retry-after']);
      assert.ok(left >= 1 && left <= 10, `Retry-After ${left}`);
    }
    assert.equal(upstreamFor(zone).length, 1);

    const busy = `${ZONE}r3`;
    script = () => ({ status: 503, body: { error_code: 'APIG.0503', error_msg: 'busy' }, headers: { 'Retry-After': '1' } });
    const first = await rawGet(host.url, importPath(busy));
    const answeredAt = Date.now();
    assert.equal(first.headers['retry-after'], '1');
    assert.equal((await rawGet(host.url, importPath(busy))).headers['retry-after'], '1', 'never 0 and never more than said');
    assert.equal(upstreamFor(busy).length, 1);
    await waitUntil(() => Date.now() - answeredAt > 1050, 'the wait is over');
    script = (zoneId) => ({ body: taskOf(zoneId) });
    assert.equal((await rawGet(host.url, importPath(busy))).status, 200);
    assert.equal(upstreamFor(busy).length, 2);
  });

  it('a 5xx without Retry-After is shared for minInterval like any answer, and no longer', async () => {
    script = () => ({ status: 500, body: { error_code: 'DNS.0021', error_msg: 'Could not acquire the lock' } });
    const zone = `${ZONE}e5`;
    const { host } = await team({ minInterval: 60_000 });
    const first = await rawGet(host.url, importPath(zone));
    const second = await rawGet(host.url, importPath(zone));
    assert.equal(second.status, 500);
    assert.equal(second.text, first.text);
    assert.equal(upstreamFor(zone).length, 1);

    const brief = `${ZONE}e6`;
    const short = await team({ minInterval: 150 });
    await rawGet(short.host.url, importPath(brief));
    const answeredAt = Date.now();
    await waitUntil(() => Date.now() - answeredAt > 200, 'past minInterval');
    script = (zoneId) => ({ body: taskOf(zoneId) });
    assert.equal((await rawGet(short.host.url, importPath(brief))).status, 200);
    assert.equal(upstreamFor(brief).length, 2);
  });

  it('a network error while fifty viewers wait: one 502 body for all of them, and the next request tries again', async () => {
    const zone = `${ZONE}ne`;
    const upstream = gate();
    script = () => upstream.opened.then(() => ({ hangUp: true }));
    const { proxy, host } = await team({ minInterval: 60_000 });
    const viewers = Array.from({ length: 50 }, () => rawGet(host.url, importPath(zone)));
    await waitUntil(() => metric(proxy, 'requests_total') === 50, 'fifty viewers waiting');
    upstream.open();
    const answers = await Promise.all(viewers);
    assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([502]));
    assert.equal(new Set(answers.map((a) => a.text)).size, 1, 'one body, one request id');
    assert.equal(answers[0].json().error_code, 'PROXY.0502');
    assert.equal(upstreamFor(zone).length, 1);
    script = (zoneId) => ({ body: taskOf(zoneId) });
    assert.equal((await rawGet(host.url, importPath(zone))).status, 200, 'errors of the proxy are not kept');
    assert.equal(upstreamFor(zone).length, 2);
  });

  it('a time-out is answered 504 and not kept either', async () => {
    const zone = `${ZONE}to`;
    const never = gate();
    script = () => never.opened.then(() => ({ body: {} }));
    const { host } = await team({ timeout: 300, minInterval: 60_000 });
    const res = await rawGet(host.url, importPath(zone));
    assert.equal(res.status, 504);
    assert.equal(res.json().error_code, 'PROXY.0504');
    script = (zoneId) => ({ body: taskOf(zoneId) });
    assert.equal((await rawGet(host.url, importPath(zone))).status, 200);
    never.open();
  });
});

describe('ETag and If-None-Match', () => {
  it('a strong ETag of the body; 304 with no body when If-None-Match names it; a full answer for * or garbage', async () => {
    script = (zoneId) => ({ body: taskOf(zoneId) });
    const zone = `${ZONE}et`;
    const { proxy, host } = await team({ minInterval: 60_000 });
    const first = await rawGet(host.url, importPath(zone));
    const tag = first.headers.etag;
    assert.match(tag, /^"[A-Za-z0-9_-]{43}"$/);
    for (const header of [tag, `W/${tag}`, `"other", ${tag}`]) {
      const res = await rawGet(host.url, importPath(zone), { 'If-None-Match': header });
      assert.equal(res.status, 304, header);
      assert.equal(res.text, '');
      assert.equal(res.headers.etag, tag);
    }
    for (const header of ['*', 'garbage', `${tag.slice(1)}`, '"other"', `${tag} junk`, '""']) {
      const res = await rawGet(host.url, importPath(zone), { 'If-None-Match': header });
      assert.equal(res.status, 200, header);
      assert.equal(res.text, first.text);
    }
    assert.equal(metric(proxy, 'not_modified_total'), 3);
    assert.equal(upstreamFor(zone).length, 1);
  });

  it('a changed body gets a new tag; an error answer is never a 304', async () => {
    let version = 1;
    script = (zoneId) => ({ body: { ...taskOf(zoneId), version } });
    const zone = `${ZONE}e2`;
    const { host } = await team({ minInterval: 0 });
    const first = await rawGet(host.url, importPath(zone));
    version = 2;
    const second = await rawGet(host.url, importPath(zone), { 'If-None-Match': first.headers.etag });
    assert.equal(second.status, 200);
    assert.notEqual(second.headers.etag, first.headers.etag);
    script = () => ({ status: 404, body: { code: 'DNS.0302', message: 'This zone does not exist.' } });
    const missing = await rawGet(host.url, importPath(zone));
    const again = await rawGet(host.url, importPath(zone), { 'If-None-Match': missing.headers.etag });
    assert.equal(again.status, 404);
  });
});

describe('gzip for viewers that take it', () => {
  /** A task with `count` failed records: some 140 bytes each, so 20 are over GZIP_MIN_BYTES. */
  const largeTaskOf = (zoneId, count = 300) => ({ ...taskOf(zoneId), error_count: count, error_items: Array.from({ length: count }, (_, i) => ({ name: `host-${i}.example.com.`, type: 'A', line: 'default_view', ttl: '300', value: [`192.0.2.${i % 256}`], error_code: 'DNS.0806', error_message: 'This line is not supported.' })) });
  const BROWSER = { 'Accept-Encoding': 'gzip, deflate, br' };

  it('a viewer that takes gzip gets the body gzipped, which gunzips to exactly the bytes the others get; headers for each', async () => {
    script = (zoneId) => ({ body: largeTaskOf(zoneId) });
    const zone = `${ZONE}gz`;
    const { proxy, host } = await team({ minInterval: 60_000 });
    const plain = await rawGet(host.url, importPath(zone));
    const zipped = await rawGet(host.url, importPath(zone), BROWSER);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.headers['content-length'], String(plain.body.length));
    assert.equal(plain.headers.vary, 'Accept-Encoding');
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(zipped.headers['content-length'], String(zipped.body.length));
    assert.equal(zipped.headers.vary, 'Accept-Encoding');
    assert.equal(zipped.headers['content-type'], plain.headers['content-type']);
    assert.equal(zipped.headers['cache-control'], 'no-store');
    assert.ok(gunzipSync(zipped.body).equals(plain.body), 'gunzips to the very bytes of the identity answer');
    assert.ok(zipped.body.length * 5 < plain.body.length, `${zipped.body.length} of ${plain.body.length} bytes`);
    assert.deepEqual(plain.json(), largeTaskOf(zone));
    assert.equal(zipped.headers.etag, `${plain.headers.etag.slice(0, -1)}-gzip"`, 'another strong tag: the identity tag with -gzip inside the quotes');
    assert.equal(metric(proxy, 'gzip_answers_total'), 1);
    assert.equal(upstreamFor(zone).length, 1);
    assert.equal(upstreamFor(zone)[0].headers['accept-encoding'], undefined, 'Huawei is still asked for the body as it is');
  });

  it('no Accept-Encoding, gzip;q=0, or another coding only: the body as it is; a small body or an error is never gzipped', async () => {
    script = (zoneId) => ({ body: largeTaskOf(zoneId) });
    const zone = `${ZONE}gi`;
    const { proxy, host } = await team({ minInterval: 60_000 });
    const plain = await rawGet(host.url, importPath(zone));
    for (const header of ['gzip;q=0', 'br, deflate', 'gzip;q=0, *', '*;q=0', 'identity', 'gzip;q=0.5, identity']) {
      const res = await rawGet(host.url, importPath(zone), { 'Accept-Encoding': header });
      assert.equal(res.headers['content-encoding'], undefined, header);
      assert.ok(res.body.equals(plain.body), header);
      assert.equal(res.headers.etag, plain.headers.etag, header);
    }
    for (const header of ['*', 'x-gzip', 'br;q=1, gzip;q=0.5']) assert.equal((await rawGet(host.url, importPath(zone), { 'Accept-Encoding': header })).headers['content-encoding'], 'gzip', header);
    const small = `${ZONE}gs`;
    script = (zoneId) => ({ body: taskOf(zoneId) });
    const tiny = await rawGet(host.url, importPath(small), BROWSER);
    assert.equal(tiny.headers['content-encoding'], undefined);
    assert.equal(tiny.headers.vary, undefined, 'a body under the threshold never varies');
    script = () => ({ status: 404, body: { code: 'DNS.0302', message: 'This zone does not exist.' } });
    const missing = await rawGet(host.url, importPath(`${ZONE}gm`), BROWSER);
    assert.equal(missing.status, 404);
    assert.equal(missing.headers['content-encoding'], undefined);
    assert.equal(missing.json().code, 'DNS.0302');
    assert.equal(metric(proxy, 'gzip_answers_total'), 3);
  });

  it('one compression for every viewer of an answer: twenty at once, and those after them', async () => {
    const zone = `${ZONE}g1`;
    const upstream = gate();
    script = (zoneId) => upstream.opened.then(() => ({ body: largeTaskOf(zoneId) }));
    const { proxy, host } = await team({ minInterval: 60_000 });
    const viewers = Array.from({ length: 20 }, () => rawGet(host.url, importPath(zone), BROWSER));
    await waitUntil(() => metric(proxy, 'requests_total') === 20, 'twenty viewers waiting');
    upstream.open();
    const answers = await Promise.all(viewers);
    for (let i = 0; i < 10; i += 1) answers.push(await rawGet(host.url, importPath(zone), BROWSER));
    assert.ok(answers.every((a) => a.headers['content-encoding'] === 'gzip' && a.body.equals(answers[0].body)));
    assert.equal(metric(proxy, 'gzip_answers_total'), 30);
    assert.equal(metric(proxy, 'gzip_compressions_total'), 1);
    assert.equal(upstreamFor(zone).length, 1);
  });

  it('the gzip copy counts in the memory bound', async () => {
    script = (zoneId) => ({ body: largeTaskOf(zoneId) });
    const zone = `${ZONE}gb`;
    const { proxy, host } = await team({ minInterval: 60_000 });
    await rawGet(host.url, importPath(zone));
    const before = metric(proxy, 'cache_bytes');
    const zipped = await rawGet(host.url, importPath(zone), BROWSER);
    assert.equal(metric(proxy, 'cache_bytes'), before + zipped.body.length);
  });

  it('If-None-Match with either tag of the body gets a 304 (a browser that changed encodings too), with the tag of what it would get now', async () => {
    script = (zoneId) => ({ body: largeTaskOf(zoneId) });
    const zone = `${ZONE}g3`;
    const { proxy, host } = await team({ minInterval: 60_000 });
    const tag = (await rawGet(host.url, importPath(zone))).headers.etag;
    const gzipTag = `${tag.slice(0, -1)}-gzip"`;
    for (const [inm, accept, expected] of [[gzipTag, BROWSER, gzipTag], [gzipTag, {}, tag], [tag, BROWSER, gzipTag], [`W/${gzipTag}`, {}, tag], [`"other", ${gzipTag}`, BROWSER, gzipTag]]) {
      const res = await rawGet(host.url, importPath(zone), { 'If-None-Match': inm, ...accept });
      assert.equal(res.status, 304, `${inm} ${JSON.stringify(accept)}`);
      assert.equal(res.body.length, 0);
      assert.equal(res.headers.etag, expected);
      assert.equal(res.headers.vary, 'Accept-Encoding');
    }
    assert.equal(metric(proxy, 'gzip_compressions_total'), 0, 'a 304 compresses nothing');
    const other = await rawGet(host.url, importPath(zone), { 'If-None-Match': `${tag.slice(0, -1)}-br"`, ...BROWSER });
    assert.equal(other.status, 200, 'only the two tags of this body');
    script = (zoneId) => ({ body: { ...largeTaskOf(zoneId), version: 2 } });
    const changed = await rawGet((await team({ minInterval: 60_000 })).host.url, importPath(zone), { 'If-None-Match': `${tag}, ${gzipTag}`, ...BROWSER });
    assert.equal(changed.status, 200, 'a changed body: neither old tag matches');
    assert.notEqual(changed.headers.etag, gzipTag);
  });
});

describe('mounted the way Express, Connect and Vite mount middleware', () => {
  /** @param {(app: import('express').Express) => void} mount */
  async function withExpress(mount, run) {
    const app = express();
    mount(app);
    app.use((_req, res) => res.status(418).send('next'));
    const server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      await run(`http://127.0.0.1:${server.address().port}`);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it("Express: app.use('/api/dns', huaweiDnsProxy({ ak, sk })) answers under the mount path, whatever it is", async () => {
    script = (zoneId) => ({ body: taskOf(zoneId) });
    for (const root of ['/api/dns', '/team/dns']) {
      const proxy = huaweiDnsProxy({ ak: AK, sk: SK, endpoint: stub.url });
      proxies.push(proxy);
      await withExpress((app) => app.use(root, proxy), async (base) => {
        const res = await rawGet(base, importPath(ZONE, root));
        assert.equal(res.status, 200, root);
        assert.equal(res.json().data.zone_id, ZONE);
        assert.equal((await rawGet(base, importPath('..%2Fx', root))).status, 400);
        assert.equal((await rawGet(base, `${root}/v2/zones/${ZONE}/recordsets`)).status, 418, 'other paths go on');
        assert.equal((await rawGet(base, importPath(ZONE, ''))).status, 418, 'not at the root');
      });
    }
  });

  it('Express at the root: app.use(proxy) answers under prefix (default /api/dns, or as given)', async () => {
    script = (zoneId) => ({ body: taskOf(zoneId) });
    const byDefault = huaweiDnsProxy({ ak: AK, sk: SK, endpoint: stub.url });
    const atRoot = huaweiDnsProxy({ ak: AK, sk: SK, endpoint: stub.url, prefix: '' });
    const wholePath = huaweiDnsProxy({ ak: AK, sk: SK, endpoint: stub.url, prefix: '/api/dns' });
    proxies.push(byDefault, atRoot, wholePath);
    await withExpress((app) => app.use(byDefault), async (base) => {
      assert.equal((await rawGet(base, importPath(ZONE))).status, 200);
      assert.equal((await rawGet(base, importPath(ZONE, ''))).status, 418);
    });
    await withExpress((app) => app.use(atRoot), async (base) => {
      assert.equal((await rawGet(base, importPath(ZONE, ''))).status, 200);
    });
    // An explicit prefix names the whole path the browser requests, mounted or not.
    await withExpress((app) => app.use('/api', wholePath), async (base) => {
      assert.equal((await rawGet(base, importPath(ZONE))).status, 200);
    });
  });

  it("Vite (Connect): server.middlewares.use('/api/dns', proxy) answers under the mount path", async () => {
    script = (zoneId) => ({ body: taskOf(zoneId) });
    const proxy = huaweiDnsProxy({ ak: AK, sk: SK, endpoint: stub.url });
    proxies.push(proxy);
    const server = await createViteServer({
      configFile: false,
      logLevel: 'error',
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
      plugins: [{ name: 'proxy-at-path', configureServer: (vite) => void vite.middlewares.use('/mounted/dns', proxy) }],
    });
    await server.listen();
    try {
      const res = await rawGet(`http://127.0.0.1:${server.httpServer.address().port}`, importPath(ZONE, '/mounted/dns'));
      assert.equal(res.status, 200);
      assert.equal(res.json().data.zone_id, ZONE);
    } finally {
      await server.close();
    }
  });
});

describe('the zone allow-list', () => {
  it('a zone outside `zones` gets a Huawei-shaped 403 and no upstream request, even a thousand of them', async () => {
    script = (zoneId) => ({ body: taskOf(zoneId) });
    const { proxy, host } = await team({ zones: [ZONE] });
    const before = stub.requests.length;
    const refused = await rawGet(host.url, importPath(OTHER_ZONE));
    assert.equal(refused.status, 403);
    assert.deepEqual(Object.keys(refused.json()).sort(), ['error_code', 'error_msg', 'request_id']);
    assert.equal(refused.json().error_code, 'PROXY.0403');
    for (let i = 0; i < 1000; i += 50) {
      const burst = Array.from({ length: 50 }, (_, j) => rawGet(host.url, importPath(`unlisted${i + j}`)));
      assert.ok((await Promise.all(burst)).every((res) => res.status === 403));
    }
    assert.equal((await rawGet(host.url, importPath('..'))).status, 400, 'malformed ids are refused first');
    assert.equal(stub.requests.length, before, 'not one request reached Huawei');
    assert.equal(metric(proxy, 'cache_entries'), 0);
    assert.equal((await rawGet(host.url, importPath(ZONE))).status, 200, 'a listed zone is served');
  });

  it('without `zones`, a thousand different zones stay within the memory bounds', async () => {
    script = (zoneId) => ({ body: taskOf(zoneId) });
    const { proxy, host } = await team({ minInterval: 60_000, maxCacheEntries: 100, maxCacheBytes: 40_000 });
    for (let i = 0; i < 1000; i += 50) {
      await Promise.all(Array.from({ length: 50 }, (_, j) => rawGet(host.url, importPath(`burst${i + j}`))));
      assert.ok(metric(proxy, 'cache_entries') <= 100);
      assert.ok(metric(proxy, 'cache_bytes') <= 40_000, `${metric(proxy, 'cache_bytes')} bytes`);
    }
    assert.ok(metric(proxy, 'cache_entries') > 10, 'answers are kept, within the bounds');
  });
});

describe('options', () => {
  it('refuses a malformed allow-list, interval or Redis URL without quoting it', () => {
    const cases = [
      [{ zones: ['../x'] }, /zones must be an array of zone ids/],
      [{ zones: 'abc' }, /zones must be an array/],
      [{ minInterval: -1 }, /minInterval must be a number of at least 0/],
      [{ minInterval: Number.NaN }, /minInterval/],
      [{ redisUrl: 'http://user:hunter2@example.com' }, /redisUrl must be a redis:\/\/ or rediss:\/\/ URL/],
      [{ redisUrl: 'redis://[::1' }, /redisUrl must be/],
      [{ prefix: 'api/dns' }, /prefix must be a path/],
    ];
    for (const [options, message] of cases) {
      assert.throws(() => huaweiDnsProxy({ ak: AK, sk: SK, ...options }), (error) => {
        assert.match(error.message, message);
        assert.ok(!error.message.includes('hunter2') && !error.message.includes(SK));
        return true;
      });
    }
  });

  it('/healthz and /metrics material: health says Redis is off without redisUrl', async () => {
    const { proxy } = await team();
    assert.deepEqual(proxy.health(), { redis: 'off' });
    assert.doesNotMatch(proxy.metricsText(), /redis_shared/);
  });
});

describe('the v2.1 batch-create task (the second and only other resource)', () => {
  /** The v2.1 body as Huawei documents it: bare, one page of failed items from `offset`. */
  const batchTaskOf = (zoneId, offset = 0) => ({
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
  /** Each kind answered as Huawei does, the batch-create task the page its query asks for. */
  const byKind = (zoneId, caller) => ({ body: caller.kind === 'batch-create' ? batchTaskOf(zoneId, Number(caller.query.get('error_item_offset') ?? 0)) : taskOf(zoneId) });
  beforeEach(() => {
    script = byKind;
  });

  it('forwards the GET with its paging query, signed over that query; the stub verifies it and answers the page asked', async () => {
    const zone = `${ZONE}b1`;
    const { host } = await team({ minInterval: 0 });
    const first = await rawGet(host.url, batchPath(zone));
    assert.equal(first.status, 200);
    assert.deepEqual(first.json(), batchTaskOf(zone));
    const page = await rawGet(host.url, batchPath(zone, '?error_item_offset=500&error_item_limit=500'));
    assert.equal(page.status, 200);
    assert.equal(page.json().error_items[0].name, 'r500.example.com.');
    const received = upstreamFor(zone);
    assert.deepEqual(received.map((r) => r.url), [`/v2.1/zones/${zone}/recordsets/batch-create-task`, `/v2.1/zones/${zone}/recordsets/batch-create-task?error_item_limit=500&error_item_offset=500`]);
    assert.ok(received.every((r) => r.verified), 'the stub verified both signatures, the query included');
  });

  it('refuses hostile or unknown query values with a Huawei-shaped 400, and sends nothing upstream', async () => {
    const zone = `${ZONE}b2`;
    const { host } = await team();
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
    script = (zoneId, caller) => upstream.opened.then(() => ({ body: batchTaskOf(zoneId, Number(caller.query.get('error_item_offset') ?? 0)) }));
    try {
      const { proxy, host } = await team({ minInterval: 60_000 });
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
      script = byKind;
    }
  });

  it('the import and the batch-create task of one zone never share an answer', async () => {
    const zone = `${ZONE}b4`;
    const { host } = await team({ minInterval: 60_000 });
    const created = await rawGet(host.url, batchPath(zone));
    const imported = await rawGet(host.url, `/api/dns/v2/zones/${zone}/import/recordsets`);
    assert.notEqual(created.text, imported.text);
    assert.deepEqual(upstreamFor(zone).map((r) => r.url.split('/zones/')[0]), ['/v2.1', '/v2']);
  });

  it('holds a 429 wait from the batch-create task for every viewer of it', async () => {
    const zone = `${ZONE}b5`;
    script = () => ({ status: 429, body: { error_code: 'APIG.0308', error_msg: 'The throttling threshold has been reached' }, headers: { 'Retry-After': '30' } });
    try {
      const { host } = await team({ minInterval: 0 });
      const first = await rawGet(host.url, batchPath(zone));
      const second = await rawGet(host.url, batchPath(zone));
      assert.deepEqual([first.status, second.status], [429, 429]);
      assert.ok(Number(second.headers['retry-after']) >= 1 && Number(second.headers['retry-after']) <= 30);
      assert.equal(upstreamFor(zone).length, 1);
    } finally {
      script = byKind;
    }
  });

  it('serves the batch-create task only for the zones of the allow-list, mounted at a path too', async () => {
    const allowed = `${ZONE}b6`;
    const { host } = await team({ zones: [allowed], prefix: '/dns' });
    assert.equal((await rawGet(host.url, batchPath(allowed, '?error_item_offset=0', '/dns'))).status, 200);
    const refused = await rawGet(host.url, batchPath(`${ZONE}b7`, '', '/dns'));
    assert.equal(refused.status, 403);
    assert.equal(upstreamFor(`${ZONE}b7`).length, 0);
    assert.equal((await rawGet(host.url, batchPath(allowed))).status, 418, 'nothing outside the prefix');
  });
});

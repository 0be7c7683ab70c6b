// Several instances of the proxy behind a load balancer, sharing a REAL redis-server (Debian's
// package, started here on a free port with persistence off, and stopped by its pid): one
// upstream request per resource across them, the Retry-After wait held across them, two keys never
// crossing, garbage in Redis read as a miss, Redis killed mid-run and started again (no viewer
// ever sees an error), and a lock holder that dies. Without redis-server this fails, saying what
// to install.
// Run: node --test proxy/
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { createClient } from 'redis';
import { huaweiDnsProxy } from './huawei-dns-proxy.js';
import { startHuaweiDnsStub } from './testing/huawei-dns-stub.js';
import { gate, metric, rawGet, startHost, waitUntil } from './testing/http-host.js';
import { redisStore } from './redis-store.js';
import { startRedisServer } from './testing/redis-server.js';

const AK = 'REDISAKEXAMPLE000000';
const SK = 'redis-secret-1a2b3c4d5e6f708192a3b4c5d6e7f809';
const OTHER_AK = 'OTHERAKEXAMPLE000000';
const OTHER_SK = 'other-secret-0f1e2d3c4b5a69788796a5b4c3d2e1f0';
const REDIS_PASSWORD = 'redis-pw-3e4f5a6b';
const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';
const taskOf = (zoneId, ak) => ({ code: 200, data: { task_id: `task-of-${zoneId}`, zone_id: zoneId, status: 'PENDING', seen_by: ak } });
const importPath = (zone) => `/api/dns/v2/zones/${zone}/import/recordsets`;

let stub;
let redis;
/** A plain client of the test's own, to look into Redis and to spoil it. */
let inspector;
let script = (zoneId, { ak }) => ({ body: taskOf(zoneId, ak) });
const closers = [];
const logs = [];

before(async () => {
  redis = await startRedisServer({ password: REDIS_PASSWORD });
  stub = await startHuaweiDnsStub({ credentials: { [AK]: SK, [OTHER_AK]: OTHER_SK }, answer: (zoneId, caller) => script(zoneId, caller) });
  inspector = createClient({ url: redis.url });
  inspector.on('error', () => {});
  await inspector.connect();
});
after(async () => {
  for (const close of closers.reverse()) await close();
  await inspector?.destroy();
  await stub?.close();
  await redis?.stop();
});

/** One instance of the proxy (its own memory) on its own host, sharing the test's Redis. */
async function instance(options = {}) {
  const proxy = huaweiDnsProxy({ ak: AK, sk: SK, endpoint: stub.url, redisUrl: redis.url, log: (line) => logs.push(line), ...options });
  const host = await startHost(proxy);
  closers.push(() => proxy.close(), () => host.close());
  return { proxy, host };
}

const upstreamFor = (zone) => stub.requests.filter((r) => r.url.includes(`/zones/${zone}/`));

describe('instances sharing one Redis', () => {
  it('twenty viewers over two instances: one upstream request, then answers from Redis for minInterval', async () => {
    const zone = `${ZONE}s1`;
    const upstream = gate();
    script = (zoneId, { ak }) => upstream.opened.then(() => ({ body: taskOf(zoneId, ak) }));
    const a = await instance({ minInterval: 60_000 });
    const b = await instance({ minInterval: 60_000 });
    const viewers = Array.from({ length: 20 }, (_, i) => rawGet((i % 2 ? b : a).host.url, importPath(zone)));
    await waitUntil(() => metric(a.proxy, 'requests_total') === 10 && metric(b.proxy, 'requests_total') === 10, 'ten viewers on each instance');
    await waitUntil(() => metric(a.proxy, 'coalesced_total') + metric(b.proxy, 'coalesced_total') === 19, 'all but one waiting on the one request');
    upstream.open();
    const answers = await Promise.all(viewers);
    assert.ok(answers.every((res) => res.status === 200 && res.text === answers[0].text));
    assert.equal(upstreamFor(zone).length, 1, 'one request upstream for both instances');
    assert.equal(answers[0].headers.etag, answers[1].headers.etag, 'the same tag from either instance');

    const c = await instance({ minInterval: 60_000 });
    const third = await rawGet(c.host.url, importPath(zone));
    assert.equal(third.text, answers[0].text);
    assert.equal(metric(c.proxy, 'cache_hits_total{store="redis"}'), 1, 'a third instance finds it in Redis');
    assert.equal(upstreamFor(zone).length, 1);
    assert.deepEqual(c.proxy.health(), { redis: 'shared' });
    assert.match(c.proxy.metricsText(), /^dns_import_status_proxy_redis_shared 1$/m);
  });

  it('Huawei slower than minInterval: the instance that waited gets the answer it waited for; a viewer after it asks Huawei again', async () => {
    const zone = `${ZONE}w1`;
    let served = 0;
    const upstream = gate();
    script = (zoneId, { ak }) => upstream.opened.then(() => ({ body: { ...taskOf(zoneId, ak), served: ++served } }));
    const a = await instance({ minInterval: 100 });
    const b = await instance({ minInterval: 100 });
    const both = [rawGet(a.host.url, importPath(zone)), rawGet(b.host.url, importPath(zone))];
    await waitUntil(() => upstreamFor(zone).length === 1 && metric(a.proxy, 'coalesced_total') + metric(b.proxy, 'coalesced_total') === 1, 'the second instance waits on the first');
    await waitUntil(() => Date.now() - upstreamFor(zone)[0].at > 250, 'Huawei slower than minInterval');
    upstream.open();
    assert.deepEqual((await Promise.all(both)).map((res) => res.json().served), [1, 1]);
    assert.equal(upstreamFor(zone).length, 1, 'the instance that waited did not ask Huawei again');

    // A newcomer asks again; a viewer arriving while it does waits for that answer, not the hand-off.
    const again = gate();
    script = (zoneId, { ak }) => again.opened.then(() => ({ body: { ...taskOf(zoneId, ak), served: ++served } }));
    const later = rawGet(b.host.url, importPath(zone));
    await waitUntil(() => upstreamFor(zone).length === 2, 'a newcomer asks Huawei again');
    assert.deepEqual(await inspector.keys(`*${zone}*:answer`), [], 'the hand-off went when the newcomer took the lock');
    const third = rawGet(a.host.url, importPath(zone));
    await waitUntil(() => metric(a.proxy, 'coalesced_total') + metric(b.proxy, 'coalesced_total') === 2, 'the third viewer waits on the newcomer');
    again.open();
    assert.deepEqual([(await later).json().served, (await third).json().served], [2, 2], 'an answer older than minInterval is served to nobody who came after it');
    assert.equal(upstreamFor(zone).length, 2);
  });

  it('a 429 with Retry-After on one instance holds the other off Huawei too', async () => {
    const zone = `${ZONE}s2`;
    script = () => ({ status: 429, body: { error_code: 'APIG.0308', error_msg: 'The throttling threshold has been reached' }, headers: { 'Retry-After': '20' } });
    const a = await instance({ minInterval: 0 });
    const b = await instance({ minInterval: 0 });
    assert.equal((await rawGet(a.host.url, importPath(zone))).status, 429);
    for (let i = 0; i < 5; i += 1) {
      const res = await rawGet(b.host.url, importPath(zone));
      assert.equal(res.status, 429);
      const left = Number(res.headers['retry-after']);
      assert.ok(Number.isInteger(left) && left >= 1 && left <= 20, `Retry-After ${res.headers['retry-after']}`);
    }
    assert.equal(upstreamFor(zone).length, 1);
    assert.equal(metric(b.proxy, 'throttled_total'), 5);
  });

  it('two keys on one Redis never share an answer, nor a right and a wrong SK of one AK', async () => {
    const zone = `${ZONE}s3`;
    script = (zoneId, { ak }) => ({ body: taskOf(zoneId, ak) });
    const mine = await instance({ minInterval: 60_000 });
    const theirs = await instance({ minInterval: 60_000, ak: OTHER_AK, sk: OTHER_SK });
    const wrong = await instance({ minInterval: 60_000, sk: 'not-the-secret' });
    assert.equal((await rawGet(mine.host.url, importPath(zone))).json().data.seen_by, AK);
    assert.equal((await rawGet(theirs.host.url, importPath(zone))).json().data.seen_by, OTHER_AK);
    assert.equal((await rawGet(wrong.host.url, importPath(zone))).status, 401);
    assert.equal((await rawGet(mine.host.url, importPath(zone))).json().data.seen_by, AK, 'the wrong SK did not spoil the right one');
    assert.equal(upstreamFor(zone).length, 3);
  });

  it('Redis holds a hash of the key, never the AK, the SK or a request header; values only what Huawei answered', async () => {
    const zone = `${ZONE}s4`;
    script = (zoneId, { ak }) => ({ body: taskOf(zoneId, ak), headers: { 'X-Request-Id': 'huawei-req-1', 'Set-Cookie': 'a=b' } });
    const a = await instance({ minInterval: 60_000 });
    await rawGet(a.host.url, importPath(zone), { Cookie: 'session=viewer-cookie', 'X-Auth-Token': 'viewer-token' });
    const keys = await inspector.keys('*');
    const answerKey = keys.find((key) => key.includes(zone) && key.endsWith(':answer'));
    assert.match(answerKey, /^dns-import-status:v1:\{[A-Za-z0-9_-]{22}:\/v2\/zones\/\w+\/import\/recordsets\}:answer$/);
    const everything = [...keys, ...(await Promise.all(keys.map((key) => inspector.type(key).then((type) => (type === 'string' ? inspector.get(key) : '')))))].join('\n');
    for (const secret of [AK, SK, OTHER_AK, OTHER_SK, 'viewer-cookie', 'viewer-token', 'a=b']) assert.ok(!everything.includes(secret), secret);
    const value = JSON.parse(await inspector.get(answerKey));
    assert.deepEqual(Object.keys(value).sort(), ['body', 'handoff', 'headers', 'holdMs', 'name', 'status', 'v', 'wait']);
    assert.deepEqual(Object.keys(value.headers).sort(), ['content-type', 'x-request-id']);
    assert.deepEqual(JSON.parse(Buffer.from(value.body, 'base64').toString('utf8')), taskOf(zone, AK));
  });

  it('Redis keeps the body as Huawei sent it; each instance gzips for its own viewers', async () => {
    const zone = `${ZONE}s5`;
    const items = Array.from({ length: 100 }, (_, i) => ({ name: `host-${i}.example.com.`, error_code: 'DNS.0806' }));
    script = (zoneId, { ak }) => ({ body: { ...taskOf(zoneId, ak), error_items: items } });
    const a = await instance({ minInterval: 60_000 });
    const b = await instance({ minInterval: 60_000 });
    const browser = { 'Accept-Encoding': 'gzip, deflate, br' };
    const fromA = await rawGet(a.host.url, importPath(zone), browser);
    const fromB = await rawGet(b.host.url, importPath(zone), browser);
    const plainFromB = await rawGet(b.host.url, importPath(zone));
    assert.equal(upstreamFor(zone).length, 1);
    assert.equal(metric(b.proxy, 'cache_hits_total{store="redis"}'), 1);
    for (const zipped of [fromA, fromB]) assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(fromB.body).equals(plainFromB.body));
    assert.equal(fromB.headers.etag, fromA.headers.etag);
    assert.equal([a, b].map(({ proxy }) => metric(proxy, 'gzip_compressions_total')).join(), '1,1');
    const value = JSON.parse(await inspector.get((await inspector.keys(`*${zone}*:answer`))[0]));
    assert.equal(value.headers['content-encoding'], undefined);
    assert.ok(Buffer.from(value.body, 'base64').equals(plainFromB.body), 'what Huawei answered, not gzipped');
  });

  it('garbage in Redis, or the value of another key under this name, is a miss: never served, overwritten', async () => {
    script = (zoneId, { ak }) => ({ body: taskOf(zoneId, ak) });
    const zone = `${ZONE}g1`;
    const other = `${ZONE}g2`;
    const writer = await instance({ minInterval: 60_000 });
    await rawGet(writer.host.url, importPath(zone));
    await rawGet(writer.host.url, importPath(other));
    const keys = await inspector.keys('*:answer');
    const keyOf = (z) => keys.find((key) => key.includes(`/${z}/`));
    const otherValue = await inspector.get(keyOf(other));
    const spoilers = [
      () => inspector.set(keyOf(zone), 'not json at all', { PX: 60_000 }),
      () => inspector.set(keyOf(zone), JSON.stringify({ v: 1, status: 200 }), { PX: 60_000 }),
      () => inspector.set(keyOf(zone), otherValue, { PX: 60_000 }),
      () => inspector.set(keyOf(zone), otherValue.replace(`/${other}/`, `/${zone}/`).replace(/"status":200/, '"status":"200"'), { PX: 60_000 }),
      async () => {
        await inspector.del(keyOf(zone));
        await inspector.hSet(keyOf(zone), 'field', 'value');
      },
    ];
    for (const [i, spoil] of spoilers.entries()) {
      await spoil();
      const before = upstreamFor(zone).length;
      const reader = await instance({ minInterval: 60_000 });
      const res = await rawGet(reader.host.url, importPath(zone));
      assert.equal(res.status, 200, `spoiler ${i}`);
      assert.equal(res.json().data.zone_id, zone, `spoiler ${i}: its own zone's answer`);
      assert.equal(upstreamFor(zone).length, before + 1, `spoiler ${i}: read as a miss`);
      assert.equal(metric(reader.proxy, 'redis_fallbacks_total'), 0, `spoiler ${i}: garbage is not a Redis failure`);
    }
    assert.equal(JSON.parse(await inspector.get(keyOf(zone))).name, keyOf(zone).replace(/:answer$/, ''), 'overwritten with a good answer');
  });
});

describe('the lock', () => {
  it('is freed only by the instance that still holds it, and expires by itself', async () => {
    const store = redisStore({ url: new URL(redis.url), log: (line) => logs.push(line) });
    closers.push(() => store.close());
    const name = 'dns-import-status:v1:{lock-test}';
    assert.deepEqual(await store.claim(name, 'mine', 60_000), { kind: 'locked' });
    assert.deepEqual(await store.claim(name, 'theirs', 60_000), { kind: 'held' });
    await store.publish(name, 'theirs', '', 0);
    assert.equal(await inspector.get(`${name}:lock`), 'mine', 'a slow holder whose lock was taken over frees nothing');
    await store.publish(name, 'mine', '', 0);
    assert.equal(await inspector.get(`${name}:lock`), null);
    assert.deepEqual(await store.claim(name, 'short', 50), { kind: 'locked' });
    await waitUntil(async () => (await inspector.get(`${name}:lock`)) === null, 'the lock expires');
    assert.deepEqual(await store.claim(name, 'next', 60_000), { kind: 'locked' });
  });
});

describe('when Redis fails', () => {
  it('Redis killed mid-run: each instance goes on alone (no viewer error), logs one line without the password, and shares again once it is back', async () => {
    script = (zoneId, { ak }) => ({ body: taskOf(zoneId, ak) });
    const zone = `${ZONE}k1`;
    const from = logs.length;
    const a = await instance({ minInterval: 100 });
    const b = await instance({ minInterval: 100 });
    assert.equal((await rawGet(a.host.url, importPath(zone))).status, 200);
    assert.deepEqual(a.proxy.health(), { redis: 'shared' });

    await redis.stop();
    // Longer than the second an instance waits before it tries Redis again: it fails again, unlogged.
    const stoppedAt = Date.now();
    while (Date.now() - stoppedAt < 2500) {
      const startedAt = Date.now();
      await waitUntil(() => Date.now() - startedAt > 110, 'past minInterval');
      for (const { host } of [a, b]) {
        const res = await rawGet(host.url, importPath(zone));
        assert.equal(res.status, 200, 'a viewer never gets an error because Redis is down');
        assert.equal(res.json().data.zone_id, zone);
      }
    }
    assert.deepEqual(a.proxy.health(), { redis: 'alone' });
    assert.ok(metric(a.proxy, 'redis_fallbacks_total') >= 1);
    assert.match(a.proxy.metricsText(), /^dns_import_status_proxy_redis_shared 0$/m);
    const down = logs.slice(from).filter((line) => /unavailable/.test(line));
    assert.equal(down.length, 2, `one line per instance: ${down.join(' | ')}`);
    assert.match(down[0], /^dns-import-status-proxy: Redis at redis:\/\/127\.0\.0\.1:\d+ is unavailable \(\w+\): this instance goes on alone until it is back\.$/);

    await redis.start();
    await waitUntil(async () => {
      await rawGet(a.host.url, importPath(zone));
      await rawGet(b.host.url, importPath(zone));
      return a.proxy.health().redis === 'shared' && b.proxy.health().redis === 'shared';
    }, 'both instances back on Redis');
    assert.equal(logs.slice(from).filter((line) => /is back: instances share again/.test(line)).length, 2);
    assert.ok(!logs.join('\n').includes(REDIS_PASSWORD), 'the URL password is never logged');

    const shared = `${ZONE}k2`;
    const upstream = gate();
    script = (zoneId, { ak }) => upstream.opened.then(() => ({ body: taskOf(zoneId, ak) }));
    const both = [rawGet(a.host.url, importPath(shared)), rawGet(b.host.url, importPath(shared))];
    await waitUntil(() => upstreamFor(shared).length === 1 && metric(a.proxy, 'coalesced_total') + metric(b.proxy, 'coalesced_total') === 1, 'the second instance waits on the first');
    upstream.open();
    assert.deepEqual((await Promise.all(both)).map((res) => res.status), [200, 200]);
    assert.equal(upstreamFor(shared).length, 1, 'sharing again');
  });

  // Bounded: without the proxy's own time-out on Redis calls, this viewer would wait for ever.
  it('Redis that stops answering (SIGSTOP) is timed out: the viewer is answered, the instance goes on alone', { timeout: 60_000 }, async () => {
    script = (zoneId, { ak }) => ({ body: taskOf(zoneId, ak) });
    const zone = `${ZONE}h1`;
    const a = await instance({ minInterval: 0 });
    assert.equal((await rawGet(a.host.url, importPath(zone))).status, 200);
    process.kill(redis.pid(), 'SIGSTOP');
    try {
      const res = await rawGet(a.host.url, importPath(zone));
      assert.equal(res.status, 200);
      assert.deepEqual(a.proxy.health(), { redis: 'alone' });
    } finally {
      process.kill(redis.pid(), 'SIGCONT');
    }
  });

  it('a lock holder that dies (another instance killed mid-request) holds the rest only until its lock expires', async () => {
    const zone = `${ZONE}d1`;
    const never = gate();
    script = (zoneId, { ak }) => (upstreamFor(zoneId).length === 1 ? never.opened : Promise.resolve()).then(() => ({ body: taskOf(zoneId, ak) }));
    // The other instance: the command, in its own process, sharing the same Redis through the variable.
    const child = spawn(process.execPath, [new URL('./cli.js', import.meta.url).pathname, '--port', '0', '--endpoint', stub.url, '--timeout', '1500'], {
      env: { ...process.env, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, DNS_IMPORT_STATUS_REDIS_URL: redis.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    closers.push(() => (child.exitCode === null ? (child.kill('SIGKILL'), exited) : undefined));
    await waitUntil(() => /on (http:\/\/127\.0\.0\.1:\d+)/.test(output), `the command to start: ${output}`);
    const other = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)[1];
    await waitUntil(async () => (await rawGet(other, '/healthz')).json().redis === 'shared', 'the other instance connected to Redis');

    const dying = rawGet(other, importPath(zone)).catch((error) => error);
    await waitUntil(() => upstreamFor(zone).length === 1, 'the other instance holds the lock and asks Huawei');
    child.kill('SIGKILL');
    await exited;
    await dying;

    const a = await instance({ timeout: 1500, minInterval: 60_000 });
    const startedAt = Date.now();
    const res = await rawGet(a.host.url, importPath(zone));
    assert.equal(res.status, 200, 'answered once the dead holder\'s lock expired');
    assert.equal(res.json().data.zone_id, zone);
    assert.equal(upstreamFor(zone).length, 2);
    assert.equal(metric(a.proxy, 'redis_fallbacks_total'), 0, 'it took the lock over, it did not give up on Redis');
    assert.equal(metric(a.proxy, 'coalesced_total'), 1, 'it waited on the lock first');
    assert.ok(Date.now() - startedAt < 2 * 2500 + 5000, 'within about the lock\'s life');
    never.open();
  });
});

describe('the command with Redis', () => {
  it('DNS_IMPORT_STATUS_REDIS_URL or --redis-url: /healthz says Redis is shared, /metrics counts what happened', async () => {
    script = (zoneId, { ak }) => ({ body: taskOf(zoneId, ak) });
    const zone = `${ZONE}m1`;
    const child = spawn(process.execPath, [new URL('./cli.js', import.meta.url).pathname, '--port', '0', '--endpoint', stub.url, '--redis-url', redis.url, '--zones', `${zone},${ZONE}`], {
      env: { ...process.env, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await waitUntil(() => /on (http:\/\/127\.0\.0\.1:\d+)/.test(output), `the command to start: ${output}`);
      const base = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)[1];
      assert.equal((await rawGet(base, importPath(zone))).status, 200);
      assert.equal((await rawGet(base, importPath(zone))).status, 200);
      assert.equal((await rawGet(base, importPath(`${ZONE}99`))).status, 403, '--zones is the allow-list');
      const health = await rawGet(base, '/healthz');
      assert.equal(health.status, 200);
      assert.deepEqual(health.json(), { status: 'ok', redis: 'shared' });
      const metrics = await rawGet(base, '/metrics');
      assert.match(metrics.headers['content-type'], /^text\/plain; version=0\.0\.4/);
      assert.match(metrics.text, /^dns_import_status_proxy_requests_total 3$/m);
      assert.match(metrics.text, /^dns_import_status_proxy_upstream_requests_total 1$/m);
      assert.match(metrics.text, /^dns_import_status_proxy_cache_hits_total\{store="memory"\} 1$/m);
      assert.ok(!output.includes(REDIS_PASSWORD) && !output.includes(SK), 'neither the Redis password nor the SK in its output');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});

// The pure parts of the proxy's sharing, each on its own: routes and their resources, the mount
// path, entity tags and If-None-Match, how long an answer is shared, the bounded cache, the codec
// of shared values, single flight, and the Prometheus text checked against prom-client's.
// Run: node --test proxy/
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import client from 'prom-client';
import { AnswerCache } from './answer-cache.js';
import { acceptedCodings, acceptsGzip, gzipVaries, GZIP_MIN_BYTES } from './content-coding.js';
import { gzipEntityTag, ifNoneMatchNames, parseEntityTags, strongEntityTag } from './entity-tag.js';
import { targetBelowApiRoot } from './mount-path.js';
import { ProxyMetrics } from './proxy-metrics.js';
import { HANDOFF_MS, decodeSharedAnswer, encodeSharedAnswer } from './shared-answer-codec.js';
import { MAX_WAIT_MS, THROTTLE_WAIT_MS, retryAfterMs, secondsLeft, sharingOf } from './sharing-policy.js';
import { SingleFlight } from './single-flight.js';
import { ERROR_ITEM_PAGING, routeApiRequest } from './upstream-routes.js';

const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';
const answerOf = (status, body = '{}', headers = {}) => ({ status, headers, body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)) });

describe('routes', () => {
  it('a second resource with a paging query is one more row: its query is validated and put in canonical order', () => {
    const routes = [
      { head: '/v2/zones/', tail: '/import/recordsets', query: {} },
      { head: '/v2.1/zones/', tail: '/recordsets/batch-create-task', query: { error_item_limit: /^\d{1,4}$/, error_item_offset: /^\d{1,6}$/ } },
    ];
    const task = `/v2.1/zones/${ZONE}/recordsets/batch-create-task`;
    assert.deepEqual(routeApiRequest('GET', `${task}?error_item_offset=100&error_item_limit=50`, routes), { kind: 'forward', zoneId: ZONE, resource: `${task}?error_item_limit=50&error_item_offset=100` });
    assert.equal(routeApiRequest('GET', task, routes).kind, 'forward');
    for (const query of ['?error_item_limit=50&error_item_limit=60', '?limit=1', '?error_item_limit=-1', '?error_item_limit=1%20', '?', '?error_item_limit=1#x', '?error_item_limit=1&']) {
      assert.equal(routeApiRequest('GET', `${task}${query}`, routes).kind, 'bad', query);
    }
    assert.equal(routeApiRequest('GET', `/v2/zones/${ZONE}/import/recordsets?error_item_limit=1`, routes).kind, 'bad', 'the import takes no query');
    assert.equal(routeApiRequest('GET', '/v2/zones/import/recordsets').kind, 'next', 'head and tail may not overlap');
  });

  it('the v2.1 batch-create task takes error_item_limit and error_item_offset, 0 to 2000 written one way, in canonical order; nothing else', () => {
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

describe('the mount path', () => {
  const req = (url, originalUrl) => ({ url, originalUrl });
  it('mounted at a path, the mount path is the root; at the root, prefix (default /api/dns); an explicit prefix is the whole path', () => {
    assert.equal(targetBelowApiRoot(req('/v2/zones/z/import/recordsets', '/team/dns/v2/zones/z/import/recordsets'), undefined), '/v2/zones/z/import/recordsets');
    assert.equal(targetBelowApiRoot(req('/api/dns/v2/x'), undefined), '/v2/x');
    assert.equal(targetBelowApiRoot(req('/api/dns/v2/x', '/api/dns/v2/x'), undefined), '/v2/x', 'use(fn) without a path strips nothing');
    assert.equal(targetBelowApiRoot(req('/api/dnsx/v2/x'), undefined), undefined);
    assert.equal(targetBelowApiRoot(req('/v2/x'), ''), '/v2/x');
    assert.equal(targetBelowApiRoot(req('/dns/v2/x', '/api/dns/v2/x'), '/api/dns'), '/v2/x');
    assert.equal(targetBelowApiRoot(req('/v2/x', '/other/v2/x'), '/api/dns'), undefined);
  });
});

describe('entity tags', () => {
  it('a strong tag of the body; If-None-Match compared weakly, * and malformed lists never match', () => {
    const tag = strongEntityTag(Buffer.from('{"a":1}'));
    assert.equal(tag, strongEntityTag(Buffer.from('{"a":1}')));
    assert.notEqual(tag, strongEntityTag(Buffer.from('{"a":2}')));
    assert.deepEqual(parseEntityTags(`"x" , W/"y",${tag}`), ['"x"', '"y"', tag]);
    for (const header of [tag, `W/${tag}`, `"x", ${tag}`, ` ${tag} `]) assert.equal(ifNoneMatchNames(header, tag), true, header);
    for (const header of ['*', '', 'garbage', `${tag}x`, `"x" ${tag}`, `w/${tag}`, tag.slice(0, -1), undefined, [tag]]) assert.equal(ifNoneMatchNames(header, tag), false, String(header));
    const gzipTag = gzipEntityTag(tag);
    assert.equal(gzipTag, `${tag.slice(0, -1)}-gzip"`, 'the gzip representation: -gzip inside the quotes');
    assert.deepEqual(parseEntityTags(`${tag}, W/${gzipTag}`), [tag, gzipTag]);
    assert.equal(ifNoneMatchNames(gzipTag, tag), false, 'two representations, two strong tags');
  });
});

describe('content codings', () => {
  it('gzip when Accept-Encoding gives it (or x-gzip, or *) a q-value above 0, and not below a stated identity', () => {
    for (const header of ['gzip, deflate, br', 'gzip, deflate, br, zstd', 'GZIP', 'x-gzip', 'br;q=1.0, gzip;q=0.8, *;q=0.1', 'gzip;q=0.001', '*', 'gzip;q=1.000', ' deflate , gzip ', 'gzip ; q=0.5', 'identity;q=0.5, gzip', ['br', 'gzip']]) {
      assert.equal(acceptsGzip(header), true, String(header));
    }
    for (const header of [undefined, '', 'identity', 'br, deflate', 'gzip;q=0', 'gzip;q=0.000', 'gzip;q=0, *', '*;q=0', 'gzip;q=0.5, identity', 'gzip;q=0.5, *', 'gzip;q=2', 'gzip;q=1.5', 'gzip;level=9', 'gzip;q=abc', 'gzip;q=0.0001']) {
      assert.equal(acceptsGzip(header), false, String(header));
    }
    assert.deepEqual([...acceptedCodings('gzip;q=0.5, br, identity;q=0, gzip')], [['gzip', 0.5], ['br', 1], ['identity', 0]], 'the first mention of a coding counts');
  });

  it('a body has a gzip representation from GZIP_MIN_BYTES on, unless Huawei encoded it itself', () => {
    const body = 'x'.repeat(GZIP_MIN_BYTES);
    assert.equal(gzipVaries(answerOf(200, body)), true);
    assert.equal(gzipVaries(answerOf(500, body)), true, 'a large error body too');
    assert.equal(gzipVaries(answerOf(200, body.slice(1))), false, 'small bodies go as they are');
    assert.equal(gzipVaries(answerOf(200, body, { 'content-encoding': 'gzip' })), false, 'never encoded twice');
    assert.equal(gzipVaries(answerOf(200, body, { 'content-encoding': 'identity' })), true);
  });
});

describe('how long an answer is shared', () => {
  const now = Date.parse('2026-12-01T00:00:00Z');
  it('Retry-After on a 429 or 503 (seconds or a date) is a wait for everyone; capped; absent or past is no wait', () => {
    assert.deepEqual(sharingOf(answerOf(429, '{}', { 'retry-after': '7' }), 1000, now), { holdMs: 7000, wait: true });
    assert.deepEqual(sharingOf(answerOf(503, '{}', { 'retry-after': new Date(now + 4000).toUTCString() }), 1000, now), { holdMs: 4000, wait: true });
    assert.deepEqual(sharingOf(answerOf(503, '{}', { 'retry-after': '999999' }), 1000, now), { holdMs: MAX_WAIT_MS, wait: true });
    assert.deepEqual(sharingOf(answerOf(503, '{}', { 'retry-after': '0' }), 1000, now), { holdMs: 1000, wait: false });
    assert.deepEqual(sharingOf(answerOf(503, '{}', { 'retry-after': 'soon' }), 1000, now), { holdMs: 1000, wait: false });
    assert.deepEqual(sharingOf(answerOf(500, '{}', { 'retry-after': '7' }), 1000, now), { holdMs: 1000, wait: false }, 'only 429 and 503 ask for a wait');
    assert.equal(retryAfterMs('1.5', now), undefined);
    assert.equal(retryAfterMs(new Date(now - 1000).toUTCString(), now), undefined);
  });

  it('throttling without Retry-After waits the documented default: HTTP 429, APIG.0308, APIGW.0308, DNS.0014 (also nested)', () => {
    const wait = { holdMs: THROTTLE_WAIT_MS, wait: true };
    assert.deepEqual(sharingOf(answerOf(429), 1000, now), wait);
    assert.deepEqual(sharingOf(answerOf(403, { error_code: 'DNS.0014', error_msg: 'Request forbidden by flow control' }), 1000, now), wait);
    assert.deepEqual(sharingOf(answerOf(400, { error: { code: 'APIGW.0308' } }), 1000, now), wait);
    assert.deepEqual(sharingOf(answerOf(403, { errorCode: 'APIG.0308' }), 0, now), wait);
    assert.deepEqual(sharingOf(answerOf(403, { error_code: 'DNS.0013' }), 1000, now), { holdMs: 1000, wait: false });
    assert.deepEqual(sharingOf(answerOf(200, { code: 'APIG.0308' }), 1000, now), { holdMs: 1000, wait: false }, 'a 2xx is never throttling');
  });

  it('a viewer is told the seconds left of a wait: never 0, never more than Huawei said', () => {
    const wait = { holdMs: 30_000, expiresAt: now + 30_000 };
    assert.equal(secondsLeft(wait, now), 30);
    assert.equal(secondsLeft(wait, now + 100), 30);
    assert.equal(secondsLeft(wait, now + 29_001), 1);
    assert.equal(secondsLeft(wait, now + 30_000), 1, 'at the very end: 1, not 0');
    assert.equal(secondsLeft(wait, now + 31_000), 1);
    assert.equal(secondsLeft({ holdMs: 1500, expiresAt: now + 5000 }, now), 2, 'a clock step back does not lengthen the wait past what was said');
  });

  it("any other answer of Huawei's for minInterval; the proxy's own errors not at all", () => {
    assert.deepEqual(sharingOf(answerOf(200), 1000, now), { holdMs: 1000, wait: false });
    assert.deepEqual(sharingOf(answerOf(500), 250, now), { holdMs: 250, wait: false });
    assert.deepEqual(sharingOf({ ...answerOf(504), fromProxy: true }, 1000, now), { holdMs: 0, wait: false });
  });
});

describe('the bounded cache', () => {
  const shared = (bytes, expiresAt = Infinity) => ({ answer: answerOf(200, 'x'.repeat(bytes)), etag: '"t"', holdMs: 1000, wait: false, expiresAt });
  it('keeps entries until they expire, and the least recently used go first past either bound', () => {
    const cache = new AnswerCache({ maxEntries: 3, maxBytes: 10_000 });
    for (const key of ['a', 'b', 'c']) cache.set(key, shared(100));
    assert.ok(cache.get('a', 0), 'a is now the most recently used');
    cache.set('d', shared(100));
    assert.equal(cache.get('b', 0), undefined, 'b went first');
    assert.ok(cache.get('a', 0) && cache.get('c', 0) && cache.get('d', 0));
    cache.set('big', shared(9_800));
    assert.ok(cache.bytes <= 10_000 && cache.get('big', 0));
    assert.equal(cache.size, 2, 'older entries made room');
    cache.set('huge', shared(20_000));
    assert.equal(cache.get('huge', 0), undefined, 'alone over the bound: not kept');
    cache.set('old', shared(10, 5));
    assert.equal(cache.get('old', 5), undefined, 'expired');
    const emptied = new AnswerCache({ maxEntries: 5, maxBytes: 1000 });
    emptied.set('a', shared(10));
    emptied.set('a', shared(20));
    emptied.delete('a');
    assert.equal(emptied.bytes, 0);
    assert.equal(emptied.size, 0);
  });

  it('counts a gzip copy made after the answer was kept: the bounds hold for it too', () => {
    const cache = new AnswerCache({ maxEntries: 5, maxBytes: 1000 });
    const a = shared(300);
    const b = shared(300);
    cache.set('a', a);
    cache.set('b', b);
    const before = cache.bytes;
    a.gzip = { body: Promise.resolve(Buffer.alloc(100)), bytes: 100 };
    cache.recount('a', a);
    assert.equal(cache.bytes, before + 100);
    b.gzip = { body: Promise.resolve(Buffer.alloc(350)), bytes: 350 };
    cache.recount('b', b);
    assert.equal(cache.get('a', 0), undefined, 'the other entry made room for the copy');
    assert.ok(cache.get('b', 0));
    assert.equal(cache.bytes, 1 + 3 + 300 + 350, 'key, tag, body and copy');
    const replaced = shared(10);
    cache.set('b', replaced);
    b.gzip.bytes = 900;
    cache.recount('b', b);
    assert.equal(cache.get('b', 0), replaced, 'a copy of an answer no longer held changes nothing');
    assert.equal(cache.bytes, 1 + 3 + 10);
  });

  it('keeps a wait Huawei asked for while other answers make room', () => {
    const cache = new AnswerCache({ maxEntries: 3, maxBytes: 10_000 });
    cache.set('throttled', { ...shared(10), wait: true });
    for (const key of ['b', 'c', 'd', 'e']) cache.set(key, shared(100));
    assert.ok(cache.get('throttled', 0), 'the wait outlives newer answers for other resources');
    assert.equal(cache.size, 3);
    assert.equal(cache.get('b', 0), undefined, 'the least recently used answer went instead');
    const waits = new AnswerCache({ maxEntries: 2, maxBytes: 10_000 });
    for (const key of ['w1', 'w2', 'w3']) waits.set(key, { ...shared(10), wait: true });
    assert.equal(waits.size, 2, 'waits alone still keep the bound');
    assert.equal(waits.get('w1', 0), undefined);
  });
});

describe('shared values', () => {
  const name = `dns-import-status:v1:{scope:/v2/zones/${ZONE}/import/recordsets}`;
  const shared = { answer: answerOf(200, { code: 200 }, { 'content-type': 'application/json' }), etag: strongEntityTag(Buffer.from('{"code":200}')), holdMs: 1000, wait: false, expiresAt: 0 };
  it('reads back what it wrote, the hold left from Redis, the tag recomputed', () => {
    const decoded = decodeSharedAnswer(name, encodeSharedAnswer(name, shared), 400, 10_000, 1024);
    assert.deepEqual(decoded, { ...shared, expiresAt: 10_400 });
  });
  it('a hand-off reads back already expired, also for an answer never kept (hold 0)', () => {
    assert.deepEqual(decodeSharedAnswer(name, encodeSharedAnswer(name, shared, true), 400, 10_000, 1024), { ...shared, expiresAt: 10_000 });
    const neverKept = { ...shared, holdMs: 0 };
    assert.deepEqual(decodeSharedAnswer(name, encodeSharedAnswer(name, neverKept, true), 400, 10_000, 1024), { ...neverKept, expiresAt: 10_000 });
    assert.equal(decodeSharedAnswer(name, encodeSharedAnswer(name, neverKept), 400, 10_000, 1024), undefined, 'a hold of 0 is only ever a hand-off');
    assert.equal(decodeSharedAnswer(name, encodeSharedAnswer(name, shared, true), HANDOFF_MS + 1, 10_000, 1024), undefined, 'kept longer than a hand-off lives');
  });
  it('anything else is a miss: garbage, another shape, another name, a body too large, a hold left longer than the hold', () => {
    const good = JSON.parse(encodeSharedAnswer(name, shared));
    const variants = [
      'garbage',
      '[]',
      'null',
      JSON.stringify({ ...good, v: 1 }),
      JSON.stringify({ ...good, handoff: undefined }),
      JSON.stringify({ ...good, name: name.replace(ZONE, 'other') }),
      JSON.stringify({ ...good, status: '200' }),
      JSON.stringify({ ...good, status: 99 }),
      JSON.stringify({ ...good, headers: { 'set-cookie': 'a=b' } }),
      JSON.stringify({ ...good, headers: { 'content-type': 'a\r\nInjected: 1' } }),
      JSON.stringify({ ...good, headers: [] }),
      JSON.stringify({ ...good, body: 'not base64!' }),
      JSON.stringify({ ...good, body: Buffer.alloc(2048).toString('base64') }),
      JSON.stringify({ ...good, holdMs: 100 }),
      JSON.stringify({ ...good, wait: 'no' }),
    ];
    for (const value of variants) assert.equal(decodeSharedAnswer(name, value, 400, 0, 1024), undefined, value.slice(0, 80));
    assert.equal(decodeSharedAnswer(name, 42, 400, 0, 1024), undefined);
    assert.equal(decodeSharedAnswer(name, encodeSharedAnswer(name, shared), -2, 0, 1024), undefined, 'no expiry: not ours');
  });
});

describe('single flight', () => {
  it('one piece of work per key; a caller that leaves stops waiting; the work aborts when nobody waits, and the key is free again', async () => {
    const flights = new SingleFlight();
    let started = 0;
    /** @type {AbortSignal[]} */
    const signals = [];
    /** @type {((value: string) => void)[]} */
    const finish = [];
    const work = (signal) => {
      started += 1;
      signals.push(signal);
      return new Promise((resolve) => finish.push(resolve));
    };
    const a = new AbortController();
    const b = new AbortController();
    const first = flights.run('k', work, a.signal);
    const second = flights.run('k', work, b.signal);
    assert.deepEqual([first.joined, second.joined], [false, true]);
    await Promise.resolve();
    assert.equal(started, 1);
    a.abort(new Error('left'));
    await assert.rejects(first.result, /left/);
    assert.equal(signals[0].aborted, false, 'the other caller still waits');
    finish[0]('answer');
    assert.equal(await second.result, 'answer');
    assert.equal(flights.size, 0);

    const c = new AbortController();
    const third = flights.run('k', work, c.signal);
    await Promise.resolve();
    c.abort(new Error('gone'));
    await assert.rejects(third.result, /gone/);
    assert.equal(signals[1].aborted, true, 'nobody waits: the work is abandoned');
    const fourth = flights.run('k', work, new AbortController().signal);
    assert.equal(fourth.joined, false, 'the next caller starts afresh');
    await Promise.resolve();
    finish[2]('again');
    assert.equal(await fourth.result, 'again');
  });
});

describe('metrics', () => {
  it("the Prometheus text is what prom-client renders for the same counts", async () => {
    const ours = new ProxyMetrics();
    ours.requests = 42;
    ours.upstreamRequests = 3;
    ours.cacheHits.memory = 30;
    ours.cacheHits.redis = 2;
    ours.coalesced = 7;
    ours.notModified = 25;
    ours.throttledPassedOn = 4;
    ours.redisFallbacks = 1;
    ours.gzipAnswers = 12;
    ours.gzipCompressions = 2;
    for (const seconds of [0.08, 0.09, 2]) ours.observeUpstreamLatency(seconds);

    const registry = new client.Registry();
    const counter = (name, help, value, labels) => {
      const c = new client.Counter({ name: `dns_import_status_proxy_${name}`, help, labelNames: labels ? Object.keys(labels[0]) : [], registers: [registry] });
      if (labels) for (const [i, set] of labels.entries()) c.inc(set, value[i]);
      else c.inc(value);
    };
    const gauge = (name, help, value) => new client.Gauge({ name: `dns_import_status_proxy_${name}`, help, registers: [registry] }).set(value);
    const help = Object.fromEntries([...ours.text({ redisShared: true, cacheEntries: 5, cacheBytes: 1234 }).matchAll(/^# HELP dns_import_status_proxy_(\w+) (.*)$/gm)].map((m) => [m[1], m[2]]));
    counter('requests_total', help.requests_total, 42);
    counter('upstream_requests_total', help.upstream_requests_total, 3);
    counter('cache_hits_total', help.cache_hits_total, [30, 2], [{ store: 'memory' }, { store: 'redis' }]);
    counter('coalesced_total', help.coalesced_total, 7);
    counter('not_modified_total', help.not_modified_total, 25);
    counter('throttled_total', help.throttled_total, 4);
    counter('redis_fallbacks_total', help.redis_fallbacks_total, 1);
    counter('gzip_answers_total', help.gzip_answers_total, 12);
    counter('gzip_compressions_total', help.gzip_compressions_total, 2);
    gauge('cache_entries', help.cache_entries, 5);
    gauge('cache_bytes', help.cache_bytes, 1234);
    gauge('redis_shared', help.redis_shared, 1);
    const histogram = new client.Histogram({ name: 'dns_import_status_proxy_upstream_duration_seconds', help: help.upstream_duration_seconds, registers: [registry] });
    for (const seconds of [0.08, 0.09, 2]) histogram.observe(seconds);

    const lines = (text) => text.split('\n').filter((line) => line !== '').sort();
    assert.deepEqual(lines(ours.text({ redisShared: true, cacheEntries: 5, cacheBytes: 1234 })), lines(await registry.metrics()));
    assert.equal(registry.contentType.split(';')[0], 'text/plain');
  });
});

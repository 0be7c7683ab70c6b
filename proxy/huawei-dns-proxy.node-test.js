// The signing proxy against a local stand-in for Huawei Cloud DNS (no internet): every request
// that reaches the stub is verified by an independent implementation of Huawei's documented
// SDK-HMAC-SHA256 algorithm, so the official SDK signer and the documentation must agree.
// Run: node --test proxy/
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { huaweiDnsProxy } from './huawei-dns-proxy.js';
import { startHuaweiDnsStub } from './testing/huawei-dns-stub.js';
import { rawGet as get, startHost as startHostOf } from './testing/http-host.js';
import { canonicalRequest, signature, stringToSign, verifySignature } from './testing/sdk-hmac-sha256.js';
import { routeApiRequest } from './upstream-routes.js';

const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'sk-9f4b1c2d7e8a0b3c5d6e7f8091a2b3c4d5e6f708';
const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';
const TASK = { code: 200, data: { task_id: 't1', status: 'DONE', total_count: 1, success_count: 1, error_count: 0, error_items: [] } };

/** Everything any response of these tests carried, to prove the secret never left. */
const seen = [];

/** A raw GET through a server that mounts the proxy, recording what came back. */
async function rawGet(base, path, headers = {}, method = 'GET') {
  const res = await get(base, path, headers, { method });
  seen.push(JSON.stringify(res.headers), res.text);
  return res;
}

/** A host server with the proxy mounted; what falls through to next() answers 418. */
async function startHost(options) {
  const proxy = huaweiDnsProxy(options);
  const host = await startHostOf(proxy);
  return { url: host.url, close: async () => (await host.close(), await proxy.close()) };
}

const importPath = (zone) => `/api/dns/v2/zones/${zone}/import/recordsets`;

describe('the independent verifier', () => {
  it("reproduces the signing guide's own worked example (canonical request hash and signature)", () => {
    const canonical = canonicalRequest({
      method: 'GET',
      rawPath: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
      rawQuery: 'marker=13551d6b-755d-4757-b956-536f674975c0&limit=2',
      headers: { 'content-type': 'application/json', host: 'service.region.example.com', 'x-sdk-date': '20191115T033655Z' },
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
      payload: '',
    });
    const toSign = stringToSign('20191115T033655Z', canonical);
    assert.equal(toSign.split('\n')[2], 'b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a');
    assert.equal(signature('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', toSign), '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
  });

  it('refuses a signature made with another SK, or over other headers', () => {
    const headers = { host: 'h', 'x-sdk-date': '20191115T033655Z' };
    const sign = (sk, h) =>
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=${signature(sk, stringToSign('20191115T033655Z', canonicalRequest({ method: 'GET', rawPath: '/a', rawQuery: '', headers: h, signedHeaders: ['host', 'x-sdk-date'], payload: '' })))}`;
    const check = (authorization) => verifySignature({ method: 'GET', url: '/a', headers: { ...headers, authorization } }, () => SK);
    assert.equal(check(sign(SK, headers)).ok, true);
    assert.equal(check(sign('other', headers)).ok, false);
    assert.equal(check(sign(SK, { ...headers, host: 'elsewhere' })).ok, false);
  });
});

describe('huaweiDnsProxy against the stub', () => {
  let stub;
  let host;
  let answer = () => ({ body: TASK });

  before(async () => {
    stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer: (zone) => answer(zone) });
    // Each request here must reach the stub: no answer is shared (team-proxy.node-test.js tests that).
    host = await startHost({ ak: AK, sk: SK, endpoint: stub.url, timeout: 1500, maxBodyBytes: 64 * 1024, minInterval: 0 });
  });
  after(async () => {
    await host?.close();
    await stub?.close();
  });

  it('forwards the import GET signed by the official SDK signer, which the independent verifier accepts', async () => {
    const before = stub.requests.length;
    const res = await rawGet(host.url, importPath(ZONE), { Accept: 'text/html', 'Accept-Language': 'zh-CN' });
    assert.equal(res.status, 200);
    assert.deepEqual(res.json(), TASK);
    const received = stub.requests.slice(before);
    assert.equal(received.length, 1);
    assert.equal(received[0].verified, true, 'the stub verified the signature');
    assert.equal(received[0].url, `/v2/zones/${ZONE}/import/recordsets`);
    assert.equal(received[0].headers.accept, 'application/json', 'its own Accept, whoever asks');
    assert.match(received[0].headers.authorization, /^SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=accept;host;x-sdk-date, Signature=[0-9a-f]{64}$/);
  });

  it('forwards no browser header (one answer serves every viewer, whoever asked first), and no query', async () => {
    const before = stub.requests.length;
    await rawGet(host.url, importPath(`${ZONE}h`), {
      Accept: 'application/json',
      Cookie: 'session=console-cookie',
      'X-Auth-Token': 'console-token',
      Authorization: 'Bearer console',
      'X-Forwarded-For': '10.0.0.1',
      'X-Project-Id': 'injected',
    });
    const [received] = stub.requests.slice(before);
    const names = Object.keys(received.headers).sort();
    assert.deepEqual(names.filter((n) => !['connection', 'host'].includes(n)), ['accept', 'authorization', 'x-sdk-date']);
    assert.doesNotMatch(JSON.stringify(received.headers), /console|injected|10\.0\.0\.1/);
  });

  it('passes status, Retry-After, X-Request-Id and body through unchanged', async () => {
    const body = '{"error_code":"APIG.0308","error_msg":"The throttling threshold has been reached"}';
    answer = () => ({ status: 429, raw: body, headers: { 'Content-Type': 'application/json;charset=UTF-8', 'Retry-After': '7', 'X-Request-Id': 'req-42', 'Set-Cookie': 'x=1' } });
    try {
      const res = await rawGet(host.url, importPath(`${ZONE}t`));
      assert.equal(res.status, 429);
      assert.equal(res.text, body);
      assert.equal(res.headers['retry-after'], '7');
      assert.equal(res.headers['x-request-id'], 'req-42');
      assert.equal(res.headers['content-type'], 'application/json;charset=UTF-8');
      assert.equal(res.headers['set-cookie'], undefined, "Huawei's other headers stay behind");
    } finally {
      answer = () => ({ body: TASK });
    }
  });

  it('refuses hostile zone ids and query strings with a Huawei-shaped 400, and sends nothing upstream', async () => {
    const before = stub.requests.length;
    const hostile = [
      importPath('..'),
      importPath('..%2F..%2Fiam'),
      importPath('%2e%2e'),
      importPath(`${ZONE}%2Fx`),
      importPath(`${ZONE}%00`),
      importPath(`${ZONE}/x`),
      importPath(`${ZONE}/import/recordsets/..`).replace(/\/\.\.$/, '') + '?x=1',
      `${importPath(ZONE)}?marker=1`,
      `${importPath(ZONE)}#frag`,
      importPath('a'.repeat(65)),
      importPath('zone-with-dash'),
      importPath(''),
      '/api/dns/v2/zones/../../v3/auth/tokens/x/import/recordsets',
      `/api/dns/v2/zones/${ZONE};x=1/import/recordsets`,
    ];
    for (const path of hostile) {
      const res = await rawGet(host.url, path);
      assert.equal(res.status, 400, path);
      const body = res.json();
      assert.equal(body.error_code, 'PROXY.0400', path);
      assert.equal(typeof body.error_msg, 'string');
      assert.match(res.headers['x-request-id'], /^[0-9a-f]{32}$/);
    }
    assert.equal(stub.requests.length, before, 'not one request reached Huawei');
  });

  it('leaves every other method and path to next()', async () => {
    const before = stub.requests.length;
    for (const [method, path] of [
      ['POST', importPath(ZONE)],
      ['DELETE', `/api/dns/v2/zones/${ZONE}/import/tasks/t1`],
      ['HEAD', importPath(ZONE)],
      ['GET', `/api/dns/v2/zones/${ZONE}/recordsets`],
      ['GET', '/demo/'],
      ['GET', `/v2/zones/${ZONE}/import/recordsets`],
    ]) {
      const res = await rawGet(host.url, path, {}, method);
      assert.equal(res.status, 418, `${method} ${path}`);
    }
    assert.equal(stub.requests.length, before);
  });

  it('answers 504 with a Huawei-shaped body when Huawei is too slow', async () => {
    answer = () => ({ body: TASK, delayMs: 3000 });
    try {
      const res = await rawGet(host.url, importPath(`${ZONE}s`));
      assert.equal(res.status, 504);
      assert.equal(res.json().error_code, 'PROXY.0504');
    } finally {
      answer = () => ({ body: TASK });
    }
  });

  it('refuses an answer over the size bound (declared or streamed) with 502', async () => {
    const big = Buffer.alloc(65 * 1024, 'a');
    for (const headers of [{}, { 'Transfer-Encoding': 'chunked' }]) {
      answer = () => ({ raw: big, headers });
      const res = await rawGet(host.url, importPath(ZONE));
      assert.equal(res.status, 502);
      assert.equal(res.json().error_code, 'PROXY.0502');
    }
    answer = () => ({ body: TASK });
    assert.equal((await rawGet(host.url, importPath(ZONE))).status, 200, 'the proxy still works after refusing');
  });
});

describe('huaweiDnsProxy: what Huawei refuses reaches the element as Huawei said it', () => {
  it('a wrong SK gets APIG.0301 (401), and the stub locks the key after five more failures', async () => {
    const stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer: () => ({ body: TASK }) });
    const wrong = await startHost({ ak: AK, sk: 'not-the-secret', endpoint: stub.url, minInterval: 0 });
    const right = await startHost({ ak: AK, sk: SK, endpoint: stub.url });
    try {
      const res = await rawGet(wrong.url, importPath(ZONE));
      assert.equal(res.status, 401);
      assert.equal(res.json().error_code, 'APIG.0301');
      assert.match(res.json().error_msg, /verify aksk signature fail/);
      for (let i = 0; i < 5; i += 1) await rawGet(wrong.url, importPath(ZONE));
      const locked = await rawGet(right.url, importPath(ZONE));
      assert.equal(locked.status, 401, 'why a signer that is almost right is worse than none');
      assert.match(locked.json().error_msg, /reach the limit/);
    } finally {
      await wrong.close();
      await right.close();
      await stub.close();
    }
  });

  it('an X-Sdk-Date more than 15 minutes from the gateway clock is refused, naming both times', async () => {
    for (const [skew, status] of [[16 * 60_000, 401], [-16 * 60_000, 401], [14 * 60_000, 200]]) {
      const stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer: () => ({ body: TASK }), now: () => Date.now() + skew });
      const host = await startHost({ ak: AK, sk: SK, endpoint: stub.url });
      try {
        const res = await rawGet(host.url, importPath(ZONE));
        assert.equal(res.status, status, `skew ${skew / 60_000} min`);
        if (status === 401) {
          assert.equal(res.json().error_code, 'APIG.0301');
          assert.match(res.json().error_msg, /signature expired, signature time:\d{8}T\d{6}Z,server time:\d{8}T\d{6}Z/);
        }
      } finally {
        await host.close();
        await stub.close();
      }
    }
  });

  it('answers 502 with a Huawei-shaped body when Huawei cannot be reached', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    const host = await startHost({ ak: AK, sk: SK, endpoint: `http://127.0.0.1:${port}` });
    try {
      const res = await rawGet(host.url, importPath(ZONE));
      assert.equal(res.status, 502);
      assert.deepEqual(Object.keys(res.json()).sort(), ['error_code', 'error_msg', 'request_id']);
      assert.match(res.json().error_msg, /ECONNREFUSED/);
    } finally {
      await host.close();
    }
  });
});

describe('huaweiDnsProxy: options', () => {
  it('refuses missing or malformed options without quoting any of them', () => {
    const cases = [
      [{ ak: '', sk: SK }, /ak is required/],
      [{ ak: AK }, /sk is required/],
      [{ ak: AK, sk: SK, region: 'cn-north-4.evil.example#' }, /region/],
      [{ ak: AK, sk: SK, endpoint: 'file:///etc/passwd' }, /endpoint/],
      [{ ak: AK, sk: SK, endpoint: `https://user:${SK}@example.com` }, /endpoint/],
      [{ ak: AK, sk: SK, projectId: '../x' }, /projectId/],
      [{ ak: AK, sk: SK, timeout: 0 }, /timeout/],
    ];
    for (const [options, message] of cases) {
      assert.throws(
        () => huaweiDnsProxy(options),
        (error) => {
          assert.match(error.message, message);
          assert.ok(!`${error.message}\n${error.stack}`.includes(SK), 'the SK is not in the message or the stack');
          return true;
        },
      );
    }
  });

  it('the route check reads the raw path only', () => {
    const path = `/v2/zones/${ZONE}/import/recordsets`;
    assert.deepEqual(routeApiRequest('GET', path), { kind: 'forward', zoneId: ZONE, resource: path });
    assert.equal(routeApiRequest('GET', '/v2/zones/%41/import/recordsets').kind, 'bad');
    assert.equal(routeApiRequest('POST', path).kind, 'next');
  });

  it('never put the SK in any response of these tests', () => {
    assert.ok(seen.length > 20, `responses were recorded (${seen.length})`);
    assert.ok(!seen.some((text) => text.includes(SK)), 'the SK never left the proxy');
  });
});

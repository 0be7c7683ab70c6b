// @ts-check
// A local stand-in for Huawei Cloud DNS's API gateway, for tests without the internet: it checks
// every request's AK/SK signature with the independent verifier (sdk-hmac-sha256.js) and answers
// the way Huawei documents it:
//   - a signature that does not verify, or an unknown AK: 401 APIG.0301 ("Incorrect IAM
//     authentication information"); more than five such failures in a row lock the key for five
//     minutes, as the signing guide's FAQ says;
//   - an X-Sdk-Date more than 15 minutes from the gateway's clock: 401 APIG.0301 with the
//     gateway's "signature expired, signature time:…,server time:…" wording;
//   - a path the gateway does not publish: 404 APIG.0101;
//   - GET /v2/zones/{zone_id}/import/recordsets and GET /v2.1/zones/{zone_id}/recordsets/
//     batch-create-task (with its query): whatever the test scripts for that zone, key, task kind
//     and query (at once, or when the promise it returns settles: a test holds a request open that way).
// Every request is recorded (method, raw url, headers, and whether the proxy abandoned it before
// the answer) for the tests to inspect.

import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { parseSdkDate, verifySignature } from './sdk-hmac-sha256.js';

const FIFTEEN_MINUTES = 15 * 60 * 1000;
const LOCK_MS = 5 * 60 * 1000;

/**
 * @typedef {{ status?: number, headers?: Record<string, string>, body?: unknown, raw?: string | Buffer, delayMs?: number, hangUp?: boolean }} StubAnswer
 * @typedef {{ method: string, url: string, headers: import('node:http').IncomingHttpHeaders, verified: boolean, abandoned: boolean, at: number }} StubRecord
 */

/** `20230527T000431Z` */
const sdkDateText = (/** @type {number} */ ms) => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/**
 * @param {object} options
 * @param {Record<string, string>} options.credentials       AK -> SK the gateway knows
 * @param {(zoneId: string, caller: { ak: string, kind: 'import' | 'batch-create', query: URLSearchParams }) => StubAnswer | Promise<StubAnswer>} [options.answer]  the DNS service behind the gateway
 * @param {() => number} [options.now]                        the gateway's clock
 */
export async function startHuaweiDnsStub({ credentials, answer = () => ({ status: 404, body: { code: 'DNS.0302', message: 'This zone does not exist.' } }), now = Date.now }) {
  /** @type {StubRecord[]} */
  const requests = [];
  /** @type {Map<string, { failures: number, lockedUntil: number }>} */
  const keys = new Map();
  const secretOf = (/** @type {string} */ ak) => (Object.hasOwn(credentials, ak) ? credentials[ak] : undefined);

  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
  const reply = (res, status, body, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-Id': randomBytes(16).toString('hex'), ...headers });
    res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body));
  };
  /** @param {import('node:http').ServerResponse} res @param {string} message */
  const unauthorized = (res, message) => reply(res, 401, { error_msg: `Incorrect IAM authentication information: ${message}`, error_code: 'APIG.0301', request_id: randomBytes(16).toString('hex') });

  const server = createServer((req, res) => {
    const record = { method: req.method ?? '', url: req.url ?? '', headers: { ...req.headers }, verified: false, abandoned: false, at: Date.now() };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.abandoned = true;
    });
    const result = verifySignature({ method: record.method, url: record.url, headers: req.headers }, secretOf);
    const key = result.ak === undefined ? undefined : (keys.get(result.ak) ?? { failures: 0, lockedUntil: 0 });
    if (key && result.ak !== undefined) keys.set(result.ak, key);
    if (key && key.lockedUntil > now()) return unauthorized(res, 'AK access failed to reach the limit,forbidden.');
    if (!result.ok) {
      if (key) {
        key.failures += 1;
        if (key.failures > 5) key.lockedUntil = now() + LOCK_MS;
      }
      return unauthorized(res, result.reason === 'unknown-ak' ? 'Get secretKey failed,ak:******,err:ak not exist' : 'verify aksk signature fail');
    }
    if (Math.abs(now() - result.sdkDate) > FIFTEEN_MINUTES) {
      return unauthorized(res, `signature expired, signature time:${sdkDateText(/** @type {number} */ (parseSdkDate(String(req.headers['x-sdk-date']))))},server time:${sdkDateText(now())}`);
    }
    /** @type {NonNullable<typeof key>} */ (key).failures = 0;
    record.verified = true;

    const queryAt = record.url.indexOf('?');
    const rawPath = queryAt === -1 ? record.url : record.url.slice(0, queryAt);
    const importTask = /^\/v2\/zones\/([^/?]+)\/import\/recordsets$/.exec(record.url);
    const batchCreateTask = /^\/v2\.1\/zones\/([^/?]+)\/recordsets\/batch-create-task$/.exec(rawPath);
    const path = importTask ?? batchCreateTask;
    if (!path || record.method !== 'GET') {
      return reply(res, 404, { error_msg: 'The API does not exist or has not been published in the environment', error_code: 'APIG.0101', request_id: randomBytes(16).toString('hex') });
    }
    const respond = (/** @type {StubAnswer} */ scripted) => {
      if (res.destroyed) return;
      // The connection dropped with no answer, as a network failure.
      if (scripted.hangUp) return res.destroy();
      if (scripted.raw !== undefined) {
        res.writeHead(scripted.status ?? 200, scripted.headers ?? {});
        return res.end(scripted.raw);
      }
      return reply(res, scripted.status ?? 200, scripted.body ?? {}, scripted.headers);
    };
    const caller = {
      ak: /** @type {string} */ (result.ak),
      kind: /** @type {'import' | 'batch-create'} */ (importTask ? 'import' : 'batch-create'),
      query: new URLSearchParams(queryAt === -1 ? '' : record.url.slice(queryAt + 1)),
    };
    void Promise.resolve(answer(/** @type {string} */ (path[1]), caller)).then((scripted) => {
      if (scripted.delayMs) setTimeout(() => respond(scripted), scripted.delayMs);
      else respond(scripted);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

// @ts-check
// `dns-import-status/proxy`: a Connect-style middleware that lets a browser read two things from
// Huawei Cloud DNS, the latest batch-import task of a zone and its v2.1 batch-create task, without
// ever holding the AK/SK.
//
//   GET {root}/v2/zones/{zone_id}/import/recordsets  ->  GET {endpoint}/v2/zones/{zone_id}/import/recordsets
//   GET {root}/v2.1/zones/{zone_id}/recordsets/batch-create-task[?error_item_limit=N&error_item_offset=N]
//       ->  GET {endpoint}/v2.1/zones/{zone_id}/recordsets/batch-create-task[?…, in canonical order]
//
// signed with AK/SK (SDK-HMAC-SHA256) by the official SDK's signer. {root} is the path it is
// mounted at (`app.use('/api/dns', proxy)`), or `prefix` at the root (mount-path.js). Nothing
// else is forwarded: any other method or path goes to next(), and a request that looks like one
// of these paths but carries anything unexpected (a zone id not of the API's form, a query string
// on the import, any other parameter or a paging value outside 0..2000 on the batch-create task, a
// second path) is refused here with a Huawei-shaped 400, before any request leaves
// (upstream-routes.js). A zone outside the `zones` allow-list gets a 403.
//
// A whole team watches on one key: every viewer of a resource shares one upstream request and its
// answer for `minInterval` ms, a wait Huawei asks for holds for all of them, and with `redisUrl`
// several instances share all that through Redis (shared-answers.js). Answers carry a strong ETag
// and `Age`; a matching If-None-Match gets a 304. A viewer that takes gzip gets a large body
// gzipped, compressed once per shared answer (content-coding.js, gzip-copies.js); Redis keeps
// only what Huawei sent.
//
// It has no user authentication of its own: whoever can reach it reads the zones the key can
// read. Mount it behind the host's own sign-in, or keep it on 127.0.0.1.

import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { AnswerCache } from './answer-cache.js';
import { acceptsGzip, gzipVaries } from './content-coding.js';
import { gzipEntityTag, ifNoneMatchNames } from './entity-tag.js';
import { gzipCopies } from './gzip-copies.js';
import { huaweiUpstream, proxyError } from './huawei-upstream.js';
import { normalizePrefix, targetBelowApiRoot } from './mount-path.js';
import { ProxyMetrics } from './proxy-metrics.js';
import { parseRedisUrl, redisStore } from './redis-store.js';
import { sharedAnswers } from './shared-answers.js';
import { ZONE_ID, routeApiRequest } from './upstream-routes.js';

export { DEFAULT_PREFIX } from './mount-path.js';
import { secondsLeft } from './sharing-policy.js';

export { THROTTLE_WAIT_MS } from './sharing-policy.js';

/**
 * @typedef {import('./mount-path.js').MountedRequest} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {(err?: unknown) => void} Next
 */

/**
 * @typedef {object} HuaweiDnsProxyOptions
 * @property {string} ak               access key id (HUAWEICLOUD_SDK_AK)
 * @property {string} sk               secret access key (HUAWEICLOUD_SDK_SK); never sent, logged or shown
 * @property {string} [region]         region of the DNS endpoint (default `cn-north-4`, where public zones live)
 * @property {string} [endpoint]       full DNS endpoint URL; wins over `region` (default `https://dns.{region}.myhuaweicloud.com`)
 * @property {string} [projectId]      sent as `X-Project-Id` when the key needs a project scope
 * @property {number} [timeout]        ms to wait for Huawei's whole answer (default 10000), then 504
 * @property {string} [prefix]         the whole path before `/v2/zones/...` (and `/v2.1/zones/...`) as the browser requests it (default: the path
 *                                     it is mounted at, e.g. `app.use('/api/dns', proxy)`, else `/api/dns`; `''` for the root)
 * @property {number} [maxBodyBytes]   larger answers are refused with 502, not buffered (default 4 MiB)
 * @property {number} [minInterval]    ms one answer from Huawei is served to every viewer of a zone (default 1000; 0: only
 *                                     viewers arriving while a request is on its way share it)
 * @property {readonly string[]} [zones]  the only zone ids served (others get 403, no upstream request); default: every zone
 * @property {string} [redisUrl]       `redis://…`: instances share their requests, answers and waits through this Redis
 *                                     (needs the optional peer `redis`); without it, or while it is down, each goes on alone
 * @property {number} [maxCacheEntries] answers kept in memory at most (default 1000; least recently used go first)
 * @property {number} [maxCacheBytes]  bytes of answers kept in memory at most (default 64 MiB)
 * @property {(line: string) => void} [log]  where the one line about Redis going or coming back is written (default console.warn)
 */

/**
 * @typedef {object} ProxyHealth
 * @property {'off' | 'shared' | 'alone'} redis  no Redis configured; sharing through it; going on alone while it is down
 */

/** @typedef {(req: Req, res: Res, next: Next) => void} ConnectMiddleware */

/**
 * The middleware, with what an operator needs beside it.
 * @typedef {ConnectMiddleware & {
 *   health(): ProxyHealth,
 *   metricsText(): string,
 *   close(): Promise<void>,
 * }} HuaweiDnsProxy
 */

export const DEFAULT_REGION = 'cn-north-4';
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const PROJECT_ID = /^[A-Za-z0-9]{1,64}$/;

/** Loads the official signer lazily, so that importing this module never needs the optional peer. */
function loadSigner() {
  const require = createRequire(import.meta.url);
  try {
    const { AKSKSigner } = require('@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner');
    const { BasicCredentials } = require('@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials');
    return { AKSKSigner, BasicCredentials };
  } catch {
    throw new Error(
      'dns-import-status/proxy signs with the official Huawei Cloud SDK signer: run `npm install @huaweicloud/huaweicloud-sdk-core` (an optional peer dependency).',
    );
  }
}

/** @param {Res} res @param {import('./sharing-policy.js').UpstreamAnswer} answer */
function writeAnswer(res, answer) {
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) res.setHeader(name, value);
  // The browser keeps nothing: the element sends back the ETag itself.
  res.setHeader('Cache-Control', 'no-store');
  // Node sets Content-Length from the bytes given to end(): the gzip copy's for a gzipped answer.
  res.end(answer.body);
}

/** `Age`: whole seconds since the answer's request left (or Huawei's wait began). @param {import('./answer-cache.js').SharedAnswer} shared @param {number} now */
const ageOf = (shared, now) => String(Math.max(0, Math.floor((now - (shared.expiresAt - shared.holdMs)) / 1000)));

/** @param {HuaweiDnsProxyOptions} options @returns {URL} */
function dnsEndpoint(options) {
  if (options.endpoint !== undefined) {
    const url = new URL(options.endpoint);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('huaweiDnsProxy: endpoint must be an http(s) URL.');
    if (url.search || url.hash || url.username || url.password) throw new Error('huaweiDnsProxy: endpoint must be a plain URL (no query, fragment or user info).');
    return url;
  }
  const region = options.region ?? DEFAULT_REGION;
  if (!REGION.test(region)) throw new Error('huaweiDnsProxy: region must look like `cn-north-4`.');
  return new URL(`https://dns.${region}.myhuaweicloud.com`);
}

/** @param {unknown} value @param {string} name @returns {string} */
function requiredSecret(value, name) {
  // The value itself is never put in a message.
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`huaweiDnsProxy: ${name} is required.`);
  return value.trim();
}

/** @param {unknown} value @param {number} fallback @param {string} name @param {number} least */
function numberOption(value, fallback, name, least) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < least) throw new Error(`huaweiDnsProxy: ${name} must be a number of at least ${least}.`);
  return value;
}

/** @param {unknown} zones @returns {Set<string> | undefined} */
function allowList(zones) {
  if (zones === undefined) return undefined;
  if (!Array.isArray(zones) || !zones.every((zone) => typeof zone === 'string' && ZONE_ID.test(zone))) {
    throw new Error('huaweiDnsProxy: zones must be an array of zone ids (letters and digits).');
  }
  return new Set(zones);
}

/**
 * @param {HuaweiDnsProxyOptions} options
 * @returns {HuaweiDnsProxy}
 */
export function huaweiDnsProxy(options) {
  const { AKSKSigner, BasicCredentials } = loadSigner();
  const ak = requiredSecret(options?.ak, 'ak');
  const sk = requiredSecret(options?.sk, 'sk');
  // The SK goes into the SDK's credentials object and the HMAC of `scope` below, nowhere else.
  const credentials = new BasicCredentials().withAk(ak).withSk(sk);
  const base = dnsEndpoint(options);
  const prefix = normalizePrefix(options.prefix, 'huaweiDnsProxy');
  const timeout = numberOption(options.timeout, 10_000, 'timeout', 1);
  const maxBodyBytes = numberOption(options.maxBodyBytes, 4 * 1024 * 1024, 'maxBodyBytes', 1);
  const minInterval = numberOption(options.minInterval, 1000, 'minInterval', 0);
  const zones = allowList(options.zones);
  if (options.projectId !== undefined && !PROJECT_ID.test(options.projectId)) throw new Error('huaweiDnsProxy: projectId must be letters and digits.');
  const log = options.log ?? ((line) => console.warn(line));
  const store = options.redisUrl === undefined ? undefined : redisStore({ url: parseRedisUrl(options.redisUrl), log });
  // Whose answers these are, for the cache and the shared store: a keyed hash of the endpoint, the
  // project and the AK, keyed by the SK, so a name never shows the key, and two keys (or a right and a
  // wrong SK for one AK) never share an answer.
  const scope = createHmac('sha256', sk).update(JSON.stringify([base.href, options.projectId ?? '', ak])).digest('base64url').slice(0, 22);
  const metrics = new ProxyMetrics();
  const cache = new AnswerCache({ maxEntries: numberOption(options.maxCacheEntries, 1000, 'maxCacheEntries', 0), maxBytes: numberOption(options.maxCacheBytes, 64 * 1024 * 1024, 'maxCacheBytes', 0) });
  const answers = sharedAnswers({
    fetchUpstream: huaweiUpstream({ signer: AKSKSigner, credentials, base, projectId: options.projectId, timeout, maxBodyBytes }),
    minInterval,
    cache,
    store,
    metrics,
    // Longer than any upstream request: a holder that crashed frees it by expiry.
    lockMs: timeout + 1000,
    maxBodyBytes,
  });

  const gzipCopyOf = gzipCopies({ cache, metrics });

  /**
   * The answer, as this viewer takes it: a 304 when its If-None-Match names the body (either
   * representation's tag: a browser that changed encodings still revalidates), else the body,
   * gzipped when the viewer takes gzip and the body is large enough (content-coding.js).
   * @param {Req} req @param {Res} res @param {string} key @param {import('./answer-cache.js').SharedAnswer} shared @param {AbortSignal} left
   */
  async function sendShared(req, res, key, shared, left) {
    const { answer, etag } = shared;
    const varies = gzipVaries(answer);
    const wantsGzip = varies && acceptsGzip(req.headers['accept-encoding']);
    // Caches between the proxy and the browser must not give one viewer's encoding to another.
    if (varies) res.setHeader('Vary', 'Accept-Encoding');
    const ifNoneMatch = req.headers['if-none-match'];
    if (answer.status >= 200 && answer.status < 300 && (ifNoneMatchNames(ifNoneMatch, etag) || (varies && ifNoneMatchNames(ifNoneMatch, gzipEntityTag(etag))))) {
      metrics.notModified += 1;
      res.statusCode = 304;
      res.setHeader('ETag', wantsGzip ? gzipEntityTag(etag) : etag);
      res.setHeader('Age', ageOf(shared, Date.now()));
      res.setHeader('Cache-Control', 'no-store');
      res.end();
      return;
    }
    const gzipped = wantsGzip ? await gzipCopyOf(key, shared) : undefined;
    if (left.aborted) return;
    const now = Date.now();
    /** @type {Record<string, string>} */
    const headers = { ...answer.headers };
    if (shared.wait) headers['retry-after'] = String(secondsLeft(shared, now));
    if (gzipped) {
      metrics.gzipAnswers += 1;
      headers['content-encoding'] = 'gzip';
    }
    if (answer.status === 429) metrics.throttledPassedOn += 1;
    res.setHeader('ETag', gzipped ? gzipEntityTag(etag) : etag);
    res.setHeader('Age', ageOf(shared, now));
    writeAnswer(res, { ...answer, headers, body: gzipped ?? answer.body });
  }

  /** @type {HuaweiDnsProxy} */
  const middleware = Object.assign(
    /** @param {Req} req @param {Res} res @param {Next} next */
    function huaweiDnsProxyMiddleware(req, res, next) {
      const target = targetBelowApiRoot(req, prefix);
      const route = target === undefined ? undefined : routeApiRequest(req.method, target);
      if (route === undefined || route.kind === 'next') return next();
      metrics.requests += 1;
      if (route.kind === 'bad') return writeAnswer(res, proxyError(400, 'PROXY.0400', route.reason));
      if (zones !== undefined && !zones.has(route.zoneId)) return writeAnswer(res, proxyError(403, 'PROXY.0403', 'This proxy does not serve this zone.'));
      // The viewer gave up (the element aborts on zone change or removal): it stops waiting; the
      // request upstream goes on while anyone else waits for it.
      const leave = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) leave.abort();
      });
      const key = `dns-import-status:v1:{${scope}:${route.resource}}`;
      answers
        .answer(key, route.resource, leave.signal)
        .then((shared) => (leave.signal.aborted ? undefined : sendShared(req, res, key, shared, leave.signal)))
        .catch(() => {
          // A viewer that left gets here (Huawei's failures are answers), and nobody is to be
          // answered; anything else is a fault of the proxy's own, answered as the gateway would.
          if (!leave.signal.aborted && !res.headersSent) writeAnswer(res, proxyError(502, 'PROXY.0502', 'The proxy failed to answer.'));
        });
    },
    {
      /** @returns {ProxyHealth} */
      health: () => ({ redis: store === undefined ? 'off' : store.shared ? 'shared' : 'alone' }),
      metricsText: () => metrics.text({ redisShared: store === undefined ? undefined : store.shared, cacheEntries: cache.size, cacheBytes: cache.bytes }),
      close: async () => {
        await store?.close();
      },
    },
  );
  return middleware;
}

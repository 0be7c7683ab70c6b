// A simulated Huawei Cloud DNS "query batch import task" API, as Connect-style middleware
// (`dns-import-status/simulator`). Mounted by the Vite dev server (the demo), by web-test-runner
// (the browser tests), and by any host's dev server.
//
//   GET  {root}/v2/zones/{zone_id}/import/recordsets     the scenarios of simulated-zones.js
//   GET  {root}/v2.1/zones/{zone_id}/recordsets/batch-create-task   those of simulated-batch-create.js
//   POST /__sim/zones/{zone_id}/restart                   restart a zone's simulated import (and batch-create task)
//   GET  /__sim/stats                                     request counts and peak concurrency
//   GET  /__sim/last-request/{zone_id}                    url and headers of the last task GET (either kind)
//   POST /__sim/reset                                     forget all counters and zone state
//
// {root} is the path it is mounted at when a framework mounts it with one (`app.use('/api/dns',
// api)`: Express, Connect and Vite strip that path from `req.url` and keep the whole URL in
// `req.originalUrl`), else `prefix` (default `/api/dns`), which, when given, always names the
// whole path the browser requested. The control endpoints are below the mount path too. Anything
// under {root} (under /v2 and /v2.1 for a root of '') that is not a task GET gets a Huawei-shaped
// 4xx body; any other URL is passed on with next().

import { createHash, randomBytes } from 'node:crypto';
import { createBatchCreateTasks } from './simulated-batch-create.js';
import { createZones } from './simulated-zones.js';

/**
 * @typedef {import('node:http').IncomingMessage & { originalUrl?: string }} Req
 * @typedef {import('node:http').ServerResponse} Res
 * @typedef {(err?: unknown) => void} Next
 */

/**
 * @typedef {object} SimulatedDnsApiOptions
 * @property {string} [prefix]      the whole URL path before `/v2/zones/...`, as the browser requests it
 *                                  (default: the mount path when mounted at one, else `/api/dns`;
 *                                  `''` for the root). Must start with `/`.
 * @property {number} [progressMs]  zone-progress: time from PENDING to DONE (default 15000)
 * @property {number} [slowMs]      zone-slow: answer delay (default 3000)
 * @property {() => number} [now]   clock (default Date.now)
 */

const SIM_PREFIX = '/__sim/';

/**
 * @param {Res} res @param {number} status @param {string} body @param {string} contentType
 * @param {Record<string, string>} [headers]
 */
function send(res, status, body, contentType, headers = {}) {
  res.statusCode = status;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Request-Id', randomBytes(16).toString('hex'));
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(body);
}

/** @param {Res} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
function sendJson(res, status, body, headers) {
  send(res, status, JSON.stringify(body), 'application/json', headers);
}

/** @param {string} segment @returns {string | undefined} */
function decode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/**
 * The path of a request target: no query or fragment, and no scheme and host when a client sent
 * the absolute form (`GET http://host/path`).
 * @param {string} target @returns {string}
 */
function pathOf(target) {
  const path = target.split(/[?#]/, 1)[0] ?? '';
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/]*/i.exec(path);
  return origin ? path.slice(origin[0].length) || '/' : path;
}

/** A Huawei-shaped error body (the API gateway's `error_code`/`error_msg`). @param {string} code @param {string} message */
const huaweiError = (code, message) => ({ error_code: code, error_msg: message });

/**
 * The simulated DNS API as Connect-style middleware `(req, res, next)`: for Vite's
 * `configureServer`, Express, or a plain `node:http` server. Each call has its own zone state.
 * @param {SimulatedDnsApiOptions} [options]
 * @returns {(req: Req, res: Res, next: Next) => void}
 */
export function simulatedDnsApi(options = {}) {
  const prefix = options.prefix?.replace(/\/+$/, '');
  if (prefix !== undefined && prefix !== '' && !prefix.startsWith('/')) throw new TypeError(`simulatedDnsApi: prefix must start with "/" (got ${JSON.stringify(options.prefix)}).`);
  const importPath = /^\/v2\/zones\/([^/]+)\/import\/recordsets$/;
  const batchCreatePath = /^\/v2\.1\/zones\/([^/]+)\/recordsets\/batch-create-task$/;
  const zones = createZones(options);
  const batchCreateTasks = createBatchCreateTasks(options);

  /** @type {Map<string, number>} */ const requests = new Map();
  /** @type {Map<string, number>} */ const inFlight = new Map();
  /** @type {Map<string, number>} */ const maxInFlight = new Map();
  /** @type {Map<string, { url: string, method: string, headers: Record<string, unknown> }>} */
  const lastRequest = new Map();
  let total = 0;

  function reset() {
    requests.clear();
    inFlight.clear();
    maxInFlight.clear();
    lastRequest.clear();
    total = 0;
    zones.reset();
    batchCreateTasks.reset();
  }

  /**
   * Answers a task GET of either kind after the scenario's delay, counting it.
   * @param {Req} req @param {Res} res @param {string} zoneId @param {() => import('./simulated-zones.js').SimAnswer} scenario
   */
  function handleTask(req, res, zoneId, scenario) {
    total += 1;
    requests.set(zoneId, (requests.get(zoneId) ?? 0) + 1);
    lastRequest.set(zoneId, { url: req.originalUrl ?? req.url ?? '', method: req.method ?? 'GET', headers: { ...req.headers } });
    const current = (inFlight.get(zoneId) ?? 0) + 1;
    inFlight.set(zoneId, current);
    maxInFlight.set(zoneId, Math.max(maxInFlight.get(zoneId) ?? 0, current));
    let open = true;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    res.on('close', () => {
      if (!open) return;
      open = false;
      clearTimeout(timer);
      // A reset while the request was in flight already cleared the map: do not go negative.
      const n = inFlight.get(zoneId);
      if (n) inFlight.set(zoneId, n - 1);
    });

    const answer = scenario();
    // A task answer carries an ETag, as a real server's may, and a request naming it gets a 304
    // with no body, so a client's conditional request is exercised.
    const etag = answer.status === 200 ? `"${createHash('sha1').update(answer.body).digest('base64url')}"` : undefined;
    const respond = () => {
      if (!open || res.writableEnded) return;
      if (etag && req.headers['if-none-match'] === etag) send(res, 304, '', answer.contentType, { ETag: etag });
      else send(res, answer.status, answer.body, answer.contentType, { ...answer.headers, ...(etag && { ETag: etag }) });
    };
    if (answer.delayMs) timer = setTimeout(respond, answer.delayMs);
    else respond();
  }

  /** @param {Req} req @param {Res} res @param {string} path */
  function handleControl(req, res, path) {
    const method = req.method ?? 'GET';
    const route = path.slice(SIM_PREFIX.length);
    if (route === 'stats') {
      if (method !== 'GET') return sendJson(res, 405, { error: 'Use GET.' }, { Allow: 'GET' });
      return sendJson(res, 200, {
        requests: Object.fromEntries(requests),
        total,
        maxInFlight: Object.fromEntries(maxInFlight),
      });
    }
    if (route === 'reset') {
      if (method !== 'POST') return sendJson(res, 405, { error: 'Use POST.' }, { Allow: 'POST' });
      reset();
      return sendJson(res, 200, { ok: true });
    }
    const restart = /^zones\/([^/]+)\/restart$/.exec(route);
    if (restart) {
      const zoneId = decode(restart[1]);
      if (zoneId === undefined) return sendJson(res, 400, { error: 'Malformed zone id.' });
      if (method !== 'POST') return sendJson(res, 405, { error: 'Use POST.' }, { Allow: 'POST' });
      zones.restart(zoneId);
      batchCreateTasks.restart(zoneId);
      return sendJson(res, 200, { ok: true });
    }
    const last = /^last-request\/([^/]+)$/.exec(route);
    if (last) {
      const zoneId = decode(last[1]);
      if (zoneId === undefined) return sendJson(res, 400, { error: 'Malformed zone id.' });
      if (method !== 'GET') return sendJson(res, 405, { error: 'Use GET.' }, { Allow: 'GET' });
      const seen = lastRequest.get(zoneId);
      if (!seen) return sendJson(res, 404, { error: `No import request recorded for zone ${zoneId}.` });
      return sendJson(res, 200, seen);
    }
    return sendJson(res, 404, { error: `Unknown simulator endpoint: ${path}` });
  }

  /** Answers the request, or returns false for a URL that is not the simulator's. @param {Req} req @param {Res} res @returns {boolean} */
  function answer(req, res) {
    const target = req.url ?? '/';
    const whole = req.originalUrl ?? target;
    const local = pathOf(target);
    if (local.startsWith(SIM_PREFIX)) {
      handleControl(req, res, local);
      return true;
    }
    // Mounted at a path, everything below it is the API's; at the root, what is below the prefix
    // (below /v2 and /v2.1 for a prefix of '').
    const root = prefix === undefined && whole !== target ? undefined : (prefix ?? '/api/dns');
    const path = root === undefined ? local : pathOf(whole);
    const below = root === undefined || root === '' ? path : path === root || path.startsWith(`${root}/`) ? path.slice(root.length) : undefined;
    const owned = below !== undefined && (root !== '' || /^\/v2(\.1)?(\/|$)/.test(below));
    if (!owned) return false;
    respond(req, res, below);
    return true;
  }

  /** @param {Req} req @param {Res} res @param {string} path below the API's root */
  function respond(req, res, path) {
    const batchCreate = batchCreatePath.exec(path);
    const match = batchCreate ?? importPath.exec(path);
    if (!match) {
      // Under the API prefix but not a simulated API: answer like the API gateway does.
      return sendJson(res, 404, huaweiError('APIG.0101', 'The API does not exist or has not been published in the environment.'));
    }
    if (req.method !== 'GET') {
      return sendJson(res, 405, huaweiError('APIG.0101', `Method ${req.method} is not simulated: only GET is.`), { Allow: 'GET' });
    }
    const zoneId = decode(match[1] ?? '');
    if (zoneId === undefined) return sendJson(res, 400, huaweiError('DNS.0002', 'Invalid zone id.'));
    if (!batchCreate) return handleTask(req, res, zoneId, () => zones.answer(zoneId));
    const query = new URL(req.originalUrl ?? req.url ?? '/', 'http://simulator').searchParams;
    handleTask(req, res, zoneId, () => batchCreateTasks.answer(zoneId, query));
  }

  return function simulatedDnsApiMiddleware(req, res, next) {
    let handled = true;
    try {
      handled = answer(req, res);
    } catch (error) {
      // A bug here must not take the host's dev server down: answer 500 in the API's shape.
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, huaweiError('SIM.0500', `The simulator failed: ${error instanceof Error ? error.message : String(error)}`));
    }
    // Outside the try: an error further down the host's stack is the host's, not ours.
    if (!handled) next();
  };
}

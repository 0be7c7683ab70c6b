// @ts-check
// `dns-import-status/proxy`: a Connect-style middleware that lets a browser read one thing from
// Huawei Cloud DNS, the latest batch-import task of a zone, without ever holding the AK/SK.
//
//   GET {prefix}/v2/zones/{zone_id}/import/recordsets  ->  GET {endpoint}/v2/zones/{zone_id}/import/recordsets
//
// signed with AK/SK (SDK-HMAC-SHA256) by the official SDK's signer. Nothing else is forwarded:
// any other method or path goes to next(), and a request that looks like the import path but
// carries anything unexpected (a zone id not of the API's form, a query string, a second path)
// is refused here with a Huawei-shaped 400, before any request leaves.
//
// It has no user authentication of its own: whoever can reach it reads the zones the key can
// read. Mount it behind the host's own sign-in, or keep it on 127.0.0.1.

import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';

/**
 * @typedef {import('node:http').IncomingMessage} Req
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
 * @property {string} [prefix]         where the proxy is mounted (default `/api/dns`, the element's usual `endpoint`)
 * @property {number} [maxBodyBytes]   larger answers are refused with 502, not buffered (default 4 MiB)
 */

/** @typedef {(req: Req, res: Res, next: Next) => void} ConnectMiddleware */

export const DEFAULT_REGION = 'cn-north-4';
/** Huawei's zone ids are 32 hex digits; letters and digits of a bounded length are let through, nothing else. */
const ZONE_ID = /^[A-Za-z0-9]{1,64}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
const PROJECT_ID = /^[A-Za-z0-9]{1,64}$/;
/** The only browser headers that reach Huawei (cookies and the host's own tokens stay here). */
const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language'];
/** Huawei's answer headers that reach the browser: what the element reads, and how to read the body. */
const PASSED_RESPONSE_HEADERS = ['content-type', 'content-encoding', 'content-language', 'retry-after', 'x-request-id'];
const IMPORT_TAIL = '/import/recordsets';

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

/**
 * A Huawei-shaped error body (`error_code`/`error_msg`, as the API gateway answers), which the
 * element reads like any other Huawei error.
 * @param {Res} res @param {number} status @param {string} code @param {string} message
 */
function sendError(res, status, code, message) {
  const requestId = randomBytes(16).toString('hex');
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Request-Id', requestId);
  res.end(JSON.stringify({ error_code: code, error_msg: message, request_id: requestId }));
}

/**
 * Where a request stands: not the proxy's (next), refused (bad), or the zone id to forward.
 * Only the raw path is read: nothing is decoded, so `%2F`, `%2e%2e` or `%00` never become a path.
 * @param {string} prefix @param {string | undefined} method @param {string} rawUrl
 * @returns {{ kind: 'next' } | { kind: 'bad', reason: string } | { kind: 'forward', zoneId: string }}
 */
export function routeImportRequest(prefix, method, rawUrl) {
  const queryAt = rawUrl.search(/[?#]/);
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const zonesRoot = `${prefix}/v2/zones/`;
  if (method !== 'GET' || !path.startsWith(zonesRoot) || !path.endsWith(IMPORT_TAIL)) return { kind: 'next' };
  const zoneId = path.slice(zonesRoot.length, path.length - IMPORT_TAIL.length);
  if (!ZONE_ID.test(zoneId)) return { kind: 'bad', reason: 'The zone id must be letters and digits only (at most 64).' };
  if (queryAt !== -1) return { kind: 'bad', reason: 'No query string is accepted here.' };
  return { kind: 'forward', zoneId };
}

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

/**
 * @param {HuaweiDnsProxyOptions} options
 * @returns {ConnectMiddleware}
 */
export function huaweiDnsProxy(options) {
  const { AKSKSigner, BasicCredentials } = loadSigner();
  // The SK is kept only inside the SDK's credentials object, in this closure.
  const credentials = new BasicCredentials().withAk(requiredSecret(options?.ak, 'ak')).withSk(requiredSecret(options?.sk, 'sk'));
  const base = dnsEndpoint(options);
  const basePath = base.pathname.replace(/\/+$/, '');
  const prefix = (options.prefix ?? '/api/dns').replace(/\/+$/, '');
  const timeout = options.timeout ?? 10_000;
  const maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;
  if (!(timeout > 0) || !(maxBodyBytes > 0)) throw new Error('huaweiDnsProxy: timeout and maxBodyBytes must be positive numbers.');
  if (options.projectId !== undefined && !PROJECT_ID.test(options.projectId)) throw new Error('huaweiDnsProxy: projectId must be letters and digits.');
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;

  /** @param {Req} req @param {Res} res @param {string} zoneId */
  function forward(req, res, zoneId) {
    const target = new URL(`${basePath}/v2/zones/${zoneId}${IMPORT_TAIL}`, base);
    /** @type {Record<string, string>} */
    const headers = {};
    for (const name of FORWARDED_REQUEST_HEADERS) {
      const value = req.headers[name];
      if (typeof value === 'string' && value !== '') headers[name] = value;
    }
    if (options.projectId !== undefined) headers['X-Project-Id'] = options.projectId;
    /** @type {Record<string, string>} */
    let signed;
    try {
      signed = AKSKSigner.sign({ endpoint: target.href, method: 'GET', headers, queryParams: {} }, credentials);
    } catch {
      // Whatever the signer said stays here: its message could quote its input.
      return sendError(res, 502, 'PROXY.0502', 'The proxy could not sign the request.');
    }

    let settled = false;
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    /** @param {() => void} answer */
    const settle = (answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      answer();
    };
    const upstream = send(target, { method: 'GET', headers: signed });
    timer = setTimeout(() => {
      settle(() => sendError(res, 504, 'PROXY.0504', `Huawei Cloud DNS did not answer within ${timeout} ms.`));
      upstream.destroy();
    }, timeout);
    // The browser gave up (the element aborts on zone change or removal): so do we.
    res.on('close', () => {
      if (!res.writableFinished) settle(() => upstream.destroy());
    });
    upstream.on('error', (error) => {
      const code = /** @type {NodeJS.ErrnoException} */ (error).code;
      // Only the error's code: its message may name more than the reader needs.
      settle(() => sendError(res, 502, 'PROXY.0502', `Huawei Cloud DNS could not be reached${code ? ` (${code})` : ''}.`));
    });
    upstream.on('response', (answer) => {
      const tooLarge = () => {
        settle(() => sendError(res, 502, 'PROXY.0502', `Huawei Cloud DNS answered more than ${maxBodyBytes} bytes; the proxy refuses it.`));
        upstream.destroy();
      };
      if (Number(answer.headers['content-length'] ?? 0) > maxBodyBytes) return tooLarge();
      /** @type {Buffer[]} */
      const chunks = [];
      let size = 0;
      answer.on('data', (/** @type {Buffer} */ chunk) => {
        size += chunk.length;
        if (size > maxBodyBytes) return tooLarge();
        chunks.push(chunk);
      });
      answer.on('error', (error) => upstream.emit('error', error));
      answer.on('end', () => {
        if (size > maxBodyBytes) return;
        settle(() => {
          res.statusCode = answer.statusCode ?? 502;
          for (const name of PASSED_RESPONSE_HEADERS) {
            const value = answer.headers[name];
            if (value !== undefined) res.setHeader(name, value);
          }
          res.setHeader('Cache-Control', 'no-store');
          res.end(Buffer.concat(chunks));
        });
      });
    });
    upstream.end();
  }

  return function huaweiDnsProxyMiddleware(req, res, next) {
    const route = routeImportRequest(prefix, req.method, req.url ?? '/');
    if (route.kind === 'next') return next();
    if (route.kind === 'bad') return sendError(res, 400, 'PROXY.0400', route.reason);
    forward(req, res, route.zoneId);
  };
}

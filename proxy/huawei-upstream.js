// @ts-check
// One signed GET to Huawei Cloud DNS, read whole into an UpstreamAnswer. It never rejects for a
// failure of Huawei's: a time-out, a network error or an oversized body become a Huawei-shaped
// answer of the proxy's own (502/504, `fromProxy`), which the sharing policy never keeps. It
// rejects only when `signal` aborts, that is when no viewer waits for it any more.
//
// The request carries no header of any browser: one answer serves every viewer, so it must not
// depend on who asked first.

import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** Huawei's answer headers that reach the browser: what the element reads, and how to read the body. */
const PASSED_RESPONSE_HEADERS = ['content-type', 'content-encoding', 'content-language', 'retry-after', 'x-request-id'];

/**
 * A Huawei-shaped error body (`error_code`/`error_msg`, as the API gateway answers), which the
 * element reads like any other Huawei error.
 * @param {number} status @param {string} code @param {string} message
 * @returns {import('./sharing-policy.js').UpstreamAnswer}
 */
export function proxyError(status, code, message) {
  const requestId = randomBytes(16).toString('hex');
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: Buffer.from(JSON.stringify({ error_code: code, error_msg: message, request_id: requestId })),
    fromProxy: true,
  };
}

/**
 * @typedef {object} HuaweiUpstreamOptions
 * @property {{ sign(request: object, credentials: unknown): Record<string, string> }} signer  the SDK's AKSKSigner
 * @property {unknown} credentials   the SDK's BasicCredentials (the SK stays inside it)
 * @property {URL} base              the DNS endpoint
 * @property {string | undefined} projectId
 * @property {number} timeout        ms for Huawei's whole answer
 * @property {number} maxBodyBytes
 */

/**
 * @param {HuaweiUpstreamOptions} options
 * @returns {(resource: string, signal: AbortSignal) => Promise<import('./sharing-policy.js').UpstreamAnswer>}
 *   `resource`: a path with its canonical query, from upstream-routes.js
 */
export function huaweiUpstream({ signer, credentials, base, projectId, timeout, maxBodyBytes }) {
  const basePath = base.pathname.replace(/\/+$/, '');
  const send = base.protocol === 'https:' ? httpsRequest : httpRequest;

  return (resource, signal) =>
    new Promise((resolve, reject) => {
      const target = new URL(`${basePath}${resource}`, base);
      /** @type {Record<string, string>} */
      const headers = { Accept: 'application/json' };
      if (projectId !== undefined) headers['X-Project-Id'] = projectId;
      /** @type {Record<string, string>} */
      let signed;
      try {
        signed = signer.sign({ endpoint: `${target.origin}${target.pathname}`, method: 'GET', headers, queryParams: Object.fromEntries(target.searchParams) }, credentials);
      } catch {
        // Whatever the signer said stays here: its message could quote its input.
        return resolve(proxyError(502, 'PROXY.0502', 'The proxy could not sign the request.'));
      }

      let settled = false;
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      /** @param {() => void} finish */
      const settle = (finish) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        finish();
      };
      const upstream = send(target, { method: 'GET', headers: signed });
      const onAbort = () => settle(() => {
        upstream.destroy();
        reject(signal.reason);
      });
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(() => {
        settle(() => resolve(proxyError(504, 'PROXY.0504', `Huawei Cloud DNS did not answer within ${timeout} ms.`)));
        upstream.destroy();
      }, timeout);
      upstream.on('error', (error) => {
        const code = /** @type {NodeJS.ErrnoException} */ (error).code;
        // Only the error's code: its message may name more than the reader needs.
        settle(() => resolve(proxyError(502, 'PROXY.0502', `Huawei Cloud DNS could not be reached${code ? ` (${code})` : ''}.`)));
      });
      upstream.on('response', (answer) => {
        const tooLarge = () => {
          settle(() => resolve(proxyError(502, 'PROXY.0502', `Huawei Cloud DNS answered more than ${maxBodyBytes} bytes; the proxy refuses it.`)));
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
          /** @type {Record<string, string>} */
          const passed = {};
          for (const name of PASSED_RESPONSE_HEADERS) {
            const value = answer.headers[name];
            if (typeof value === 'string') passed[name] = value;
          }
          settle(() => resolve({ status: answer.statusCode ?? 502, headers: passed, body: Buffer.concat(chunks) }));
        });
      });
      upstream.end();
    });
}

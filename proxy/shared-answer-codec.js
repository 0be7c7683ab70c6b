// @ts-check
// How an answer is written into the shared store and read back. A value holds only what Huawei
// answered (status, the headers the proxy passes on, the body) with the hold it was given, plus
// the name it was stored under and a version. Reading trusts nothing: a value that does not parse,
// has another shape, another version, or names another key (a colliding or copied value) is a
// miss, never an answer.

import { strongEntityTag } from './entity-tag.js';

// 2: a value may be a hand-off (below); an instance of version 1 reads it as a miss.
const VERSION = 2;

/**
 * How long an answer already too old to serve stays in the store, marked as a hand-off, for the
 * instances that waited on the request that fetched it: when Huawei takes longer than
 * `minInterval` to answer (or the answer is never kept, as with `minInterval: 0`), the waiters
 * still get the answer they waited for instead of each asking Huawei again. They look every 25 ms;
 * a viewer that arrives later never gets a hand-off.
 */
export const HANDOFF_MS = 1000;
const HEADER_NAMES = new Set(['content-type', 'content-encoding', 'content-language', 'retry-after', 'x-request-id']);

/**
 * @param {string} name the key it is stored under
 * @param {import('./answer-cache.js').SharedAnswer} shared
 * @param {boolean} [handoff] only for the instances that waited on it (see HANDOFF_MS)
 * @returns {string}
 */
export function encodeSharedAnswer(name, shared, handoff = false) {
  const { status, headers, body } = shared.answer;
  return JSON.stringify({ v: VERSION, name, status, headers, body: body.toString('base64'), holdMs: shared.holdMs, wait: shared.wait, handoff });
}

/**
 * @param {string} name the key it was read from
 * @param {unknown} value what the store returned
 * @param {number} leftMs how long the store still keeps it
 * @param {number} now @param {number} maxBodyBytes
 * @returns {import('./answer-cache.js').SharedAnswer | undefined} a hand-off comes already expired
 */
export function decodeSharedAnswer(name, value, leftMs, now, maxBodyBytes) {
  if (typeof value !== 'string' || value.length > maxBodyBytes * 2 || !(leftMs > 0)) return undefined;
  /** @type {unknown} */
  let parsed;
  try {
    parsed = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { v, name: storedName, status, headers, body, holdMs, wait, handoff } = /** @type {Record<string, unknown>} */ (parsed);
  if (v !== VERSION || storedName !== name || typeof wait !== 'boolean' || typeof handoff !== 'boolean') return undefined;
  if (!Number.isInteger(status) || /** @type {number} */ (status) < 100 || /** @type {number} */ (status) > 599) return undefined;
  if (typeof holdMs !== 'number' || !(holdMs >= 0) || leftMs > (handoff ? HANDOFF_MS : holdMs) || (!handoff && holdMs === 0)) return undefined;
  if (typeof body !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(body)) return undefined;
  if (typeof headers !== 'object' || headers === null || Array.isArray(headers)) return undefined;
  const entries = Object.entries(headers);
  if (!entries.every(([key, text]) => HEADER_NAMES.has(key) && typeof text === 'string' && /^[\t\x20-\x7e\x80-\xff]*$/.test(text))) return undefined;
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length > maxBodyBytes) return undefined;
  return {
    answer: { status: /** @type {number} */ (status), headers: Object.fromEntries(entries), body: bytes },
    etag: strongEntityTag(bytes),
    holdMs,
    wait,
    expiresAt: handoff ? now : now + leftMs,
  };
}

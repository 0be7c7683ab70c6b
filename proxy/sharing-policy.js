// @ts-check
// How long one answer from Huawei is shared by every viewer of a resource, the way nginx's cache
// lock, Varnish and groupcache share one origin answer:
//   - a wait Huawei asked for (429 or 503 with `Retry-After`) is held for the whole team: no
//     upstream request for the resource until it is over, whatever the viewers do;
//   - a throttling answer without `Retry-After` (HTTP 429, `APIG.0308` / `APIGW.0308` from the
//     API gateway, `DNS.0014` "Request forbidden by flow control") is held for THROTTLE_WAIT_MS;
//   - any other answer from Huawei, errors included, for `minInterval` ms;
//   - what the proxy made itself (time-out, network error, oversized body) not at all: the next
//     request after it tries again.

/** The wait held after a throttling answer that names none: Huawei's flow control counts per minute, so a few seconds let its window move on. */
export const THROTTLE_WAIT_MS = 10_000;
/** A `Retry-After` beyond this is read as this: a wait of hours would be a misread header, not flow control. */
export const MAX_WAIT_MS = 60 * 60 * 1000;

const THROTTLE_CODES = new Set(['APIG.0308', 'APIGW.0308', 'DNS.0014']);
/** Error bodies are small; a larger body is not searched for a code. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;

/**
 * What one upstream request produced: Huawei's status, the headers passed on, and the body; or an
 * answer the proxy made itself (`fromProxy`) when Huawei could not be read.
 * @typedef {{ status: number, headers: Readonly<Record<string, string>>, body: Buffer, fromProxy?: boolean }} UpstreamAnswer
 */

/**
 * @typedef {object} Sharing
 * @property {number} holdMs   how long the answer is served to every viewer without asking Huawei again
 * @property {boolean} wait    the hold is a wait Huawei asked for (viewers get `Retry-After`)
 */

/**
 * A `Retry-After` value (delay-seconds or an HTTP-date) as milliseconds from `now`, or undefined
 * when absent, malformed or not in the future.
 * @param {string | undefined} value @param {number} now @returns {number | undefined}
 */
export function retryAfterMs(value, now) {
  if (value === undefined) return undefined;
  const text = value.trim();
  const ms = /^\d{1,10}$/.test(text) ? Number(text) * 1000 : /[a-z]/i.test(text) ? Date.parse(text) - now : Number.NaN;
  return ms > 0 ? Math.min(ms, MAX_WAIT_MS) : undefined;
}

/**
 * The throttling code of an error body (Huawei's fields as its SDK reads them, also one level
 * nested), or undefined.
 * @param {UpstreamAnswer} answer @returns {string | undefined}
 */
export function throttleCode(answer) {
  if (answer.status < 400 || answer.body.length > MAX_ERROR_BODY_BYTES) return undefined;
  /** @type {unknown} */
  let body;
  try {
    body = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return undefined;
  }
  /** @param {unknown} value @returns {string[]} */
  const codesOf = (value) => {
    if (typeof value !== 'object' || value === null) return [];
    const record = /** @type {Record<string, unknown>} */ (value);
    return [record['error_code'], record['errorCode'], record['code']].filter((code) => typeof code === 'string');
  };
  const record = typeof body === 'object' && body !== null ? /** @type {Record<string, unknown>} */ (body) : {};
  return [...codesOf(body), ...Object.values(record).flatMap(codesOf)].find((code) => THROTTLE_CODES.has(code));
}

/**
 * How long `answer` is shared.
 * @param {UpstreamAnswer} answer @param {number} minInterval @param {number} now
 * @returns {Sharing}
 */
export function sharingOf(answer, minInterval, now) {
  if (answer.fromProxy) return { holdMs: 0, wait: false };
  const asked = answer.status === 429 || answer.status === 503 ? retryAfterMs(answer.headers['retry-after'], now) : undefined;
  if (asked !== undefined) return { holdMs: asked, wait: true };
  if (answer.status === 429 || throttleCode(answer) !== undefined) return { holdMs: THROTTLE_WAIT_MS, wait: true };
  return { holdMs: minInterval, wait: false };
}

/**
 * The `Retry-After` a viewer gets during a held wait: the seconds left, at least 1 (a 0 would
 * invite an immediate retry) and never more than the wait Huawei asked for.
 * @param {{ holdMs: number, expiresAt: number }} shared @param {number} now
 */
export function secondsLeft(shared, now) {
  return Math.min(Math.max(1, Math.ceil((shared.expiresAt - now) / 1000)), Math.ceil(shared.holdMs / 1000));
}

// @ts-check
// An independent implementation of Huawei Cloud's documented AK/SK request signature
// (SDK-HMAC-SHA256, "API Request Signing Guide": canonical request, string to sign, HMAC),
// written from the documentation, not from the SDK, so that the proxy's signer (the official
// SDK's) and this verifier must agree on every request the test stub receives. Used by tests only.
//
//   CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HexEncode(SHA256(Payload))
//   StringToSign     = "SDK-HMAC-SHA256" \n X-Sdk-Date \n HexEncode(SHA256(CanonicalRequest))
//   Signature        = HexEncode(HMAC-SHA256(SK, StringToSign))
//   Authorization: SDK-HMAC-SHA256 Access={AK}, SignedHeaders={h1;h2}, Signature={signature}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const sha256Hex = (/** @type {string | Buffer} */ data) => createHash('sha256').update(data).digest('hex');

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ becomes %XY (upper-case hex). */
export function uriEncode(/** @type {string} */ text) {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
}

/** Each path segment URI-encoded (after decoding what the wire carried), ending with "/". */
export function canonicalUri(/** @type {string} */ rawPath) {
  const encoded = rawPath.split('/').map((segment) => uriEncode(decodeURIComponent(segment))).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Parameters sorted by name, each `encode(name)=encode(value)`, joined by "&"; empty without a query. */
export function canonicalQueryString(/** @type {string} */ rawQuery) {
  const pairs = [...new URLSearchParams(rawQuery)].map(([name, value]) => [uriEncode(name), uriEncode(value)]);
  pairs.sort(([a, av], [b, bv]) => (a === b ? (av < bv ? -1 : 1) : a < b ? -1 : 1));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/**
 * @param {{ method: string, rawPath: string, rawQuery: string, headers: Record<string, string>, signedHeaders: string[], payload: string | Buffer }} request
 *   `headers` with lower-case names, as received
 */
export function canonicalRequest({ method, rawPath, rawQuery, headers, signedHeaders, payload }) {
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(headers[name] ?? '').trim()}\n`).join('');
  return [method, canonicalUri(rawPath), canonicalQueryString(rawQuery), canonicalHeaders, signedHeaders.join(';'), sha256Hex(payload)].join('\n');
}

export function stringToSign(/** @type {string} */ sdkDate, /** @type {string} */ canonical) {
  return `SDK-HMAC-SHA256\n${sdkDate}\n${sha256Hex(canonical)}`;
}

export function signature(/** @type {string} */ sk, /** @type {string} */ toSign) {
  return createHmac('sha256', sk).update(toSign).digest('hex');
}

const AUTHORIZATION = /^SDK-HMAC-SHA256 Access=([^,\s]+), SignedHeaders=([a-z0-9\-;]+), Signature=([0-9a-f]{64})$/;

/** `20191115T033655Z` -> epoch ms, or undefined when it is not that form. */
export function parseSdkDate(/** @type {string | undefined} */ value) {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : undefined;
}

/**
 * Verifies a received request the way Huawei's API gateway documents it.
 * @param {{ method: string, url: string, headers: import('node:http').IncomingHttpHeaders, payload?: string | Buffer }} request  `url` as on the wire (path and query)
 * @param {(ak: string) => string | undefined} secretOf
 * @returns {{ ok: true, ak: string, sdkDate: number } | { ok: false, reason: 'malformed' | 'unknown-ak' | 'mismatch', ak?: string, canonical?: string }}
 */
export function verifySignature(request, secretOf) {
  const match = AUTHORIZATION.exec(String(request.headers.authorization ?? ''));
  if (!match) return { ok: false, reason: 'malformed' };
  const [, ak, signedList, given] = /** @type {[string, string, string, string]} */ (/** @type {unknown} */ (match));
  const signedHeaders = signedList.split(';');
  const sorted = [...signedHeaders].sort();
  // X-Sdk-Date must be signed (the guide's FAQ); the list is lower-case and sorted.
  if (!signedHeaders.includes('x-sdk-date') || sorted.join(';') !== signedList) return { ok: false, reason: 'malformed', ak };
  const sdkDate = parseSdkDate(/** @type {string | undefined} */ (request.headers['x-sdk-date']));
  if (sdkDate === undefined) return { ok: false, reason: 'malformed', ak };
  const sk = secretOf(ak);
  if (sk === undefined) return { ok: false, reason: 'unknown-ak', ak };
  const queryAt = request.url.indexOf('?');
  /** @type {Record<string, string>} */
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name] = Array.isArray(value) ? value.join(',') : String(value ?? '');
  const canonical = canonicalRequest({
    method: request.method,
    rawPath: queryAt === -1 ? request.url : request.url.slice(0, queryAt),
    rawQuery: queryAt === -1 ? '' : request.url.slice(queryAt + 1),
    headers,
    signedHeaders,
    payload: request.payload ?? '',
  });
  const expected = signature(sk, stringToSign(String(request.headers['x-sdk-date']), canonical));
  const same = timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  return same ? { ok: true, ak, sdkDate } : { ok: false, reason: 'mismatch', ak, canonical };
}

// @ts-check
// Which representation of a shared answer a viewer gets: the body as Huawei sent it, or gzipped
// when the viewer's Accept-Encoding (RFC 9110 §12.5.3, with its q-values) takes gzip. Every
// browser sends `Accept-Encoding: gzip, deflate, br` and unzips by itself, and a task's JSON
// shrinks about tenfold, so a 0.4 MB answer costs each viewer some 40 KB on the wire, as behind
// nginx's `gzip on`. Small bodies are not worth it, and a body Huawei already encoded is left as is.

/** Bodies shorter than this are sent as they are: a gzip header and a Vary would cost more than they save. */
export const GZIP_MIN_BYTES = 1024;

/** One element of Accept-Encoding: a coding (a token, `identity` or `*`) and an optional weight, nothing else. */
const ELEMENT = /^([!#$%&'*+.^_`|~0-9a-z-]+)(?:[ \t]*;[ \t]*q=(0(?:\.\d{0,3})?|1(?:\.0{0,3})?))?$/i;

/**
 * The q-value of each coding an Accept-Encoding names (lower case). An element that does not parse
 * (another parameter, a q-value out of grammar) is left out, as if not sent.
 * @param {string} header @returns {Map<string, number>}
 */
export function acceptedCodings(header) {
  /** @type {Map<string, number>} */
  const weights = new Map();
  for (const element of header.split(',')) {
    const match = ELEMENT.exec(element.trim());
    if (!match) continue;
    const coding = /** @type {string} */ (match[1]).toLowerCase();
    if (!weights.has(coding)) weights.set(coding, match[2] === undefined ? 1 : Number(match[2]));
  }
  return weights;
}

/**
 * Whether a viewer asking with this Accept-Encoding gets gzip: gzip (or its alias `x-gzip`, or
 * else `*`) has a q-value above 0, and at least that of identity when identity's is stated
 * (named, or through `*`). No header at all is no gzip: the body goes as it is.
 * @param {string | string[] | undefined} header
 */
export function acceptsGzip(header) {
  if (header === undefined) return false;
  const weights = acceptedCodings(Array.isArray(header) ? header.join(',') : header);
  const gzip = weights.get('gzip') ?? weights.get('x-gzip') ?? weights.get('*') ?? 0;
  return gzip > 0 && gzip >= (weights.get('identity') ?? weights.get('*') ?? 0);
}

/**
 * Whether an answer has a gzip representation beside its own: a body of at least GZIP_MIN_BYTES
 * that Huawei did not encode itself.
 * @param {import('./sharing-policy.js').UpstreamAnswer} answer
 */
export function gzipVaries(answer) {
  const encoding = answer.headers['content-encoding'];
  return answer.body.length >= GZIP_MIN_BYTES && (encoding === undefined || encoding.trim().toLowerCase() === 'identity');
}

// @ts-check
// Strong entity tags of the answers the proxy shares, and the `If-None-Match` check (RFC 9110
// §13.1.2: a list of entity tags compared weakly). The element sends back the tag it last saw, so
// an unchanged poll of a 0.5 MB task costs a 304 with no body. `*` and anything that does not
// parse as a list of tags get the full answer: a malformed header never makes a body disappear.

import { createHash } from 'node:crypto';

/** `"<base64url of the SHA-256 of the body>"` @param {Buffer} body */
export function strongEntityTag(body) {
  return `"${createHash('sha256').update(body).digest('base64url')}"`;
}

/**
 * The strong tag of a body's gzip representation (content-coding.js): the body's own tag with
 * `-gzip` inside the quotes, as Apache's mod_deflate does. Two representations must not share a
 * strong tag, since their bytes differ; the suffix never makes another body's tag, which is 43
 * base64url characters.
 * @param {string} tag `"…"` of strongEntityTag @returns {string}
 */
export function gzipEntityTag(tag) {
  return `${tag.slice(0, -1)}-gzip"`;
}

/** One entity tag, weak or strong, then a comma or the end (etagc: %x21 / %x23-7E / obs-text). */
const ENTITY_TAG = /[ \t]*(?:W\/)?("[\x21\x23-\x7e\x80-\xff]*")[ \t]*(?:,|$)/y;

/**
 * The opaque tags of an `If-None-Match` list, or undefined for `*` or anything malformed.
 * @param {string} header @returns {string[] | undefined}
 */
export function parseEntityTags(header) {
  /** @type {string[]} */
  const tags = [];
  ENTITY_TAG.lastIndex = 0;
  while (ENTITY_TAG.lastIndex < header.length) {
    const match = ENTITY_TAG.exec(header);
    if (!match) return undefined;
    tags.push(/** @type {string} */ (match[1]));
    if (!match[0].endsWith(',')) break;
  }
  return ENTITY_TAG.lastIndex === header.length && tags.length > 0 ? tags : undefined;
}

/**
 * Whether a request's `If-None-Match` names `tag` (weak comparison, as the RFC asks for this header).
 * @param {string | string[] | undefined} header @param {string} tag
 */
export function ifNoneMatchNames(header, tag) {
  if (typeof header !== 'string') return false;
  return parseEntityTags(header)?.includes(tag) ?? false;
}

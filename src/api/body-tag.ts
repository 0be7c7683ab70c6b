/**
 * How the built-in fetcher skips an answer identical to the one shown, before `JSON.parse`: it
 * tags each body it parses with the server's `ETag` (else a SHA-256 of the bytes), the task made
 * from that body carries the tag, and the channel hands it back with the next request
 * (`knownTag`). An answer with that tag (or a 304 to `If-None-Match`) is not parsed again: it
 * comes back as `UNCHANGED_BODY`. A tag, not the text itself: the text of 100,000 failed records
 * is about 20 MB, which would stay in the heap between polls.
 */
const tags = new WeakMap<object, string>();

/** What the built-in fetcher resolves with when the answer is the body whose tag it was given. */
export const UNCHANGED_BODY: object = Object.freeze({});

/** Ties `tag` to a body or a task (nothing for a tag or target that is absent). */
export function setTag(target: unknown, tag: string | undefined): void {
  if (tag !== undefined && typeof target === 'object' && target !== null) tags.set(target, tag);
}

export const tagOf = (target: unknown): string | undefined => (typeof target === 'object' && target !== null ? tags.get(target) : undefined);

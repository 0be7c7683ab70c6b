// @ts-check
// The proxy's memory of recent answers: each entry lives for the hold its sharing policy gave it,
// and the whole stays within a number of entries and of bytes, the least recently used going
// first (a Map keeps insertion order; a hit moves its entry to the end).

/**
 * An answer as every viewer of a resource is served it.
 * @typedef {object} SharedAnswer
 * @property {import('./sharing-policy.js').UpstreamAnswer} answer
 * @property {string} etag        strong entity tag of the body
 * @property {number} holdMs      how long it is shared from the moment Huawei answered
 * @property {boolean} wait       the hold is a wait Huawei asked for
 * @property {number} expiresAt   epoch ms (this machine's clock) when the hold ends
 * @property {{ body: Promise<Buffer | undefined>, bytes: number }} [gzip]  the body gzipped, made
 *   once when a viewer first takes it (gzip-copies.js); `bytes` is 0 until it is made
 */

/** @param {string} key @param {SharedAnswer} shared */
function sizeOf(key, shared) {
  let bytes = key.length + shared.etag.length + shared.answer.body.length + (shared.gzip?.bytes ?? 0);
  for (const [name, value] of Object.entries(shared.answer.headers)) bytes += name.length + value.length;
  return bytes;
}

export class AnswerCache {
  /** @type {Map<string, { shared: SharedAnswer, bytes: number }>} */
  #entries = new Map();
  #bytes = 0;
  #maxEntries;
  #maxBytes;

  /** @param {{ maxEntries: number, maxBytes: number }} bounds */
  constructor({ maxEntries, maxBytes }) {
    this.#maxEntries = maxEntries;
    this.#maxBytes = maxBytes;
  }

  get size() {
    return this.#entries.size;
  }

  get bytes() {
    return this.#bytes;
  }

  /** The answer still held for `key`, or undefined. @param {string} key @param {number} now */
  get(key, now) {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    if (entry.shared.expiresAt <= now) {
      this.#bytes -= entry.bytes;
      return undefined;
    }
    this.#entries.set(key, entry);
    return entry.shared;
  }

  /** Keeps `shared` until it expires, unless it alone is over the byte bound. @param {string} key @param {SharedAnswer} shared */
  set(key, shared) {
    this.delete(key);
    const bytes = sizeOf(key, shared);
    if (bytes > this.#maxBytes || this.#maxEntries < 1) return;
    this.#entries.set(key, { shared, bytes });
    this.#bytes += bytes;
    // Ordinary answers make room first: a wait Huawei asked for is what keeps the team from being
    // throttled again, and a burst of other resources must not wash it out. Waits go last.
    this.#evict((entry) => !entry.shared.wait);
    this.#evict(() => true);
  }

  /**
   * Counts `shared` again (its gzip copy was made), if it is still what `key` holds: the bounds
   * then hold for the copy too, the entry itself going if it alone is now over the byte bound.
   * @param {string} key @param {SharedAnswer} shared
   */
  recount(key, shared) {
    if (this.#entries.get(key)?.shared === shared) this.set(key, shared);
  }

  /** Drops the least recently used entries that `may` allows until both bounds hold. @param {(entry: { shared: SharedAnswer }) => boolean} may */
  #evict(may) {
    for (const [oldest, entry] of this.#entries) {
      if (this.#entries.size <= this.#maxEntries && this.#bytes <= this.#maxBytes) return;
      if (!may(entry)) continue;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
  }
}

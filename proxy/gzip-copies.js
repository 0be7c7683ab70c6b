// @ts-check
// The gzip copy of a shared answer's body, made once per answer: when the first viewer that takes
// gzip needs the body, on zlib's thread pool (the event loop goes on serving other viewers while a
// 0.4 MB body is compressed), and kept with the answer, so that every other viewer of it, those
// arriving while it is being made included, gets the same bytes. The answer cache counts the copy
// in its byte bound once it exists.

import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipBody = promisify(gzip);

/**
 * @param {object} options
 * @param {import('./answer-cache.js').AnswerCache} options.cache
 * @param {import('./proxy-metrics.js').ProxyMetrics} options.metrics
 */
export function gzipCopies({ cache, metrics }) {
  /**
   * The gzipped body of `shared` (held under `key`), or undefined if zlib failed: the viewer then
   * gets the body as it is.
   * @param {string} key @param {import('./answer-cache.js').SharedAnswer} shared
   * @returns {Promise<Buffer | undefined>}
   */
  return function gzipCopyOf(key, shared) {
    if (shared.gzip === undefined) {
      metrics.gzipCompressions += 1;
      /** @type {{ body: Promise<Buffer | undefined>, bytes: number }} */
      const copy = {
        bytes: 0,
        body: gzipBody(shared.answer.body).then(
          (body) => {
            copy.bytes = body.length;
            cache.recount(key, shared);
            return body;
          },
          () => undefined,
        ),
      };
      shared.gzip = copy;
    }
    return shared.gzip.body;
  };
}

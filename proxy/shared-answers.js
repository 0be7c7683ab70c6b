// @ts-check
// One answer from Huawei for every viewer of a resource: first this instance's memory, then the
// request already in flight here, then (with Redis) the answer or the lock the instances share,
// and only then Huawei. Whatever happens to Redis, a viewer gets an answer: a failing store is
// skipped and this instance goes on alone.

import { strongEntityTag } from './entity-tag.js';
import { HANDOFF_MS, decodeSharedAnswer, encodeSharedAnswer } from './shared-answer-codec.js';
import { sharingOf } from './sharing-policy.js';
import { SingleFlight } from './single-flight.js';

/** @typedef {import('./answer-cache.js').SharedAnswer} SharedAnswer */

/**
 * Resolves after `ms`, or rejects with the signal's reason when it aborts first.
 * @param {number} ms @param {AbortSignal} signal @returns {Promise<void>}
 */
function pause(ms, signal) {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * @param {object} options
 * @param {(resource: string, signal: AbortSignal) => Promise<import('./sharing-policy.js').UpstreamAnswer>} options.fetchUpstream
 * @param {number} options.minInterval
 * @param {import('./answer-cache.js').AnswerCache} options.cache
 * @param {import('./redis-store.js').RedisStore | undefined} options.store
 * @param {import('./proxy-metrics.js').ProxyMetrics} options.metrics
 * @param {number} options.lockMs       how long a lock lives: longer than one upstream request may take
 * @param {number} options.maxBodyBytes
 * @param {number} [options.pollMs]     how often a waiting instance looks for the holder's answer
 */
export function sharedAnswers({ fetchUpstream, minInterval, cache, store, metrics, lockMs, maxBodyBytes, pollMs = 25 }) {
  /** @type {SingleFlight<SharedAnswer>} */
  const flights = new SingleFlight();

  /** @param {string} key @param {SharedAnswer} shared */
  function remember(key, shared) {
    if (leftOf(shared) > 0) cache.set(key, shared);
    return shared;
  }

  /** @param {string} resource @param {AbortSignal} signal @returns {Promise<SharedAnswer>} */
  async function fetchAndShare(resource, signal) {
    metrics.upstreamRequests += 1;
    const sentAt = Date.now();
    const started = performance.now();
    const answer = await fetchUpstream(resource, signal);
    metrics.observeUpstreamLatency((performance.now() - started) / 1000);
    const now = Date.now();
    const { holdMs, wait } = sharingOf(answer, minInterval, now);
    // A wait counts from Huawei's answer. Any other answer is as old as the request that asked
    // for it (HTTP's Age counts the time in flight too): one viewer polling every minInterval
    // then never gets its own last answer again, and a team costs what one viewer costs.
    return { answer, etag: strongEntityTag(answer.body), holdMs, wait, expiresAt: (wait ? now : sentAt) + holdMs };
  }

  /** How long the store should still keep `shared` (0: not at all). @param {SharedAnswer} shared */
  const leftOf = (shared) => (shared.holdMs > 0 ? Math.max(0, shared.expiresAt - Date.now()) : 0);

  /**
   * Through the shared store: its answer if there is one, else its lock and then Huawei, else
   * wait for the holder's answer (or for its lock to expire, if it died). Undefined when the
   * store failed, or the wait outlived any holder: then this instance goes on alone.
   * @param {import('./redis-store.js').RedisStore} store @param {string} key @param {string} resource @param {AbortSignal} signal
   * @returns {Promise<SharedAnswer | undefined>}
   */
  async function fillThroughStore(store, key, resource, signal) {
    const token = store.newToken();
    const giveUpAt = Date.now() + 2 * lockMs;
    let waited = false;
    for (;;) {
      const claim = await store.claim(key, token, lockMs);
      if (claim.kind === 'unavailable') return undefined;
      if (claim.kind === 'hit') {
        const shared = decodeSharedAnswer(key, claim.value, claim.leftMs, Date.now(), maxBodyBytes);
        // Having waited, the answer of the request waited on, even one too old for a newcomer.
        if (shared && (waited || leftOf(shared) > 0)) {
          if (!waited) metrics.cacheHits.redis += 1;
          return remember(key, shared);
        }
      }
      // Something that is not an answer for this viewer sits under the name (garbage, or a hand-off
      // it did not wait for): a miss, cleared by whoever takes the lock.
      const lock = claim.kind === 'hit' || claim.kind === 'garbage' ? await store.lock(key, token, lockMs) : claim.kind;
      if (signal.aborted) {
        // Everyone left while Redis answered: a lock just taken must not hold the others off.
        if (lock === 'locked') void store.publish(key, token, '', 0);
        throw signal.reason;
      }
      if (lock === 'unavailable') return undefined;
      if (lock === 'locked') {
        /** @type {SharedAnswer} */
        let shared;
        try {
          shared = await fetchAndShare(resource, signal);
        } catch (error) {
          // Nobody waits any more: free the lock for the next viewer, here or elsewhere.
          void store.publish(key, token, '', 0);
          throw error;
        }
        const left = leftOf(shared);
        await store.publish(key, token, encodeSharedAnswer(key, shared, left === 0), left > 0 ? left : HANDOFF_MS);
        return remember(key, shared);
      }
      if (!waited) metrics.coalesced += 1;
      waited = true;
      if (Date.now() > giveUpAt) return undefined;
      await pause(pollMs, signal);
    }
  }

  /** @param {string} key @param {string} resource @param {AbortSignal} signal @returns {Promise<SharedAnswer>} */
  async function fill(key, resource, signal) {
    if (store !== undefined) {
      const shared = await fillThroughStore(store, key, resource, signal);
      if (shared !== undefined) return shared;
      metrics.redisFallbacks += 1;
    }
    const shared = await fetchAndShare(resource, signal);
    // Alone, but what it learnt may still help the others if Redis is back.
    const left = leftOf(shared);
    if (store !== undefined && left > 0) void store.publish(key, store.newToken(), encodeSharedAnswer(key, shared), left);
    return remember(key, shared);
  }

  return {
    /**
     * The answer every viewer of `resource` gets now. Rejects with `leave.reason` when the viewer
     * leaves first.
     * @param {string} key   the resource's name in the cache and the store
     * @param {string} resource @param {AbortSignal} leave
     * @returns {Promise<SharedAnswer>}
     */
    answer(key, resource, leave) {
      const cached = cache.get(key, Date.now());
      if (cached !== undefined) {
        metrics.cacheHits.memory += 1;
        return Promise.resolve(cached);
      }
      const { joined, result } = flights.run(key, (signal) => fill(key, resource, signal), leave);
      if (joined) metrics.coalesced += 1;
      return result;
    },
    /** Resources with a request on its way. */
    get inFlight() {
      return flights.size;
    },
  };
}

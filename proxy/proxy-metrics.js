// @ts-check
// What the proxy counts, and its Prometheus text exposition (format 0.0.4), written here rather
// than through prom-client: a handful of counters and one histogram with fixed label values need
// no library, and the proxy then needs no second optional peer to answer `GET /metrics`. The tests
// check this text against prom-client's own rendering of the same counts.

/** prom-client's default buckets, in seconds. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

const PREFIX = 'dns_import_status_proxy_';

/** @typedef {'memory' | 'redis'} CacheStore */

export class ProxyMetrics {
  requests = 0;
  upstreamRequests = 0;
  /** @type {Record<CacheStore, number>} */
  cacheHits = { memory: 0, redis: 0 };
  coalesced = 0;
  notModified = 0;
  throttledPassedOn = 0;
  redisFallbacks = 0;
  gzipAnswers = 0;
  gzipCompressions = 0;
  /** @type {number[]} per bucket of LATENCY_BUCKETS, not cumulative */
  #latencyCounts = LATENCY_BUCKETS.map(() => 0);
  #latencySum = 0;
  #latencyCount = 0;

  /** @param {number} seconds */
  observeUpstreamLatency(seconds) {
    const bucket = LATENCY_BUCKETS.findIndex((bound) => seconds <= bound);
    if (bucket !== -1) this.#latencyCounts[bucket] = /** @type {number} */ (this.#latencyCounts[bucket]) + 1;
    this.#latencySum += seconds;
    this.#latencyCount += 1;
  }

  /**
   * The Prometheus text exposition.
   * @param {{ redisShared: boolean | undefined, cacheEntries: number, cacheBytes: number }} state
   *   redisShared undefined: no Redis configured
   */
  text({ redisShared, cacheEntries, cacheBytes }) {
    /** @param {string} name @param {string} type @param {string} help @param {string[]} samples */
    const metric = (name, type, help, samples) => `# HELP ${PREFIX}${name} ${help}\n# TYPE ${PREFIX}${name} ${type}\n${samples.join('\n')}\n`;
    /** @param {string} name @param {number} value @param {string} [labels] */
    const sample = (name, value, labels = '') => `${PREFIX}${name}${labels} ${value}`;
    let cumulative = 0;
    const buckets = LATENCY_BUCKETS.map((bound, i) => {
      cumulative += /** @type {number} */ (this.#latencyCounts[i]);
      return sample('upstream_duration_seconds_bucket', cumulative, `{le="${bound}"}`);
    });
    return [
      metric('requests_total', 'counter', 'Import requests the proxy answered (refused ones included).', [sample('requests_total', this.requests)]),
      metric('upstream_requests_total', 'counter', 'Requests the proxy sent to Huawei Cloud DNS.', [sample('upstream_requests_total', this.upstreamRequests)]),
      metric('cache_hits_total', 'counter', 'Requests answered from a shared answer, by where it was found.', [
        sample('cache_hits_total', this.cacheHits.memory, '{store="memory"}'),
        sample('cache_hits_total', this.cacheHits.redis, '{store="redis"}'),
      ]),
      metric('coalesced_total', 'counter', 'Requests that waited for a request already on its way to Huawei (here or on another instance).', [sample('coalesced_total', this.coalesced)]),
      metric('not_modified_total', 'counter', 'Requests answered 304 to their If-None-Match.', [sample('not_modified_total', this.notModified)]),
      metric('throttled_total', 'counter', 'Answers with status 429 passed on to viewers.', [sample('throttled_total', this.throttledPassedOn)]),
      metric('redis_fallbacks_total', 'counter', 'Upstream fills that went on without Redis because it failed or was unreachable.', [sample('redis_fallbacks_total', this.redisFallbacks)]),
      metric('gzip_answers_total', 'counter', 'Answers sent gzip-compressed to viewers whose Accept-Encoding takes gzip.', [sample('gzip_answers_total', this.gzipAnswers)]),
      metric('gzip_compressions_total', 'counter', 'Bodies gzip-compressed: once per shared answer, however many viewers get it.', [sample('gzip_compressions_total', this.gzipCompressions)]),
      metric('cache_entries', 'gauge', 'Answers held in this instance\'s memory.', [sample('cache_entries', cacheEntries)]),
      metric('cache_bytes', 'gauge', 'Bytes of answers held in this instance\'s memory.', [sample('cache_bytes', cacheBytes)]),
      ...(redisShared === undefined ? [] : [metric('redis_shared', 'gauge', '1 while instances share through Redis, 0 while this one goes on alone.', [sample('redis_shared', redisShared ? 1 : 0)])]),
      metric('upstream_duration_seconds', 'histogram', 'Time Huawei Cloud DNS took to answer, whole body read.', [
        ...buckets,
        sample('upstream_duration_seconds_bucket', this.#latencyCount, '{le="+Inf"}'),
        sample('upstream_duration_seconds_sum', this.#latencySum),
        sample('upstream_duration_seconds_count', this.#latencyCount),
      ]),
    ].join('\n');
  }
}

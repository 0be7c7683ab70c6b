// The scenarios of the simulated DNS import API: what each zone id answers, given its state.
// No HTTP here: `answer(zoneId)` returns a response description that the middleware sends.

import { errorItems, FIXED_EPOCH, formatApiTime, hashString, hexId, pickFailures } from './simulated-records.js';

/**
 * @typedef {object} SimAnswer
 * @property {number} status
 * @property {string} body            serialized body
 * @property {string} contentType
 * @property {Record<string, string>} [headers]
 * @property {number} [delayMs]       answer after this delay
 */

/**
 * @typedef {object} ZoneState
 * @property {number} run        bumped by each restart (gives a new task_id)
 * @property {number} startedAt  epoch ms of the first request or the last restart
 * @property {number} count      import GETs in this run, this one included (the flaky script)
 */

/**
 * @typedef {object} ZonesOptions
 * @property {number} [progressMs]  zone-progress: time from PENDING to DONE (default 15000)
 * @property {number} [slowMs]      zone-slow: answer delay (default 3000)
 * @property {() => number} [now]   clock (default Date.now)
 */

export const PROGRESS_TOTAL = 500;
export const PROGRESS_FAILURES = 37;
export const MANY_MAX = 200000;
/** zone-stuck climbs like zone-progress, then its counts stop here (PENDING for ever). */
export const STUCK_AT = 180;

const JSON_TYPE = 'application/json';
/** @param {number} status @param {unknown} body @param {Partial<SimAnswer>} [extra] @returns {SimAnswer} */
const json = (status, body, extra = {}) => ({ status, body: JSON.stringify(body), contentType: JSON_TYPE, ...extra });

const NOT_FOUND = { error_code: 'DNS.0101', error_msg: 'The zone does not exist or has no import task.' };

/**
 * @typedef {object} TaskShape
 * @property {'PENDING' | 'DONE'} status
 * @property {'en-us' | 'zh-cn'} language
 * @property {number} total
 * @property {number} success
 * @property {import('./simulated-records.js').SimErrorItem[]} items
 * @property {number} createdMs
 * @property {number} updatedMs
 */

/** @param {string} zoneId @param {number} run @param {TaskShape} t */
function envelope(zoneId, run, t) {
  return {
    code: 200,
    data: {
      task_id: hexId(`${zoneId}:${run}`),
      status: t.status,
      created_at: formatApiTime(t.createdMs),
      updated_at: formatApiTime(t.updatedMs),
      zone_id: zoneId,
      zone_type: 'public',
      language: t.language,
      total_count: t.total,
      success_count: t.success,
      error_count: t.items.length,
      error_items: t.items,
    },
  };
}

/** Fixed, per-zone timestamps for the static scenarios. @param {string} zoneId */
function fixedCreated(zoneId) {
  return FIXED_EPOCH + (hashString(zoneId) % 86_400_000);
}

/**
 * A partially processed run: the failures among the first `processed` of `total` records.
 * @param {string} zoneId @param {number} total @param {number} failures @param {number} processed
 */
function partial(zoneId, total, failures, processed) {
  const positions = pickFailures(zoneId, total, failures).filter((p) => p < processed);
  const items = errorItems(zoneId, positions);
  return { items, success: processed - items.length };
}

/** @param {ZonesOptions} [options] */
export function createZones(options = {}) {
  const progressMs = options.progressMs ?? 15000;
  const slowMs = options.slowMs ?? 3000;
  const now = options.now ?? Date.now;
  /** @type {Map<string, ZoneState>} */
  const states = new Map();
  /** Serialized bodies of the large static scenarios, by `${zoneId}:${run}` (a tiny LRU). */
  /** @type {Map<string, string>} */
  const cache = new Map();

  /** @param {string} key @param {() => unknown} make */
  function cached(key, make) {
    let body = cache.get(key);
    if (body === undefined) {
      body = JSON.stringify(make());
      cache.set(key, body);
      if (cache.size > 6) cache.delete(/** @type {string} */ (cache.keys().next().value));
    }
    return body;
  }

  /** @param {string} zoneId @returns {ZoneState} */
  function stateOf(zoneId) {
    let s = states.get(zoneId);
    if (!s) {
      s = { run: 0, startedAt: now(), count: 0 };
      states.set(zoneId, s);
    }
    return s;
  }

  /**
   * A static DONE scenario, cached.
   * @param {string} zoneId @param {number} run
   * @param {{ language: 'en-us' | 'zh-cn', total: number, failures: number }} shape
   * @returns {SimAnswer}
   */
  function done(zoneId, run, { language, total, failures }) {
    const body = cached(`${zoneId}:${run}`, () => {
      const createdMs = fixedCreated(zoneId);
      return envelope(zoneId, run, {
        status: 'DONE',
        language,
        total,
        success: total - failures,
        items: errorItems(zoneId, failures),
        createdMs,
        updatedMs: createdMs + 800 + total * 3,
      });
    });
    return { status: 200, body, contentType: JSON_TYPE };
  }

  /**
   * A PENDING scenario frozen at a fixed partial progress.
   * @param {string} zoneId @param {number} run @param {number} processed
   */
  function frozen(zoneId, run, processed) {
    const createdMs = fixedCreated(zoneId);
    const { items, success } = partial(zoneId, PROGRESS_TOTAL, PROGRESS_FAILURES, processed);
    return envelope(zoneId, run, {
      status: 'PENDING',
      language: 'en-us',
      total: PROGRESS_TOTAL,
      success,
      items,
      createdMs,
      updatedMs: createdMs + processed * 30,
    });
  }

  /** @param {string} zoneId @param {ZoneState} s @param {number} [stopAt] where the counts stop moving @returns {SimAnswer} */
  function progress(zoneId, s, stopAt = PROGRESS_TOTAL) {
    const fraction = progressMs <= 0 ? 1 : Math.min(1, Math.max(0, (now() - s.startedAt) / progressMs));
    const processed = Math.min(stopAt, Math.floor(fraction * PROGRESS_TOTAL));
    const { items, success } = partial(zoneId, PROGRESS_TOTAL, PROGRESS_FAILURES, processed);
    return json(
      200,
      envelope(zoneId, s.run, {
        status: processed >= PROGRESS_TOTAL ? 'DONE' : 'PENDING',
        language: 'en-us',
        total: PROGRESS_TOTAL,
        success,
        items,
        createdMs: s.startedAt,
        // Derived from the progress, so two polls with the same counts return identical bodies.
        updatedMs: s.startedAt + Math.round((processed / PROGRESS_TOTAL) * progressMs),
      }),
    );
  }

  /** @param {string} zoneId @param {ZoneState} s @returns {SimAnswer} */
  function flaky(zoneId, s) {
    switch (s.count) {
      case 1:
        return json(503, { code: 'APIG.0201', message: 'Backend timeout.' });
      case 2:
        return json(503, { error_code: 'DNS.0021', error_msg: 'Service unavailable.' });
      case 3:
        return json(429, { error_code: 'APIG.0308', error_msg: 'The throttling threshold has been reached.' }, { headers: { 'Retry-After': '1' } });
      case 4:
        return json(403, { code: 'DNS.0014', message: 'Request forbidden by flow control.' });
      default: {
        // Requests 5, 6, 7: PENDING (10, 25, 40 of 50 processed); from request 8: DONE.
        const total = 50;
        const processed = [10, 25, 40][s.count - 5] ?? total;
        const failures = pickFailures(zoneId, total, 3).filter((p) => p < processed);
        const createdMs = fixedCreated(zoneId);
        return json(
          200,
          envelope(zoneId, s.run, {
            status: processed >= total ? 'DONE' : 'PENDING',
            language: 'zh-cn',
            total,
            success: processed - failures.length,
            items: errorItems(zoneId, failures),
            createdMs,
            updatedMs: createdMs + processed * 40,
          }),
        );
      }
    }
  }

  return {
    /**
     * Answers one import GET for a (decoded) zone id. Counts it in the zone's script.
     * @param {string} zoneId
     * @returns {SimAnswer}
     */
    answer(zoneId) {
      const s = stateOf(zoneId);
      s.count += 1;
      switch (zoneId) {
        case 'zone-progress':
          return progress(zoneId, s);
        case 'zone-stuck':
          return progress(zoneId, s, STUCK_AT);
        case 'zone-clean':
          return done(zoneId, s.run, { language: 'zh-cn', total: 1200, failures: 0 });
        case 'zone-total-failure':
          return done(zoneId, s.run, { language: 'en-us', total: 500, failures: 500 });
        case 'zone-huge':
          return done(zoneId, s.run, { language: 'zh-cn', total: 10000, failures: 2500 });
        case 'zone-flaky':
          return flaky(zoneId, s);
        case 'zone-empty-data':
          return json(200, { code: 200, data: {} });
        case 'zone-unauthorized':
          return json(401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information: token expired.' });
        case 'zone-forbidden':
          return json(403, { error_code: 'DNS.0030', error_msg: 'Insufficient permissions.' });
        case 'zone-html':
          return { status: 502, body: '<html><body><h1>502 Bad Gateway</h1></body></html>', contentType: 'text/html; charset=utf-8' };
        case 'zone-api-error':
          return json(200, { code: 'DNS.0101', message: 'Zone not found.' });
        case 'zone-slow':
          return json(200, frozen(zoneId, s.run, 120), { delayMs: slowMs });
        case 'zone-pending':
          return json(200, frozen(zoneId, s.run, 200));
        default: {
          const many = /^zone-many-(\d{1,6})$/.exec(zoneId);
          const n = many ? Number(many[1]) : NaN;
          if (n <= MANY_MAX) return done(zoneId, s.run, { language: 'en-us', total: 2 * n, failures: n });
          return json(404, NOT_FOUND); // zone-empty and any other zone
        }
      }
    },

    /** Restarts a zone's simulated import: new run (new task_id), clock and script from zero. @param {string} zoneId */
    restart(zoneId) {
      const previous = states.get(zoneId);
      states.set(zoneId, { run: (previous?.run ?? 0) + 1, startedAt: now(), count: 0 });
    },

    /** Forgets every zone (runs, clocks, scripts, cache). */
    reset() {
      states.clear();
      cache.clear();
    },
  };
}

// The scenarios of the simulated v2.1 batch-create task (ShowBatchCreateRecordSetsTask):
//
//   GET {prefix}/v2.1/zones/{zone_id}/recordsets/batch-create-task[?error_item_limit=0..2000&error_item_offset=0..2000]
//
// answered as Huawei documents it: a bare body (no `{code, data}`), `records` instead of
// `value`, integer `ttl` and `weight`, each failed item with a `status` of its own (`ERROR`),
// and the failed items paged (`error_item_limit`, default 2,000; `error_item_offset`, default 0).
// No HTTP here: `answer(zoneId, query)` returns a response description that the middleware sends.

import { errorItems, FIXED_EPOCH, formatApiTime, hashString, hexId, pickFailures } from './simulated-records.js';

/** @typedef {import('./simulated-zones.js').SimAnswer} SimAnswer */

/**
 * @typedef {object} BatchCreateItem
 * @property {string} name
 * @property {string} type
 * @property {string} line
 * @property {number} ttl
 * @property {number} [weight]
 * @property {string[]} records
 * @property {string} status
 * @property {string} error_code
 * @property {string} error_message
 */

/** The largest `error_item_limit` and `error_item_offset` the API takes (and the default limit). */
export const MAX_ERROR_ITEMS = 2000;
/** zone-progress: record sets in the task, and how many of them fail. */
export const BATCH_PROGRESS_TOTAL = 500;
export const BATCH_PROGRESS_FAILURES = 37;
/** zone-paged: 2,000 record sets, 1,200 failures, at most 500 failed items per answer. */
export const PAGED_TOTAL = 2000;
export const PAGED_FAILURES = 1200;
export const PAGED_PAGE_SIZE = 500;

const JSON_TYPE = 'application/json';
/** @param {number} status @param {unknown} body @returns {SimAnswer} */
const json = (status, body) => ({ status, body: JSON.stringify(body), contentType: JSON_TYPE });

/**
 * A failed record of the import simulator in the batch-create task's shape. A TTL that is not a
 * whole number (the simulator's "3OO") stays text, as a server's lenient serializer would send it.
 * @param {import('./simulated-records.js').SimErrorItem} item @returns {BatchCreateItem}
 */
function batchCreateItem({ value, ttl, weight, ...rest }) {
  const whole = (/** @type {string} */ text) => (/^-?\d+$/.test(text) ? Number(text) : text);
  return /** @type {BatchCreateItem} */ ({
    name: rest.name,
    type: rest.type,
    line: rest.line,
    ttl: whole(ttl),
    ...(weight !== undefined && { weight: whole(weight) }),
    records: value,
    status: 'ERROR',
    error_code: rest.error_code,
    error_message: rest.error_message,
  });
}

/**
 * `error_item_limit` and `error_item_offset` as the API takes them: absent, or whole numbers
 * from 0 to 2,000. Anything else is an answer of its own, the API's 400.
 * @param {URLSearchParams} query
 * @returns {{ limit: number, offset: number } | SimAnswer}
 */
export function pagingOf(query) {
  /** @param {string} name @param {number} fallback */
  const read = (name, fallback) => {
    const text = query.get(name);
    if (text === null) return fallback;
    return /^\d{1,4}$/.test(text) && Number(text) <= MAX_ERROR_ITEMS ? Number(text) : undefined;
  };
  const limit = read('error_item_limit', MAX_ERROR_ITEMS);
  const offset = read('error_item_offset', 0);
  if (limit === undefined) return json(400, { error_code: 'DNS.0002', error_msg: 'Invalid parameter: error_item_limit must be an integer from 0 to 2000.' });
  if (offset === undefined) return json(400, { error_code: 'DNS.0017', error_msg: 'The offset parameter is invalid.' });
  return { limit, offset };
}

/**
 * @typedef {object} BatchState
 * @property {number} run        bumped by each restart (gives a new task_id)
 * @property {number} startedAt  epoch ms of the first request or the last restart
 */

/**
 * @param {{ progressMs?: number, now?: () => number }} [options]
 */
export function createBatchCreateTasks(options = {}) {
  const progressMs = options.progressMs ?? 15000;
  const now = options.now ?? Date.now;
  /** @type {Map<string, BatchState>} */
  const states = new Map();

  /** @param {string} zoneId @returns {BatchState} */
  function stateOf(zoneId) {
    let s = states.get(zoneId);
    if (!s) states.set(zoneId, (s = { run: 0, startedAt: now() }));
    return s;
  }

  /**
   * The task's body with one page of its failed items.
   * @param {string} zoneId @param {BatchState} s
   * @param {{ status: 'PENDING' | 'DONE', total: number, success: number, items: BatchCreateItem[], createdMs: number, updatedMs: number }} t
   * @param {{ limit: number, offset: number }} page
   * @param {number} [pageSize] the most items this server sends in one answer, whatever the limit
   */
  function body(zoneId, s, t, { limit, offset }, pageSize = MAX_ERROR_ITEMS) {
    return {
      task_id: hexId(`batch-create:${zoneId}:${s.run}`),
      status: t.status,
      created_at: formatApiTime(t.createdMs),
      updated_at: formatApiTime(t.updatedMs),
      total_count: t.total,
      success_count: t.success,
      error_count: t.items.length,
      error_items: t.items.slice(offset, offset + Math.min(limit, pageSize)),
    };
  }

  /** A finished task: `failures` of `total` record sets failed. @param {string} zoneId @param {number} total @param {number} failures */
  function finished(zoneId, total, failures) {
    const createdMs = FIXED_EPOCH + (hashString(`batch:${zoneId}`) % 86_400_000);
    const items = errorItems(`batch:${zoneId}`, failures).map(batchCreateItem);
    return { status: /** @type {const} */ ('DONE'), total, success: total - failures, items, createdMs, updatedMs: createdMs + 500 + total * 2 };
  }

  return {
    /**
     * Answers one batch-create GET for a (decoded) zone id and its query.
     * @param {string} zoneId @param {URLSearchParams} query @returns {SimAnswer}
     */
    answer(zoneId, query) {
      const page = pagingOf(query);
      if (!('limit' in page)) return page;
      const s = stateOf(zoneId);
      switch (zoneId) {
        case 'zone-progress': {
          // PENDING to DONE over progressMs, failures among the record sets processed so far.
          const fraction = progressMs <= 0 ? 1 : Math.min(1, Math.max(0, (now() - s.startedAt) / progressMs));
          const processed = Math.floor(fraction * BATCH_PROGRESS_TOTAL);
          const positions = pickFailures(`batch:${zoneId}`, BATCH_PROGRESS_TOTAL, BATCH_PROGRESS_FAILURES).filter((p) => p < processed);
          const items = errorItems(`batch:${zoneId}`, positions).map(batchCreateItem);
          const task = {
            status: /** @type {'PENDING' | 'DONE'} */ (processed >= BATCH_PROGRESS_TOTAL ? 'DONE' : 'PENDING'),
            total: BATCH_PROGRESS_TOTAL,
            success: processed - items.length,
            items,
            createdMs: s.startedAt,
            updatedMs: s.startedAt + Math.round((processed / BATCH_PROGRESS_TOTAL) * progressMs),
          };
          return json(200, body(zoneId, s, task, page));
        }
        case 'zone-paged':
          // A server that sends at most 500 failed items an answer: the rest is read by offset.
          return json(200, body(zoneId, s, finished(zoneId, PAGED_TOTAL, PAGED_FAILURES), page, PAGED_PAGE_SIZE));
        case 'zone-full':
          // The largest task there is: 2,000 record sets, every one failed, in one default page.
          return json(200, body(zoneId, s, finished(zoneId, MAX_ERROR_ITEMS, MAX_ERROR_ITEMS), page));
        case 'zone-clean':
          return json(200, body(zoneId, s, finished(zoneId, 1200, 0), page));
        case 'zone-repeating':
          // A server that ignores error_item_offset: every answer is the first page again.
          return json(200, body(zoneId, s, finished(zoneId, 900, 700), { limit: page.limit, offset: 0 }, 300));
        case 'zone-page-fails':
          // The first page answers; every later one fails.
          if (page.offset > 0) return json(500, { error_code: 'DNS.0021', error_msg: 'Could not acquire the lock.' });
          return json(200, body(zoneId, s, finished(zoneId, 1000, 800), page, 500));
        case 'zone-wrapped': {
          // As a gateway or an older client may pass it on: wrapped, `value` and text TTLs.
          const task = body(zoneId, s, finished(zoneId, 40, 3), page);
          const items = task.error_items.map(({ records, ttl, weight, ...rest }) => ({
            ...rest,
            ttl: String(ttl),
            ...(weight !== undefined && { weight: String(weight) }),
            value: records,
          }));
          return json(200, { code: '200', data: { ...task, error_items: items } });
        }
        default:
          return json(404, { error_code: 'DNS.0101', error_msg: 'The zone does not exist or has no batch-create task.' });
      }
    },

    /** A new task for the zone (new task_id, clock from zero). @param {string} zoneId */
    restart(zoneId) {
      const previous = states.get(zoneId);
      states.set(zoneId, { run: (previous?.run ?? 0) + 1, startedAt: now() });
    },

    reset() {
      states.clear();
    },
  };
}

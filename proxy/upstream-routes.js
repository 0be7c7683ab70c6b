// @ts-check
// What the proxy forwards: each Huawei Cloud DNS path it serves, with the only parts of a request
// it accepts. A request is matched below the API's root (see mount-path.js) and checked here
// before anything else happens, so the resource it names (the upstream path and its canonical
// query) is built from validated parts only: that string is what the cache and lock keys hold.
//
// Each resource is a row: its head, tail and the form of each query parameter it takes. The v2.1
// batch-create task takes its two paging parameters, each an integer from 0 to 2000 as Huawei
// documents them, written the one way (no sign, no leading zero), so that one page is one key.

/** Huawei's zone ids are 32 hex digits; letters and digits of a bounded length are let through, nothing else. */
export const ZONE_ID = /^[A-Za-z0-9]{1,64}$/;

/**
 * @typedef {object} UpstreamRoute
 * @property {string} head                    path before the zone id, as Huawei publishes it
 * @property {string} tail                    path after the zone id
 * @property {Readonly<Record<string, RegExp>>} query  the query parameters it takes, each with the form of its value (none: no query string at all)
 */

/** `error_item_limit` and `error_item_offset`: 0 to 2000, in decimal without a leading zero. */
export const ERROR_ITEM_PAGING = /^(?:0|[1-9]\d{0,2}|1\d{3}|2000)$/;

/** @type {readonly UpstreamRoute[]} */
export const UPSTREAM_ROUTES = Object.freeze([
  // The latest batch-import task of a zone (the `.xlsx` import).
  Object.freeze({ head: '/v2/zones/', tail: '/import/recordsets', query: Object.freeze({}) }),
  // The zone's v2.1 batch-create task (ShowBatchCreateRecordSetsTask), its failed items paged.
  Object.freeze({
    head: '/v2.1/zones/',
    tail: '/recordsets/batch-create-task',
    query: Object.freeze({ error_item_limit: ERROR_ITEM_PAGING, error_item_offset: ERROR_ITEM_PAGING }),
  }),
]);

/**
 * @typedef {{ kind: 'next' } | { kind: 'bad', reason: string } | { kind: 'forward', zoneId: string, resource: string }} RouteDecision
 *   `resource`: the upstream path with its canonical query (parameters sorted), relative to the endpoint
 */

/**
 * Where a request stands: not the proxy's (next), refused (bad), or the resource to forward.
 * Only the raw target is read: nothing is decoded, so `%2F`, `%2e%2e` or `%00` never become a path.
 * @param {string | undefined} method
 * @param {string} target  path and query below the API's root
 * @param {readonly UpstreamRoute[]} [routes]
 * @returns {RouteDecision}
 */
export function routeApiRequest(method, target, routes = UPSTREAM_ROUTES) {
  const queryAt = target.search(/[?#]/);
  const path = queryAt === -1 ? target : target.slice(0, queryAt);
  const route = routes.find(({ head, tail }) => path.length >= head.length + tail.length && path.startsWith(head) && path.endsWith(tail));
  if (method !== 'GET' || route === undefined) return { kind: 'next' };
  const zoneId = path.slice(route.head.length, path.length - route.tail.length);
  if (!ZONE_ID.test(zoneId)) return { kind: 'bad', reason: 'The zone id must be letters and digits only (at most 64).' };
  const query = queryAt === -1 ? '' : canonicalQuery(route, target.slice(queryAt));
  if (query === undefined) {
    const names = Object.keys(route.query);
    return { kind: 'bad', reason: names.length === 0 ? 'No query string is accepted here.' : `Only these query parameters are accepted here, each once: ${names.join(', ')}.` };
  }
  return { kind: 'forward', zoneId, resource: `${route.head}${zoneId}${route.tail}${query === '' ? '' : `?${query}`}` };
}

/**
 * The query sorted by name, or undefined when it holds anything the route does not take (a
 * fragment, an unknown or repeated name, a value of another form, an empty part).
 * @param {UpstreamRoute} route @param {string} rawQuery starting with `?` or `#`
 * @returns {string | undefined}
 */
function canonicalQuery(route, rawQuery) {
  if (!rawQuery.startsWith('?') || rawQuery.includes('#')) return undefined;
  /** @type {Map<string, string>} */
  const values = new Map();
  for (const part of rawQuery.slice(1).split('&')) {
    const equals = part.indexOf('=');
    const name = equals === -1 ? part : part.slice(0, equals);
    const value = equals === -1 ? '' : part.slice(equals + 1);
    const form = Object.hasOwn(route.query, name) ? route.query[name] : undefined;
    if (form === undefined || values.has(name) || !form.test(value)) return undefined;
    values.set(name, value);
  }
  return [...values].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => `${name}=${value}`).join('&');
}

// What the across-tabs end-to-end tests and `npm run bench -- tabs` share: a scripted import
// API over real HTTP, and the script each tab runs before its own (a page the test can hide,
// notifications counted, the element's events recorded).

/**
 * The import API of every zone the tests use: PENDING, one more record processed per request,
 * until the test says `finish` (or `hold`: no more progress); or the next answers the test queued
 * (a 429 with Retry-After).
 */
export function scriptedImportApi() {
  /** @type {Map<string, { count: number, done: boolean, queued: Array<{ status: number, body: unknown, headers?: Record<string, string> }> }>} */
  const zones = new Map();
  const zone = (id) => {
    let state = zones.get(id);
    if (!state) zones.set(id, (state = { count: 0, done: false, queued: [] }));
    return state;
  };
  /** Request times by zone (ms, Date.now()). */
  const log = new Map();
  const middleware = (req, res, next) => {
    const match = /^\/api\/v2\/zones\/([^/]+)\/import\/recordsets$/.exec(new URL(req.url, 'http://x').pathname);
    if (!match) return next();
    const id = match[1];
    const state = zone(id);
    state.count += 1;
    log.set(id, [...(log.get(id) ?? []), Date.now()]);
    const queued = state.queued.shift();
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
      res.end(JSON.stringify(body));
    };
    if (queued) return send(queued.status, queued.body, queued.headers);
    const processed = state.done ? 100 : (state.heldAt ?? Math.min(state.count, 99));
    send(200, {
      code: 200,
      data: {
        task_id: `task-${id}`,
        zone_id: id,
        status: state.done ? 'DONE' : 'PENDING',
        total_count: 100,
        success_count: processed - (processed >= 2 ? 1 : 0),
        error_count: processed >= 2 ? 1 : 0,
        error_items: processed >= 2 ? [{ name: 'a.example.com.', type: 'A', line: '1', value: '192.0.2.1', error_code: 'DNS.0312', error_message: 'Invalid value.' }] : [],
      },
    });
  };
  return {
    middleware,
    finish: (id) => (zone(id).done = true),
    /** The import stops moving: PENDING, the processed count as it is now. */
    hold: (id) => (zone(id).heldAt = Math.min(zone(id).count, 99)),
    queue: (id, answer) => zone(id).queued.push(answer),
    requests: (id) => log.get(id) ?? [],
  };
}

/** In every page before its scripts: a page the test can hide, notifications counted, events recorded. */
export function instrumentTab() {
  const w = /** @type {any} */ (window);
  w.__hidden = false;
  Object.defineProperty(Document.prototype, 'hidden', { configurable: true, get: () => w.__hidden });
  Object.defineProperty(Document.prototype, 'visibilityState', { configurable: true, get: () => (w.__hidden ? 'hidden' : 'visible') });
  w.__setHidden = (hidden) => {
    w.__hidden = hidden;
    document.dispatchEvent(new Event('visibilitychange'));
  };
  w.__events = [];
  for (const type of ['import-progress', 'import-done', 'import-error', 'import-stalled']) {
    document.addEventListener(type, (event) => w.__events.push({ type, status: event.detail.task?.status, sawPending: event.detail.sawPending, at: Date.now() }));
  }
  w.__notifications = [];
  if (typeof Notification === 'function') {
    const Real = Notification;
    w.Notification = class extends Real {
      constructor(title, options) {
        super(title, options);
        w.__notifications.push({ title, body: options?.body });
      }
    };
  }
}

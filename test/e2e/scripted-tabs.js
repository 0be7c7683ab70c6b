// What the across-tabs end-to-end tests and `npm run bench -- tabs` share: a scripted import
// API over real HTTP and the built bundle on a local server, the script each tab runs before its
// own (a page the test can hide, notifications counted, the element's events recorded), and the
// ways to open tabs, wait for all of them and read what they show.
import { launchChromium } from '../../scripts/lib/chromium.js';
import { startStaticServer } from './static-server.js';

/** The page every tab loads: the built bundle, its exports at `window.__api`. */
const TAB_PAGE = `<!doctype html><html lang="en"><title>tab</title>
<script type="module">
  import * as api from '/dns-import-status.bundle.js';
  window.__api = api;
</script>`;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for a condition (it may return a promise), checked every `every` ms, failing after `timeout` ms with `what`. */
export async function until(condition, what, { timeout = 15_000, every = 50 } = {}) {
  const start = Date.now();
  for (;;) {
    if (await condition()) return;
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await sleep(every);
  }
}

/**
 * The scripted API and dist/ (run `npm run build` first) on a local server, and Chromium.
 * `close()` ends both.
 */
export async function startTabsHarness() {
  const api = scriptedImportApi();
  const server = await startStaticServer({ root: 'dist', pages: { '/': TAB_PAGE }, middleware: api.middleware });
  const browser = await launchChromium();
  return {
    api,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * The import API of every zone the tests use: PENDING, one more record processed per request,
 * until the test says `finish` (or `hold`: no more progress); or the next answers the test queued
 * (a 429 with Retry-After).
 */
export function scriptedImportApi() {
  /** @type {Map<string, { count: number, done: boolean, queued: Array<{ status: number, body: unknown, headers?: Record<string, string>, delayMs?: number }> }>} */
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
    if (queued) return void setTimeout(() => send(queued.status, queued.body, queued.headers), queued.delayMs ?? 0);
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

/** Takes Web Locks and BroadcastChannel away, as in a browser without them. */
function withoutSharing() {
  Object.defineProperty(Navigator.prototype, 'locks', { configurable: true, get: () => undefined });
  /** @type {any} */ (window).BroadcastChannel = undefined;
}

/**
 * A tab of `context` with one element (or, with `watcher`, a `watchImport()` watcher) on
 * `zoneId`, polling `/api` every `interval` ms. `tab.requests` counts the import requests this
 * page made.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url the harness server's
 * @param {{ zoneId: string, interval: number, attributes?: Record<string, string>, watcher?: object, noSharing?: boolean }} options
 */
export async function openTab(context, url, { zoneId, interval, attributes = {}, watcher, noSharing = false }) {
  const page = await context.newPage();
  await page.addInitScript(instrumentTab);
  if (noSharing) await page.addInitScript(withoutSharing);
  const tab = { page, requests: 0 };
  page.on('request', (request) => {
    if (request.url().includes('/import/recordsets')) tab.requests += 1;
  });
  await page.goto(url + '/');
  await page.waitForFunction(() => /** @type {any} */ (window).__api);
  await page.evaluate(
    ({ zoneId, attributes, watcher, interval }) => {
      const w = /** @type {any} */ (window);
      if (watcher) {
        w.__watcher = w.__api.watchImport({ zoneId, endpoint: '/api', interval, ...watcher });
        for (const type of ['import-progress', 'import-done', 'import-error', 'import-stalled']) {
          w.__watcher.addEventListener(type, (event) => w.__events.push({ type, status: event.detail.task?.status, sawPending: event.detail.sawPending, watcher: true }));
        }
        return;
      }
      const el = document.createElement('dns-import-status');
      for (const [name, value] of Object.entries({ 'zone-id': zoneId, endpoint: '/api', interval: String(interval), ...attributes })) {
        el.setAttribute(name, value);
      }
      document.body.append(el);
    },
    { zoneId, attributes, watcher, interval },
  );
  return tab;
}

/** `count` tabs alike (see openTab), once every one shows the task PENDING (within `timeout` ms). */
export async function openTabs(context, url, count, { timeout, ...options }) {
  const tabs = [];
  for (let i = 0; i < count; i++) tabs.push(await openTab(context, url, options));
  await everyTab(tabs, 'pending', { timeout });
  return tabs;
}

/** The `state` attribute of the tab's element. */
export const stateOf = (tab) => tab.page.evaluate(() => document.querySelector('dns-import-status')?.getAttribute('state'));

/** Waits until the element of every tab is in `state`. */
export const everyTab = (tabs, state, options) => until(async () => (await Promise.all(tabs.map(stateOf))).every((shown) => shown === state), `every tab ${state}`, options);

/** The events of `type` the tab's page heard (instrumentTab), oldest first. */
export const eventsOf = (tab, type) => tab.page.evaluate((type) => /** @type {any} */ (window).__events.filter((event) => event.type === type), type);

/** The system notifications shown in all these tabs together. */
export const notificationsOf = async (tabs) => (await Promise.all(tabs.map((tab) => tab.page.evaluate(() => /** @type {any} */ (window).__notifications)))).flat();

/** Hides the tab's page (or shows it again), as a switch to another tab would. */
export const setHidden = (tab, hidden) => tab.page.evaluate((hidden) => /** @type {any} */ (window).__setHidden(hidden), hidden);

/** The tab that makes the next import request, among `tabs`. */
export async function pollingTab(tabs) {
  const counts = tabs.map((tab) => tab.requests);
  await until(() => tabs.some((tab, index) => tab.requests > counts[index]), 'a request from one of the tabs');
  return tabs.find((tab, index) => tab.requests > counts[index]);
}

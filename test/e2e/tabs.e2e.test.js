// Across tabs: several pages of one browser context (one profile, as a user's tabs), each
// loading the built bundle, against a scripted import API over real HTTP. Web Locks and
// BroadcastChannel reach across these pages as across real tabs; a page is "hidden" by an
// override of document.hidden and a visibilitychange event (headless pages are always visible).
// Needs `npm run build` first.
//
//   node --test test/e2e/tabs.e2e.test.js
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, beforeEach, describe, test } from 'node:test';
import { eventsOf, everyTab, notificationsOf, openTab, openTabs, pollingTab, setHidden, sleep, startTabsHarness, until } from './scripted-tabs.js';

const BUNDLE = 'dist/dns-import-status.bundle.js';
const INTERVAL = 600;

let harness;
let api;
let context;
let zoneCount = 0;
/** A zone no other test used. */
const freshZone = () => `zone${Date.now().toString(36)}n${++zoneCount}`;

before(async () => {
  assert.ok(existsSync(BUNDLE), `${BUNDLE} is missing: run \`npm run build\` first.`);
  harness = await startTabsHarness();
  api = harness.api;
});

after(async () => {
  await harness?.close();
});

beforeEach(async () => {
  await context?.close();
  context = await harness.browser.newContext();
  await context.grantPermissions(['notifications'], { origin: harness.server.url });
});

/** A tab with one element (or, with `watcher`, a `watchImport()` watcher) on `zoneId`; see openTab. */
const tabOn = (zoneId, options = {}) => openTab(context, harness.server.url, { zoneId, interval: INTERVAL, ...options });
/** `count` tabs alike on `zoneId`, every one PENDING. */
const tabsOn = (zoneId, count, options = {}) => openTabs(context, harness.server.url, count, { zoneId, interval: INTERVAL, ...options });

const processedOf = (tab) =>
  tab.page.evaluate(() => {
    const task = /** @type {any} */ (document.querySelector('dns-import-status'))?.task;
    return task ? task.success_count + task.error_count : -1;
  });

/** Requests to `zoneId` in a window of `ms`, from now on. */
async function requestsDuring(zoneId, ms) {
  const before = api.requests(zoneId).length;
  await sleep(ms);
  return api.requests(zoneId).length - before;
}

describe('one request per interval between the tabs of a share key', () => {
  test('three tabs with one key poll as one, and every tab shows each answer and finishes', async () => {
    const zoneId = freshZone();
    const tabs = await tabsOn(zoneId, 3, { attributes: { 'share-key': 'project-1' } });
    const made = await requestsDuring(zoneId, 10 * INTERVAL);
    // One tab alone makes about 10 in that time (interval ±10 %); three tabs sharing, the same.
    assert.ok(made <= 12, `three sharing tabs made ${made} requests in 10 intervals`);
    assert.ok(made >= 7, `polling went on (${made} requests)`);
    // Only one of them asked.
    assert.equal(tabs.filter((tab) => tab.requests > 1).length, 1, `requests per tab: ${tabs.map((tab) => tab.requests)}`);
    // Every tab shows the same progress as it moves.
    await until(async () => new Set(await Promise.all(tabs.map(processedOf))).size === 1, 'the same count in every tab');
    api.finish(zoneId);
    await everyTab(tabs, 'done');
    for (const tab of tabs) {
      const done = await eventsOf(tab, 'import-done');
      assert.equal(done.length, 1, 'import-done once per tab');
      assert.equal(done[0].sawPending, true);
    }
    const afterDone = await requestsDuring(zoneId, 3 * INTERVAL);
    assert.equal(afterDone, 0, 'no tab polls after DONE');
  });

  test('tabs with different keys, or without a key, each poll for themselves', async () => {
    const zoneId = freshZone();
    const a = await tabOn(zoneId, { attributes: { 'share-key': 'account-a' } });
    const b = await tabOn(zoneId, { attributes: { 'share-key': 'account-b' } });
    const c = await tabOn(zoneId);
    const d = await tabOn(zoneId, { attributes: { 'share-key': '   ' } });
    await everyTab([a, b, c, d], 'pending');
    const counts = [a, b, c, d].map((tab) => tab.requests);
    await sleep(6 * INTERVAL);
    for (const [index, tab] of [a, b, c, d].entries()) {
      assert.ok(tab.requests - counts[index] >= 4, `tab ${index} polled for itself (${tab.requests - counts[index]} requests)`);
    }
  });
});

describe('hand-over', () => {
  test('when the polling tab closes, another takes over within two intervals', async () => {
    const zoneId = freshZone();
    const tabs = await tabsOn(zoneId, 3, { attributes: { 'share-key': 'k' } });
    const leader = await pollingTab(tabs);
    const before = api.requests(zoneId).length;
    const closedAt = Date.now();
    await leader.page.close();
    await until(() => api.requests(zoneId).length > before, 'a request after the close');
    const gap = api.requests(zoneId).at(-1) - closedAt;
    assert.ok(gap <= 2 * INTERVAL + 200, `taken over after ${gap} ms`);
    const rest = tabs.filter((tab) => tab !== leader);
    const made = await requestsDuring(zoneId, 6 * INTERVAL);
    assert.ok(made <= 8, `the two tabs left poll as one (${made} requests in 6 intervals)`);
    assert.equal(rest.filter((tab) => tab.requests > 0).length, 1, 'one of them polls');
  });

  test('when the polling tab is hidden, a visible one takes over; Retry-After holds for every tab', async () => {
    const zoneId = freshZone();
    const tabs = await tabsOn(zoneId, 3, { attributes: { 'share-key': 'k' } });
    const leader = await pollingTab(tabs);
    const hiddenAt = Date.now();
    await setHidden(leader, true);
    const successor = await pollingTab(tabs.filter((tab) => tab !== leader));
    assert.ok(Date.now() - hiddenAt <= 2 * INTERVAL + 300, `taken over after ${Date.now() - hiddenAt} ms`);
    assert.notEqual(successor, leader);
    // The hidden tab asks no more.
    const hiddenCount = leader.requests;
    await sleep(3 * INTERVAL);
    assert.equal(leader.requests, hiddenCount, 'the hidden tab stopped polling');

    // A 429 with Retry-After: 3 seen by the polling tab: no tab asks for 3 s; every tab shows it.
    api.queue(zoneId, { status: 429, body: { error_code: 'APIG.0308', error_msg: 'Throttled.' }, headers: { 'Retry-After': '3' } });
    await until(() => api.requests(zoneId).length > 0 && api.requests(zoneId).at(-1) >= hiddenAt, 'a request');
    await everyTab(tabs, 'error');
    const throttledAt = api.requests(zoneId).at(-1);
    await until(() => api.requests(zoneId).at(-1) > throttledAt, 'the retry', { timeout: 10_000 });
    const waited = api.requests(zoneId).at(-1) - throttledAt;
    assert.ok(waited >= 2900, `the next request came ${waited} ms after the 429 (Retry-After: 3)`);
    for (const tab of tabs) assert.equal((await eventsOf(tab, 'import-error')).length, 1, 'import-error in every tab');
    await everyTab(tabs, 'pending');
  });

  test('a polling tab hidden while its request is under way shows no error for the request it dropped', async () => {
    const zoneId = freshZone();
    const tabs = await tabsOn(zoneId, 2, { attributes: { 'share-key': 'k' } });
    const leader = await pollingTab(tabs);
    // The next answer takes 3 s: the polling tab is hidden while it waits for it.
    api.queue(zoneId, { status: 200, body: { code: 200, data: null }, delayMs: 3000 });
    const asked = api.requests(zoneId).length;
    await until(() => api.requests(zoneId).length > asked, 'the slow request under way');
    await setHidden(leader, true);
    const successor = await pollingTab(tabs.filter((tab) => tab !== leader));
    await until(() => successor.requests > 0 && api.requests(zoneId).length > asked + 1, "the new polling tab's request");
    await everyTab(tabs, 'pending');
    assert.deepEqual(await eventsOf(leader, 'import-error'), [], 'the dropped request is no failure');
  });

  test('refresh() in a listening tab makes one request, for every tab', async () => {
    const zoneId = freshZone();
    const tabs = await tabsOn(zoneId, 2, { attributes: { 'share-key': 'k' } });
    api.finish(zoneId);
    await everyTab(tabs, 'done');
    await sleep(INTERVAL);
    const listener = tabs.find((tab) => tab.requests === 0) ?? tabs[1];
    const before = api.requests(zoneId).length;
    await listener.page.evaluate(() => /** @type {any} */ (document.querySelector('dns-import-status')).refresh());
    await until(() => api.requests(zoneId).length === before + 1, 'one request');
    await sleep(2 * INTERVAL);
    assert.equal(api.requests(zoneId).length, before + 1, 'exactly one request for both tabs');
  });
});

describe('while every tab is hidden', () => {
  test('nothing polls without hidden-interval; with it one tab polls, and import-done and one notification arrive', async () => {
    const quiet = freshZone();
    const quietTabs = await tabsOn(quiet, 2, { attributes: { 'share-key': 'k' } });
    for (const tab of quietTabs) await setHidden(tab, true);
    await sleep(INTERVAL);
    assert.equal(await requestsDuring(quiet, 4 * INTERVAL), 0, 'no request while every tab is hidden (hidden-interval 0)');

    const zoneId = freshZone();
    const attributes = { 'share-key': 'k', 'hidden-interval': '1000', notify: '' };
    const tabs = await tabsOn(zoneId, 3, { attributes });
    for (const tab of tabs) await setHidden(tab, true);
    await sleep(1500);
    const made = await requestsDuring(zoneId, 5000);
    assert.ok(made >= 3 && made <= 6, `one tab polls about once a second while hidden (${made} in 5 s)`);
    api.finish(zoneId);
    await until(async () => (await Promise.all(tabs.map((tab) => eventsOf(tab, 'import-done')))).every((done) => done.length === 1), 'import-done in every hidden tab');
    await sleep(500);
    const notifications = await notificationsOf(tabs);
    assert.equal(notifications.length, 1, 'one notification for the whole browser');
    assert.equal(notifications[0].title, 'DNS import finished');
    assert.equal(notifications[0].body, '99 imported, 1 failed');
  });

  test('no notification while someone looks at a tab', async () => {
    const zoneId = freshZone();
    const attributes = { 'share-key': 'k', notify: '' };
    const tabs = await tabsOn(zoneId, 2, { attributes });
    await setHidden(tabs[0], true);
    api.finish(zoneId);
    await everyTab(tabs, 'done');
    await sleep(500);
    const notifications = await notificationsOf(tabs);
    assert.equal(notifications.length, 0);
  });
});

describe('stalls', () => {
  test('a hidden tab counts the time the polling tab is watched, and sees the stall too', async () => {
    const zoneId = freshZone();
    const attributes = { 'share-key': 'k', 'stall-after': '2000' };
    const tabs = await tabsOn(zoneId, 2, { attributes });
    // The second tab goes to the background (if it was polling, the first takes over).
    await setHidden(tabs[1], true);
    await sleep(INTERVAL);
    api.hold(zoneId);
    await until(async () => (await Promise.all(tabs.map((tab) => eventsOf(tab, 'import-stalled')))).every((stalls) => stalls.length === 1), 'import-stalled in both tabs');
    assert.equal(await tabs[1].page.evaluate(() => document.querySelector('dns-import-status')?.hasAttribute('stalled')), true);
  });
});

describe('watchImport()', () => {
  test('alone in a tab, and beside an element in another: one request per interval, the same events', async () => {
    const zoneId = freshZone();
    const watcherTab = await tabOn(zoneId, { watcher: { shareKey: 'k' } });
    const elementTab = await tabOn(zoneId, { attributes: { 'share-key': 'k' } });
    // A watcher and an element in one page share too.
    await elementTab.page.evaluate(
      ({ zoneId, interval }) => {
        const w = /** @type {any} */ (window);
        w.__watcher = w.__api.watchImport({ zoneId, endpoint: '/api', interval, shareKey: 'k' });
        w.__watcher.addEventListener('import-done', (event) => w.__events.push({ type: 'import-done', watcher: true, sawPending: event.detail.sawPending }));
      },
      { zoneId, interval: INTERVAL },
    );
    await until(() => watcherTab.page.evaluate(() => /** @type {any} */ (window).__watcher.task?.status === 'PENDING'), 'the watcher sees the task');
    const made = await requestsDuring(zoneId, 8 * INTERVAL);
    assert.ok(made <= 10, `a watcher and an element, in two tabs, made ${made} requests in 8 intervals`);
    api.finish(zoneId);
    await until(async () => (await eventsOf(watcherTab, 'import-done')).length === 1, 'import-done from the watcher');
    await until(async () => (await eventsOf(elementTab, 'import-done')).length === 2, 'import-done from the element and the watcher beside it');
    assert.equal((await eventsOf(watcherTab, 'import-done'))[0].sawPending, true);
    await watcherTab.page.evaluate(() => /** @type {any} */ (window).__watcher.close());
  });
});

describe('without Web Locks or BroadcastChannel', () => {
  test('each tab polls on its own, and all complete', async () => {
    const zoneId = freshZone();
    const tabs = await tabsOn(zoneId, 2, { attributes: { 'share-key': 'k' }, noSharing: true });
    const counts = tabs.map((tab) => tab.requests);
    await sleep(5 * INTERVAL);
    for (const [index, tab] of tabs.entries()) assert.ok(tab.requests - counts[index] >= 3, `tab ${index} polls for itself`);
    api.finish(zoneId);
    await everyTab(tabs, 'done');
    const problems = await Promise.all(tabs.map((tab) => tab.page.evaluate(() => /** @type {any} */ (window).__events.filter((event) => event.type === 'import-error'))));
    assert.deepEqual(problems.flat(), []);
  });
});

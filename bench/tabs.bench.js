// Across tabs (`npm run bench -- tabs`): real Chromium, 1, 3 and 10 tabs of one browser profile
// on one zone at interval 1 s, with and without `share-key`, against a scripted import API over
// real HTTP (the built bundle: run `npm run build` first). Prints requests per minute, the
// hand-over time when the polling tab closes and when it is hidden, the time from DONE on the
// server to `import-done` in every tab, and the bytes the feature adds to the module (gzip).
// BENCH_TABS_SECONDS shortens the 30 s windows for a quick look.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../scripts/chromium.js';
import { printTable } from './support.js';
import { instrumentTab, scriptedImportApi } from '../test/e2e/scripted-tabs.js';
import { startStaticServer } from '../test/e2e/static-server.js';

const INTERVAL = 1000;
const SECONDS = Number(process.env.BENCH_TABS_SECONDS ?? 30);
/** The last commit before the feature: the module's size there is the baseline. */
const BASELINE_COMMIT = '2bc2b27';
const PAGE = `<!doctype html><html lang="en"><title>tab</title><script type="module" src="/dns-import-status.bundle.js"></script>`;

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

async function until(condition, what, timeout = 30_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${what}`);
    await sleep(20);
  }
}

let zones = 0;

async function openTabs(context, server, count, attributes) {
  const zoneId = `bench${Date.now().toString(36)}z${++zones}`;
  const tabs = [];
  for (let i = 0; i < count; i++) {
    const page = await context.newPage();
    await page.addInitScript(instrumentTab);
    const tab = { page, requests: 0 };
    page.on('request', (request) => {
      if (request.url().includes('/import/recordsets')) tab.requests += 1;
    });
    await page.goto(server.url + '/');
    await page.evaluate(
      ({ zoneId, attributes }) => {
        const el = document.createElement('dns-import-status');
        for (const [name, value] of Object.entries({ 'zone-id': zoneId, endpoint: '/api', ...attributes })) el.setAttribute(name, value);
        document.body.append(el);
      },
      { zoneId, attributes: { interval: String(INTERVAL), ...attributes } },
    );
    tabs.push(tab);
  }
  await until(async () => (await Promise.all(tabs.map((tab) => tab.page.evaluate(() => document.querySelector('dns-import-status')?.getAttribute('state'))))).every((state) => state === 'pending'), 'every tab pending');
  return { zoneId, tabs };
}

async function requestsPerMinute(browser, server, api, count, shared) {
  const context = await browser.newContext();
  try {
    const { zoneId } = await openTabs(context, server, count, shared ? { 'share-key': 'bench' } : {});
    const before = api.requests(zoneId).length;
    await sleep(SECONDS * 1000);
    return ((api.requests(zoneId).length - before) * 60) / SECONDS;
  } finally {
    await context.close();
  }
}

/** Ms from closing (or hiding) the polling tab to the next request, from another tab. */
async function handOver(browser, server, api, how) {
  const context = await browser.newContext();
  try {
    const { zoneId, tabs } = await openTabs(context, server, 3, { 'share-key': 'bench' });
    const counts = tabs.map((tab) => tab.requests);
    await until(() => tabs.some((tab, index) => tab.requests > counts[index]), 'a request');
    const leader = tabs.find((tab, index) => tab.requests > counts[index]);
    const before = api.requests(zoneId).length;
    const at = Date.now();
    if (how === 'close') await leader.page.close();
    else await leader.page.evaluate(() => window.__setHidden(true));
    await until(() => api.requests(zoneId).length > before, 'the next request');
    return api.requests(zoneId).at(-1) - at;
  } finally {
    await context.close();
  }
}

/** Ms from DONE on the server to import-done in the slowest of 3 tabs. */
async function doneToEvent(browser, server, api, shared) {
  const context = await browser.newContext();
  try {
    const { zoneId, tabs } = await openTabs(context, server, 3, shared ? { 'share-key': 'bench' } : {});
    const at = Date.now();
    api.finish(zoneId);
    const done = () => Promise.all(tabs.map((tab) => tab.page.evaluate(() => window.__events.find((event) => event.type === 'import-done')?.at)));
    await until(async () => (await done()).every(Boolean), 'import-done in every tab');
    return Math.max(...(await done())) - at;
  } finally {
    await context.close();
  }
}

const gzipSize = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The module's gzip size now and at the baseline commit (built in a temporary worktree). */
function moduleBytes() {
  const now = gzipSize('dist/dns-import-status.js');
  const dir = mkdtempSync(join(tmpdir(), 'dns-import-status-baseline-'));
  try {
    execFileSync('git', ['worktree', 'add', '--detach', dir, BASELINE_COMMIT], { stdio: 'ignore' });
    symlinkSync(resolve('node_modules'), join(dir, 'node_modules'));
    execFileSync(process.execPath, ['scripts/build.js'], { cwd: dir, stdio: 'ignore' });
    return { now, baseline: gzipSize(join(dir, 'dist/dns-import-status.js')) };
  } catch {
    return { now, baseline: undefined };
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  if (!existsSync('dist/dns-import-status.bundle.js')) throw new Error('Run `npm run build` first.');
  const api = scriptedImportApi();
  const server = await startStaticServer({ root: 'dist', pages: { '/': PAGE }, middleware: api.middleware });
  const browser = await launchChromium();
  try {
    const rows = [];
    for (const count of [1, 3, 10]) {
      rows.push({
        tabs: count,
        'requests/min, each tab alone': (await requestsPerMinute(browser, server, api, count, false)).toFixed(1),
        'requests/min, share-key': (await requestsPerMinute(browser, server, api, count, true)).toFixed(1),
      });
    }
    printTable(`Requests per minute on one zone, interval ${INTERVAL} ms, over ${SECONDS} s`, rows);
    printTable('Hand-over (3 tabs with share-key; the goal is at most two intervals)', [
      { when: 'the polling tab closes', 'ms to the next request': await handOver(browser, server, api, 'close') },
      { when: 'the polling tab is hidden', 'ms to the next request': await handOver(browser, server, api, 'hide') },
    ]);
    printTable('DONE on the server to import-done in every one of 3 tabs', [
      { tabs: 'each alone', ms: await doneToEvent(browser, server, api, false) },
      { tabs: 'share-key', ms: await doneToEvent(browser, server, api, true) },
    ]);
    const bytes = moduleBytes();
    // The baseline predates the feature and the failed-record list's own element (merged later), so
    // "added" holds both; docs/size.md separates them.
    printTable(`The module (lit external, gzip -9) before this work (${BASELINE_COMMIT}) and now`, [
      { [`module at ${BASELINE_COMMIT}`]: bytes.baseline ?? 'n/a', 'module now': bytes.now, added: bytes.baseline === undefined ? 'n/a' : bytes.now - bytes.baseline },
    ]);
  } finally {
    await browser.close();
    await server.close();
  }
}

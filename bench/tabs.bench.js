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
import { printTable } from './support.js';
import { eventsOf, openTabs, pollingTab, setHidden, sleep, startTabsHarness, until } from '../test/e2e/scripted-tabs.js';

const INTERVAL = 1000;
const SECONDS = Number(process.env.BENCH_TABS_SECONDS ?? 30);
/** The last commit before the feature: the module's size there is the baseline. */
const BASELINE_COMMIT = '2bc2b27';

let zones = 0;

/** `count` tabs of a new context on a new zone, every one PENDING. */
async function tabsOnNewZone(harness, count, attributes) {
  const context = await harness.browser.newContext();
  const zoneId = `bench${Date.now().toString(36)}z${++zones}`;
  const tabs = await openTabs(context, harness.server.url, count, { zoneId, interval: INTERVAL, attributes, timeout: 30_000 });
  return { context, zoneId, tabs };
}

async function requestsPerMinute(harness, count, shared) {
  const { context, zoneId } = await tabsOnNewZone(harness, count, shared ? { 'share-key': 'bench' } : {});
  try {
    const before = harness.api.requests(zoneId).length;
    await sleep(SECONDS * 1000);
    return ((harness.api.requests(zoneId).length - before) * 60) / SECONDS;
  } finally {
    await context.close();
  }
}

/** Ms from closing (or hiding) the polling tab to the next request, from another tab. */
async function handOver(harness, how) {
  const { context, zoneId, tabs } = await tabsOnNewZone(harness, 3, { 'share-key': 'bench' });
  try {
    const leader = await pollingTab(tabs);
    const before = harness.api.requests(zoneId).length;
    const at = Date.now();
    if (how === 'close') await leader.page.close();
    else await setHidden(leader, true);
    await until(() => harness.api.requests(zoneId).length > before, 'the next request', { timeout: 30_000, every: 20 });
    return harness.api.requests(zoneId).at(-1) - at;
  } finally {
    await context.close();
  }
}

/** Ms from DONE on the server to import-done in the slowest of 3 tabs. */
async function doneToEvent(harness, shared) {
  const { context, zoneId, tabs } = await tabsOnNewZone(harness, 3, shared ? { 'share-key': 'bench' } : {});
  try {
    const at = Date.now();
    harness.api.finish(zoneId);
    const done = async () => Promise.all(tabs.map(async (tab) => (await eventsOf(tab, 'import-done'))[0]?.at));
    await until(async () => (await done()).every(Boolean), 'import-done in every tab', { timeout: 30_000, every: 20 });
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
    try {
      execFileSync(process.execPath, ['scripts/build.js'], { cwd: dir, stdio: 'ignore' });
    } catch {
      // The baseline's self-contained bundle needs @lit/task, which this tree no longer installs;
      // its module, built first with @lit/task external, is all that is measured here.
    }
    const baseline = join(dir, 'dist/dns-import-status.js');
    return { now, baseline: existsSync(baseline) ? gzipSize(baseline) : undefined };
  } catch {
    return { now, baseline: undefined };
  } finally {
    execFileSync('git', ['worktree', 'remove', '--force', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run() {
  if (!existsSync('dist/dns-import-status.bundle.js')) throw new Error('Run `npm run build` first.');
  const harness = await startTabsHarness();
  try {
    const rows = [];
    for (const count of [1, 3, 10]) {
      rows.push({
        tabs: count,
        'requests/min, each tab alone': (await requestsPerMinute(harness, count, false)).toFixed(1),
        'requests/min, share-key': (await requestsPerMinute(harness, count, true)).toFixed(1),
      });
    }
    printTable(`Requests per minute on one zone, interval ${INTERVAL} ms, over ${SECONDS} s`, rows);
    printTable('Hand-over (3 tabs with share-key; the goal is at most two intervals)', [
      { when: 'the polling tab closes', 'ms to the next request': await handOver(harness, 'close') },
      { when: 'the polling tab is hidden', 'ms to the next request': await handOver(harness, 'hide') },
    ]);
    printTable('DONE on the server to import-done in every one of 3 tabs', [
      { tabs: 'each alone', ms: await doneToEvent(harness, false) },
      { tabs: 'share-key', ms: await doneToEvent(harness, true) },
    ]);
    const bytes = moduleBytes();
    // The baseline predates the feature and the failed-record list's own element (merged later), so
    // "added" holds both; docs/size.md separates them.
    printTable(`The module (lit external, gzip -9) before this work (${BASELINE_COMMIT}) and now`, [
      { [`module at ${BASELINE_COMMIT}`]: bytes.baseline ?? 'n/a', 'module now': bytes.now, added: bytes.baseline === undefined ? 'n/a' : bytes.now - bytes.baseline },
    ]);
  } finally {
    await harness.close();
  }
}

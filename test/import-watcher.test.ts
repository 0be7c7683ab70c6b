// watchImport(): the watcher without an element, beside an element, while the page is hidden
// (hidden-interval) and when the import finishes unseen (notify). Fake timers and a scripted
// fetcher, one page; across tabs: test/tab-share.test.ts and test/e2e/tabs.e2e.test.js.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/index.js';
import { watchImport, type ImportWatcher } from '../src/index.js';
import type { ImportDoneDetail, ImportErrorDetail, ImportTaskDetail } from '../src/watcher/events.js';
import { ScriptedFetcher, envelope, rawTask } from './support/scripted-fetcher.js';
import { useFakeClock } from './support/fake-clock.js';
import { recordEvents } from './support/events.js';
import { mount } from './support/mount.js';
import { useFakeVisibility } from './support/page-visibility.js';
import { settle, until, untilState } from './support/wait.js';

const pending = (processed: number) => envelope(rawTask({ status: 'PENDING', total_count: 100, success_count: processed, error_count: 0, error_items: [] }));
const done = () => envelope(rawTask({ status: 'DONE', total_count: 100, success_count: 98, error_count: 2 }));

/** Resolves once every claim queued on the notification lock so far has run (the lock is FIFO). */
const claimsDone = () => navigator.locks.request('dns-import-status:notified', () => undefined);

/** Stands in for the Notification API: counts what would be shown. */
class FakeNotification {
  static permission: NotificationPermission = 'granted';
  static shown: { title: string; options: NotificationOptions | undefined }[] = [];
  onclick: (() => void) | null = null;
  constructor(title: string, options?: NotificationOptions) {
    FakeNotification.shown.push({ title, options });
  }
  close(): void {}
}

describe('watchImport()', () => {
  const setHidden = useFakeVisibility();
  const clock = useFakeClock();
  const watchers: ImportWatcher[] = [];
  const watch = (options: Parameters<typeof watchImport>[0]) => {
    const watcher = watchImport(options);
    watchers.push(watcher);
    return watcher;
  };
  afterEach(() => {
    for (const watcher of watchers.splice(0)) watcher.close();
    sinon.restore();
    localStorage.clear();
  });

  it('polls alone, with the element\'s events and details, and stops at DONE', async () => {
    const scripted = new ScriptedFetcher();
    const watcher = watch({ zoneId: 'zone-watch', fetcher: scripted.fetcher, interval: 1000 });
    const seen = recordEvents(watcher);
    await scripted.called(1);
    scripted.answer(pending(10));
    await until(() => watcher.task?.success_count === 10, 'the task');
    await clock.tickAsync(1100);
    await scripted.called(2);
    scripted.answer(done());
    await until(() => seen.some((event) => event.type === 'import-done'), 'import-done');
    expect(seen.map((event) => event.type)).to.deep.equal(['import-progress', 'import-progress', 'import-done']);
    const doneDetail = seen[2]!.detail as ImportDoneDetail;
    expect(doneDetail.sawPending).to.equal(true);
    expect(doneDetail.task).to.equal(watcher.task);
    expect(Object.isFrozen(doneDetail)).to.equal(true);
    expect((seen[0]!.detail as ImportTaskDetail).task.status).to.equal('PENDING');
    await clock.tickAsync(10_000);
    expect(scripted.calls, 'no polling after DONE').to.have.length(2);
  });

  it('close() ends the request and every timer', async () => {
    const scripted = new ScriptedFetcher();
    const watcher = watch({ zoneId: 'zone-watch-close', fetcher: scripted.fetcher });
    await scripted.called(1);
    scripted.answer(pending(10));
    await until(() => watcher.task, 'the task');
    await clock.tickAsync(2500);
    await scripted.called(2);
    expect(clock.countTimers(), 'a timeout on the request and the stall check').to.be.greaterThan(0);
    watcher.close();
    expect(scripted.last.signal.aborted, 'the request is aborted').to.equal(true);
    await until(() => clock.countTimers() === 0, () => `no timer left (${clock.countTimers()})`);
    watcher.configure({ zoneId: 'zone-watch-close', fetcher: scripted.fetcher });
    await clock.tickAsync(10_000);
    expect(scripted.calls, 'a closed watcher stays closed').to.have.length(2);
  });

  it('beside an element on the same zone and fetcher: one request per interval, events for both', async () => {
    const scripted = new ScriptedFetcher();
    const elementDone: ImportDoneDetail[] = [];
    const el = await mount({ fetcher: scripted, zoneId: 'zone-beside', attributes: { interval: 1000 }, listeners: { 'import-done': (event) => elementDone.push(event.detail) } });
    const watcher = watch({ zoneId: 'zone-beside', fetcher: scripted.fetcher, interval: 1000 });
    const seen = recordEvents(watcher);
    await settle();
    scripted.answer(pending(10));
    await untilState(el, 'pending');
    for (let poll = 2; poll <= 4; poll++) {
      await clock.tickAsync(1100);
      await scripted.called(poll);
      scripted.answer(poll === 4 ? done() : pending(10 * poll));
    }
    await untilState(el, 'done');
    await until(() => elementDone.length === 1 && seen.some((event) => event.type === 'import-done'), 'import-done from both');
    expect(scripted.calls).to.have.length(4);
    expect(elementDone[0]!.task).to.equal(watcher.task);
  });

  it('reports configuration errors as import-error, never throws', async () => {
    const watcher = watch({ zoneId: 'zone-bad', fetcher: 'not a function' as never });
    const seen = recordEvents(watcher);
    await until(() => seen.length === 1, 'import-error');
    const detail = seen[0]!.detail as ImportErrorDetail;
    expect([seen[0]!.type, detail.error.kind, detail.willRetry]).to.deep.equal(['import-error', 'config', false]);
    // No zone: nothing to watch, nothing thrown.
    const idle = watch({ zoneId: '   ' });
    expect(idle.attached).to.equal(false);
  });

  describe('hidden-interval', () => {
    it('without it, a hidden page makes no request; with it, one at that cadence', async () => {
      const quiet = new ScriptedFetcher();
      const steady = new ScriptedFetcher();
      watch({ zoneId: 'zone-hidden-a', fetcher: quiet.fetcher, interval: 1000 });
      watch({ zoneId: 'zone-hidden-b', fetcher: steady.fetcher, interval: 1000, hiddenInterval: 5000 });
      await quiet.called(1);
      await steady.called(1);
      quiet.answer(pending(1));
      steady.answer(pending(1));
      await settle();
      setHidden(true);
      const at = Date.now();
      const times: number[] = [];
      for (let second = 1; second <= 16; second++) {
        await clock.tickAsync(1000);
        if (steady.pending.length > 0) {
          times.push(Date.now() - at);
          steady.answer(pending(1 + second));
        }
        await settle();
      }
      expect(quiet.calls, 'no request while hidden').to.have.length(1);
      expect(times, 'one request every 5 s while hidden').to.deep.equal([5000, 10000, 15000]);
      setHidden(false);
      await quiet.called(2);
    });

    it('reads garbage as 0 (off) and raises a short one to the minimum interval', async () => {
      const watcher = watch({ zoneId: 'zone-hidden-c', fetcher: new ScriptedFetcher().fetcher, hiddenInterval: Number.NaN });
      expect(watcher.hiddenInterval).to.equal(0);
      watcher.configure({ zoneId: 'zone-hidden-c', hiddenInterval: -5 });
      expect(watcher.hiddenInterval).to.equal(0);
      watcher.configure({ zoneId: 'zone-hidden-c', hiddenInterval: 10 });
      expect(watcher.hiddenInterval).to.equal(500);
    });
  });

  describe('notify', () => {
    beforeEach(() => {
      FakeNotification.permission = 'granted';
      FakeNotification.shown = [];
      sinon.replace(window, 'Notification', FakeNotification as unknown as typeof Notification);
    });

    /** An import that finishes while the page is hidden or not; hidden-interval keeps a hidden page polling. */
    async function finishWhile(hidden: boolean, notify = true) {
      const scripted = new ScriptedFetcher();
      const zoneId = `zone-notify-${hidden}-${notify}-${FakeNotification.permission}`;
      watch({ zoneId, fetcher: scripted.fetcher, notify, hiddenInterval: 1000, interval: 1000 });
      await scripted.called(1);
      scripted.answer(pending(10));
      await settle();
      setHidden(hidden);
      await clock.tickAsync(1100);
      await scripted.called(2);
      scripted.answer(done());
      await until(() => scripted.pending.length === 0, 'the DONE answer');
      await settle();
      // The claim runs under a Web Lock, on the browser's own tasks.
      await claimsDone();
      setHidden(false);
    }

    it('one system notification, in the page language, when the import finishes while the page is hidden', async () => {
      const scripted = new ScriptedFetcher();
      const zoneId = 'zone-notify-hidden';
      watch({ zoneId, fetcher: scripted.fetcher, notify: true, hiddenInterval: 1000, interval: 1000 });
      watch({ zoneId, fetcher: scripted.fetcher, notify: true, hiddenInterval: 1000, interval: 1000 });
      await scripted.called(1);
      scripted.answer(pending(10));
      await settle();
      setHidden(true);
      await clock.tickAsync(1100);
      await scripted.called(2);
      scripted.answer(done());
      await until(() => FakeNotification.shown.length > 0, 'a notification');
      await claimsDone();
      expect(FakeNotification.shown).to.have.length(1);
      const [{ title, options }] = FakeNotification.shown as [(typeof FakeNotification.shown)[0]];
      expect(title).to.equal('DNS import finished');
      expect(options?.body).to.equal('98 imported, 2 failed');
    });

    it('none while the page is visible, none without permission, none without notify', async () => {
      await finishWhile(false);
      FakeNotification.permission = 'default';
      await finishWhile(true);
      FakeNotification.permission = 'granted';
      await finishWhile(true, false);
      await settle();
      expect(FakeNotification.shown).to.have.length(0);
      // The same sequence with everything in place does notify: the checks above can fail.
      await finishWhile(true);
      await until(() => FakeNotification.shown.length === 1, 'the notification');
    });
  });

  it('the element takes hidden-interval, share-key and notify as attributes', async () => {
    const el = await mount({ zoneId: null, attributes: { 'hidden-interval': 60000, 'share-key': 'project-1', notify: '' } });
    expect([el.hiddenInterval, el.shareKey, el.notify]).to.deep.equal([60000, 'project-1', true]);
  });

  it('the share key never reaches a request, an event or the console', async () => {
    clock.restore();
    const key = 'project-s3cr3t-share-key';
    const logged: unknown[][] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) sinon.stub(console, method).callsFake((...args: unknown[]) => void logged.push(args));
    const details: unknown[] = [];
    const listeners = { 'import-progress': (event: CustomEvent) => details.push(event.detail), 'import-done': (event: CustomEvent) => details.push(event.detail) };
    const el = await mount({ zoneId: 'zone-clean', attributes: { endpoint: '/api/dns', 'share-key': key }, listeners });
    await el.refresh();
    await untilState(el, 'done');
    await until(() => details.length >= 2, 'the events');
    const request = await (await fetch('/__sim/last-request/zone-clean')).text();
    expect(request).to.contain('/zones/zone-clean/import/recordsets');
    expect(request).to.not.contain(key);
    expect(JSON.stringify(details)).to.not.contain(key);
    expect(JSON.stringify(logged)).to.not.contain(key);
  });
});

// Issue 13 in the element: rate and time left, the stalled state, the duration when DONE.
// Fake timers and a scripted fetcher; axe with real timers at the end of its tests.
import { expect, fixture } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/index.js';
import type { DnsImportStatus } from '../src/dns-import-status.js';
import type { ImportStalledEvent } from '../src/events.js';
import { ScriptedFetcher, envelope, rawTask } from './support/scripted-fetcher.js';
import { flush } from './support/flush.js';

const T0 = Date.UTC(2026, 10, 27, 12);

/** A PENDING task whose count and updated_at move together (as Huawei's do). */
const pending = (processed: number, overrides: Record<string, unknown> = {}) =>
  envelope(
    rawTask({
      status: 'PENDING',
      total_count: 1000,
      success_count: processed,
      error_count: 0,
      error_items: [],
      updated_at: new Date(Date.UTC(2026, 10, 27, 11) + processed * 100).toISOString().slice(0, 23),
      ...overrides,
    }),
  );

describe('progress insight', () => {
  let clock: sinon.SinonFakeTimers;
  let scripted: ScriptedFetcher;
  let el: DnsImportStatus;
  let stalls: ImportStalledEvent[];

  const estimate = () => el.shadowRoot!.querySelector('[part~="estimate"]');
  const notice = () => el.shadowRoot!.querySelector('[part~="message"].stalled');

  async function mount(attrs: Record<string, string> = {}, lang = 'en') {
    const wrapper = document.createElement('div');
    wrapper.lang = lang;
    el = document.createElement('dns-import-status');
    for (const [name, value] of Object.entries({ 'zone-id': 'zone-insight', ...attrs })) el.setAttribute(name, value);
    el.fetcher = scripted.fetcher;
    wrapper.append(el);
    stalls = [];
    // Heard on the document: the event bubbles and is composed.
    document.addEventListener('import-stalled', onStall);
    await fixture(wrapper);
    await flush(el);
  }
  const onStall = (event: ImportStalledEvent) => stalls.push(event);

  /** Waits out one poll period (2 s ± 10 %), then answers the request it made. */
  async function poll(body: unknown) {
    await clock.tickAsync(2200);
    expect(scripted.inFlight, 'a poll is in flight').to.equal(1);
    scripted.answer(body);
    await flush(el);
  }

  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: T0 });
    scripted = new ScriptedFetcher();
  });
  afterEach(() => {
    document.removeEventListener('import-stalled', onStall);
    clock.restore();
  });

  describe('rate and time left', () => {
    it('shows no estimate after one poll, and one after two polls with a rise', async () => {
      await mount();
      scripted.answer(pending(100));
      await flush(el);
      expect(estimate()).to.equal(null);
      await poll(pending(144));
      // 44 records in 2.2 s: 20/s; 856 left: about 45 s.
      expect(estimate()!.textContent).to.equal('20 records/s · about 45 sec left');
      expect(el.shadowRoot!.querySelector('[part~="summary"]')!.contains(estimate())).to.equal(true);
    });

    it('shows no estimate while the count stands still', async () => {
      await mount();
      scripted.answer(pending(100));
      await flush(el);
      await poll(pending(100, { updated_at: '2026-11-27T11:30:00' }));
      expect(estimate()).to.equal(null);
    });

    it('says it in Chinese, per minute when slow', async () => {
      await mount({}, 'zh-CN');
      scripted.answer(pending(100));
      await flush(el);
      await poll(pending(101));
      // 1 record in 2.2 s: 27 a minute; 899 left: about 33 minutes.
      expect(estimate()!.textContent).to.equal('27 条/分钟 · 还需约 33分钟');
    });

    it('keeps the estimate out of the live region, which is throttled', async () => {
      await mount();
      scripted.answer(pending(100));
      await flush(el);
      await poll(pending(150));
      expect(estimate()).not.to.equal(null);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).not.to.contain('left');
    });

    it('shows how long the import took when DONE, and nothing when a time is missing', async () => {
      await mount();
      scripted.answer(envelope(rawTask({ created_at: '2026-11-27T08:00:00.000', updated_at: '2026-11-27T08:02:41.000' })));
      await flush(el);
      expect(estimate()!.textContent).to.equal('Took 2 min 41 sec');
      void el.refresh();
      scripted.answer(envelope(rawTask({ created_at: undefined })));
      await flush(el);
      expect(estimate()).to.equal(null);
    });

    it('shows the duration in Chinese', async () => {
      await mount({}, 'zh-CN');
      scripted.answer(envelope(rawTask({ created_at: '2026-11-27T08:00:00', updated_at: '2026-11-27T09:00:05' })));
      await flush(el);
      expect(estimate()!.textContent).to.equal('用时 1小时 5秒');
    });
  });

  describe('stalls', () => {
    it('fires import-stalled once after stall-after of unchanged polls, and clears on progress', async () => {
      await mount();
      scripted.answer(pending(100));
      await flush(el);
      const since = Date.now();
      // 54 identical polls: 118.8 s. No new snapshot, no render.
      for (let i = 0; i < 54; i++) await poll(pending(100));
      expect(el.stalled).to.equal(false);
      expect(notice()).to.equal(null);
      await clock.tickAsync(1200);
      await flush(el);
      expect(el.stalled).to.equal(true);
      expect(el.hasAttribute('stalled')).to.equal(true);
      expect(notice()!.textContent).to.equal('No progress in the last 2 min. Still checking.');
      expect(estimate(), 'a stale estimate').to.equal(null);
      expect(stalls).to.have.length(1);
      expect(stalls[0]!.detail.since).to.equal(since);
      expect(stalls[0]!.detail.task.success_count).to.equal(100);
      expect(stalls[0]!.bubbles && stalls[0]!.composed).to.equal(true);
      // Still stalled: polling goes on, renders come (a 503, then the same task), and no second event.
      for (let i = 0; i < 60; i++) await poll(pending(100));
      await clock.tickAsync(2200);
      scripted.fail({ status: 503 });
      await flush(el);
      await clock.tickAsync(4000);
      scripted.answer(pending(100));
      await flush(el);
      expect(el.state).to.equal('pending');
      expect(el.stalled).to.equal(true);
      expect(scripted.calls.length).to.be.greaterThan(110);
      expect(stalls).to.have.length(1);
      // Progress resumes: the notice and the attribute go.
      await poll(pending(101));
      expect(el.stalled).to.equal(false);
      expect(el.hasAttribute('stalled')).to.equal(false);
      expect(notice()).to.equal(null);
      // A later stall fires again.
      for (let i = 0; i < 56; i++) await poll(pending(101));
      expect(stalls).to.have.length(2);
      expect(el.stalled).to.equal(true);
    });

    it('says the stall in Chinese, to the live region too', async () => {
      await mount({ 'stall-after': '60000' }, 'zh-CN');
      scripted.answer(pending(100));
      await flush(el);
      for (let i = 0; i < 28; i++) await poll(pending(100));
      expect(notice()!.textContent).to.equal('最近 1分钟 没有进展，仍在检查。');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('最近 1分钟 没有进展，仍在检查。');
    });

    it('counts a change of updated_at alone as progress', async () => {
      await mount({ 'stall-after': '10000' });
      scripted.answer(pending(100));
      await flush(el);
      for (let i = 0; i < 3; i++) await poll(pending(100));
      await poll(pending(100, { updated_at: '2026-11-27T11:59:00' }));
      for (let i = 0; i < 3; i++) await poll(pending(100, { updated_at: '2026-11-27T11:59:00' }));
      expect(stalls).to.have.length(0);
      for (let i = 0; i < 2; i++) await poll(pending(100, { updated_at: '2026-11-27T11:59:00' }));
      expect(stalls).to.have.length(1);
    });

    describe('hidden page', () => {
      let hidden = false;
      beforeEach(() => {
        hidden = false;
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
      });
      afterEach(() => {
        delete (document as { hidden?: boolean }).hidden;
      });
      const setHidden = (value: boolean) => {
        hidden = value;
        document.dispatchEvent(new Event('visibilitychange'));
      };

      it('does not count hidden time, and goes on counting when visible again', async () => {
        await mount();
        scripted.answer(pending(100));
        await flush(el);
        for (let i = 0; i < 27; i++) await poll(pending(100)); // 59.4 s
        setHidden(true);
        await clock.tickAsync(3_600_000);
        await flush(el);
        expect(el.stalled).to.equal(false);
        expect(stalls).to.have.length(0);
        expect(clock.countTimers(), 'no stall timer while hidden').to.equal(0);
        setHidden(false);
        // The due poll runs at once; 60.6 s of visible time are left.
        scripted.answer(pending(100));
        await flush(el);
        await clock.tickAsync(60_000);
        await flush(el);
        expect(el.stalled).to.equal(false);
        await clock.tickAsync(1000);
        await flush(el);
        expect(el.stalled).to.equal(true);
        expect(stalls).to.have.length(1);
      });
    });

    it('never stalls with stall-after="0"', async () => {
      await mount({ 'stall-after': '0' });
      scripted.answer(pending(100));
      await flush(el);
      for (let i = 0; i < 300; i++) await poll(pending(100));
      expect(el.stalled).to.equal(false);
      expect(stalls).to.have.length(0);
      expect(clock.countTimers(), 'only the poll timer').to.equal(1);
    });

    it('raises a stall-after below the interval to the interval, and reads garbage as the default', async () => {
      await mount({ 'stall-after': '500', interval: '4000' });
      scripted.answer(pending(100));
      await flush(el);
      await clock.tickAsync(3999);
      await flush(el);
      expect(el.stalled).to.equal(false);
      await clock.tickAsync(1);
      await flush(el);
      expect(el.stalled).to.equal(true);
      el.setAttribute('stall-after', 'soon');
      await flush(el);
      expect(el.stalled).to.equal(false);
      expect(notice()).to.equal(null);
    });

    it('does not stall once DONE, and a new task_id starts afresh', async () => {
      await mount({ 'stall-after': '10000' });
      scripted.answer(pending(100));
      await flush(el);
      for (let i = 0; i < 5; i++) await poll(pending(100));
      expect(el.stalled).to.equal(true);
      await poll(pending(100, { task_id: 'another-task' }));
      expect(el.stalled).to.equal(false);
      await poll(envelope(rawTask({ task_id: 'another-task' })));
      await clock.tickAsync(600_000);
      await flush(el);
      expect(el.stalled).to.equal(false);
      expect(stalls).to.have.length(1);
      expect(clock.countTimers()).to.equal(0);
    });

    it('leaves no timer behind when removed', async () => {
      await mount();
      scripted.answer(pending(100));
      await flush(el);
      el.remove();
      await flush(el);
      expect(clock.countTimers()).to.equal(0);
    });
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`passes axe with the estimate shown (${lang})`, async () => {
      await mount({}, lang);
      scripted.answer(pending(100));
      await flush(el);
      await poll(pending(150));
      expect(estimate()).not.to.equal(null);
      // axe schedules its own work with setTimeout: real timers from here on.
      clock.restore();
      await expect(el).to.be.accessible();
    });

    it(`passes axe with the stalled notice shown (${lang})`, async () => {
      await mount({ 'stall-after': '5000' }, lang);
      scripted.answer(pending(100));
      await flush(el);
      for (let i = 0; i < 3; i++) await poll(pending(100));
      expect(notice()).not.to.equal(null);
      clock.restore();
      await expect(el).to.be.accessible();
    });
  }
});

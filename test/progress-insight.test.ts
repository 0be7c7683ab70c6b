// Progress insight in the element: rate and time left, the stalled state, the duration when DONE.
// Fake timers and a scripted fetcher; axe with real timers at the end of its tests.
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import type { ImportStalledEvent } from '../src/watcher/events.js';
import type { ImportTask, ImportTaskFetcher } from '../src/api/types.js';
import { ScriptedFetcher, envelope, rawTask } from './support/scripted-fetcher.js';
import { settle, until, untilState } from './support/wait.js';
import { useFakeVisibility } from './support/page-visibility.js';
import { useFakeClock } from './support/fake-clock.js';
import { mount, mountAnswered } from './support/mount.js';

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
  const clock = useFakeClock();
  let scripted: ScriptedFetcher;
  let el: DnsImportStatus;
  let stalls: ImportStalledEvent[];

  const estimate = () => el.shadowRoot!.querySelector('[part~="estimate"]');
  const notice = () => el.shadowRoot!.querySelector('[part~="message"].stalled');

  /**
   * A server that answers at once with whatever `serverBody` holds (or fails with it when it
   * is an Error), so long runs go by in one clock.tickAsync: a scripted answer per poll, with
   * a wait each, takes too long in WebKit.
   */
  let serverBody: unknown;
  let serverCalls = 0;
  // A new function for each test: channels are shared per fetcher and zone.
  let server: ImportTaskFetcher;
  /**
   * Lets fake time pass while the server answers every poll. tickAsync lets promise callbacks
   * run after each timer it fires, so each answer is taken in before the next timer; the tests
   * then wait for what they assert (`until`), or settle where nothing may happen.
   */
  async function run(ms: number) {
    await clock.tickAsync(ms);
  }

  const onStall = (event: ImportStalledEvent) => stalls.push(event);

  /**
   * Waits out one poll period (2 s ± 10 %), then answers the request it made and waits until the
   * element shows a task for which `shows` holds, rendered. Without `shows`, the answer is the task
   * already shown, which changes nothing (no snapshot, no render): a bounded settle lets it in.
   */
  async function poll(body: unknown, shows?: (task: ImportTask) => boolean) {
    await clock.tickAsync(2200);
    expect(scripted.inFlight, 'a poll is in flight').to.equal(1);
    scripted.answer(body);
    if (!shows) return settle(el);
    const shown = () => (el.task ? `${el.task.task_id} ${el.task.status}, ${el.task.success_count} processed, updated ${el.task.updated_at}` : 'no task');
    await until(() => el.task !== undefined && shows(el.task), () => `the answer on screen (shows ${shown()})`);
    await el.updateComplete;
  }
  const processed = (count: number) => (task: ImportTask) => task.success_count === count;

  beforeEach(() => {
    scripted = new ScriptedFetcher();
    stalls = [];
    // Heard on the document: the event bubbles and is composed.
    document.addEventListener('import-stalled', onStall);
    serverBody = pending(100);
    serverCalls = 0;
    server = async () => {
      serverCalls++;
      if (serverBody instanceof Error) throw Object.assign(serverBody, { status: 503 });
      return serverBody;
    };
  });
  afterEach(() => {
    document.removeEventListener('import-stalled', onStall);
  });

  describe('rate and time left', () => {
    it('shows no estimate after one poll, and one after two polls with a rise', async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, state: 'pending' }));
      expect(estimate()).to.equal(null);
      await poll(pending(144), processed(144));
      // 44 records in 2.2 s: 20/s; 856 left: about 45 s.
      expect(estimate()!.textContent).to.equal('20 records/s · about 45 sec left');
      expect(el.shadowRoot!.querySelector('[part~="summary"]')!.contains(estimate())).to.equal(true);
    });

    it('shows no estimate while the count stands still', async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, state: 'pending' }));
      await poll(pending(100, { updated_at: '2026-11-27T11:30:00' }), (task) => task.updated_at === '2026-11-27T11:30:00');
      expect(estimate()).to.equal(null);
    });

    it('says it in Chinese, per minute when slow', async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, attributes: { lang: 'zh-CN' }, state: 'pending' }));
      await poll(pending(101), processed(101));
      // 1 record in 2.2 s: 27 a minute; 899 left: about 33 minutes.
      expect(estimate()!.textContent).to.equal('27 条/分钟 · 还需约 33分钟');
    });

    it('keeps the estimate out of the live region, which is throttled', async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, state: 'pending' }));
      await poll(pending(150), processed(150));
      expect(estimate()).not.to.equal(null);
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).not.to.contain('left');
    });

    it('shows how long the import took when DONE, and nothing when a time is missing', async () => {
      ({ el } = await mountAnswered(envelope(rawTask({ created_at: '2026-11-27T08:00:00.000', updated_at: '2026-11-27T08:02:41.000' })), { fetcher: scripted }));
      expect(estimate()!.textContent).to.equal('Took 2 min 41 sec');
      void el.refresh();
      scripted.answer(envelope(rawTask({ created_at: undefined })));
      await until(() => el.task?.created_at === undefined, 'the task without created_at taken in');
      await el.updateComplete;
      expect(estimate()).to.equal(null);
    });

    it('shows the duration in Chinese', async () => {
      ({ el } = await mountAnswered(envelope(rawTask({ created_at: '2026-11-27T08:00:00', updated_at: '2026-11-27T09:00:05' })), { fetcher: scripted, attributes: { lang: 'zh-CN' } }));
      expect(estimate()!.textContent).to.equal('用时 1小时 5秒');
    });
  });

  describe('stalls', () => {
    it('fires import-stalled once after stall-after of unchanged polls, and clears on progress', async () => {
      el = await mount({ fetcher: server });
      const since = Date.now();
      // Identical polls for 119.9 s: no new snapshot, no render (a bounded settle, then no stall).
      await run(119_900);
      await settle(el);
      expect(serverCalls).to.be.greaterThan(50);
      expect(el.stalled).to.equal(false);
      expect(notice()).to.equal(null);
      await run(100);
      await until(() => el.stalled, 'the stall');
      await el.updateComplete;
      expect(el.hasAttribute('stalled')).to.equal(true);
      expect(notice()!.textContent).to.equal('No progress in the last 2 min. Still checking.');
      expect(estimate(), 'a stale estimate').to.equal(null);
      expect(stalls).to.have.length(1);
      expect(stalls[0]!.detail.since).to.equal(since);
      expect(stalls[0]!.detail.task.success_count).to.equal(100);
      expect(stalls[0]!.bubbles && stalls[0]!.composed).to.equal(true);
      // Still stalled: polling goes on, renders come (a 503, then the same task), and no second event.
      const calls = serverCalls;
      await run(120_000);
      serverBody = new Error('Service unavailable.');
      await run(2200);
      await untilState(el, 'error');
      serverBody = pending(100);
      // The retry comes 2 to 4 s after a failure; when the first came early in those 2.2 s, its
      // retry failed too, and the next comes up to 8 s after that (random backoff).
      await run(8000);
      await untilState(el, 'pending');
      expect(serverCalls - calls).to.be.greaterThan(50);
      expect(el.stalled).to.equal(true);
      expect(stalls).to.have.length(1);
      // Progress resumes: the notice and the attribute go.
      serverBody = pending(101);
      await run(2200);
      await until(() => el.task?.success_count === 101, 'the progress taken in');
      await el.updateComplete;
      expect(el.stalled).to.equal(false);
      expect(el.hasAttribute('stalled')).to.equal(false);
      expect(notice()).to.equal(null);
      // A later stall fires again.
      await run(120_000);
      await until(() => el.stalled, 'the second stall');
      await el.updateComplete;
      expect(stalls).to.have.length(2);
    });

    it('says the stall in Chinese, to the live region too', async () => {
      el = await mount({ fetcher: server, attributes: { 'stall-after': 60_000, lang: 'zh-CN' } });
      await run(60_000);
      await until(() => el.stalled, 'the stall');
      await el.updateComplete;
      expect(notice()!.textContent).to.equal('最近 1分钟 没有进展，仍在检查。');
      expect(el.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal('最近 1分钟 没有进展，仍在检查。');
    });

    it('counts a change of updated_at alone as progress', async () => {
      el = await mount({ fetcher: server, attributes: { 'stall-after': 10_000 } });
      await run(6000);
      serverBody = pending(100, { updated_at: '2026-11-27T11:59:00' });
      // The next poll sees it within 2.2 s: the stall comes 10 s after that.
      await run(2200);
      await until(() => el.task?.updated_at === '2026-11-27T11:59:00', 'the new updated_at taken in');
      const since = Date.now();
      await run(7800);
      // Not 10 s since the change yet: a bounded settle, then no stall.
      await settle(el);
      expect(stalls).to.have.length(0);
      await run(4400);
      await until(() => el.stalled, 'the stall');
      await el.updateComplete;
      expect(stalls).to.have.length(1);
      expect(stalls[0]!.detail.since).to.be.within(since - 2200, since);
    });

    describe('hidden page', () => {
      const setHidden = useFakeVisibility();

      it('does not count hidden time, and goes on counting when visible again', async () => {
        el = await mount({ fetcher: server });
        await run(60_000);
        setHidden(true);
        await run(3_600_000);
        // Hidden time does not count: a bounded settle, then no stall and no timer.
        await settle(el);
        expect(el.stalled).to.equal(false);
        expect(stalls).to.have.length(0);
        expect(clock.countTimers(), 'no timer while hidden: neither polls nor the stall check').to.equal(0);
        setHidden(false);
        // 60 s of visible time are left.
        await run(59_900);
        await settle(el);
        expect(el.stalled).to.equal(false);
        await run(100);
        await until(() => el.stalled, 'the stall');
        await el.updateComplete;
        expect(stalls).to.have.length(1);
      });
    });

    it('never stalls with stall-after="0"', async () => {
      el = await mount({ fetcher: server, attributes: { 'stall-after': 0 } });
      await run(600_000);
      // Never a stall: a bounded settle, then none, and no timer but the next poll's.
      await settle(el);
      expect(serverCalls).to.be.greaterThan(250);
      expect(el.stalled).to.equal(false);
      expect(stalls).to.have.length(0);
      expect(clock.countTimers(), 'only the poll timer').to.equal(1);
    });

    it('raises a stall-after below the interval to the interval, and reads garbage as the default', async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, attributes: { 'stall-after': 500, interval: 4000 }, state: 'pending' }));
      await clock.tickAsync(3999);
      // Not at 500 ms: a bounded settle, then no stall before the interval.
      await settle(el);
      expect(el.stalled).to.equal(false);
      await clock.tickAsync(1);
      await until(() => el.stalled, 'the stall at the interval');
      await el.updateComplete;
      expect(notice(), 'the stall notice').to.not.equal(null);
      el.setAttribute('stall-after', 'soon');
      await until(() => !el.stalled, 'no stall with the default stall-after');
      await el.updateComplete;
      expect(notice()).to.equal(null);
    });

    it('does not stall once DONE, and a new task_id starts afresh', async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, attributes: { 'stall-after': 10_000 }, state: 'pending' }));
      for (let i = 0; i < 5; i++) await poll(pending(100));
      await until(() => el.stalled, 'the stall');
      await el.updateComplete;
      expect(notice(), 'the stall notice').to.not.equal(null);
      await poll(pending(100, { task_id: 'another-task' }), (task) => task.task_id === 'another-task');
      expect(el.stalled).to.equal(false);
      await poll(envelope(rawTask({ task_id: 'another-task' })), (task) => task.status === 'DONE');
      await clock.tickAsync(600_000);
      // DONE: a bounded settle, then no stall and no timer left.
      await settle(el);
      expect(el.stalled).to.equal(false);
      expect(stalls).to.have.length(1);
      expect(clock.countTimers()).to.equal(0);
    });

    it('leaves no timer behind when removed', async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, state: 'pending' }));
      expect(clock.countTimers(), 'timers while attached').to.be.greaterThan(0);
      el.remove();
      // The element lets go once the current task's microtasks have run (so that a move is not a removal).
      await until(() => clock.countTimers() === 0, () => `no timer after removal (${clock.countTimers()})`);
      // So no stall is ever declared for it, and nothing is fetched.
      await clock.tickAsync(600_000);
      expect(el.stalled).to.equal(false);
      expect(stalls).to.have.length(0);
      expect(scripted.calls).to.have.length(1);
    });
  });

  for (const lang of ['en', 'zh-CN']) {
    it(`passes axe with the estimate shown (${lang})`, async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, attributes: { lang }, state: 'pending' }));
      await poll(pending(150), processed(150));
      expect(estimate()).not.to.equal(null);
      // axe schedules its own work with setTimeout: real timers from here on.
      clock.restore();
      await expect(el).to.be.accessible();
    });

    it(`passes axe with the stalled notice shown (${lang})`, async () => {
      ({ el } = await mountAnswered(pending(100), { fetcher: scripted, attributes: { 'stall-after': 5000, lang }, state: 'pending' }));
      for (let i = 0; i < 3; i++) await poll(pending(100));
      await until(() => notice(), 'the stall notice');
      expect(el.hasAttribute('stalled')).to.equal(true);
      clock.restore();
      await expect(el).to.be.accessible();
    });
  }
});

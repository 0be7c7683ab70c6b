// What a console does to the element over minutes and hours, as sequences, with fake timers
// and a scripted fetcher. Each test names the behaviour it holds.
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { createHttpFetcher } from '../src/api/http-fetcher.js';
import type { ImportDoneDetail, ImportErrorDetail } from '../src/watcher/events.js';
import { MAX_INTERVAL_MS, MAX_TIMER_MS } from '../src/polling/config.js';
import type { ImportTaskFetcher } from '../src/api/types.js';
import { ScriptedFetcher, envelope, rawTask } from './support/scripted-fetcher.js';
import { settle, until, untilState } from './support/wait.js';
import { useFakeVisibility } from './support/page-visibility.js';
import { useFakeClock } from './support/fake-clock.js';
import { detailsOf, recordDetails } from './support/events.js';
import { heard } from './support/live-region.js';
import { DEFAULT_ZONE_ID, mount, mountAnswered } from './support/mount.js';

const pending = (processed = 1, overrides: Record<string, unknown> = {}) =>
  envelope(rawTask({ status: 'PENDING', total_count: 100, success_count: processed, error_count: 0, error_items: [], ...overrides }));
const done = (overrides: Record<string, unknown> = {}) => envelope(rawTask(overrides));

const message = (el: DnsImportStatus) => el.shadowRoot!.querySelector('[part~="message"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('sequences a console goes through', () => {
  const setHidden = useFakeVisibility();
  const clock = useFakeClock();
  afterEach(() => sinon.restore());

  describe('timeouts are enforced, whatever the fetcher does', () => {
    it('a fetcher that ignores its signal and never settles times out, is retried, and its late answer is ignored', async () => {
      let calls = 0;
      const late: ((body: unknown) => void)[] = [];
      const deaf: ImportTaskFetcher = () => {
        calls += 1;
        return new Promise((resolve) => late.push(resolve));
      };
      const el = await mount({ fetcher: deaf, attributes: { timeout: 5000 } });
      const sibling = await mount({ fetcher: deaf, attributes: { timeout: 5000 } });
      const errors = recordDetails(el, 'import-error');
      const progress = recordDetails(el, 'import-progress');
      expect(calls).to.equal(1);
      await clock.tickAsync(5000);
      await untilState(el, 'error');
      await untilState(sibling, 'error');
      expect(errors.map((e) => [e.error.kind, e.willRetry])).to.deep.equal([['timeout', true]]);
      // Every element on the zone hears it: nobody is frozen in "loading".
      expect(message(sibling)).to.equal(message(el));
      late[0]!(pending(50));
      // The timed-out call's late answer must be ignored: a bounded settle, then nothing shown.
      await settle(el);
      expect(progress).to.deep.equal([]);
      expect(el.task).to.equal(undefined);
      // The next attempt runs (the in-flight flag was cleared), after the backoff.
      const failedAt = Date.now();
      while (calls === 1 && Date.now() - failedAt < 10_000) await clock.tickAsync(100);
      expect(Date.now() - failedAt).to.be.within(2000, 4100);
      expect(calls).to.equal(2);
      late[1]!(pending(60));
      await untilState(el, 'pending');
      expect(el.task?.success_count).to.equal(60);
    });

    it('the built-in fetcher waiting forever on async headers() times out too', async () => {
      const waitingForLogin = createHttpFetcher({ endpoint: '/api/dns', headers: () => new Promise(() => {}) });
      const el = await mount({ fetcher: waitingForLogin, attributes: { timeout: 3000 } });
      const errors = recordDetails(el, 'import-error');
      await clock.tickAsync(3000);
      await untilState(el, 'error');
      expect(errors.map((e) => e.error.kind)).to.deep.equal(['timeout']);
      expect(message(el)).to.contain('timed out');
    });
  });

  describe('after DONE and in the empty state', () => {
    it('nothing polls while idle; visible again and focus each check once, at most once per interval', async () => {
      const { el, scripted } = await mountAnswered(done());
      await clock.tickAsync(10 * 60_000);
      expect(scripted.calls).to.have.length(1);
      setHidden(true);
      setHidden(false);
      expect(scripted.calls).to.have.length(2);
      // Each answer moves updated_at, so the test sees it taken in (no check is running) before
      // it focuses: only the interval can hold a focus check back then.
      scripted.answer(done({ updated_at: '2018-09-07T12:51:00' }));
      await until(() => el.task?.updated_at === '2018-09-07T12:51:00', 'the second answer on screen');
      // Focus right after: within the interval, no second check.
      window.dispatchEvent(new Event('focus'));
      expect(scripted.calls).to.have.length(2);
      await clock.tickAsync(2000);
      window.dispatchEvent(new Event('focus'));
      expect(scripted.calls).to.have.length(3);
      scripted.answer(done({ updated_at: '2018-09-07T12:52:00' }));
      await until(() => el.task?.updated_at === '2018-09-07T12:52:00', 'the third answer on screen');
      for (let i = 0; i < 20; i++) window.dispatchEvent(new Event('focus'));
      expect(scripted.calls).to.have.length(3);
    });

    it('the empty state checks on focus as well; a PENDING poll timer is never cut by focus', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher });
      scripted.fail({ status: 404 });
      await untilState(el, 'empty');
      await clock.tickAsync(5000);
      window.dispatchEvent(new Event('focus'));
      expect(scripted.calls).to.have.length(2);
      scripted.answer(pending());
      await untilState(el, 'pending');
      await clock.tickAsync(1000);
      window.dispatchEvent(new Event('focus'));
      setHidden(true);
      setHidden(false);
      expect(scripted.calls).to.have.length(2);
    });

    it('refresh() always checks, also right after a check', async () => {
      const { el, scripted } = await mountAnswered(done());
      void el.refresh();
      expect(scripted.calls).to.have.length(2);
    });

    it('refresh({ expectNewTask: true }) keeps checking until another task_id appears', async () => {
      const { el, scripted } = await mountAnswered(done({ task_id: 'old' }), { attributes: { interval: 1000 } });
      const dones = detailsOf(el, 'import-done');
      void el.refresh({ expectNewTask: true });
      // The API still shows the previous task for a moment.
      for (let i = 0; i < 3; i++) {
        scripted.answer(done({ task_id: 'old' }));
        // The old task again: no new snapshot and no second import-done (a bounded settle), but
        // the next check is armed.
        await settle(el);
        await clock.tickAsync(1100);
        await scripted.called(i + 3);
      }
      expect(scripted.calls).to.have.length(5);
      scripted.answer(pending(1, { task_id: 'new' }));
      await untilState(el, 'pending');
      await clock.tickAsync(1100);
      scripted.answer(done({ task_id: 'new' }));
      await untilState(el, 'done');
      await clock.tickAsync(60_000);
      expect(scripted.calls).to.have.length(6);
      expect(dones.map((d) => [d.task.task_id, d.sawPending])).to.deep.equal([['old', false], ['new', true]]);
      expect(message(el)).to.equal('');
    });

    it('refresh({ expectNewTask: true }) stops after 60 s with a notice when no new import appears', async () => {
      const { el, scripted } = await mountAnswered(done({ task_id: 'old' }));
      void el.refresh({ expectNewTask: true });
      const start = Date.now();
      while (Date.now() - start < 70_000) {
        if (scripted.inFlight) {
          scripted.answer(done({ task_id: 'old' }));
          // The old task again shows nothing new (until the notice at 60 s): a bounded settle.
          await settle(el);
        }
        await clock.tickAsync(500);
      }
      const calls = scripted.calls.length;
      // At the interval (2 s, jittered ±10 %) for 60 s.
      expect(calls).to.be.within(28, 36);
      expect(message(el)).to.contain('No new import within 60 s');
      expect(heard(el), 'said as well as shown').to.match(/^Done: .* No new import within 60 s\.$/);
      expect(el.state).to.equal('done');
      await clock.tickAsync(600_000);
      expect(scripted.calls).to.have.length(calls);
    });

    it('refresh({ expectNewTask: true }) on a zone with no import says the notice in place of the empty message', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher });
      scripted.fail({ status: 404 });
      await untilState(el, 'empty');
      expect(heard(el)).to.equal('No import task yet.');
      void el.refresh({ expectNewTask: true });
      const start = Date.now();
      while (Date.now() - start < 70_000) {
        if (scripted.inFlight) {
          scripted.fail({ status: 404 });
          await settle(el);
        }
        await clock.tickAsync(500);
      }
      await until(() => heard(el) === 'No new import within 60 s.', 'the notice in the live region');
      expect(el.state).to.equal('empty');
    });
  });

  describe('no zone id', () => {
    for (const [name, clear] of [
      ['removed', (el: DnsImportStatus) => el.removeAttribute('zone-id')],
      ['null', (el: DnsImportStatus) => (el.zoneId = null as unknown as string)],
      ['undefined', (el: DnsImportStatus) => (el.zoneId = undefined as unknown as string)],
      ['blank', (el: DnsImportStatus) => (el.zoneId = '   ')],
    ] as const) {
      it(`${name}: shows the configuration hint, aborts the request and never requests /zones/${name}/`, async () => {
        const scripted = new ScriptedFetcher();
        const el = await mount({ fetcher: scripted.fetcher });
        clear(el);
        await untilState(el, 'idle');
        expect(scripted.calls[0]!.signal.aborted).to.equal(true);
        expect(message(el)).to.contain('Set zone-id to show');
        await clock.tickAsync(60_000);
        expect(scripted.calls.map((c) => c.zoneId)).to.deep.equal([DEFAULT_ZONE_ID]);
      });
    }
  });

  it('properties set right after append() are used by the very first request', async () => {
    const builtIn = sinon.spy(window, 'fetch');
    const scripted = new ScriptedFetcher();
    // Not mount(): it sets properties before connecting, and this test is about setting them after.
    const parent = await fixture<HTMLElement>(html`<div></div>`);
    const el = document.createElement('dns-import-status');
    el.setAttribute('zone-id', 'zone-late-props');
    parent.append(el);
    el.fetcher = scripted.fetcher;
    el.interval = 1000;
    await scripted.called(1);
    expect(builtIn.called).to.equal(false);
    expect(scripted.calls.map((c) => c.zoneId)).to.deep.equal(['zone-late-props']);
    scripted.answer(pending());
    await untilState(el, 'pending');
    await clock.tickAsync(1150);
    expect(scripted.calls).to.have.length(2);
  });

  describe('a new fetcher function is not a new data source', () => {
    it('a replaced fetcher keeps the place in the schedule, the task stays, and the next poll uses it', async () => {
      const first = new ScriptedFetcher();
      const second = new ScriptedFetcher();
      const el = await mount({ fetcher: first.fetcher });
      const progress = recordDetails(el, 'import-progress');
      first.answer(pending(10));
      await untilState(el, 'pending');
      await clock.tickAsync(1000);
      el.fetcher = second.fetcher;
      // The new function must not start a request of its own: a bounded settle, then still one.
      await settle(el);
      expect(first.calls.length + second.calls.length).to.equal(1);
      expect(el.task?.success_count).to.equal(10);
      expect(el.state).to.equal('pending');
      await clock.tickAsync(1300);
      expect(first.calls).to.have.length(1);
      expect(second.calls).to.have.length(1);
      second.answer(pending(10));
      // The same task through the new function is no progress: a bounded settle, then no event.
      await settle(el);
      expect(progress).to.have.length(1);
    });

    it('a fetcher re-created on every render (and on every import-progress) never makes more than one request per interval', async () => {
      let requests = 0;
      let processed = 0;
      const instant = async () => {
        requests += 1;
        processed += 1;
        return pending(processed);
      };
      const el = await mount({ fetcher: () => instant(), attributes: { interval: 1000 } });
      // What a React parent does: a state update on each event re-renders with a new inline arrow.
      el.addEventListener('import-progress', () => (el.fetcher = () => instant()));
      const start = Date.now();
      while (Date.now() - start < 10_000) {
        // Each answer is new progress: its import-progress, and the fetcher that re-creates, come
        // before time moves on.
        await until(() => el.task?.success_count === processed, () => `request ${requests} taken in (shows ${el.task?.success_count})`);
        await el.updateComplete;
        await clock.tickAsync(100);
      }
      expect(requests).to.be.within(9, 12);
    });

    it('elements given one fetcher object share; different fetchers or endpoints never do', async () => {
      const shared = new ScriptedFetcher();
      const other = new ScriptedFetcher();
      const a = await mount({ fetcher: shared.fetcher });
      const b = await mount({ fetcher: shared.fetcher });
      const c = await mount({ fetcher: other.fetcher });
      // b shares a's request and starts none: a bounded settle, then one request per fetcher.
      await settle(a, b, c);
      expect(shared.calls).to.have.length(1);
      expect(other.calls).to.have.length(1);
      const urls: string[] = [];
      sinon.stub(window, 'fetch').callsFake(async (input) => {
        urls.push(String(input));
        return new Response(JSON.stringify(done()), { headers: { 'Content-Type': 'application/json' } });
      });
      const parent = await fixture<HTMLElement>(html`<div>
        <dns-import-status zone-id="zone-ep" endpoint="/tenant-a"></dns-import-status>
        <dns-import-status zone-id="zone-ep" endpoint="/tenant-b"></dns-import-status>
        <dns-import-status zone-id="zone-ep" endpoint="/tenant-a"></dns-import-status>
      </div>`);
      await until(() => urls.length >= 2, () => `a request per endpoint (${urls.length})`);
      // The second /tenant-a element shares the first one's request: a bounded settle, then no third.
      await settle(...parent.querySelectorAll('dns-import-status'));
      expect(urls.sort()).to.deep.equal([
        '/tenant-a/v2/zones/zone-ep/import/recordsets',
        '/tenant-b/v2/zones/zone-ep/import/recordsets',
      ]);
    });

    it('an element on a shared channel that gets a new function keeps its task and its place', async () => {
      const shared = new ScriptedFetcher();
      const replacement = new ScriptedFetcher();
      const a = await mount({ fetcher: shared.fetcher });
      const b = await mount({ fetcher: shared.fetcher });
      shared.answer(pending(5));
      await untilState(a, 'pending');
      await untilState(b, 'pending');
      await clock.tickAsync(500);
      b.fetcher = replacement.fetcher;
      // The new function must not request before the poll is due: a bounded settle, then none.
      await settle(b);
      expect(replacement.calls).to.have.length(0);
      expect(b.task?.success_count).to.equal(5);
      await clock.tickAsync(1800);
      expect(shared.calls).to.have.length(2);
      expect(replacement.calls).to.have.length(1);
    });

    it('import-progress fires when the content changed, not the object', async () => {
      const mine = new ScriptedFetcher();
      const theirs = new ScriptedFetcher();
      const el = await mount({ fetcher: mine.fetcher });
      const other = await mount({ fetcher: theirs.fetcher });
      const progress = recordDetails(el, 'import-progress');
      mine.answer(pending(7));
      theirs.answer(pending(7));
      await untilState(el, 'pending');
      await untilState(other, 'pending');
      // The new function is already another element's: this one joins that channel, whose task
      // is another object with the same content. It shows that task in the update the change
      // makes; a bounded settle, then no import-progress for it.
      el.fetcher = theirs.fetcher;
      await settle(el);
      expect(el.task).to.equal(other.task);
      expect(progress).to.have.length(1);
    });
  });

  describe('import-done says whether the finish was watched', () => {
    it('sawPending is false when the first sight is already DONE', async () => {
      const { el } = await mountAnswered(done());
      const dones = detailsOf(el, 'import-done');
      expect(dones.map((d: ImportDoneDetail) => d.sawPending)).to.deep.equal([false]);
    });

    it('sawPending is true when this element saw it PENDING first', async () => {
      const { el, scripted } = await mountAnswered(pending(), { state: 'pending' });
      const dones = detailsOf(el, 'import-done');
      await clock.tickAsync(2200);
      scripted.answer(done());
      await untilState(el, 'done');
      expect(dones.map((d) => d.sawPending)).to.deep.equal([true]);
    });
  });

  it('what the element hands out cannot be corrupted by a listener', async () => {
    const scripted = new ScriptedFetcher();
    const items = ['b', 'a', 'c'].map((name) => ({ name: `${name}.`, type: 'A', line: 'default_view', value: ['192.0.2.1'], error_code: 'DNS.0016', error_message: 'x' }));
    const a = await mount({ fetcher: scripted.fetcher });
    const b = await mount({ fetcher: scripted.fetcher });
    let threw = 0;
    a.addEventListener('import-progress', (event) => {
      for (const vandalism of [
        () => (event.detail.task.error_items as unknown[]).sort(),
        () => ((event.detail.task.error_items as unknown[]).length = 0),
        () => ((event.detail.task.error_items[0]!.value as string[])[0] = 'evil'),
        () => ((event.detail as { task: unknown }).task = null),
        () => ((a.task as { status: string }).status = 'HACKED'),
      ]) {
        try {
          vandalism();
        } catch {
          threw += 1;
        }
      }
    });
    scripted.answer(done({ total_count: 3, success_count: 0, error_count: 3, error_items: items }));
    await untilState(a, 'done');
    await untilState(b, 'done');
    expect(threw).to.equal(5);
    expect(b.task!.error_items.map((item) => item.name)).to.deep.equal(['b.', 'a.', 'c.']);
    expect(b.task!.error_items[0]!.value).to.deep.equal(['192.0.2.1']);
    expect(b.task!.status).to.equal('DONE');
    expect(Object.isFrozen(b.task)).to.equal(true);
  });

  describe('a wait the server asked for belongs to the channel', () => {
    it('Retry-After holds when a second element joins, on online, on visibility and focus; refresh() cuts it', async () => {
      const { el, scripted } = await mountAnswered(pending(), { state: 'pending' });
      const errors = detailsOf(el, 'import-error');
      await clock.tickAsync(2200);
      scripted.fail({ status: 429, retryAfter: 120 });
      await untilState(el, 'error');
      await clock.tickAsync(30_000);
      await mount({ fetcher: scripted.fetcher });
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('focus'));
      setHidden(true);
      setHidden(false);
      await clock.tickAsync(60_000);
      expect(scripted.calls).to.have.length(2);
      await clock.tickAsync(30_000);
      expect(scripted.calls).to.have.length(3);
      scripted.fail({ status: 503, retryAfter: 100 });
      // Still 'error', with a second failure and its own wait, which refresh() must cut.
      await until(() => errors.length === 2, () => `the 503 handled (${errors.length} import-error events)`);
      void el.refresh();
      expect(scripted.calls).to.have.length(4);
    });

    for (const [name, failure] of [
      ['a 5xx', { status: 503 }],
      ['flow control (DNS.0014)', { status: 403, code: 'DNS.0014' }],
    ] as const) {
      it(`the backoff after ${name} is not cut by online or a joining element`, async () => {
        const scripted = new ScriptedFetcher();
        const el = await mount({ fetcher: scripted.fetcher, attributes: { interval: 10_000 } });
        scripted.fail(failure);
        await untilState(el, 'error');
        window.dispatchEvent(new Event('online'));
        await mount({ fetcher: scripted.fetcher, attributes: { interval: 10_000 } });
        await clock.tickAsync(9000);
        expect(scripted.calls).to.have.length(1);
      });
    }

    it('a backoff caused by network errors alone ends on online', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher, attributes: { interval: 10_000 } });
      scripted.fail(new TypeError('Failed to fetch'));
      await untilState(el, 'error');
      window.dispatchEvent(new Event('online'));
      expect(scripted.calls).to.have.length(2);
    });
  });

  describe('offline and hidden time', () => {
    afterEach(() => {
      delete (navigator as { onLine?: boolean }).onLine;
    });

    it('an element created offline recovers by itself on online, even after it gave up', async () => {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      expect(navigator.onLine).to.equal(false);
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher, attributes: { 'give-up-after': 30_000 } });
      // navigator.onLine is not trusted: the element tries anyway.
      expect(scripted.calls).to.have.length(1);
      const errors = recordDetails(el, 'import-error');
      const start = Date.now();
      let failures = 0;
      while (errors.at(-1)?.willRetry !== false && Date.now() - start < 300_000) {
        if (scripted.inFlight) {
          scripted.fail(new TypeError('Failed to fetch'));
          failures += 1;
          await until(() => errors.length === failures, () => `failure ${failures} handled (${errors.length} import-error events)`);
        }
        await clock.tickAsync(500);
      }
      expect(message(el)).to.contain('Retrying stopped');
      const calls = scripted.calls.length;
      window.dispatchEvent(new Event('online'));
      expect(scripted.calls).to.have.length(calls + 1);
      scripted.answer(done());
      await untilState(el, 'done');
      expect(message(el)).to.not.contain('Retrying stopped');
    });

    it('time spent hidden does not count toward give-up-after', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher, attributes: { 'give-up-after': 60_000, interval: 1000 } });
      const errors = recordDetails(el, 'import-error');
      scripted.fail({ status: 503 });
      await untilState(el, 'error');
      setHidden(true);
      await clock.tickAsync(3 * 60 * 60_000);
      setHidden(false);
      expect(scripted.calls).to.have.length(2);
      scripted.fail({ status: 503 });
      await until(() => errors.length === 2, () => `the second failure handled (${errors.length} import-error events)`);
      expect(errors.map((e: ImportErrorDetail) => e.willRetry)).to.deep.equal([true, true]);
    });
  });

  describe('limits', () => {
    it('NaN, negative and huge values never give an instant or a runaway timer', async () => {
      for (const [attrs, expected] of [
        [{ interval: 'NaN' }, 2000],
        [{ interval: -5 }, 2000],
        [{ interval: 0 }, 2000],
        [{ interval: 1e12 }, MAX_INTERVAL_MS],
      ] as const) {
        const { scripted } = await mountAnswered(pending(), { attributes: attrs, state: 'pending' });
        const answeredAt = Date.now();
        while (scripted.calls.length === 1 && Date.now() - answeredAt < 2 * MAX_INTERVAL_MS) await clock.tickAsync(expected / 100);
        // The next poll comes after the interval, jittered by ±10 %.
        expect((Date.now() - answeredAt) / expected, JSON.stringify(attrs)).to.be.within(0.89, 1.11);
        fixtureCleanup();
      }
    });

    it('a huge timeout or give-up-after stays below the timer limit, and NaN gives the defaults', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher, attributes: { timeout: 1e15, 'give-up-after': 'NaN' } });
      const errors = recordDetails(el, 'import-error');
      await clock.tickAsync(24 * 60 * 60_000);
      expect(errors).to.deep.equal([]);
      await clock.tickAsync(MAX_TIMER_MS);
      await untilState(el, 'error');
      expect(errors.map((e) => e.error.kind)).to.deep.equal(['timeout']);
    });

    it('values people use on purpose stay as given: interval 500, timeout 1000', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher, attributes: { interval: 500, timeout: 1000 } });
      const errors = recordDetails(el, 'import-error');
      await clock.tickAsync(999);
      expect(errors).to.have.length(0);
      await clock.tickAsync(1);
      await untilState(el, 'error');
      expect(errors).to.have.length(1);
      await clock.tickAsync(1000);
      await scripted.called(2);
      scripted.answer(pending());
      await untilState(el, 'pending');
      await clock.tickAsync(449);
      expect(scripted.calls).to.have.length(2);
      await clock.tickAsync(102);
      expect(scripted.calls).to.have.length(3);
    });

    it('a timeout below 1 s is raised to 1 s', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher, attributes: { timeout: 5 } });
      const errors = recordDetails(el, 'import-error');
      await clock.tickAsync(990);
      // Not yet timed out: a bounded settle, then no import-error.
      await settle(el);
      expect(errors).to.have.length(0);
      await clock.tickAsync(10);
      await untilState(el, 'error');
      expect(errors).to.have.length(1);
    });
  });

  describe('error bodies a custom fetcher resolves with', () => {
    for (const [body, code, willRetry] of [
      [{ error_code: 'DNS.0013', error_msg: 'No permission.' }, 'DNS.0013', false],
      [{ code: 'DNS.0014', message: 'Request forbidden by flow control.' }, 'DNS.0014', true],
      [{ errorCode: 'APIGW.0308', errorMsg: 'Throttled.' }, 'APIGW.0308', true],
      [{ error: { code: 'APIG.0308', message: 'Throttled.' } }, 'APIG.0308', true],
      [{ error_code: 'DNS.0021', error_msg: 'Could not acquire the lock.' }, 'DNS.0021', true],
      [{ error: { code: 'APIGW.0301', message: 'Incorrect IAM authentication information.' } }, 'APIGW.0301', false],
    ] as const) {
      it(`${JSON.stringify(body)} is an API error ${code}, ${willRetry ? 'retried' : 'not retried'}`, async () => {
        const { el } = await mountAnswered(body, { state: 'error' });
        const errors = detailsOf(el, 'import-error');
        expect(errors.map((e) => [e.error.kind, e.error.code, e.willRetry])).to.deep.equal([['api', code, willRetry]]);
        expect(message(el)).to.contain(code);
      });
    }
  });

  describe('not every 404 means "no import yet"', () => {
    for (const [failure, expected] of [
      [{ status: 404, code: 'DNS.0302', message: 'This zone does not exist.' }, 'Zone not found (HTTP 404). Check zone-id.'],
      [{ status: 400, code: 'DNS.0302', message: 'This zone does not exist.' }, 'Zone not found (HTTP 400). Check zone-id.'],
      [{ status: 404, code: 'APIGW.0101', message: 'The API does not exist or has not been published.' }, 'API not found (HTTP 404). Check endpoint.'],
      [{ status: 404, code: 'APIG.0101', message: 'The API does not exist or has not been published.' }, 'API not found (HTTP 404). Check endpoint.'],
    ] as const) {
      it(`${failure.status} ${failure.code} is an error with its own message and no retry`, async () => {
        const scripted = new ScriptedFetcher();
        const el = await mount({ fetcher: scripted.fetcher });
        const errors = recordDetails(el, 'import-error');
        scripted.fail(failure);
        await untilState(el, 'error');
        expect(errors.map((e) => e.willRetry)).to.deep.equal([false]);
        expect(message(el)).to.contain(expected).and.contain(`Code: ${failure.code}`);
        await clock.tickAsync(600_000);
        expect(scripted.calls).to.have.length(1);
      });
    }

    it('a 404 without such a code is the empty state', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher });
      scripted.fail({ status: 404, code: 'DNS.0101' });
      await untilState(el, 'empty');
      expect(message(el)).to.contain('No import task yet');
    });
  });

  describe('screen readers hear one voice', () => {
    it('a running import that gains failures on every poll is announced at most once per 10 s', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher, attributes: { interval: 1000 } });
      const region = () => el.shadowRoot!.querySelector('[aria-live]')!;
      const changes: number[] = [];
      let last = '';
      let failed = 0;
      const start = Date.now();
      while (Date.now() - start < 60_000) {
        if (scripted.inFlight) {
          failed += 1;
          const items = Array.from({ length: failed }, (_, i) => ({ name: `r${i}.`, type: 'A', line: 'default_view', value: ['192.0.2.1'], error_code: 'DNS.0016', error_message: 'exists' }));
          scripted.answer(pending(failed, { success_count: failed, error_count: failed, error_items: items }));
          await until(() => el.task?.error_count === failed, () => `poll ${failed} taken in (shows ${el.task?.error_count})`);
          await el.updateComplete;
        }
        if (region().textContent !== last) {
          last = region().textContent!;
          changes.push(Date.now());
        }
        await clock.tickAsync(250);
      }
      expect(failed).to.be.at.least(50);
      expect(changes.length).to.be.within(2, 7);
      for (let i = 1; i < changes.length; i++) expect(changes[i]! - changes[i - 1]!).to.be.at.least(10_000);
      expect(el.shadowRoot!.querySelectorAll('[aria-live], [role="status"], [role="alert"]')).to.have.length(1);
    });
  });

  it("lang is followed across an application's shadow roots", async () => {
    const app = await fixture<HTMLElement>(html`<div></div>`);
    const root = app.attachShadow({ mode: 'open' });
    root.innerHTML = '<section lang="en"></section>';
    const el = await mount({ zoneId: null, parent: root.querySelector('section')! });
    const section = root.querySelector('section')!;
    await until(() => message(el).includes('Set zone-id to show'), () => `the hint in English (is "${message(el)}")`);
    section.setAttribute('lang', 'zh-CN');
    await until(() => message(el).includes('请设置 zone-id'), () => `the hint in Chinese (is "${message(el)}")`);
    expect(message(el), 'the English hint is gone').to.not.contain('Set zone-id');
  });

  describe('small sharp edges', () => {
    it('"retrying in N s" counts down', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted.fetcher });
      scripted.fail({ status: 503, retryAfter: 20 });
      await untilState(el, 'error');
      expect(message(el)).to.contain('retrying in 20 s');
      await clock.tickAsync(5000);
      // The countdown re-renders once a second (a fake timer).
      await until(() => message(el).includes('retrying in 15 s'), () => `the countdown at 15 s (is "${message(el)}")`);
      // It counts down to the retry the server asked for, not past it.
      expect(scripted.calls).to.have.length(1);
      await clock.tickAsync(15_000);
      expect(scripted.calls).to.have.length(2);
    });

    it('a fetcher that is not a function is a configuration error, not a retried network error', async () => {
      const el = await mount({ fetcher: 'https://dns.example.com' as unknown as ImportTaskFetcher });
      await untilState(el, 'error');
      expect(message(el)).to.contain('Invalid configuration').and.contain('fetcher property must be a function');
      await clock.tickAsync(600_000);
      expect(el.shadowRoot!.textContent).to.not.contain('retrying');
    });

    it('moved into another document, it follows that document\'s lang', async () => {
      const iframe = await fixture<HTMLIFrameElement>(html`<iframe></iframe>`);
      // Straight in the body (removed at the end): from inside the fixture's <div>, the move
      // makes Lit's dev mode warn of an update scheduled after an update.
      const el = await mount({ zoneId: null, parent: document.body });
      await until(() => message(el).includes('Set zone-id to show'), () => `the hint in English (is "${message(el)}")`);
      const other = iframe.contentDocument!;
      other.body.append(el);
      // Connected again, it renders in its new document before the lang there changes.
      await el.updateComplete;
      other.documentElement.lang = 'zh-CN';
      await until(() => message(el).includes('请设置 zone-id'), () => `the hint in Chinese (is "${message(el)}")`);
      expect(message(el), 'the English hint is gone').to.not.contain('Set zone-id');
      el.remove();
    });

    it('a fetcher that throws at once fails like one that rejects', async () => {
      const el = await mount({
        fetcher: () => {
          throw Object.assign(new Error('Forbidden'), { status: 403 });
        },
      });
      await untilState(el, 'error');
      expect(message(el)).to.contain('No permission');
    });
  });
});

// The polling engine, behaviour by behaviour, with fake timers and a scripted fetcher.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { MAX_RETRY_AFTER_MS } from '../src/polling/retry-policy.js';
import { ScriptedFetcher, envelope, rawTask } from './support/scripted-fetcher.js';
import { hasSettled, settle, until, untilState } from './support/wait.js';
import { useFakeVisibility } from './support/page-visibility.js';
import { useFakeClock } from './support/fake-clock.js';
import { detailsOf, recordDetails } from './support/events.js';
import { mount, mountAnswered } from './support/mount.js';

const pendingBody = (success = 1) =>
  envelope(rawTask({ status: 'PENDING', total_count: 100, success_count: success, error_count: 0, error_items: [] }));

/** The first call after `from` (index), or undefined. */
const callsSince = (scripted: ScriptedFetcher, from: number) => scripted.calls.length - from;

describe('polling engine', () => {
  const clock = useFakeClock();

  it('never has two requests in flight: a silent server times out before the next request', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, attributes: { timeout: 5000 } });
    const seen = recordDetails(el, 'import-error');
    await clock.tickAsync(4999);
    expect(scripted.calls).to.have.length(1);
    await clock.tickAsync(1);
    await untilState(el, 'error');
    expect(scripted.calls[0]!.signal.aborted).to.equal(true);
    expect(seen).to.have.length(1);
    expect(seen[0]!.error.kind).to.equal('timeout');
    expect(seen[0]!.willRetry).to.equal(true);
    expect(el.shadowRoot!.textContent).to.contain('timed out');
    for (let i = 0; i < 20; i++) {
      await clock.tickAsync(3000);
      expect(scripted.inFlight).to.be.at.most(1);
    }
  });

  it('an aborted request (zone change) never surfaces as an error', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    const seen = recordDetails(el, 'import-error');
    el.zoneId = 'zone-other';
    await until(() => scripted.last.zoneId === 'zone-other', 'a request for the other zone');
    // The aborted request must never surface: a bounded settle, then no import-error.
    await settle(el);
    await clock.tickAsync(100);
    expect(seen).to.deep.equal([]);
    expect(scripted.calls[0]!.signal.aborted).to.equal(true);
  });

  it('refresh() during a request aborts it, and nothing of the aborted one surfaces', async () => {
    const { el, scripted } = await mountAnswered(pendingBody(1), { state: 'pending' });
    const seen = recordDetails(el, 'import-error');
    await clock.tickAsync(2200);
    await scripted.called(2);
    const replaced = scripted.last;
    const refreshed = hasSettled(el.refresh());
    await scripted.called(3);
    expect(replaced.signal.aborted).to.equal(true);
    // The replaced request has ended by now (its fetcher rejected on the abort): a bounded
    // settle, then neither an error nor another request.
    await settle(el);
    expect(seen).to.deep.equal([]);
    expect(el.state).to.equal('pending');
    expect(scripted.calls).to.have.length(3);
    scripted.answer(pendingBody(5));
    await until(refreshed, 'refresh() to settle');
    await until(() => el.task?.success_count === 5, 'the new answer on screen');
    expect(seen).to.deep.equal([]);
  });

  const transient: [string, unknown][] = [
    ['a network error', new TypeError('Failed to fetch')],
    ['408', { status: 408 }],
    ['429', { status: 429 }],
    ['500', { status: 500 }],
    ['502', { status: 502 }],
    ['503', { status: 503 }],
    ['504', { status: 504 }],
    ['403 DNS.0014 (flow control)', { status: 403, code: 'DNS.0014' }],
    ['APIG.0308 (gateway throttling)', { status: 403, code: 'APIG.0308' }],
  ];
  for (const [name, failure] of transient) {
    it(`retries after ${name}, keeping the last good task`, async () => {
      const { el, scripted } = await mountAnswered(pendingBody(7), { state: 'pending' });
      const seen = recordDetails(el, 'import-error');
      await clock.tickAsync(2200);
      await scripted.called(2);
      scripted.fail(failure);
      await untilState(el, 'error');
      expect(seen).to.have.length(1);
      expect(seen[0]!.willRetry).to.equal(true);
      expect(el.task?.success_count).to.equal(7);
      await clock.tickAsync(4000);
      expect(scripted.calls).to.have.length(3);
      scripted.answer(pendingBody(8));
      await untilState(el, 'pending');
      expect(el.task?.success_count).to.equal(8);
      expect(el.shadowRoot!.querySelector('[part~="message"]')).to.equal(null);
    });
  }

  const permanent: [string, unknown, string][] = [
    ['400', { status: 400 }, 'Request rejected'],
    ['401', { status: 401 }, 'Sign-in expired'],
    ['403 without flow control', { status: 403, code: 'DNS.0030' }, 'No permission'],
  ];
  for (const [name, failure, words] of permanent) {
    it(`stops after ${name} and says why`, async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted });
      const seen = recordDetails(el, 'import-error');
      scripted.fail(failure);
      await untilState(el, 'error');
      expect(seen[0]!.willRetry).to.equal(false);
      expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.contain(words);
      await clock.tickAsync(600_000);
      expect(scripted.calls).to.have.length(1);
    });
  }

  it('stops on a body that is not a task', async () => {
    const { el, scripted } = await mountAnswered('<html>sign in</html>', { state: 'error' });
    const seen = detailsOf(el, 'import-error');
    expect(seen[0]!.error.kind).to.equal('invalid-body');
    expect(seen[0]!.willRetry).to.equal(false);
    await clock.tickAsync(600_000);
    expect(scripted.calls).to.have.length(1);
  });

  it('honours Retry-After: never sooner than the server says', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    scripted.fail({ status: 429, retryAfter: 30 });
    await untilState(el, 'error');
    expect(el.shadowRoot!.textContent).to.match(/retrying in 30\s*s/);
    await clock.tickAsync(29_999);
    expect(scripted.calls).to.have.length(1);
    await clock.tickAsync(1);
    expect(scripted.calls).to.have.length(2);
  });

  it('clamps an absurd Retry-After to a sane maximum', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    scripted.fail({ status: 503, retryAfter: 86_400 });
    await untilState(el, 'error');
    await clock.tickAsync(MAX_RETRY_AFTER_MS);
    expect(scripted.calls).to.have.length(2);
  });

  it('backs off exponentially up to 60 s, and resets after a success', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, attributes: { interval: 1000 } });
    const seen = recordDetails(el, 'import-error');
    const gaps: number[] = [];
    let last = Date.now();
    for (let attempt = 1; attempt <= 9; attempt++) {
      scripted.fail({ status: 503 });
      // The state stays 'error' from the second failure on: each failure is one import-error.
      await until(() => seen.length === attempt, () => `failure ${attempt} handled (${seen.length} import-error events)`);
      const before = scripted.calls.length;
      while (scripted.calls.length === before) await clock.nextAsync();
      gaps.push(Date.now() - last);
      last = Date.now();
    }
    gaps.forEach((gap, i) => {
      expect(gap, `gap ${i + 1}`).to.be.at.least(1000);
      expect(gap, `gap ${i + 1}`).to.be.at.most(Math.min(60_000, 1000 * 2 ** (i + 1)) + 100);
    });
    scripted.answer(pendingBody());
    await untilState(el, 'pending');
    const before = scripted.calls.length;
    await clock.tickAsync(1100);
    expect(callsSince(scripted, before)).to.equal(1);
  });

  it('jitters the normal interval by about ±10 %', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, attributes: { interval: 10_000 } });
    const gaps = new Set<number>();
    for (let i = 0; i < 8; i++) {
      scripted.answer(pendingBody(i + 1));
      await until(() => el.task?.success_count === i + 1, `answer ${i + 1} taken in`);
      const start = Date.now();
      const before = scripted.calls.length;
      while (scripted.calls.length === before) await clock.nextAsync();
      const gap = Date.now() - start;
      expect(gap).to.be.within(9000, 11_050);
      gaps.add(Math.round(gap / 50));
    }
    expect(gaps.size).to.be.greaterThan(1);
  });

  describe('hidden page', () => {
    const setHidden = useFakeVisibility();

    it('makes no request while hidden, and one at once when visible again if one is due', async () => {
      const { scripted } = await mountAnswered(pendingBody(), { state: 'pending' });
      setHidden(true);
      await clock.tickAsync(600_000);
      expect(scripted.calls).to.have.length(1);
      setHidden(false);
      expect(scripted.calls).to.have.length(2);
      setHidden(true);
      setHidden(false);
      expect(scripted.calls).to.have.length(2);
    });

    it('does not fetch on becoming visible when nothing is due', async () => {
      const { scripted } = await mountAnswered(pendingBody(), { state: 'pending' });
      setHidden(true);
      await clock.tickAsync(500);
      setHidden(false);
      expect(scripted.calls).to.have.length(1);
      await clock.tickAsync(2200);
      expect(scripted.calls).to.have.length(2);
    });
  });

  describe('offline', () => {
    afterEach(() => {
      delete (navigator as { onLine?: boolean }).onLine;
    });

    it('pauses while offline and fetches at once when back online', async () => {
      const { scripted } = await mountAnswered(pendingBody(), { state: 'pending' });
      window.dispatchEvent(new Event('offline'));
      await clock.tickAsync(60_000);
      expect(scripted.calls).to.have.length(1);
      window.dispatchEvent(new Event('online'));
      expect(scripted.calls).to.have.length(2);
    });

    it('does not trust an initial navigator.onLine === false', async () => {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      // The stub took: an element that trusted it would wait for `online` and fetch nothing.
      expect(navigator.onLine).to.equal(false);
      const scripted = new ScriptedFetcher();
      await mount({ fetcher: scripted });
      expect(scripted.calls).to.have.length(1);
    });

    it('skips the rest of a backoff when the connection comes back', async () => {
      const scripted = new ScriptedFetcher();
      const el = await mount({ fetcher: scripted });
      scripted.fail(new TypeError('Failed to fetch'));
      await untilState(el, 'error');
      window.dispatchEvent(new Event('online'));
      expect(scripted.calls).to.have.length(2);
    });
  });

  it('fifty elements on one zone make one request per tick', async () => {
    const scripted = new ScriptedFetcher();
    const container = await fixture<HTMLElement>(html`<div>
      ${Array.from({ length: 50 }, () => html`<dns-import-status .fetcher=${scripted.fetcher} zone-id="zone-shared"></dns-import-status>`)}
    </div>`);
    const elements = [...container.querySelectorAll('dns-import-status')];
    await scripted.called(1);
    const progress: number[] = elements.map(() => 0);
    elements.forEach((el, i) => el.addEventListener('import-progress', () => (progress[i] = progress[i]! + 1)));
    for (let tick = 1; tick <= 10; tick++) {
      expect(scripted.calls).to.have.length(tick);
      scripted.answer(pendingBody(tick));
      const shown = () => progress.filter((count) => count >= tick).length;
      await until(() => shown() === elements.length, () => `tick ${tick} on all fifty (${shown()} so far)`);
      await clock.tickAsync(2200);
    }
    expect(progress.every((count) => count === 10)).to.equal(true);
  });

  it('a late subscriber shares the running request instead of starting another', async () => {
    const scripted = new ScriptedFetcher();
    const first = await mount({ fetcher: scripted });
    const second = await mount({ fetcher: scripted, untilRequest: false });
    // The second element must join the running request, not start another: a bounded settle.
    await settle(first, second);
    expect(scripted.calls).to.have.length(1);
    scripted.answer(pendingBody(3));
    await untilState(second, 'pending');
    expect(second.task?.success_count).to.equal(3);
  });

  it('gives up after a long run of failures, says so, and Retry starts again', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, attributes: { 'give-up-after': 60_000 } });
    const seen = recordDetails(el, 'import-error');
    const start = Date.now();
    let failures = 0;
    while (seen.at(-1)?.willRetry !== false && Date.now() - start < 400_000) {
      if (scripted.inFlight) {
        scripted.fail({ status: 503 });
        failures += 1;
        await until(() => seen.length === failures, () => `failure ${failures} handled (${seen.length} import-error events)`);
      }
      await clock.tickAsync(500);
    }
    expect(Date.now() - start).to.be.at.least(60_000);
    const last = seen.at(-1)!;
    expect(last.willRetry).to.equal(false);
    expect(seen.slice(0, -1).every((e) => e.willRetry)).to.equal(true);
    const message = el.shadowRoot!.querySelector('[part~="message"]')!;
    expect(message.textContent).to.contain('Retrying stopped');
    const count = scripted.calls.length;
    await clock.tickAsync(600_000);
    expect(scripted.calls).to.have.length(count);
    message.querySelector('button')!.click();
    expect(scripted.calls).to.have.length(count + 1);
  });

  it('reflects its phase in the state attribute', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    const state = () => el.getAttribute('state');
    expect(state()).to.equal('loading');
    scripted.answer(pendingBody());
    await untilState(el, 'pending');
    expect(state()).to.equal('pending');
    await clock.tickAsync(2200);
    scripted.fail({ status: 503 });
    await untilState(el, 'error');
    expect(state()).to.equal('error');
    await clock.tickAsync(4000);
    scripted.answer(envelope(rawTask()));
    await untilState(el, 'done');
    expect(state()).to.equal('done');
    void el.refresh();
    scripted.fail({ status: 404 });
    await untilState(el, 'empty');
    expect(state()).to.equal('empty');
    el.zoneId = '';
    await untilState(el, 'idle');
    expect(state()).to.equal('idle');
  });

  it('drops a large answer whose zone changed while it was being processed in steps', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    const seen: string[] = [];
    el.addEventListener('import-progress', (event) => seen.push(event.detail.task.task_id));
    const items = Array.from({ length: 6000 }, (_, i) => ({ name: `r${i}.`, type: 'A', line: 'default_view', value: ['192.0.2.1'], error_code: 'DNS.0016', error_message: 'exists' }));
    scripted.answer(envelope(rawTask({ task_id: 'large-old', total_count: 6000, success_count: 0, error_count: 6000, error_items: items })));
    // The channel now waits a task before normalizing: change the zone in between.
    await Promise.resolve();
    el.zoneId = 'zone-new';
    await until(() => scripted.last.zoneId === 'zone-new', 'a request for the new zone');
    // The old zone's answer, still being processed, must be dropped: a bounded settle (its
    // steps are message tasks), then no import-progress.
    await settle(el);
    expect(seen).to.deep.equal([]);
    expect(scripted.calls, 'no request beyond the one for the new zone').to.have.length(2);
    scripted.answer(envelope(rawTask({ task_id: 'large-new', total_count: 6000, success_count: 0, error_count: 6000, error_items: items })));
    await untilState(el, 'done');
    expect(seen).to.deep.equal(['large-new']);
    expect(el.task!.error_items).to.have.length(6000);
  });

  it('raises a too-small interval to 500 ms instead of hammering', async () => {
    const { scripted } = await mountAnswered(pendingBody(), { attributes: { interval: 10 }, state: 'pending' });
    await clock.tickAsync(440);
    expect(scripted.calls).to.have.length(1);
    await clock.tickAsync(120);
    expect(scripted.calls).to.have.length(2);
  });
});

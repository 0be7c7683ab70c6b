// Long runs on fake timers: 10,000 polls, 1,000 attach/detach cycles. Timers, page-level
// listeners, observers, pending requests and DOM nodes must stay bounded, and go back to zero
// when the element leaves. (Heap figures need a collectable heap: see bench/soak.bench.js.)
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { ScriptedFetcher } from './support/scripted-fetcher.js';
import { holdsSoon, settle, until, untilState } from './support/wait.js';
import { useFakeClock, type FakeClock } from './support/fake-clock.js';
import { mount } from './support/mount.js';

const CODES = ['DNS.0016', 'DNS.0303', 'DNS.0308', 'DNS.0806', 'DNS.1601'];
const TYPES = ['A', 'AAAA', 'CNAME', 'TXT', 'MX'];

/** The failure list of poll `poll`: its length rises from 0 to `max` and back, over `period` polls. */
export function failureCount(poll: number, max: number, period: number): number {
  const phase = poll % period;
  const half = period / 2;
  return Math.round((phase < half ? phase / half : (period - phase) / half) * max);
}

function pendingBody(poll: number, failures: number) {
  return {
    code: 200,
    data: {
      task_id: 'soak-task',
      status: 'PENDING',
      created_at: '2026-11-27T12:00:00.000',
      updated_at: new Date(Date.UTC(2026, 10, 27, 12) + poll * 1000).toISOString().slice(0, -1),
      total_count: 1_000_000,
      success_count: poll,
      error_count: failures,
      error_items: Array.from({ length: failures }, (_, i) => ({
        name: `r${i}.soak.example.com.`,
        type: TYPES[i % TYPES.length],
        line: 'default_view',
        ttl: 300,
        value: [`192.0.2.${i % 250}`],
        error_code: CODES[i % CODES.length],
        error_message: `Record ${i} failed at poll ${poll - (poll % 7)}.`,
      })),
    },
  };
}

/**
 * Counts the listeners registered on window and document and the observing MutationObservers,
 * net of removals, the way the browser does (a duplicate registration is ignored).
 */
function trackPageResources() {
  const listeners: { target: EventTarget; type: string; listener: unknown; capture: boolean }[] = [];
  const observers = new Set<MutationObserver>();
  const proto = EventTarget.prototype;
  const { addEventListener, removeEventListener } = proto;
  const { observe, disconnect } = MutationObserver.prototype;
  const capture = (options: unknown) => (typeof options === 'boolean' ? options : Boolean((options as AddEventListenerOptions | undefined)?.capture));
  const find = (target: EventTarget, type: string, listener: unknown, options: unknown) =>
    listeners.findIndex((l) => l.target === target && l.type === type && l.listener === listener && l.capture === capture(options));
  proto.addEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if ((this === window || this === document) && listener && find(this, type, listener, options) < 0) {
      listeners.push({ target: this, type, listener, capture: capture(options) });
    }
    return addEventListener.call(this, type, listener, options);
  };
  proto.removeEventListener = function (this: EventTarget, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
    const index = find(this, type, listener, options);
    if (index >= 0) listeners.splice(index, 1);
    return removeEventListener.call(this, type, listener, options);
  };
  MutationObserver.prototype.observe = function (this: MutationObserver, ...args: Parameters<MutationObserver['observe']>) {
    observers.add(this);
    return observe.apply(this, args);
  };
  MutationObserver.prototype.disconnect = function (this: MutationObserver) {
    observers.delete(this);
    return disconnect.call(this);
  };
  return {
    get listeners() {
      return listeners.map((l) => `${l.target === window ? 'window' : 'document'}:${l.type}`).sort();
    },
    get observers() {
      return observers.size;
    },
    restore() {
      Object.assign(proto, { addEventListener, removeEventListener });
      Object.assign(MutationObserver.prototype, { observe, disconnect });
    },
  };
}

function countNodes(root: Node): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  let count = 0;
  while (walker.nextNode()) count++;
  return count;
}

/**
 * Fires timers one at a time until the fetcher is called again. After each timer only microtasks
 * run (a macrotask per timer lets the browser lay out the table again: it doubled this file's
 * time); when no timer is left, one macrotask more before giving up. `next()`, not
 * `nextAsync()`: nextAsync() waits a real setTimeout (clamped to 1-4 ms) per timer.
 */
async function untilNextCall(clock: FakeClock, scripted: ScriptedFetcher): Promise<void> {
  const calls = scripted.calls.length;
  const called = () => scripted.calls.length > calls;
  for (let timers = 0; timers < 10 && clock.countTimers() > 0; timers++) {
    clock.next();
    if (await holdsSoon(called, { macrotask: false })) return;
  }
  if (!(await holdsSoon(called))) throw new Error(`no request after the timers ran out (${clock.countTimers()} pending)`);
}

describe('soak', () => {
  const clock = useFakeClock();
  let page: ReturnType<typeof trackPageResources>;
  beforeEach(() => {
    page = trackPageResources();
  });
  afterEach(() => {
    page.restore();
  });

  it('10,000 polls of a PENDING task whose failure list grows and shrinks stay bounded', async function () {
    this.timeout(240_000);
    const POLLS = 10_000;
    const MAX_FAILURES = 240;
    const PERIOD = 400;
    const listenersBefore = page.listeners;
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    let progressEvents = 0;
    let errorEvents = 0;
    el.addEventListener('import-progress', () => progressEvents++);
    el.addEventListener('import-error', () => errorEvents++);
    const listenersPolling = page.listeners;
    expect(listenersPolling.length, 'the element listens to nothing page-wide').to.be.greaterThan(listenersBefore.length);

    /** Node count first seen for each (list length, state): a later poll in the same situation must not have more. */
    const firstSeen = new Map<string, number>();
    let peakFirstCycle = 0;
    let failures = 0;
    let maxTimers = 0;
    for (let poll = 1; poll <= POLLS; poll++) {
      expect(scripted.calls, `poll ${poll}`).to.have.length(poll);
      const size = failureCount(poll, MAX_FAILURES, PERIOD);
      // Now and then the server fails once: the retry path must not leak either.
      if (poll % 151 === 0) {
        scripted.fail({ status: 503, message: 'Service unavailable.' });
        failures++;
      } else scripted.answer(pendingBody(poll, size));
      // Every answer changes the task or is a failure: each shows as exactly one event, after its render.
      await until(() => progressEvents + errorEvents === poll, () => `poll ${poll} handled (${progressEvents} + ${errorEvents} events)`);

      maxTimers = Math.max(maxTimers, clock.countTimers());
      // The next poll, the live announcer's throttle, and the stall check (re-armed, never added to).
      expect(clock.countTimers(), `timers after poll ${poll}`).to.be.at.most(3);
      const nodes = countNodes(el.shadowRoot!);
      const key = `${el.state}:${el.task?.error_items.length}`;
      const first = firstSeen.get(key);
      if (first === undefined) firstSeen.set(key, nodes);
      else expect(nodes, `DOM nodes at poll ${poll} (${key}), first seen ${first}`).to.be.at.most(first + 16);
      if (poll <= PERIOD) peakFirstCycle = Math.max(peakFirstCycle, nodes);
      else expect(nodes, `DOM nodes at poll ${poll}`).to.be.at.most(peakFirstCycle + 16);
      if (poll % 500 === 0) expect(page.listeners, `listeners at poll ${poll}`).to.deep.equal(listenersPolling);

      if (poll < POLLS) {
        await untilNextCall(clock, scripted);
        expect(clock.countTimers(), `timers while poll ${poll + 1} is in flight`).to.be.at.most(3);
      }
    }
    expect(el.state).to.equal('pending');
    expect(errorEvents).to.equal(failures);
    // Every answered poll changed the task (success_count moves), and each was announced once.
    expect(progressEvents).to.equal(POLLS - failures);
    expect(page.listeners).to.deep.equal(listenersPolling);
    expect(page.observers).to.be.at.most(1);
    // No request left hanging: all but none are settled or aborted.
    expect(scripted.pending).to.have.length(0);

    el.remove();
    await until(() => clock.countTimers() === 0, () => `no timer after removal (${clock.countTimers()})`);
    expect(page.listeners).to.deep.equal(listenersBefore);
    expect(page.observers).to.equal(0);
    await clock.tickAsync(120_000);
    expect(scripted.calls).to.have.length(POLLS);
  });

  it('1,000 attach/detach cycles leave no timer, no pending request, no listener and no observer behind', async function () {
    this.timeout(120_000);
    const listenersBefore = page.listeners;
    const observersBefore = page.observers;
    const scripted = new ScriptedFetcher();
    const stage = await fixture<HTMLDivElement>(html`<div><div id="a"></div><div id="b"></div></div>`);
    const [a, b] = [stage.querySelector('#a')!, stage.querySelector('#b')!];
    const pending = (body = 5) => ({ code: 200, data: { task_id: 't', status: 'PENDING', total_count: 10, success_count: body, error_items: [] } });

    for (let cycle = 0; cycle < 1_000; cycle++) {
      const calls = scripted.calls.length;
      const el = await mount({ fetcher: scripted, zoneId: `zone-${cycle % 4}`, parent: a });
      let twin: DnsImportStatus | undefined;
      switch (cycle % 6) {
        case 0: // removed while its first request is in flight
          break;
        case 1: // removed with the next poll armed
          scripted.answer(pending());
          await untilState(el, 'pending');
          break;
        case 2: // removed while a later poll is in flight
          scripted.answer(pending());
          await untilState(el, 'pending');
          await untilNextCall(clock, scripted);
          break;
        case 3: // removed while backing off after a failure
          scripted.fail({ status: 503 });
          await untilState(el, 'error');
          break;
        case 4: // moved to another parent (remove + insert in one task), then removed
          scripted.answer(pending());
          await untilState(el, 'pending');
          b.append(el);
          // The move must not restart polling: a bounded settle, then no new request.
          await settle(el);
          expect(scripted.calls.length, `the move made a request (cycle ${cycle})`).to.equal(calls + 1);
          break;
        case 5: // a second element on the same zone shares the channel; both leave
          twin = await mount({ fetcher: scripted, zoneId: el.zoneId, parent: b, untilRequest: false });
          scripted.answer(pending());
          await untilState(el, 'pending');
          await untilState(twin, 'pending');
          void el.refresh();
          await scripted.called(calls + 2);
          break;
      }
      el.remove();
      twin?.remove();
      await until(
        () => scripted.pending.length === 0 && clock.countTimers() === 0,
        () => `teardown after cycle ${cycle}: requests pending for ${JSON.stringify(scripted.pending.map((call) => call.zoneId))}, ${clock.countTimers()} timers`,
      );
      if (cycle % 100 === 0) expect(page.listeners, `listeners after cycle ${cycle}`).to.deep.equal(listenersBefore);
    }
    expect(page.listeners).to.deep.equal(listenersBefore);
    expect(page.observers).to.equal(observersBefore);
    const calls = scripted.calls.length;
    await clock.tickAsync(600_000);
    expect(scripted.calls.length, 'a detached element fetched').to.equal(calls);
  });
});

/**
 * Fake time for the element tests. Call `useFakeClock()` inside a describe() whose tests drive
 * polls, retries, throttles or stall checks: it installs sinon's clock before each test (the
 * timers the element uses, and Date, from one fixed instant) and restores real time after each,
 * even when a test fails. A test that needs real time from some point on (axe schedules its own
 * work with setTimeout) calls `clock.restore()` there; restoring twice is harmless.
 *
 * Not for pure functions that take a `now` (pass it), nor for waits: `until()` (./wait.ts) runs
 * on real time whatever this fakes.
 */
import sinon from 'sinon';

/** What the element schedules with. sinon leaves MessageChannel, rAF and performance alone. */
export const FAKED_TIMERS = ['setTimeout', 'clearTimeout', 'Date'] as const;

/** The instant every faked test starts from: 27 November 2026, 12:00 UTC. */
export const FAKE_NOW = Date.UTC(2026, 10, 27, 12);

export type FakeClock = Pick<sinon.SinonFakeTimers, 'tick' | 'tickAsync' | 'next' | 'nextAsync' | 'countTimers' | 'restore'>;

/** Registers the hooks; the clock it returns always stands for the current test's clock. */
export function useFakeClock({ now = FAKE_NOW }: { now?: number } = {}): FakeClock {
  let current: sinon.SinonFakeTimers | undefined;
  const installed = () => {
    if (!current) throw new Error('useFakeClock(): the clock is only there inside a test (call it in a describe(), use it in it()).');
    return current;
  };
  beforeEach(() => {
    current = sinon.useFakeTimers({ toFake: [...FAKED_TIMERS], now });
  });
  afterEach(() => {
    current?.restore();
    current = undefined;
  });
  return {
    tick: (time) => installed().tick(time),
    tickAsync: (time) => installed().tickAsync(time),
    next: () => installed().next(),
    nextAsync: () => installed().nextAsync(),
    countTimers: () => installed().countTimers(),
    restore: () => installed().restore(),
  };
}

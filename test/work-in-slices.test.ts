// inSlices on its own: a slice ends once it has taken its budget, the next one starts after a
// painted frame, and the work still finishes where no frame comes: in a hidden page, or when
// none comes for NO_FRAME_MS. Frames and clocks are the test's: requestAnimationFrame keeps its
// callbacks until the test runs them, performance.now moves on only when read, and setTimeout
// is sinon's.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { atOnce, FRAME_BUDGET_MS, inSlices, NO_FRAME_MS, type Steps } from '../src/common/work-in-slices.js';
import { useFakeVisibility } from './support/page-visibility.js';
import { hasSettled, settle, until } from './support/wait.js';

/** `count` steps, each noting the frame it ran in; returns the frames, step by step. */
function* noted(count: number, frameOf: () => number): Steps<number[]> {
  const frames = [];
  for (let i = 0; i < count; i++) {
    frames.push(frameOf());
    if (i < count - 1) yield;
  }
  return frames;
}

describe('inSlices', () => {
  const setHidden = useFakeVisibility();
  /** Animation-frame callbacks the page asked for, run when the test paints a frame. */
  let waiting: FrameRequestCallback[] = [];
  let painted = 0;
  const paint = () => {
    painted++;
    const callbacks = waiting;
    waiting = [];
    for (const callback of callbacks) callback(performance.now());
  };

  /** Paints a frame each time the page asks for one, until `result` settles. */
  async function paintUntil<T>(result: Promise<T>): Promise<T> {
    const done = hasSettled(result);
    while (!done()) {
      await until(() => waiting.length > 0 || done(), 'a frame asked for, or the end');
      if (waiting.length > 0) paint();
    }
    return result;
  }

  let timers: sinon.SinonFakeTimers;

  beforeEach(() => {
    timers = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    waiting = [];
    painted = 0;
    Object.defineProperty(window, 'requestAnimationFrame', {
      configurable: true,
      value: (callback: FrameRequestCallback) => waiting.push(callback),
    });
  });

  afterEach(() => {
    timers.restore();
    delete (window as { requestAnimationFrame?: unknown }).requestAnimationFrame;
    delete (performance as { now?: unknown }).now;
  });

  it('gives what atOnce gives', async () => {
    const sum = function* (): Steps<number> {
      let total = 0;
      for (let i = 1; i <= 10; i++) {
        total += i;
        yield;
      }
      return total;
    };
    expect(await paintUntil(inSlices(sum()))).to.equal(atOnce(sum()));
  });

  it('starts after a painted frame, ends a slice once it has taken its budget, goes on after the next frame, and hands the result over after one more', async () => {
    let now = 0;
    // Each reading of the clock is a quarter of the budget later: four steps fit in a slice.
    Object.defineProperty(performance, 'now', { configurable: true, value: () => (now += FRAME_BUDGET_MS / 4) });
    const result = inSlices(noted(10, () => painted));
    await settle();
    expect(waiting.length, 'nothing runs before a frame is painted').to.equal(1);
    // Read at the start of a slice and after each step: the sixth reading is past the budget.
    expect(await paintUntil(result)).to.deep.equal([1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(painted, 'the result handed over after a third frame').to.equal(3);
  });

  it('finishes in a hidden page, where no animation frame runs', async () => {
    setHidden(true);
    expect(await inSlices(noted(3, () => painted))).to.deep.equal([0, 0, 0]);
  });

  it('goes on when no frame comes for NO_FRAME_MS though the page is not hidden (hidden while waiting, an iframe out of view)', async () => {
    const result = inSlices(noted(3, () => painted));
    const done = hasSettled(result);
    await until(() => waiting.length > 0, 'a frame asked for');
    timers.tick(NO_FRAME_MS - 1);
    await settle();
    expect(done(), 'waiting for a frame').to.equal(false);
    timers.tick(1);
    // The result comes after one more wait for a frame that does not come.
    await until(() => timers.countTimers() > 0 || done(), 'the next wait, or the end');
    timers.tick(NO_FRAME_MS);
    expect(await result).to.deep.equal([0, 0, 0]);
  });

  it("stops with the signal's reason once it aborts, running no further step", async () => {
    setHidden(true);
    const abort = new AbortController();
    let steps = 0;
    const counted = function* (): Steps<void> {
      for (;;) {
        steps++;
        yield;
      }
    };
    const result = inSlices(counted(), abort.signal);
    await until(() => steps > 0, 'the first slice');
    abort.abort(new Error('replaced'));
    const ran = steps;
    await result.then(
      () => expect.fail('it should reject'),
      (error: Error) => expect(error.message).to.equal('replaced'),
    );
    expect(steps).to.equal(ran);
  });
});

/**
 * Waiting in tests: for a condition, never for a number of ticks. A count of microtasks or
 * message rounds that is enough on an idle machine is too few on a busy one (and engines do not
 * order message tasks of different channels alike), so a test waits for what it asserts:
 *
 *   await until(() => el.state === 'done', 'state done');
 *   await until(() => fetcher.calls.length === 2, 'a second request');
 *
 * Only a test that must show that nothing happens uses `settle()`, a bounded wait.
 */
import type { LitElement } from 'lit';

// Captured when this module loads, before any test installs sinon's fake timers, which replace
// setTimeout, Date and performance.now: the deadline is real time, and the waits are real.
// sinon does not fake MessageChannel.
const realNow = performance.now.bind(performance);
const realSetTimeout = globalThis.setTimeout.bind(globalThis);
const RealMessageChannel = MessageChannel;

/** One macrotask that fake timers do not control. Every microtask queued before it runs first. */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new RealMessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

const realSleep = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

export interface UntilOptions {
  /** Real milliseconds before giving up. Default 5000: below mocha's 10 s, so the failure names `what`. */
  timeout?: number;
}

/** Real time spent checking once per macrotask before checking every few milliseconds instead. */
const EAGER_MS = 50;
const RELAXED_MS = 5;
/**
 * Checks made between microtasks before the first macrotask. Only a shortcut (most conditions
 * follow from a promise chain a few links long, and a macrotask costs far more in a hot loop):
 * what is not true by then is waited for all the same.
 */
const MICROTASK_CHECKS = 20;

/** `condition()`, with a throw counted as false. */
function check(condition: () => unknown): { ok: boolean; error?: unknown } {
  try {
    return { ok: Boolean(condition()) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * Whether `condition` holds once the work already queued has run (checked between microtasks,
 * then after one macrotask unless `macrotask` is false). Never throws: for loops that move on
 * when nothing comes, such as firing fake timers one at a time until one of them makes a request.
 */
export async function holdsSoon(condition: () => unknown, { macrotask = true } = {}): Promise<boolean> {
  for (let i = 0; i < MICROTASK_CHECKS; i++) {
    if (check(condition).ok) return true;
    await Promise.resolve();
  }
  if (macrotask) await nextMacrotask();
  return check(condition).ok;
}

/**
 * Resolves as soon as `condition()` is truthy; rejects with an error naming `what` when it is not
 * after `timeout` real milliseconds. `what` may be a function, called only on failure, to say
 * what was there instead: `() => \`state done (is ${el.state})\``.
 *
 * The condition is checked at once and between microtasks (a shortcut, see MICROTASK_CHECKS),
 * then after each macrotask, which lets every pending promise chain, Lit update and earlier
 * message task run; after the first 50 ms, every 5 ms, so that a long wait does not keep a busy
 * machine busier. A condition that throws (a node not rendered yet) counts as false; the last
 * error is reported.
 */
export async function until(condition: () => unknown, what: string | (() => string), { timeout = 5000 }: UntilOptions = {}): Promise<void> {
  const start = realNow();
  if (await holdsSoon(condition, { macrotask: false })) return;
  for (;;) {
    const { ok, error: lastError } = check(condition);
    if (ok) return;
    const elapsed = realNow() - start;
    if (elapsed > timeout) {
      const cause = lastError === undefined ? '' : ` (the check threw: ${String(lastError)})`;
      throw new Error(`Timed out after ${timeout} ms waiting for ${typeof what === 'function' ? what() : what}${cause}`);
    }
    await (elapsed < EAGER_MS ? nextMacrotask() : realSleep(RELAXED_MS));
  }
}

/** A condition for `until` that holds once `promise` has settled: `await until(hasSettled(el.refresh()), 'refresh()')`. */
export function hasSettled(promise: Promise<unknown>): () => boolean {
  let settled = false;
  const mark = () => {
    settled = true;
  };
  promise.then(mark, mark);
  return () => settled;
}

/**
 * A BOUNDED settle, for tests that must show that nothing happens (no request, no re-render,
 * no event): lets promise chains run and a few message tasks pass, then waits for the
 * elements' pending updates. It cannot prove a negative forever, only for this long, so never
 * use it to wait for something to happen: use `until` for that.
 */
export async function settle(...elements: LitElement[]): Promise<void> {
  // Five message rounds: engines do not order message tasks of different channels alike (WebKit),
  // and large record lists are normalized and rendered in tasks of their own.
  for (let i = 0; i < 5; i++) await nextMacrotask();
  await Promise.all(elements.map((element) => element.updateComplete));
}

/** Waits until the element's `state` is `state` (it is set in the same update that renders it). */
export async function untilState(el: LitElement & { state: string }, state: string, options?: UntilOptions): Promise<void> {
  await until(() => el.state === state, () => `state ${state} (is ${el.state})`, options);
  await el.updateComplete;
}

/**
 * Work over up to 100,000 failed records, cut into slices the browser can put input and paint
 * between (RAIL: no task over 50 ms). The work is written once, as a generator that yields after
 * each bounded step; `inSlices` gives the main thread back at every yield, `atOnce` runs the
 * same steps without a break (small lists, and the pure functions' synchronous forms).
 *
 * Steps are bounded by count, not by a clock, so how a list is sliced does not depend on how
 * busy the machine is, and a test can count the slices.
 */
export type Steps<T> = Generator<void, T, void>;

/** Records handled per step: a millisecond or two on a slow laptop. */
export const RECORDS_PER_STEP = 2000;

/** Up to this many records the work takes a few milliseconds: done at once, in no extra task. */
export const LARGE_LIST = 5000;

/** `scheduler.yield()` where the browser has it (the rest of the work keeps its place in line), a macrotask otherwise. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?(): Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** Runs the steps, giving the main thread back between two; stops with the signal's reason once it aborts. */
export async function inSlices<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  for (let next = steps.next(); ; next = steps.next()) {
    if (next.done) return next.value;
    await yieldToMain();
    signal?.throwIfAborted();
  }
}

export function atOnce<T>(steps: Steps<T>): T {
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

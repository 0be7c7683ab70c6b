/**
 * Work over up to 100,000 failed records, cut into slices with a frame painted between two
 * (RAIL: no frame over 50 ms). The work is written once, as a generator that yields after each
 * bounded step; `inSlices` runs steps for a frame's budget of time and then lets the browser
 * paint before going on; `atOnce` runs the same steps without a break (small lists, and the
 * pure functions' synchronous forms).
 *
 * Frames, not tasks: a `scheduler.yield()` continuation runs ahead of rendering, so a chain of
 * short slices is one long frame to a person (Chromium paints only when its guard against
 * starved rendering steps in, about every 100 ms). Each slice here starts after a paint.
 */
export type Steps<T> = Generator<void, T, void>;

/** Records handled per step: well under a millisecond to a few, so a slice ends close to its budget. */
export const RECORDS_PER_STEP = 2000;

/** Up to this many records the work takes a few milliseconds: done at once, in no extra task. */
export const LARGE_LIST = 5000;

/** Work per frame (ms): half a 60 Hz frame, the rest left to rendering, input and the page's own tasks. */
export const FRAME_BUDGET_MS = 8;

/** Longer than any frame a person would still call smooth: past it, no frame is coming. */
export const NO_FRAME_MS = 250;

/**
 * Resolves in a task after the next frame is painted. A hidden page paints nothing and runs no
 * animation frame: there the next task will do, so work goes on in the background. Where no
 * frame comes though the page was not hidden (hidden while waiting, an iframe out of view),
 * the work goes on after NO_FRAME_MS.
 */
export function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    const go = () => port2.postMessage(0);
    let noFrame: ReturnType<typeof setTimeout> | undefined;
    if (document.hidden) go();
    else {
      requestAnimationFrame(go);
      noFrame = setTimeout(go, NO_FRAME_MS);
    }
    port1.onmessage = () => {
      clearTimeout(noFrame);
      port1.close();
      resolve();
    };
  });
}

/**
 * Runs the steps in slices, each starting after a paint and ending once it has taken
 * FRAME_BUDGET_MS; the result comes after a paint too, so what the caller renders with it has a
 * frame of its own. Stops with the signal's reason once it aborts.
 */
export async function inSlices<T>(steps: Steps<T>, signal?: AbortSignal): Promise<T> {
  for (let next: IteratorResult<void, T> | undefined; ; ) {
    await afterNextPaint();
    signal?.throwIfAborted();
    if (next?.done) return next.value;
    const end = performance.now() + FRAME_BUDGET_MS;
    do next = steps.next();
    while (!next.done && performance.now() <= end);
  }
}

export function atOnce<T>(steps: Steps<T>): T {
  for (let next = steps.next(); ; next = steps.next()) if (next.done) return next.value;
}

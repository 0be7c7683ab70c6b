/**
 * The old tick-counting waits, kept unchanged only for test/polling.test.ts and
 * test/dns-import-status.test.ts until they move to ./wait.ts (`until` to wait for a condition,
 * `settle` to show that nothing happens). Delete this file then; new tests must not import it.
 */
import type { LitElement } from 'lit';

const microtasks = async () => {
  for (let i = 0; i < 30; i++) await Promise.resolve();
};

/** A macrotask that fake timers do not control (the channel yields this way between long steps). */
const messageTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/**
 * Lets promise chains (fetcher → channel → element) run, then waits for the render.
 * @deprecated Use `until(condition, what)` from ./wait.ts, or `settle()` to show that nothing happens.
 */
export async function flush(...elements: LitElement[]): Promise<void> {
  await microtasks();
  // Five rounds, not two: engines do not order message tasks of different channels alike (WebKit).
  for (let i = 0; i < 5; i++) {
    await messageTask();
    await microtasks();
  }
  await Promise.all(elements.map((element) => element.updateComplete));
}

/**
 * `flush` without the message tasks.
 * @deprecated Use `until(condition, what)` from ./wait.ts.
 */
export async function flushSmall(...elements: LitElement[]): Promise<void> {
  await microtasks();
  await Promise.all(elements.map((element) => element.updateComplete));
}

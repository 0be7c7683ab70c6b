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
 * Lets promise chains (fetcher → channel → element) run to the end, then waits for the render.
 * Large record lists are parsed, normalized and rendered in separate tasks: message tasks cover that.
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

/** `flush` without the message tasks, for hot loops whose record lists are small (soak tests). */
export async function flushSmall(...elements: LitElement[]): Promise<void> {
  await microtasks();
  await Promise.all(elements.map((element) => element.updateComplete));
}

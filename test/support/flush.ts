import type { LitElement } from 'lit';

/** Lets promise chains (fetcher → channel → element) run to the end, then waits for the render. */
export async function flush(...elements: LitElement[]): Promise<void> {
  for (let i = 0; i < 30; i++) await Promise.resolve();
  await Promise.all(elements.map((element) => element.updateComplete));
}

// The long-text benchmark's page (driven by bench/long-text.bench.js): a DONE task whose zone
// type, failed record name, value and message are each one unbroken 64 KiB word. A browser wraps
// such a word in time quadratic in its length (seconds at 64 KiB), which is why the element clips
// what it shows; this page times the render and the layout that follow.
import '../../src/index.js';

const LONG = 'A'.repeat(65_536);
const body = {
  code: 200,
  data: {
    task_id: 't', status: 'DONE', zone_type: LONG, total_count: 2, success_count: 1, error_count: 1,
    error_items: [{ name: LONG, type: 'TXT', line: 'default_view', value: [LONG], error_code: 'DNS.0308', error_message: LONG }],
  },
};
const stage = document.getElementById('stage')!;

export interface LongTextRun {
  /** From appending the element to the task rendered (normalize included). */
  render: number;
  /** The layout that follows, forced by reading a size. */
  layout: number;
}

async function measure(): Promise<LongTextRun> {
  const el = document.createElement('dns-import-status');
  el.fetcher = async () => body;
  el.zoneId = `zone-long-${Math.random()}`;
  let started = performance.now();
  const done = new Promise((resolve) => el.addEventListener('import-done', resolve, { once: true }));
  stage.append(el);
  await done;
  await el.updateComplete;
  const render = performance.now() - started;
  started = performance.now();
  el.shadowRoot!.querySelector('[part~="summary"]')!.getBoundingClientRect();
  void document.body.offsetHeight;
  const layout = performance.now() - started;
  el.remove();
  await new Promise((resolve) => setTimeout(resolve, 50));
  return { render, layout };
}

declare global {
  interface Window {
    longTextBench: { measure: typeof measure };
  }
}
window.longTextBench = { measure };

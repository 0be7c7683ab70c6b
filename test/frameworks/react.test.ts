// The React 19 examples (examples/react/), bundled by test/frameworks/example-bundles.js:
// the element used directly in JSX, and the published component `dns-import-status/react`
// (src/react.ts, made with @lit/react).
import { expect } from '@open-wc/testing';
import type { DnsImportStatus } from '../../src/status/dns-import-status.js';
import type { ImportTask, ImportTaskFetcher } from '../../src/api/types.js';
import type { ImportDoneEvent, ImportErrorEvent, ImportProgressEvent, ImportStalledEvent } from '../../src/watcher/events.js';
import { envelope, rawTask } from '../support/documented-sample.js';
import { ScriptedFetcher } from '../support/scripted-fetcher.js';
import { until } from '../support/wait.js';

// The example module's shape, spelled out here: tsc checks the examples with their own tsconfig.
interface Root {
  render(node: unknown): void;
  unmount(): void;
}
interface ReactExamples {
  ImportStatusPanel: unknown;
  ImportStatusCard: unknown;
  DnsImportStatusReact: unknown;
  createElement(type: unknown, props?: Record<string, unknown> | null, ...children: unknown[]): unknown;
  StrictMode: unknown;
  flushSync(fn: () => void): void;
  createRoot(container: Element): Root;
}

const examplesUrl = '/__examples/react.js';
const load = () => import(/* @vite-ignore */ examplesUrl) as Promise<ReactExamples>;

describe('React 19 examples', () => {
  let react: ReactExamples;
  let container: HTMLElement;
  let root: Root | undefined;
  const errors: unknown[][] = [];
  let originalError: typeof console.error;

  before(async () => {
    react = await load();
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    errors.length = 0;
    originalError = console.error;
    console.error = (...args: unknown[]) => {
      errors.push(args);
      originalError.apply(console, args);
    };
  });

  afterEach(() => {
    if (root) react.flushSync(() => root!.unmount());
    root = undefined;
    container.remove();
    console.error = originalError;
    // React's development build reports misused props and attributes here: none expected.
    expect(errors.map(String)).to.deep.equal([]);
  });

  function render(component: unknown, props: Record<string, unknown>): DnsImportStatus {
    root ??= react.createRoot(container);
    react.flushSync(() => root!.render(react.createElement(react.StrictMode, null, react.createElement(component, props))));
    const el = container.querySelector('dns-import-status');
    if (!el) throw new Error('nothing rendered');
    return el;
  }

  const done = (overrides: Record<string, unknown> = {}) => envelope(rawTask({ status: 'DONE', ...overrides }));

  it('the element in JSX: zone-id as attribute, fetcher as property, onimport-done as listener', async () => {
    const scripted = new ScriptedFetcher();
    const seen: ImportTask[] = [];
    const el = render(react.ImportStatusPanel, { zoneId: 'zone-a', fetcher: scripted.fetcher, onDone: (task: ImportTask) => seen.push(task) });

    expect(el.getAttribute('zone-id')).to.equal('zone-a');
    expect(el.fetcher).to.equal(scripted.fetcher);
    expect(el.hasAttribute('fetcher'), 'a function never becomes an attribute').to.equal(false);
    await until(() => scripted.calls.length > 0, 'the element calls the fetcher React gave it');
    expect(scripted.last.zoneId).to.equal('zone-a');

    scripted.answer(done({ task_id: 'task-a' }));
    await until(() => seen.length === 1, 'onimport-done reached the React callback');
    expect(seen[0]!.task_id).to.equal('task-a');
    expect(el.state).to.equal('done');
    expect(el.shadowRoot!.querySelector('[part~="summary"]')).to.exist;
  });

  it('a changed zoneId re-renders the same element, which restarts on the new zone', async () => {
    const scripted = new ScriptedFetcher();
    const props = { zoneId: 'zone-a', fetcher: scripted.fetcher };
    const first = render(react.ImportStatusPanel, props);
    await until(() => scripted.calls.length > 0, 'a request');
    const second = render(react.ImportStatusPanel, { ...props, zoneId: 'zone-b' });
    expect(second).to.equal(first);
    await until(() => scripted.last.zoneId === 'zone-b', 'a request for the new zone');
    expect(scripted.calls[0]!.signal.aborted, 'the old request was aborted').to.equal(true);
  });

  it('unmounting removes the element and stops its requests', async () => {
    const scripted = new ScriptedFetcher();
    render(react.ImportStatusPanel, { zoneId: 'zone-a', fetcher: scripted.fetcher });
    await until(() => scripted.calls.length > 0, 'a request');
    react.flushSync(() => root!.unmount());
    root = undefined;
    expect(container.querySelector('dns-import-status')).to.equal(null);
    await until(() => scripted.last.signal.aborted, 'the request in flight is aborted');
  });

  it('dns-import-status/react: camelCase props set as properties, and the four typed event callbacks', async () => {
    const scripted = new ScriptedFetcher();
    const fetcher: ImportTaskFetcher = scripted.fetcher;
    const seen: string[] = [];
    const el = render(react.DnsImportStatusReact, {
      zoneId: 'zone-w',
      fetcher,
      interval: 1500,
      giveUpAfter: 60_000,
      onImportProgress: (event: ImportProgressEvent) => seen.push(`progress ${event.detail.task.status}`),
      onImportDone: (event: ImportDoneEvent) => seen.push(`done ${event.detail.task.task_id} ${event.detail.sawPending}`),
      onImportError: (event: ImportErrorEvent) => seen.push(`error ${event.detail.error.kind} ${event.detail.willRetry}`),
      onImportStalled: (event: ImportStalledEvent) => seen.push(`stalled ${event.detail.since}`),
    });
    expect(el.zoneId).to.equal('zone-w');
    expect(el.interval).to.equal(1500);
    expect(el.giveUpAfter).to.equal(60_000);
    expect(el.fetcher).to.equal(fetcher);
    expect(el.hasAttribute('fetcher')).to.equal(false);
    await until(() => scripted.calls.length > 0, 'a request');
    scripted.fail(new TypeError('Failed to fetch'));
    await until(() => seen.length === 1, 'onImportError was called');
    expect(seen[0]).to.equal('error network true');
    void el.refresh();
    await until(() => scripted.inFlight === 1, 'the request refresh() made');
    scripted.answer(done({ task_id: 'task-w' }));
    await until(() => seen.length === 3, 'onImportProgress and onImportDone were called');
    expect(seen.slice(1)).to.deep.equal(['progress DONE', 'done task-w false']);
    // The element fires import-stalled only when an import stops moving; the wiring is what is tested here.
    const task = el.task!;
    el.dispatchEvent(new CustomEvent('import-stalled', { detail: { task, since: 42 } }));
    expect(seen.at(-1)).to.equal('stalled 42');
  });

  it('the example card (examples/react/ImportStatusCard.tsx) passes the finished task on', async () => {
    const scripted = new ScriptedFetcher();
    const seen: [ImportTask, boolean][] = [];
    const el = render(react.ImportStatusCard, { zoneId: 'zone-c', fetcher: scripted.fetcher, onDone: (task: ImportTask, watched: boolean) => seen.push([task, watched]) });
    expect(el.interval).to.equal(5000);
    await until(() => scripted.calls.length > 0, 'a request');
    scripted.answer(done({ task_id: 'task-c' }));
    await until(() => seen.length === 1, 'onDone was called');
    expect(seen[0]![0].task_id).to.equal('task-c');
    expect(seen[0]![1]).to.equal(false);
  });
});

// The Angular 21 example (examples/angular/), bundled by test/frameworks/example-bundles.js and
// compiled just in time: `[fetcher]` as a property, `[attr.zone-id]`, `(import-done)` reaching
// a typed handler, zoneless change detection.
import { expect } from '@open-wc/testing';
import type { DnsImportStatus } from '../../src/status/dns-import-status.js';
import type { ImportTask, ImportTaskFetcher } from '../../src/api/types.js';
import { envelope, rawTask } from '../support/documented-sample.js';
import { ScriptedFetcher } from '../support/scripted-fetcher.js';
import { until } from '../support/wait.js';

// The example module's shape, spelled out here: tsc checks the example with its own tsconfig.
interface Signal<T> {
  (): T;
  set(value: T): void;
}
interface ConsolePage {
  zoneId: Signal<string>;
  fetcher: Signal<ImportTaskFetcher>;
  shown: Signal<boolean>;
  finished: ImportTask[];
}
interface AngularExamples {
  mountConsolePage(
    host: Element,
    inputs: { zoneId: string; fetcher: ImportTaskFetcher; onDone?: (task: ImportTask) => void },
  ): Promise<{ page: ConsolePage; destroy(): void }>;
}

const examplesUrl = '/__examples/angular.js';
const load = () => import(/* @vite-ignore */ examplesUrl) as Promise<AngularExamples>;

describe('Angular 21 example', () => {
  let angular: AngularExamples;
  let host: HTMLElement;
  let destroy: (() => void) | undefined;
  const reports: string[] = [];
  const originals = { error: console.error, warn: console.warn };

  before(async function () {
    // The bundle is 2 MB (Angular with its compiler), built on first request and compiled just
    // in time in the page: on a busy machine that takes longer than one test may.
    this.timeout(60_000);
    angular = await load();
  });

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    reports.length = 0;
    for (const level of ['error', 'warn'] as const) {
      console[level] = (...args: unknown[]) => {
        reports.push(`${level}: ${args.map(String).join(' ')}`);
        originals[level].apply(console, args);
      };
    }
  });

  afterEach(() => {
    destroy?.();
    destroy = undefined;
    host.remove();
    Object.assign(console, originals);
    // Angular's development mode reports unknown elements and properties, failed bindings and
    // errors in handlers on the console: none expected.
    expect(reports).to.deep.equal([]);
  });

  async function mount(zoneId: string, fetcher: ImportTaskFetcher, onDone?: (task: ImportTask) => void): Promise<ConsolePage> {
    const mounted = await angular.mountConsolePage(host, { zoneId, fetcher, ...(onDone && { onDone }) });
    destroy = mounted.destroy;
    return mounted.page;
  }

  const element = (): DnsImportStatus | null => host.querySelector('dns-import-status');

  it('[fetcher] sets the property, [attr.zone-id] the attribute, (import-done) reaches the typed handler', async () => {
    const scripted = new ScriptedFetcher();
    const seen: ImportTask[] = [];
    const page = await mount('zone-ng', scripted.fetcher, (task) => seen.push(task));
    const el = element()!;
    expect(el, 'rendered as the custom element').to.be.instanceOf(customElements.get('dns-import-status')!);
    expect(el.getAttribute('zone-id')).to.equal('zone-ng');
    expect(el.fetcher, 'the very function, set as a property').to.equal(scripted.fetcher);
    expect(el.hasAttribute('fetcher')).to.equal(false);

    await until(() => scripted.calls.length > 0, 'the element calls the fetcher Angular gave it');
    expect(scripted.last.zoneId).to.equal('zone-ng');
    scripted.answer(envelope(rawTask({ status: 'DONE', task_id: 'task-ng', error_count: 0, error_items: [] })));
    await until(() => seen.length === 1, 'the done event reached the Angular handler and its output');
    expect(seen[0]!.task_id).to.equal('task-ng');
    expect(page.finished.map((task) => task.task_id)).to.deep.equal(['task-ng']);
    // Zoneless change detection ran after the handler: Angular's own template shows the result.
    await until(() => host.querySelector('.finished')?.textContent?.includes('task-ng (0 failed)'), 'Angular re-rendered its template');
    expect(el.state).to.equal('done');
  });

  it('a zoneId change restarts the same element on the new zone', async () => {
    const scripted = new ScriptedFetcher();
    const page = await mount('zone-1', scripted.fetcher);
    const el = element();
    await until(() => scripted.calls.length > 0, 'a request');
    page.zoneId.set('zone-2');
    await until(() => el!.getAttribute('zone-id') === 'zone-2', 'Angular updated the attribute');
    expect(element(), 'the same element, not a new one').to.equal(el);
    await until(() => scripted.last.zoneId === 'zone-2', 'a request for the new zone');
    expect(scripted.calls[0]!.signal.aborted, 'the old request was aborted').to.equal(true);
  });

  it('a new fetcher is set as the property, and the next request uses it', async () => {
    const first = new ScriptedFetcher();
    const second = new ScriptedFetcher();
    const page = await mount('zone-f', first.fetcher);
    await until(() => first.calls.length > 0, 'a request');
    page.fetcher.set(second.fetcher);
    await until(() => element()!.fetcher === second.fetcher, 'Angular set the new function as the property');
    void element()!.refresh();
    await until(() => second.calls.length > 0, 'the new fetcher is called');
    expect(second.last.zoneId).to.equal('zone-f');
  });

  it('destroying the component removes the element and aborts the request in flight', async () => {
    const scripted = new ScriptedFetcher();
    const page = await mount('zone-d', scripted.fetcher);
    await until(() => scripted.calls.length > 0, 'a request');
    page.shown.set(false);
    await until(() => element() === null, 'Angular destroyed the panel and removed the element');
    await until(() => scripted.last.signal.aborted, 'the request in flight is aborted');
    expect(scripted.calls).to.have.length(1);
  });
});

// The Vue 3 example (examples/vue/), bundled by test/frameworks/example-bundles.js with Vue's
// runtime template compiler: `.fetcher`, `@import-done` and `isCustomElement`.
import { expect } from '@open-wc/testing';
import type { DnsImportStatus } from '../../src/status/dns-import-status.js';
import type { ImportTask, ImportTaskFetcher } from '../../src/api/types.js';
import { envelope, rawTask } from '../support/documented-sample.js';
import { ScriptedFetcher } from '../support/scripted-fetcher.js';
import { until } from '../support/wait.js';

interface Props {
  zoneId: string;
  fetcher: ImportTaskFetcher;
  onDone?: (task: ImportTask) => void;
}
interface VueApp {
  unmount(): void;
  config: { compilerOptions: { isCustomElement?: (tag: string) => boolean } };
}
interface VueExamples {
  mountImportStatus(container: Element, props: Props): VueApp;
  reactive<T extends object>(value: T): T;
  nextTick(): Promise<void>;
}

const examplesUrl = '/__examples/vue.js';
const load = () => import(/* @vite-ignore */ examplesUrl) as Promise<VueExamples>;

describe('Vue 3 example', () => {
  let vue: VueExamples;
  let container: HTMLElement;
  let app: VueApp | undefined;
  const warnings: unknown[][] = [];
  let originalWarn: typeof console.warn;

  before(async () => {
    vue = await load();
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    warnings.length = 0;
    originalWarn = console.warn;
    console.warn = (...args: unknown[]) => {
      warnings.push(args);
      originalWarn.apply(console, args);
    };
  });

  afterEach(() => {
    console.warn = originalWarn;
    // Vue warns about anything it dislikes (unknown components, bad props): none expected.
    expect(warnings.map(String).filter((w) => w.includes('[Vue warn]'))).to.deep.equal([]);
    app?.unmount();
    app = undefined;
    container.remove();
  });

  it('.fetcher sets the property, zone-id the attribute, @import-done reaches the component', async () => {
    const scripted = new ScriptedFetcher();
    const seen: ImportTask[] = [];
    app = vue.mountImportStatus(container, { zoneId: 'zone-v', fetcher: scripted.fetcher, onDone: (task) => seen.push(task) });
    const el = container.querySelector('dns-import-status') as DnsImportStatus;
    expect(el, 'rendered as the custom element').to.be.instanceOf(customElements.get('dns-import-status')!);
    expect(el.getAttribute('zone-id')).to.equal('zone-v');
    expect(el.fetcher).to.equal(scripted.fetcher);
    expect(el.hasAttribute('fetcher')).to.equal(false);
    // The example tells Vue's compiler the tag is a custom element. (The runtime compiler would
    // also guess from customElements.get(); a single-file component compiled ahead of time
    // cannot, which is why the option is there.)
    expect(app.config.compilerOptions.isCustomElement?.('dns-import-status')).to.equal(true);

    await until(() => scripted.calls.length > 0, 'the element calls the fetcher Vue gave it');
    scripted.answer(envelope(rawTask({ status: 'DONE', task_id: 'task-v' })));
    await until(() => seen.length === 1, 'the done event reached the Vue component');
    expect(seen[0]!.task_id).to.equal('task-v');
    expect(el.state).to.equal('done');
  });

  it('a reactive zoneId change restarts the same element on the new zone', async () => {
    const scripted = new ScriptedFetcher();
    const props = vue.reactive<Props>({ zoneId: 'zone-1', fetcher: scripted.fetcher });
    app = vue.mountImportStatus(container, props);
    const el = container.querySelector('dns-import-status')!;
    await until(() => scripted.calls.length > 0, 'a request');
    props.zoneId = 'zone-2';
    await vue.nextTick();
    expect(container.querySelector('dns-import-status')).to.equal(el);
    expect(el.getAttribute('zone-id')).to.equal('zone-2');
    await until(() => scripted.last.zoneId === 'zone-2', 'a request for the new zone');
    expect(scripted.calls[0]!.signal.aborted).to.equal(true);
  });

  it('unmounting stops the requests', async () => {
    const scripted = new ScriptedFetcher();
    app = vue.mountImportStatus(container, { zoneId: 'zone-u', fetcher: scripted.fetcher });
    await until(() => scripted.calls.length > 0, 'a request');
    app.unmount();
    app = undefined;
    await until(() => scripted.last.signal.aborted, 'the request in flight is aborted');
  });
});

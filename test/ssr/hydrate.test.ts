// The browser half of server rendering: markup rendered by @lit-labs/ssr (in Node, by the
// litSsrPlugin command of web-test-runner.config.js) is loaded as declarative shadow DOM and
// hydrated by @lit-labs/ssr-client. Server and browser run the same BUILT module,
// dist/dns-import-status.js: the build minifies the templates, and hydration needs the very
// templates the server rendered. Needs `npm run build` first (`npm test` builds before this).
//
// The fixtures module must come before anything that loads lit: it installs lit's hydration support.
import { cleanupFixtures, csrFixture, ssrNonHydratedFixture } from '@lit-labs/testing/fixtures.js';
import { expect, oneEvent } from '@open-wc/testing';
import { html, type TemplateResult } from 'lit';
import type { DnsImportStatus } from '../../src/status/dns-import-status.js';
import { envelope, rawTask } from '../support/documented-sample.js';
import { ScriptedFetcher } from '../support/scripted-fetcher.js';
import { watchLitWarnings } from '../support/lit-warnings.js';
import { settle, until } from '../support/wait.js';

const BUILT = '/dist/dns-import-status.js';
const fixtureOptions = { modules: [BUILT], base: location.origin };

describe('server rendering, hydrated in the browser', function () {
  // Each fixture starts a Node worker that loads @lit-labs/ssr: seconds on a busy machine.
  this.timeout(30_000);
  const reports: string[] = [];
  let litWarnings: () => string[];
  const originals = { error: console.error, warn: console.warn };
  const onError = (event: ErrorEvent | PromiseRejectionEvent) => reports.push(`uncaught: ${'reason' in event ? String(event.reason) : event.message}`);

  before(async () => {
    const response = await fetch(BUILT, { method: 'HEAD' });
    if (!response.ok) throw new Error('dist/dns-import-status.js is missing: run `npm run build` first.');
    await import(/* @vite-ignore */ BUILT);
  });

  beforeEach(() => {
    reports.length = 0;
    litWarnings = watchLitWarnings();
    for (const level of ['error', 'warn'] as const) {
      console[level] = (...args: unknown[]) => {
        reports.push(`${level}: ${args.map(String).join(' ')}`);
        originals[level].apply(console, args);
      };
    }
    addEventListener('error', onError);
    addEventListener('unhandledrejection', onError);
  });

  afterEach(() => {
    cleanupFixtures();
    Object.assign(console, originals);
    removeEventListener('error', onError);
    removeEventListener('unhandledrejection', onError);
    // A hydration mismatch throws from the element's first update, or lit reports it here.
    expect(reports).to.deep.equal([]);
    expect(litWarnings(), "lit's development warnings").to.deep.equal([]);
  });

  /** Server-rendered, in the page, but not hydrated yet (`defer-hydration`, as lit SSR leaves it). */
  async function serverRendered(template: TemplateResult): Promise<DnsImportStatus> {
    const el = await ssrNonHydratedFixture<DnsImportStatus>(template, fixtureOptions);
    expect(el.localName).to.equal('dns-import-status');
    expect(el.hasAttribute('defer-hydration'), 'lit SSR defers hydration').to.equal(true);
    return el;
  }

  /** What lit SSR's client does for a deferred element: remove the attribute, wait for the update. */
  async function hydrate(el: DnsImportStatus): Promise<void> {
    el.removeAttribute('defer-hydration');
    await el.updateComplete;
  }

  const messages = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="message"]')];

  it('arrives as declarative shadow DOM with the loading notice, and starts nothing before hydration', async () => {
    const scripted = new ScriptedFetcher();
    const el = await serverRendered(html`<dns-import-status zone-id="zone-ssr"></dns-import-status>`);
    el.fetcher = scripted.fetcher;
    expect(el.shadowRoot, 'the declarative shadow root was attached').to.exist;
    expect(el.getAttribute('state')).to.equal('loading');
    const [notice] = messages(el);
    expect(notice!.getAttribute('aria-busy')).to.equal('true');
    // The text is what the same element renders in the browser.
    const rendered = await csrFixture<DnsImportStatus>(html`<dns-import-status zone-id="zone-csr" .fetcher=${new ScriptedFetcher().fetcher}></dns-import-status>`, fixtureOptions);
    expect(notice!.textContent).to.equal(messages(rendered)[0]!.textContent);
    await settle(); // (bounded: shows that nothing happens)
    expect(scripted.calls, 'no request until hydrated').to.have.length(0);
  });

  it('hydrates in place (same nodes, no mismatch) and then polls as usual', async () => {
    const scripted = new ScriptedFetcher();
    const el = await serverRendered(html`<dns-import-status zone-id="zone-ssr" interval="500"></dns-import-status>`);
    el.fetcher = scripted.fetcher;
    const serverNotice = messages(el)[0];
    await hydrate(el);

    expect(messages(el), 'the server-rendered notice was adopted, not rendered again').to.deep.equal([serverNotice]);
    expect(el.shadowRoot!.querySelectorAll('style'), 'the server-rendered styles stay').to.have.length(1);
    await until(() => scripted.calls.length === 1, 'the first request, after hydration');
    expect(scripted.last.zoneId).to.equal('zone-ssr');

    const progress = oneEvent(el, 'import-progress');
    scripted.answer(envelope(rawTask({ status: 'PENDING', total_count: 10, success_count: 4, error_count: 0, error_items: [] })));
    await progress;
    expect(el.state).to.equal('pending');
    expect(el.shadowRoot!.querySelector('[part~="summary"]'), 'lit renders the task into the hydrated root').to.exist;
    expect(messages(el), 'the loading notice is gone').to.have.length(0);

    await until(() => scripted.calls.length === 2, 'the next poll, on the interval', { timeout: 3000 });
    const done = oneEvent(el, 'import-done');
    scripted.answer(envelope(rawTask({ status: 'DONE', total_count: 10, success_count: 10, error_count: 0, error_items: [] })));
    expect((await done).detail.sawPending).to.equal(true);
    expect(el.getAttribute('state')).to.equal('done');
  });

  it('without a zone id: the configuration hint hydrates, and a zone set later starts polling', async () => {
    const scripted = new ScriptedFetcher();
    const el = await serverRendered(html`<dns-import-status></dns-import-status>`);
    el.fetcher = scripted.fetcher;
    expect(el.getAttribute('state')).to.equal('idle');
    const hint = messages(el)[0];
    expect(hint!.textContent).to.contain('zone-id');
    await hydrate(el);
    expect(messages(el)).to.deep.equal([hint]);
    await settle(); // (bounded: shows that nothing happens)
    expect(scripted.calls).to.have.length(0);

    el.zoneId = 'zone-later';
    await until(() => scripted.calls.length === 1, 'polling starts when a zone is set');
    expect(scripted.last.zoneId).to.equal('zone-later');
  });

  it("the element's own lang: rendered in Chinese on the server, still Chinese after hydration", async () => {
    const scripted = new ScriptedFetcher();
    const el = await serverRendered(html`<dns-import-status zone-id="zone-zh" lang="zh-CN"></dns-import-status>`);
    el.fetcher = scripted.fetcher;
    const text = messages(el)[0]!.textContent;
    expect(text).to.match(/[\u4e00-\u9fff]/);
    await hydrate(el);
    expect(messages(el)[0]!.textContent).to.equal(text);
    await scripted.called(1);
    scripted.answer(envelope(rawTask({ status: 'DONE', error_count: 0, error_items: [] })));
    await until(() => el.state === 'done', 'state done');
    expect(el.shadowRoot!.querySelector('.headline')!.textContent).to.match(/[\u4e00-\u9fff]/);
  });
});

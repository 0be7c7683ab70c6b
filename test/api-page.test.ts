// demo/api.html, the API page rendered from custom-elements.json: it lists every public member
// of the element class (enumerated at run time, not only from the manifest), every documented
// event with its type, every attribute, slot, part and CSS custom property, each with a description.
import { expect } from '@open-wc/testing';
import { until } from './support/wait.js';
import { DnsImportStatus } from '../src/index.js';
import { LitElement } from 'lit';
import { codeSpans, elementApi, type Manifest } from '../demo/api-model.js';
// Importing the page's script renders nothing here: it fills #api, which this page has not.
import { renderApi } from '../demo/api.js';

let manifest: Manifest;
let page: Document;
let frame: HTMLIFrameElement;

before(async () => {
  manifest = (await (await fetch('/custom-elements.json')).json()) as Manifest;
  frame = document.createElement('iframe');
  frame.src = '/demo/api.html';
  document.body.append(frame);
  await until(() => frame.contentDocument?.getElementById('api')?.getAttribute('aria-busy') === 'false', 'the page rendered', { timeout: 10_000 });
  page = frame.contentDocument!;
});

after(() => frame.remove());

/** The row of one item on the page, as its cells' text. */
function row(id: string): string[] {
  const tr = page.getElementById(id);
  expect(tr, `#${id} is on the page`).to.exist;
  return [...tr!.querySelectorAll('td')].map((td) => td.textContent!.trim());
}

function expectDescribed(id: string, name: string): string[] {
  const cells = row(id);
  expect(cells[0]).to.equal(name);
  expect(cells.at(-1), `${name} has a description`).to.not.equal('');
  return cells;
}

describe('the API page (demo/api.html)', () => {
  it('loads without an error', () => {
    expect(page.querySelector('.error')).to.equal(null);
    expect(page.querySelector('h1')!.textContent).to.contain('<dns-import-status>');
  });

  it('lists every public member of the class, found at run time', () => {
    const declared = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'dns-import-status')!;
    const hidden = new Set((declared.members ?? []).filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name));
    const instance = document.createElement('dns-import-status');
    // What every LitElement instance has (hasUpdated, renderOptions, …) is not this element's API.
    customElements.define('api-page-bare-element', class extends LitElement {});
    const inherited = new Set(Object.keys(document.createElement('api-page-bare-element')));
    const names = new Set([
      ...DnsImportStatus.elementProperties.keys(),
      ...Object.getOwnPropertyNames(DnsImportStatus.prototype),
      ...Object.keys(instance),
    ]);
    const isPublic = (name: unknown): name is string =>
      typeof name === 'string' &&
      name !== 'constructor' &&
      !name.startsWith('_') &&
      !(name in LitElement.prototype) &&
      !inherited.has(name) &&
      !hidden.has(name);
    const members = [...names].filter(isPublic).sort();
    expect(members, 'the public surface found').to.include.members(['zoneId', 'fetcher', 'state', 'task', 'refresh']);
    for (const member of members) {
      const kind = typeof Object.getOwnPropertyDescriptor(DnsImportStatus.prototype, member)?.value === 'function' ? 'method' : 'property';
      expectDescribed(`${kind}-${member}`, member);
    }
    expect(row('method-refresh')[1]).to.match(/^\(.*\) => Promise<void>$/);
    expect(row('property-fetcher')[1]).to.equal('ImportTaskFetcher | undefined');
  });

  it('lists every documented event with its type, and the types are exported', () => {
    const api = elementApi(manifest, 'dns-import-status');
    expect(api.events.map((e) => e.name)).to.include.members(['import-progress', 'import-done', 'import-error']);
    const exported = manifest.modules.find((m) => m.path === 'src/index.ts')!.exports!.map((e) => e.name);
    for (const event of api.events) {
      const [, type] = expectDescribed(`event-${event.name}`, event.name);
      expect(type, `${event.name} has a type`).to.match(/^Import\w+Event$/);
      expect(exported, `${type} is exported`).to.include(type);
    }
    expect(row('event-import-done')[1]).to.equal('ImportDoneEvent');
  });

  it('lists every attribute (with its property), part and CSS custom property', () => {
    const api = elementApi(manifest, 'dns-import-status');
    expect(api.attributes).to.have.length.above(5);
    for (const a of api.attributes) expect(expectDescribed(`attribute-${a.name}`, a.name)[3], `${a.name}'s property`).to.match(/^\w+$/);
    expect(row('attribute-zone-id')[3]).to.equal('zoneId');
    expect(api.parts).to.have.length.above(3);
    for (const p of api.parts) expectDescribed(`part-${p.name}`, p.name);
    expect(api.cssProperties).to.have.length.above(10);
    for (const p of api.cssProperties) expectDescribed(`css-${p.name}`, p.name);
  });

  it('lists the slots a host fills (actions, empty), each with a description', () => {
    const api = elementApi(manifest, 'dns-import-status');
    expect(api.slots.map((s) => s.name)).to.deep.equal(['actions', 'empty']);
    for (const s of api.slots) expectDescribed(`slot-${s.name}`, s.name);
    expect(page.getElementById('slots')!.querySelector('h2')!.textContent).to.equal('Slots');
  });

  it('documents <dns-import-failures> too: its attributes, items, parts and custom properties', () => {
    const section = page.getElementById('element-dns-import-failures')!;
    expect(section, 'a section of its own').to.exist;
    expect(section.querySelector('h2')!.textContent).to.equal('<dns-import-failures>');
    const api = elementApi(manifest, 'dns-import-failures', 'failures-');
    expect(api.attributes.map((a) => a.name)).to.include.members(['zone-id', 'task-id']);
    for (const a of api.attributes) expect(expectDescribed(a.id, a.name)[3], `${a.name}'s property`).to.match(/^\w+$/);
    expect(api.properties.map((p) => p.name)).to.include('items');
    for (const p of api.properties) expectDescribed(p.id, p.name);
    expect(api.parts.map((p) => p.name)).to.deep.equal(['error-list', 'error-item']);
    for (const p of api.parts) expectDescribed(p.id, p.name);
    expect(api.cssProperties).to.have.length.above(8);
    for (const p of api.cssProperties) expectDescribed(p.id, p.name);
    expect(section.textContent).to.contain('dns-import-failures::part(name)');
    // The status element's anchors stay where they were.
    expect(row('attribute-zone-id')[3]).to.equal('zoneId');
  });

  it('lists the entry points and their exports', () => {
    const text = page.getElementById('exports')!.textContent!;
    expect(text).to.contain("'dns-import-status'").and.contain('createHttpFetcher').and.contain('ImportDoneEvent').and.contain('DnsImportFailures');
    expect(text).to.contain("'dns-import-status/react'");
  });

  it('renders manifest text as text: markup in a description is shown, never parsed', () => {
    const hostile: Manifest = {
      modules: [
        {
          path: 'src/x.ts',
          declarations: [
            {
              kind: 'class',
              name: 'X',
              tagName: 'dns-import-status',
              customElement: true,
              description: '<img src=x onerror="window.pwned=1">',
              members: [{ kind: 'field', name: 'a<b>', description: 'uses `<script>` here' }],
            },
          ],
        },
      ],
    };
    const root = document.createElement('main');
    renderApi(hostile, root);
    expect(root.querySelector('img, script, b')).to.equal(null);
    expect(root.textContent).to.contain('<img src=x onerror="window.pwned=1">');
    expect(root.querySelector('#property-a\\<b\\> code')!.textContent).to.equal('a<b>');
    expect(codeSpans('a `b` c')).to.deep.equal([
      { code: false, text: 'a ' },
      { code: true, text: 'b' },
      { code: false, text: ' c' },
    ]);
  });

  it('is linked from the demo page', async () => {
    const html = await (await fetch('/demo/index.html')).text();
    expect(html).to.contain('href="./api.html"');
  });

  it('documents watchImport() and the watcher it returns', () => {
    expectDescribed('function-watchImport', 'watchImport');
    for (const member of ['task', 'snapshot', 'stalled', 'refresh', 'close', 'configure']) expectDescribed(`importwatcher-${member}`, member);
  });
});

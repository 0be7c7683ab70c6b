// API text is data, never markup, URL or CSS; zone ids never leave their path segment.
import { expect, fixtureCleanup, nextFrame } from '@open-wc/testing';
import fc from 'fast-check';
import '../src/index.js';
import type { DnsImportStatus, DnsImportStatusState } from '../src/status/dns-import-status.js';
import type { ImportErrorDetail } from '../src/watcher/events.js';
import { createHttpFetcher } from '../src/api/http-fetcher.js';
import { ImportStatusError } from '../src/api/import-status-error.js';
import { INJECTION_PAYLOADS, fuzzParameters } from './support/arbitraries.js';
import { ScriptedFetcher } from './support/scripted-fetcher.js';
import { untilState } from './support/wait.js';
import { mount } from './support/mount.js';

const pwned = () => (window as { __pwned?: unknown }).__pwned;

/** Every string field of a task (and of its one failed record) set to `text`. */
function taskWith(text: (field: string) => string) {
  return {
    code: 200,
    data: {
      task_id: text('task_id'),
      status: text('status'),
      created_at: text('created_at'),
      updated_at: text('updated_at'),
      zone_id: text('zone_id'),
      zone_type: text('zone_type'),
      language: text('language'),
      total_count: 3,
      success_count: 1,
      error_count: 2,
      error_items: [
        { name: text('name'), type: text('type'), line: text('line'), ttl: text('ttl'), weight: text('weight'),
          value: [text('value'), text('value2')], error_code: text('error_code'), error_message: text('error_message') },
        { name: text('name2'), type: text('type'), line: text('line'), ttl: 300, value: text('value3'),
          error_code: text('error_code'), error_message: text('error_message2') },
      ],
    },
  };
}

/** Every element under `root`, nested shadow roots included. */
function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

/**
 * The DOM's shape without its text: tag names and attribute names, in document order. A time
 * the browser could read is a <time> in its <dd>, unreadable text a plain <dd>: both are the
 * element's own markup, so they count as one shape (the date parsing is tested elsewhere).
 * Likewise the boxes that keep a name's labels and an address's groups whole
 * (`<span class="token">` and `<wbr>`): the list's own markup around pieces of the text, as
 * many as the text has pieces.
 */
const shape = (el: DnsImportStatus) =>
  allElements(el.shadowRoot!)
    .filter((element) => element.localName !== 'time' && element.localName !== 'wbr' && !element.classList.contains('token'))
    .map((element) => `${element.localName}[${element.getAttributeNames().sort().join(',')}]`.replace(/^dd\[\]$/, 'dd[class]'));

/**
 * The element once the fetcher has answered (or failed) with `body`, in the state that must
 * follow: a task whose status is not DONE is `pending`.
 */
async function render(body: unknown, state: DnsImportStatusState, fail = false) {
  const scripted = new ScriptedFetcher();
  const el = await mount({ fetcher: scripted });
  if (fail) scripted.fail(body);
  else scripted.answer(body);
  await untilState(el, state);
  // A bounded wait on purpose, to show that nothing happens: an injected <img onerror> or
  // <svg onload> would fire within it, were there one.
  await new Promise((resolve) => setTimeout(resolve, 30));
  await nextFrame();
  return el;
}

/** The positions of the first and the last letter of a text node, as laid out. */
function readsLeftToRight(node: Text): boolean {
  const text = node.data;
  const first = text.search(/[A-Za-z]/);
  const last = text.length - 1 - [...text].reverse().join('').search(/[A-Za-z]/);
  if (first < 0 || last <= first) return true;
  const rectOf = (index: number) => {
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    return range.getBoundingClientRect();
  };
  const a = rectOf(first);
  const b = rectOf(last);
  if (a.width === 0 || b.width === 0) return true; // not rendered (visually hidden live region)
  return a.top < b.top - 1 || (Math.abs(a.top - b.top) <= 1 && a.left < b.left);
}

/** Every text node under `root`, in the shadow roots of the elements there too (the failed-record list's). */
function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node instanceof Text) nodes.push(node);
    else if ((node as Element).shadowRoot) nodes.push(...textNodes((node as Element).shadowRoot!));
  }
  return nodes;
}

describe('API text renders as inert text', () => {
  let benignShape: string[];
  let headNodes: number;
  before(async () => {
    benignShape = shape(await render(taskWith((field) => `benign ${field}`), 'pending'));
    fixtureCleanup();
    headNodes = document.head.querySelectorAll('*').length;
  });
  afterEach(() => {
    fixtureCleanup();
    delete (window as { __pwned?: unknown }).__pwned;
  });

  for (const payload of INJECTION_PAYLOADS) {
    it(`in every field: ${JSON.stringify(payload)}`, async () => {
      const el = await render(taskWith(() => payload), 'pending');
      expect(pwned(), 'a script ran').to.equal(undefined);
      // The same elements and attribute names as with harmless text: nothing was built from data.
      expect(shape(el)).to.deep.equal(benignShape);
      for (const element of allElements(el.shadowRoot!)) {
        for (const name of element.getAttributeNames()) {
          expect(name, `<${element.localName}> got an event handler`).to.not.match(/^on/i);
          if (/^(href|src|srcdoc|action|formaction|xlink:href|style)$/i.test(name)) {
            expect(element.getAttribute(name)!, `${name} of <${element.localName}>`).to.not.contain(payload.slice(0, 12));
          }
        }
      }
      // Shown as the very text that was sent.
      const shown = el.shadowRoot!.textContent!;
      expect(shown).to.contain(payload);
      // (Never a DOM node as an assertion's actual value: the runner cannot serialize it.)
      const built = [...el.shadowRoot!.querySelectorAll('style, script, link, iframe, img, svg, a, template, object, embed')];
      expect(built.map((node) => node.outerHTML)).to.deep.equal([]);
      // Nothing escaped the shadow root, and the element is still there to see.
      expect(document.head.querySelectorAll('*').length).to.equal(headNodes);
      expect(getComputedStyle(el).display).to.not.equal('none');
      expect(el.shadowRoot!.querySelector('[part~="summary"]')!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(el.getAttributeNames().sort()).to.deep.equal(['state', 'zone-id']);
    });
  }

  // One test per payload: all of them in one test neared mocha's 10 s on a busy machine (WebKit).
  for (const payload of INJECTION_PAYLOADS) {
    it(`in API error bodies and in the fields of a rejected fetch: ${JSON.stringify(payload)}`, async () => {
      for (const [body, fail] of [
        [{ code: payload, message: payload }, false],
        [{ code: 'DNS.0101', error: { error_msg: payload } }, false],
        [{ status: 503, message: payload, code: payload, requestId: payload }, true],
        [new ImportStatusError(payload, { kind: 'http', status: 400, code: payload, requestId: payload }), true],
      ] as const) {
        const el = await render(body, 'error', fail);
        expect(pwned(), 'a script ran').to.equal(undefined);
        const message = el.shadowRoot!.querySelector('[part~="message"]')!;
        expect(message.textContent).to.contain(payload.trim());
        expect(allElements(message).map((e) => e.localName).sort()).to.deep.equal(['button', 'span', 'span']);
        const built = [...el.shadowRoot!.querySelectorAll('style, script, img, svg, iframe, a, template')];
        expect(built.map((node) => node.outerHTML)).to.deep.equal([]);
        fixtureCleanup();
      }
    });
  }

  it('bidi controls in data do not reorder the text around them', async () => {
    // The detector detects: an unclosed RLO in inline text does reverse what follows it.
    const control = document.createElement('p');
    control.append(document.createElement('span'), 'Imported records');
    control.firstElementChild!.textContent = '\u202Eevil';
    document.body.append(control);
    expect(readsLeftToRight(control.lastChild as Text), 'the detector missed a reversal').to.equal(false);
    control.remove();

    const rlo = (field: string) => `\u202E${field} evil\u2067`;
    const el = await render(taskWith(rlo), 'pending');
    let checked = 0;
    for (const node of textNodes(el.shadowRoot!)) {
      if (/[\u202A-\u202E\u2066-\u2069]/.test(node.data) || !/[A-Za-z]{3}/.test(node.data)) continue;
      checked += 1;
      expect(readsLeftToRight(node), `"${node.data.trim()}" in <${node.parentElement?.localName} class="${node.parentElement?.className}"> is laid out reversed`).to.equal(true);
    }
    expect(checked, 'no interface text measured').to.be.greaterThan(10);
  });
});

describe('the source never builds markup from strings', () => {
  /** The modules reachable from the entry, as the test server serves them (comments stripped). */
  async function sourceModules(): Promise<Map<string, string>> {
    const modules = new Map<string, string>();
    const queue = ['/src/index.ts'];
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (modules.has(path)) continue;
      const response = await fetch(path);
      expect(response.status, path).to.equal(200);
      const text = await response.text();
      modules.set(path, text);
      for (const match of text.matchAll(/(?:from|import)\s*["'](\.\.?\/[^"']+)["']/g)) {
        const target = new URL(match[1]!, new URL(path, location.origin)).pathname;
        if (target.startsWith('/src/')) queue.push(target.replace(/\.js$/, '.ts'));
      }
    }
    return modules;
  }

  it('uses no unsafeHTML/unsafeSVG/unsafeCSS/unsafeStatic, innerHTML, insertAdjacentHTML, eval or data-bound URLs', async () => {
    const modules = await sourceModules();
    expect(modules.size, [...modules.keys()].join(' ')).to.be.greaterThan(10);
    const forbidden = [
      /\bunsafe(HTML|SVG|MathML|CSS|Static)\b/,
      /\.(inner|outer)HTML\b/,
      /\binsertAdjacentHTML\b/,
      /\bsetHTMLUnsafe\b/,
      /\bcreateContextualFragment\b/,
      /\bDOMParser\b/,
      /\bdocument\.write/,
      /\beval\s*\(/,
      /\bnew\s+Function\s*\(/,
      /\bsrcdoc\b/,
      /\b(href|src|action|formaction)=\$\{/,
      /\bstyle=\$\{(?!styleMap\()/,
    ];
    const found: string[] = [];
    for (const [path, text] of modules) {
      for (const pattern of forbidden) {
        const match = pattern.exec(text);
        if (match) found.push(`${path}: ${match[0]}`);
      }
    }
    expect(found).to.deep.equal([]);
  });
});

describe('zone ids stay inside their path segment (real HTTP, simulated API)', () => {
  const endpoint = '/api/dns';
  const sim = (path: string, method = 'GET') => fetch(`/__sim/${path}`, { method }).then((r) => r.json());
  const never = new AbortController().signal;
  const pathFor = (zoneId: string) => `/api/dns/v2/zones/${encodeURIComponent(zoneId)}/import/recordsets`;
  beforeEach(() => sim('reset', 'POST'));
  afterEach(() => fixtureCleanup());

  /** Refused with kind config, or requested at exactly the import path of that zone: never elsewhere. */
  async function expectContained(zoneId: string): Promise<'refused' | 'requested'> {
    const before = (await sim('stats')).total as number;
    try {
      await createHttpFetcher({ endpoint })(zoneId, { signal: never });
    } catch (error) {
      expect(error, String(error)).to.be.instanceOf(ImportStatusError);
      if ((error as ImportStatusError).kind === 'config') {
        expect((await sim('stats')).total, `${JSON.stringify(zoneId)} was refused but requested`).to.equal(before);
        return 'refused';
      }
    }
    const last = await sim(`last-request/${encodeURIComponent(zoneId)}`);
    expect(last.url, JSON.stringify(zoneId)).to.equal(pathFor(zoneId));
    const segments = (last.url as string).split('/');
    expect(segments).to.have.length(8);
    expect(decodeURIComponent(segments[5]!)).to.equal(zoneId);
    return 'requested';
  }

  it('for generated ids made of /, .., ?, #, %, spaces, backslashes and unicode', async function () {
    this.timeout(30_000);
    const piece = fc.constantFrom('/', '.', '..', '?', '#', '%', ' ', '\\', '%2e', '%2F', '%25', '&', '=', ';', '+', '@', ':',
      'a', 'Z', '0', '区', '\t', '\u202E', '~', "'", '"', '<', '>', '../', '/..', '%00', '\u{1F600}');
    const zoneIds = fc.array(piece, { minLength: 1, maxLength: 6 }).map((pieces) => pieces.join(''));
    const outcomes = { refused: 0, requested: 0 };
    await fc.assert(
      fc.asyncProperty(zoneIds, async (zoneId) => {
        outcomes[await expectContained(zoneId)] += 1;
      }),
      fuzzParameters(80),
    );
    expect(outcomes.requested).to.be.greaterThan(50);
  });

  it('refuses "." and ".." (also percent-encoded) with a configuration error and no request', async () => {
    for (const zoneId of ['.', '..', '%2e', '%2E%2e', '.%2e']) {
      expect(await expectContained(zoneId), zoneId).to.equal('refused');
    }
  });

  it('through the element: a hostile zone-id is requested in its segment, "." and ".." are a clear config error', async () => {
    for (const zoneId of ['a/../../b', 'x?y=1#z', '100% sure', ' ../admin ', 'a\\..\\b']) {
      const el = await mount({ zoneId, attributes: { endpoint } });
      await untilState(el, 'empty');
      expect((await sim(`last-request/${encodeURIComponent(zoneId)}`)).url).to.equal(pathFor(zoneId));
      fixtureCleanup();
    }
    for (const zoneId of ['.', '..']) {
      const errors: ImportErrorDetail[] = [];
      const el = await mount({ zoneId, attributes: { endpoint }, listeners: { 'import-error': (event) => errors.push(event.detail) } });
      await untilState(el, 'error');
      expect(errors).to.have.length(1);
      expect(errors[0]!.error.kind).to.equal('config');
      expect(errors[0]!.willRetry).to.equal(false);
      const message = el.shadowRoot!.querySelector('[part~="message"]')!.textContent!;
      expect(message).to.contain('Invalid configuration').and.contain(`"${zoneId}" is not a valid zone id`);
      fixtureCleanup();
    }
    expect((await sim('stats')).requests).to.not.have.any.keys('.', '..', '');
  });

  // Was a bug: a zone id with an unpaired surrogate ("a\uD800b": invalid UTF-16, e.g. cut in the middle
  // of an emoji) makes encodeURIComponent throw URIError inside importTaskPath. The fetcher rejects
  // with that raw URIError, toImportStatusError files it as kind 'network', and the element shows
  // "Connection problem, retrying" and retries forever, for what is a configuration error.
  it('refuses a zone id with an unpaired surrogate as a configuration error', async () => {
    for (const zoneId of ['a\uD800b', '\uDFFF', 'zone-\uD83D']) {
      expect(await expectContained(zoneId), JSON.stringify(zoneId)).to.equal('refused');
    }
    const errors: ImportErrorDetail[] = [];
    const el = await mount({ zoneId: 'zone-\uD83D', attributes: { endpoint }, listeners: { 'import-error': (event) => errors.push(event.detail) } });
    await untilState(el, 'error');
    expect(errors[0]!.error.kind).to.equal('config');
    expect(errors[0]!.willRetry).to.equal(false);
  });
});

// Names and addresses read whole: no line break inside an IPv4 address, inside an IPv6 group or
// inside a name's label (unless that label is longer than the line), in the table and in the
// stacked layout, in both languages. Every rendered name and value is walked character by
// character: where a character sits on a lower line than the one before it, the line broke
// there, and the rules below (written from the record's text, not from the element's code)
// say whether it may.
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { findAllIn } from './support/failure-list.js';
import { envelope, rawTask } from './support/documented-sample.js';
import { mountAnswered } from './support/mount.js';

/** 14 typical failed records: A, AAAA (compressed and full form), CNAME and MX; names up to 40 characters. */
const typical = [
  ['host1.example.com.', 'A', ['192.100.29.8']],
  ['web-frontend-cluster-node-017.example.co.', 'A', ['203.0.113.254', '198.51.100.100']],
  ['api-gateway.prod.eu-west.example.com.', 'A', ['10.200.300.4']],
  ['测试服务器.example.com.', 'A', ['192.0.2.123']],
  ['ipv6-gateway-node-01.example.com.', 'AAAA', ['2001:db8:85a3::8a2e:370:7334']],
  ['storage-replica-eu-central-1.example.com.', 'AAAA', ['2001:0db8:85a3:0000:0000:8a2e:0370:7334']],
  ['v6.example.com.', 'AAAA', ['fe80::1ff:fe23:4567:890a', '2001:db8::ff00:42:8329']],
  ['mapped.example.com.', 'AAAA', ['::ffff:192.0.2.128']],
  ['www.shop.example.com.', 'CNAME', ['shop-frontend-loadbalancer.example.net.']],
  ['static-assets-cdn-edge-cache.example.com.', 'CNAME', ['d111111abcdef8.cloudfront-example.net.']],
  ['docs.example.com.', 'CNAME', ['readthedocs-hosting-platform.example.org.']],
  ['example.com.', 'MX', ['10 mx1.mail-provider.example.com.', '20 mx2.mail-provider.example.com.']],
  ['mail-relay.corp.example.com.', 'MX', ['5 inbound-smtp.eu-west-1.example-mail.com.']],
  ['*.wildcard-subdomain.example.com.', 'A', ['198.51.100.7']],
].map(([name, type, value], i) => ({
  name, type, line: 'default_view', ttl: '300', value,
  error_code: ['DNS.0806', 'DNS.0016', 'DNS.0308'][i % 3],
  error_message: ['This line is not be supported in this DNS version.', 'The record set already exists.', 'Invalid record value.'][i % 3],
}));

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^[0-9a-f]*(:[0-9a-f.]*){2,}$/i;
const NAME = /^([^\s.:]+\.)*[^\s.:]+\.?$/;

/** Every character of `cell`'s text with the box it is laid out in (whitespace left out: a break there is always fine). */
function characters(cell: Element): { char: string; rect: DOMRect }[] {
  const found: { char: string; rect: DOMRect }[] = [];
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect && !/\s/.test(node.data[i]!)) found.push({ char: node.data[i]!, rect });
      else found.push({ char: node.data[i]!, rect: new DOMRect(NaN, NaN, 0, 0) });
    }
  }
  return found;
}

/** The text of `cell` with a `|` where a token is cut, or undefined when none is. */
function cutTokens(cell: Element): string | undefined {
  const chars = characters(cell);
  const text = chars.map((c) => c.char).join('');
  const lineWidth = cell.getBoundingClientRect().width;
  const cuts: number[] = [];
  let previous: DOMRect | undefined;
  for (let i = 0; i < chars.length; i++) {
    const { char, rect } = chars[i]!;
    if (/\s/.test(char)) {
      previous = undefined;
      continue;
    }
    const newLine = previous !== undefined && rect.top >= previous.bottom - 2;
    previous = rect;
    if (!newLine) continue;
    // The word (whitespace-separated) the break falls in, and the break's place in it.
    const start = text.lastIndexOf(' ', i) + 1;
    const end = text.indexOf(' ', i) === -1 ? text.length : text.indexOf(' ', i);
    const word = text.slice(start, end);
    const at = i - start;
    if (IPV4.test(word)) cuts.push(i);
    else if (IPV6.test(word)) {
      if (word[at - 1] !== ':') cuts.push(i);
    } else if (NAME.test(word)) {
      if (word[at - 1] === '.') continue;
      // Inside a label: only when the label is longer than the line.
      const labelStart = start + word.lastIndexOf('.', at - 1) + 1;
      const labelEnd = start + (word.indexOf('.', at) === -1 ? word.length : word.indexOf('.', at) + 1);
      const labelWidth = chars.slice(labelStart, labelEnd).reduce((sum, c) => sum + c.rect.width, 0);
      if (labelWidth <= lineWidth) cuts.push(i);
    }
    // Free text may break anywhere (only when longer than the line, which it then is).
  }
  if (cuts.length === 0) return undefined;
  let marked = text;
  for (const i of cuts.reverse()) marked = `${marked.slice(0, i)}|${marked.slice(i)}`;
  return marked;
}

async function atWidth(width: number, lang: string): Promise<DnsImportStatus> {
  const { el } = await mountAnswered(envelope(rawTask({ total_count: 20, success_count: 6, error_count: typical.length, error_items: typical })), {
    zoneId: 'zone-tokens',
    attributes: { style: `width: ${width}px`, lang },
  });
  await el.shadowRoot!.querySelector('dns-import-failures')!.updateComplete;
  await document.fonts.ready;
  return el;
}

/** The name cell and each value of every record shown. */
function namesAndValues(el: DnsImportStatus): Element[] {
  return findAllIn(el, '[part~="error-item"]').flatMap((row) => [row.querySelector('td')!, ...row.querySelectorAll('.values li')]);
}

describe('names and addresses are never cut mid-token', () => {
  for (const lang of ['en', 'zh-CN']) {
    for (const width of [320, 360, 600, 880, 1024, 1280]) {
      it(`at ${width} px (${lang})`, async () => {
        const el = await atWidth(width, lang);
        const layout = getComputedStyle(findAllIn(el, '[part~="error-item"]')[0]!).display;
        expect(layout, 'the layout expected at this width').to.equal(width >= 760 ? 'table-row' : 'flex');
        const cells = namesAndValues(el);
        expect(cells).to.have.length(typical.length + typical.reduce((sum, record) => sum + record.value.length, 0));
        const cut = cells.map(cutTokens).filter((text) => text !== undefined);
        expect(cut, 'tokens cut mid-way').to.deep.equal([]);
        // The layout still fits: nothing sideways, the code and the message in view.
        const list = findAllIn(el, '[part~="error-list"]')[0]!;
        expect(list.scrollWidth, 'the list scrolls sideways').to.be.at.most(list.clientWidth);
      });
    }
  }

  it('detects a cut token (the check itself can fail)', async () => {
    const cell = document.createElement('div');
    cell.style.cssText = 'width: 9ch; overflow-wrap: anywhere; font: 14px monospace';
    cell.textContent = '192.100.29.8 host1.example.com.';
    document.body.append(cell);
    try {
      expect(cutTokens(cell)).to.be.a('string').and.contain('|');
    } finally {
      cell.remove();
    }
  });
});

/** A keyboard shortcut, as a person presses it: Control held down around the key. */
async function withControl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

describe('a copied name or value is the API\'s text', () => {
  it('has no inserted characters: the rendered text is the value itself', async () => {
    const el = await atWidth(360, 'en');
    const rows = findAllIn(el, '[part~="error-item"]');
    rows.forEach((row, i) => {
      expect(row.querySelector('td')!.textContent).to.equal(typical[i]!.name);
      expect([...row.querySelectorAll('.values li')].map((li) => li.textContent)).to.deep.equal(typical[i]!.value);
    });
    const shown = rows.map((row) => row.textContent).join('');
    expect(shown, 'no soft hyphen, zero-width space or joiner').to.not.match(/[\u00AD\u200B-\u200D\u2060\uFEFF]/);
  });

  /**
   * Whether script can select text inside a shadow root: WebKit's Selection does not take such
   * a range (its `toString()` stays empty), so there this test cannot select what a person would.
   */
  function canSelectInShadowRoots(): boolean {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).textContent = 'probe';
    document.body.append(host);
    try {
      const range = document.createRange();
      range.selectNodeContents(host.shadowRoot!);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return getSelection()!.toString() === 'probe';
    } finally {
      getSelection()!.removeAllRanges();
      host.remove();
    }
  }

  for (const width of [360, 1280]) {
    it(`copies the exact address and name (select, Ctrl+C, paste) at ${width} px`, async function () {
      if (!canSelectInShadowRoots()) this.skip();
      const el = await atWidth(width, 'en');
      const row = findAllIn(el, '[part~="error-item"]')[5]!;
      const field = document.createElement('textarea');
      document.body.append(field);
      try {
        for (const [cell, expected] of [
          [row.querySelector('.values li')!, '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
          [row.querySelector('td')!, 'storage-replica-eu-central-1.example.com.'],
        ] as const) {
          const selection = getSelection()!;
          selection.removeAllRanges();
          const range = document.createRange();
          range.selectNodeContents(cell);
          selection.addRange(range);
          expect(selection.toString()).to.equal(expected);
          await withControl('KeyC');
          field.value = '';
          field.focus();
          await withControl('KeyV');
          expect(field.value, 'pasted').to.equal(expected);
          // A focused text field would copy its own (empty) selection next time.
          field.blur();
        }
      } finally {
        field.remove();
      }
    });
  }
});

// heading-level: the level of each element's top heading, its sub-heading one level below, the
// tag capped at h6 with aria-level saying 7, and bad input back to the default with one warning.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import type { DnsImportFailures } from '../src/failures/dns-import-failures.js';
import { normalizeImportResponse } from '../src/api/normalize-import-task.js';
import { documentedResponse, envelope, rawTask } from './support/documented-sample.js';
import { mountAnswered } from './support/mount.js';

/** The two headings as a screen reader gets them: [tag, level] of the list's heading and of the causes' heading. */
function outline(list: DnsImportFailures): [string, number][] {
  return ['#failures-heading', '#groups-heading'].map((selector) => {
    const node = list.shadowRoot!.querySelector(selector)!;
    const level = Number(node.getAttribute('aria-level') ?? node.localName.slice(1));
    return [node.localName, level];
  });
}

async function doneStatus(attributes: Record<string, string | number> = {}): Promise<DnsImportStatus> {
  const { el } = await mountAnswered(envelope(rawTask()), { attributes });
  return el;
}

const listOf = async (el: DnsImportStatus) => {
  const list = el.shadowRoot!.querySelector('dns-import-failures')!;
  await list.updateComplete;
  return list;
};

async function lone(headingLevel?: unknown): Promise<DnsImportFailures> {
  const items = normalizeImportResponse(documentedResponse())!.error_items;
  return fixture<DnsImportFailures>(html`<dns-import-failures .items=${items} .headingLevel=${headingLevel ?? 3}></dns-import-failures>`);
}

describe('heading-level', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => warn.restore());

  it('is 3 by default: the failed records are an h3, their causes an h4', async () => {
    const el = await doneStatus();
    expect(el.headingLevel).to.equal(3);
    expect(outline(await listOf(el))).to.deep.equal([['h3', 3], ['h4', 4]]);
    expect(outline(await lone(undefined))).to.deep.equal([['h3', 3], ['h4', 4]]);
    expect(warn.called).to.equal(false);
  });

  for (const level of [1, 2, 3, 4, 5]) {
    it(`heading-level="${level}" makes the top heading h${level} and the one below h${level + 1}`, async () => {
      const el = await doneStatus({ 'heading-level': level });
      expect(outline(await listOf(el))).to.deep.equal([[`h${level}`, level], [`h${level + 1}`, level + 1]]);
      expect(outline(await lone(level))).to.deep.equal([[`h${level}`, level], [`h${level + 1}`, level + 1]]);
    });
  }

  it('at level 6 the sub-heading is an h6 whose aria-level says 7 (and axe accepts it)', async function () {
    this.timeout(30_000);
    const el = await doneStatus({ 'heading-level': 6 });
    const list = await listOf(el);
    expect(outline(list)).to.deep.equal([['h6', 6], ['h6', 7]]);
    expect(list.shadowRoot!.querySelector('#failures-heading')!.hasAttribute('aria-level')).to.equal(false);
    expect(outline(await lone(6))).to.deep.equal([['h6', 6], ['h6', 7]]);
    await expect(el).to.be.accessible();
  });

  it('follows a change of the property', async () => {
    const el = await doneStatus();
    el.headingLevel = 2;
    await el.updateComplete;
    expect(outline(await listOf(el))).to.deep.equal([['h2', 2], ['h3', 3]]);
  });

  for (const bad of ['0', '7', '2.5', 'two', '']) {
    it(`falls back to 3 on heading-level="${bad}", with one console warning`, async () => {
      const el = await doneStatus({ 'heading-level': bad });
      expect(outline(await listOf(el))).to.deep.equal([['h3', 3], ['h4', 4]]);
      el.requestUpdate();
      await el.updateComplete;
      expect(warn.callCount, warn.args.join('\n')).to.equal(1);
      expect(String(warn.firstCall.args[0])).to.match(/<dns-import-status>: heading-level must be a whole number from 1 to 6/);
    });
  }

  it('falls back to 3 on a bad property of the list used alone, with one console warning', async () => {
    const list = await lone(-1);
    expect(outline(list)).to.deep.equal([['h3', 3], ['h4', 4]]);
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.match(/<dns-import-failures>/);
  });
});

// The promise that 100,000 failed records never block the page: the work runs in slices. Measured
// by what the code does, not by a clock: `scheduler.yield()` is replaced by one that counts, and
// each stage must give the main thread back at least once per RECORDS_PER_STEP records. With the
// slicing switched off (inSlices not yielding, or a stage run at once) these counts fall short.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { normalizeImportResponse } from '../src/api/normalize-import-task.js';
import type { ImportErrorItem } from '../src/api/types.js';
import type { DnsImportFailures } from '../src/failures/dns-import-failures.js';
import { RECORDS_PER_STEP } from '../src/shared/work-in-slices.js';
import { envelope, rawTask } from './support/documented-sample.js';
import { mount } from './support/mount.js';
import { ScriptedFetcher } from './support/scripted-fetcher.js';
import { nextMacrotask, settle, until } from './support/wait.js';

const COUNT = 100_000;
/** Yields a stage over every record makes at least. */
const STEPS = COUNT / RECORDS_PER_STEP - 1;

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Raw records: lopsided causes, five types, and internationalized names in both forms. */
function rawItems(): Record<string, unknown>[] {
  const idn = ['xn--fiqs8s.example.', '中国.example.', 'xn--bcher-kva.example.', 'bücher.example.', 'Bücher.example.', 'host10.example.'];
  return Array.from({ length: COUNT }, (_, i) => ({
    name: i % 50 === 0 ? idn[(i / 50) % idn.length] : `host${(i * 7919) % COUNT}.example.com.`,
    type: ['A', 'AAAA', 'CNAME', 'MX', 'TXT'][i % 5],
    line: 'default_view',
    ttl: '300',
    value: [`192.0.${(i >> 8) & 255}.${i & 255}`],
    error_code: i % 10 < 5 ? 'DNS.0806' : i % 10 < 8 ? 'DNS.0016' : 'DNS.0308',
    error_message: 'm',
  }));
}
const body = () => envelope(rawTask({ error_count: COUNT, success_count: 0, total_count: COUNT, error_items: rawItems() }));

let yields = 0;
/** Called at every yield, to look at the screen between two slices. */
let onYield = () => {};
let original: PropertyDescriptor | undefined;

beforeEach(() => {
  yields = 0;
  onYield = () => {};
  original = Object.getOwnPropertyDescriptor(globalThis, 'scheduler');
  Object.defineProperty(globalThis, 'scheduler', {
    configurable: true,
    value: {
      yield: () => {
        yields++;
        onYield();
        return nextMacrotask();
      },
    },
  });
});

afterEach(() => {
  if (original) Object.defineProperty(globalThis, 'scheduler', original);
  else delete (globalThis as { scheduler?: unknown }).scheduler;
});

describe('100,000 failed records, in slices', function () {
  this.timeout(60_000);

  it('a first render normalizes, shows the first page, then groups, in slices, and never shows counts or groups half-computed', async () => {
    const scripted = new ScriptedFetcher();
    const status = await mount({ fetcher: scripted, zoneId: 'zone-slices', attributes: { lang: 'en' } });
    const list = () => status.shadowRoot!.querySelector<DnsImportFailures>('dns-import-failures');
    const shownText = (selector: string) => text(list()?.shadowRoot?.querySelector(selector));
    const seen = { groups: new Set<string>(), showing: new Set<string>() };
    onYield = () => {
      seen.groups.add(shownText('.groups'));
      seen.showing.add(shownText('.showing'));
    };
    scripted.answer(body());
    await until(() => status.task !== undefined, 'the task');
    expect(yields, 'yields while normalizing').to.be.at.least(STEPS);
    await until(() => list()?.shadowRoot?.querySelectorAll('[part~="error-item"]').length === 100, 'the first page');
    await until(() => shownText('.groups') !== '', 'the causes');
    expect(yields, 'yields while normalizing, grouping and listing the types').to.be.at.least(3 * STEPS);
    // Between two slices: nothing yet, or the final figures; never a count on its way up.
    expect([...seen.groups].filter((groups) => groups !== '' && groups !== shownText('.groups')), 'causes between slices').to.deep.equal([]);
    expect([...seen.showing].filter((showing) => showing !== '' && showing !== 'Showing 100,000 of 100,000'), 'counts between slices').to.deep.equal([]);
    expect(seen.showing, 'the first page shown before the causes were counted').to.include('Showing 100,000 of 100,000');

    // An identical answer, as a fresh object from a custom fetcher: compared in slices, and nothing changes.
    const task = status.task;
    let progress = 0;
    status.addEventListener('import-progress', () => progress++);
    yields = 0;
    const refreshed = status.refresh();
    await scripted.called(2);
    scripted.answer(body());
    await refreshed;
    expect(yields, 'yields while normalizing and comparing').to.be.at.least(2 * STEPS);
    expect(status.task).to.equal(task);
    expect(progress).to.equal(0);
  });

  describe('typing and sorting', () => {
    let items: readonly ImportErrorItem[];
    let el: DnsImportFailures;
    const root = () => el.shadowRoot!;
    const names = () => [...root().querySelectorAll('[part~="error-item"]')].map((row) => text(row.querySelector('td')));
    const idle = () => until(() => root().querySelector('[part~="error-list"]')?.getAttribute('aria-busy') === 'false' && names().length > 0, 'the list worked out');

    beforeEach(async () => {
      items = normalizeImportResponse(body())!.error_items;
      el = await fixture<DnsImportFailures>(html`<dns-import-failures lang="en" zone-id="z" .items=${items}></dns-import-failures>`);
      await idle();
      yields = 0;
    });

    it('a text filter runs in slices and finds what a plain scan finds', async () => {
      const input = root().getElementById('failure-search') as HTMLInputElement;
      input.value = '.EXAMPLE.COM';
      input.dispatchEvent(new InputEvent('input'));
      await until(() => text(root().querySelector('.showing')).startsWith('Showing 9'), 'the filtered list');
      await idle();
      expect(yields, 'yields while folding and filtering').to.be.at.least(2 * STEPS);
      const expected = items.filter((item) => item.name.toLowerCase().includes('.example.com'));
      expect(text(root().querySelector('.showing'))).to.equal(`Showing ${expected.length.toLocaleString('en')} of 100,000`);
      expect(names()).to.deep.equal(expected.slice(0, 100).map((item) => item.name));
    });

    it('a newer query drops the work of one still being worked out', async () => {
      const input = root().getElementById('failure-search') as HTMLInputElement;
      input.value = 'no such record';
      input.dispatchEvent(new InputEvent('input'));
      await until(() => yields > 0, 'the work started');
      input.value = '';
      input.dispatchEvent(new InputEvent('input'));
      await idle();
      const after = yields;
      await settle(el);
      expect(yields, 'yields after the newer result').to.equal(after);
      expect(text(root().querySelector('.showing'))).to.equal('Showing 100,000 of 100,000');
    });

    for (const sort of ['name', 'type', 'code'] as const) {
      it(`sorting by ${sort} runs in slices and gives the collator's stable order`, async () => {
        const select = root().getElementById('failure-sort') as HTMLSelectElement;
        select.value = sort;
        select.dispatchEvent(new Event('change'));
        await until(() => root().querySelector('[part~="error-list"]')?.getAttribute('aria-busy') === 'true', 'the work started');
        await idle();
        expect(yields, 'yields while ranking and sorting').to.be.at.least(STEPS);
        // Today's order, the plain way: the collator on (key, name), stable, so the API's order breaks ties.
        const collator = new Intl.Collator(undefined, { numeric: true });
        const key = (item: ImportErrorItem) => (sort === 'type' ? item.type : sort === 'code' ? item.error_code : '');
        const expected = [...items].sort((a, b) => collator.compare(key(a), key(b)) || collator.compare(a.name, b.name));
        expect(names()).to.deep.equal(expected.slice(0, 100).map((item) => item.name));
        const last = root().querySelector<HTMLButtonElement>('.pager [data-page="last"]')!;
        last.click();
        await el.updateComplete;
        expect(names()).to.deep.equal(expected.slice(-100).map((item) => item.name));
      });
    }
  });
});

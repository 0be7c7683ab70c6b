// The promise that 100,000 failed records never keep the page from painting: the work runs in
// slices with a frame painted between two. Measured by what the code does, not by a clock: the
// page's clock (performance.now, which the slicing reads to end a slice) moves on by a quarter
// of the frame budget each time it is read, so a slice is a few steps of RECORDS_PER_STEP
// records on any machine, however busy; a requestAnimationFrame loop counts the frames painted
// meanwhile and looks at the screen in each. Each stage must paint at least one frame per
// STEPS_PER_FRAME steps. Slices chained with `scheduler.yield()` (the slicing before) paint
// about one frame per 100 ms in Chromium, and fail these counts; so does a stage run at once.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { normalizeImportResponse } from '../src/api/normalize-import-task.js';
import type { ImportErrorItem } from '../src/api/types.js';
import type { DnsImportFailures } from '../src/failures/dns-import-failures.js';
import { FRAME_BUDGET_MS, RECORDS_PER_STEP } from '../src/common/work-in-slices.js';
import { envelope, rawTask } from './support/documented-sample.js';
import { mount } from './support/mount.js';
import { ScriptedFetcher } from './support/scripted-fetcher.js';
import { settle, until } from './support/wait.js';

const COUNT = 100_000;
/** Steps a stage over every record takes at least. */
const STEPS = COUNT / RECORDS_PER_STEP - 1;
/** With the test's clock a slice is five steps; a frame at least every eight steps leaves room. */
const STEPS_PER_FRAME = 8;
/** Frames painted at least while `steps` steps run. */
const framesFor = (steps: number) => Math.floor(steps / STEPS_PER_FRAME);

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

/** Frames painted since the test last set it to 0. */
let frames = 0;
/** Readings of the clock: each step of the work reads it once. */
let readings = 0;
/** Called in every painted frame, to look at the screen as a person sees it. */
let onFrame = () => {};
let frameRequest = 0;

beforeEach(() => {
  frames = readings = 0;
  onFrame = () => {};
  let now = performance.now();
  Object.defineProperty(performance, 'now', {
    configurable: true,
    value: () => {
      readings++;
      return (now += FRAME_BUDGET_MS / 4);
    },
  });
  const paintedFrame = () => {
    frames++;
    onFrame();
    frameRequest = requestAnimationFrame(paintedFrame);
  };
  frameRequest = requestAnimationFrame(paintedFrame);
});

afterEach(() => {
  cancelAnimationFrame(frameRequest);
  delete (performance as { now?: unknown }).now;
});

describe('100,000 failed records, in slices', function () {
  this.timeout(60_000);

  it('a first render normalizes, shows the first page, then groups, painting frames all along, and never shows counts or groups half-computed', async () => {
    const scripted = new ScriptedFetcher();
    const status = await mount({ fetcher: scripted, zoneId: 'zone-slices', attributes: { lang: 'en' } });
    const list = () => status.shadowRoot!.querySelector<DnsImportFailures>('dns-import-failures');
    const shownText = (selector: string) => text(list()?.shadowRoot?.querySelector(selector));
    const seen = { groups: new Set<string>(), showing: new Set<string>() };
    onFrame = () => {
      seen.groups.add(shownText('.groups'));
      seen.showing.add(shownText('.showing'));
    };
    const answer = body();
    frames = 0;
    scripted.answer(answer);
    await until(() => status.task !== undefined, 'the task');
    expect(frames, 'frames painted while normalizing').to.be.at.least(framesFor(STEPS));
    await until(() => list()?.shadowRoot?.querySelectorAll('[part~="error-item"]').length === 100, 'the first page');
    await until(() => shownText('.groups') !== '', 'the causes');
    expect(frames, 'frames painted while normalizing, grouping and listing the types').to.be.at.least(framesFor(3 * STEPS));
    // In every frame painted: nothing yet, or the final figures; never a count on its way up.
    expect([...seen.groups].filter((groups) => groups !== '' && groups !== shownText('.groups')), 'causes in a frame').to.deep.equal([]);
    expect([...seen.showing].filter((showing) => showing !== '' && showing !== 'Showing 100,000 of 100,000'), 'counts in a frame').to.deep.equal([]);
    expect(seen.showing, 'the first page shown before the causes were counted').to.include('Showing 100,000 of 100,000');

    // An identical answer, as a fresh object from a custom fetcher: compared in slices, nothing built, nothing changes.
    const task = status.task;
    let progress = 0;
    status.addEventListener('import-progress', () => progress++);
    const refreshed = status.refresh();
    await scripted.called(2);
    const again = body();
    frames = 0;
    scripted.answer(again);
    await refreshed;
    expect(frames, 'frames painted while comparing').to.be.at.least(framesFor(STEPS));
    expect(status.task).to.equal(task);
    expect(progress).to.equal(0);
  });

  describe('typing and sorting', () => {
    let items: readonly ImportErrorItem[];
    let el: DnsImportFailures;
    const root = () => el.shadowRoot!;
    const names = () => [...root().querySelectorAll('[part~="error-item"]')].map((row) => text(row.querySelector('td')));
    // A frame every few steps: sorting 100,000 names is a few hundred frames, longer in WebKit.
    // Every list here holds more than a page, built a few rows per frame.
    const idle = () =>
      until(() => root().querySelector('[part~="error-list"]')?.getAttribute('aria-busy') === 'false' && names().length === 100, 'the list worked out', {
        timeout: 30_000,
      });

    beforeEach(async () => {
      items = normalizeImportResponse(body())!.error_items;
      el = await fixture<DnsImportFailures>(html`<dns-import-failures lang="en" zone-id="z" .items=${items}></dns-import-failures>`);
      await idle();
      frames = readings = 0;
    });

    it('a text filter paints frames while it runs and finds what a plain scan finds', async () => {
      const input = root().getElementById('failure-search') as HTMLInputElement;
      input.value = '.EXAMPLE.COM';
      input.dispatchEvent(new InputEvent('input'));
      await until(() => text(root().querySelector('.showing')).startsWith('Showing 9'), 'the filtered list');
      await idle();
      expect(frames, 'frames painted while folding and filtering').to.be.at.least(framesFor(2 * STEPS));
      const expected = items.filter((item) => item.name.toLowerCase().includes('.example.com'));
      expect(text(root().querySelector('.showing'))).to.equal(`Showing ${expected.length.toLocaleString('en')} of 100,000`);
      expect(names()).to.deep.equal(expected.slice(0, 100).map((item) => item.name));
    });

    it('a newer query drops the work of one still being worked out', async () => {
      const input = root().getElementById('failure-search') as HTMLInputElement;
      input.value = 'no such record';
      input.dispatchEvent(new InputEvent('input'));
      await until(() => readings > 0, 'the work started');
      input.value = '';
      input.dispatchEvent(new InputEvent('input'));
      await idle();
      const after = readings;
      await settle(el);
      expect(readings, 'steps after the newer result').to.equal(after);
      expect(text(root().querySelector('.showing'))).to.equal('Showing 100,000 of 100,000');
    });

    for (const sort of ['name', 'type', 'code'] as const) {
      // Ranking (three passes over the records and a merge sort) and the filter pass: over five passes' steps.
      it(`sorting by ${sort} paints a frame every few steps and gives the collator's stable order`, async () => {
        const select = root().getElementById('failure-sort') as HTMLSelectElement;
        select.value = sort;
        select.dispatchEvent(new Event('change'));
        await until(() => root().querySelector('[part~="error-list"]')?.getAttribute('aria-busy') === 'true', 'the work started');
        await idle();
        expect(frames, 'frames painted while ranking and sorting').to.be.at.least(framesFor(4 * STEPS));
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

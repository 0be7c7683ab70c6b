// <dns-import-failures>, the failed-record list: mounted alone where the list itself is tested
// (items set directly, as a console would), and inside <dns-import-status> where the
// composition is (polls, parts, re-renders). Tasks are DONE, so nothing polls on a timer: a
// "poll" here is refresh() answered by the test.
import { expect, fixture, html } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { normalizeImportResponse } from '../src/api/normalize-import-task.js';
import { FAILURE_PAGE_SIZE, type DnsImportFailures } from '../src/failures/dns-import-failures.js';
import { DOCUMENTED_TASK_ID, documentedTask, envelope, rawTask } from './support/documented-sample.js';
import { watchLitWarnings } from './support/lit-warnings.js';
import { ScriptedFetcher } from './support/scripted-fetcher.js';
import { mountAnswered } from './support/mount.js';
import { hasSettled, until } from './support/wait.js';

type RawItem = Record<string, unknown>;

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const root = (el: DnsImportFailures) => el.shadowRoot!;
const rows = (el: DnsImportFailures) => [...root(el).querySelectorAll('[part~="error-item"]')];
const rowNames = (el: DnsImportFailures) => rows(el).map((row) => text(row.querySelector('td')));
const showing = (el: DnsImportFailures) => text(root(el).querySelector('.showing'));
const groupButtons = (el: DnsImportFailures) => [...root(el).querySelectorAll<HTMLButtonElement>('button.group')];
const pagerButton = (el: DnsImportFailures, which: string) => root(el).querySelector<HTMLButtonElement>(`.pager [data-page="${which}"]`)!;
const range = (el: DnsImportFailures) => text(root(el).querySelector('.pager .range'));
const downloadButton = (el: DnsImportFailures) => root(el).querySelector<HTMLButtonElement>('button.download')!;
const listIn = (status: DnsImportStatus) => status.shadowRoot!.querySelector('dns-import-failures')!;

function item(name: string, type: string, code: string, value: string | string[] = '192.0.2.1', extra: RawItem = {}): RawItem {
  const messages: Record<string, string> = {
    'DNS.0806': documentedTask().error_items[0]!.error_message,
    'DNS.0016': 'The record set already exists.',
    'DNS.0308': 'Invalid record value.',
  };
  return { name, type, line: 'default_view', ttl: '300', value, error_code: code, error_message: messages[code] ?? 'Unknown failure.', ...extra };
}

/** Five records, three causes: DNS.0016 ×2 … in an order that differs from every sort. */
const five: RawItem[] = [
  item('www.example.com.', 'CNAME', 'DNS.0806', 'cdn.example.net.'),
  item('mail.example.com.', 'MX', 'DNS.0016', '10 mx.example.com.'),
  item('测试.example.com.', 'A', 'DNS.0308', ['198.51.100.7', '198.51.100.8']),
  item('api.example.com.', 'AAAA', 'DNS.0016', '2001:db8::1'),
  item('host10.example.com.', 'A', 'DNS.0806', '203.0.113.10'),
];
// DNS.0806 ×2 and DNS.0016 ×2 tie: the code breaks the tie, so DNS.0016 comes first.

function many(count: number): RawItem[] {
  return Array.from({ length: count }, (_, i) => item(`host${i + 1}.example.com.`, i % 2 ? 'AAAA' : 'A', i % 3 ? 'DNS.0016' : 'DNS.0806', `192.0.2.${i % 250}`));
}

/** Raw records as the API sends them, normalized as the status element hands them over. */
function normalized(items: RawItem[]) {
  return normalizeImportResponse(envelope(rawTask({ error_items: items, error_count: items.length })))!.error_items;
}

/** The list alone, as a console uses it: records set as a property, ids and language as attributes. */
async function mount(items: RawItem[], options: { lang?: string; zoneId?: string; taskId?: string } = {}) {
  const el = await fixture<DnsImportFailures>(
    html`<dns-import-failures
      lang=${options.lang ?? 'en'}
      zone-id=${options.zoneId ?? 'zone-fv'}
      task-id=${options.taskId ?? DOCUMENTED_TASK_ID}
      .items=${normalized(items)}
    ></dns-import-failures>`,
  );
  await wholeFirstPage(el, items.length);
  return { el };
}

/** A list that appears shows its first rows in one frame and the rest of its page in the next. */
const wholeFirstPage = (el: DnsImportFailures, count: number) =>
  until(() => rows(el).length === Math.min(FAILURE_PAGE_SIZE, count), 'the whole first page');

/** The list inside <dns-import-status>, fed by a scripted fetcher. */
async function show(items: RawItem[], options: { lang?: string; zoneId?: string; task?: RawItem } = {}) {
  const { el: status, scripted } = await mountAnswered(
    envelope(rawTask({ total_count: items.length, success_count: 0, error_count: items.length, error_items: items, ...options.task })),
    { zoneId: options.zoneId ?? 'zone-fv', attributes: { lang: options.lang ?? 'en' } },
  );
  const el = listIn(status);
  await wholeFirstPage(el, ((options.task?.['error_items'] ?? items) as unknown[]).length);
  return { status, el, scripted };
}

/** A poll: refresh() answered with the given body. */
async function poll(status: DnsImportStatus, scripted: ScriptedFetcher, body: unknown) {
  const calls = scripted.calls.length;
  const refreshed = hasSettled(status.refresh());
  await scripted.called(calls + 1);
  scripted.answer(body);
  await until(refreshed, 'refresh() to settle');
  await status.updateComplete;
  await listIn(status).updateComplete;
}

async function search(el: DnsImportFailures, value: string) {
  const input = root(el).getElementById('failure-search') as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await el.updateComplete;
}

async function choose(el: DnsImportFailures, id: 'failure-type' | 'failure-sort', value: string) {
  const select = root(el).getElementById(id) as HTMLSelectElement;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

async function click(el: DnsImportFailures, button: HTMLButtonElement) {
  button.click();
  await el.updateComplete;
}

describe('<dns-import-failures>', () => {
  describe('overview by cause', () => {
    it('shows one button per error code, biggest first, with count, code, server message and hint', async () => {
      const items = [...five, item('x.example.com.', 'A', 'DNS.0016'), item('y.example.com.', 'A', 'DNS.9999')];
      const { el } = await mount(items);
      const groups = groupButtons(el);
      expect(groups.map((g) => text(g.querySelector('.code')))).to.deep.equal(['DNS.0016', 'DNS.0806', 'DNS.0308', 'DNS.9999']);
      expect(groups.map((g) => text(g.querySelector('.count')))).to.deep.equal(['3', '2', '1', '1']);
      expect(text(groups[0]!.querySelector('.message'))).to.equal('The record set already exists.');
      expect(text(groups[1]!.querySelector('.hint'))).to.equal(
        'Line not in your DNS edition: use the default line, or upgrade.',
      );
      expect(text(groups[2]!.querySelector('.hint'))).to.contain('Value does not fit the type');
      expect(groups[3]!.querySelector('.hint'), 'no hint for an unknown code').to.equal(null);
      expect(groups.every((g) => g.getAttribute('aria-pressed') === 'false')).to.equal(true);
    });

    it('speaks Chinese: hints, counts and the heading', async () => {
      const { el } = await mount(many(1500), { lang: 'zh-CN' });
      const groups = groupButtons(el);
      expect(text(groups[0]!.querySelector('.code'))).to.equal('DNS.0016');
      expect(text(groups[0]!.querySelector('.count'))).to.equal('1,000');
      expect(text(groups[1]!.querySelector('.hint'))).to.equal('当前 DNS 版本不支持该线路：请用默认线路或升级。');
      expect(text(groups[0]!.querySelector('.hint'))).to.contain('记录已存在');
      expect(text(root(el).querySelector('h4'))).to.equal('按原因');
      expect(showing(el)).to.equal('显示 1,500 / 1,500 条');
      expect(range(el)).to.equal('1–100 行，共 1,500 行');
    });

    it('names a group of records sent without an error code', async () => {
      const { el } = await mount([item('a.example.com.', 'A', '')]);
      expect(text(groupButtons(el)[0]!.querySelector('.code'))).to.equal('No error code');
    });

    it('selecting a group filters the table; selecting it again clears the filter', async () => {
      const { el } = await mount(five);
      const [conflicts] = groupButtons(el);
      await click(el, conflicts!);
      expect(groupButtons(el)[0]!.getAttribute('aria-pressed')).to.equal('true');
      expect(rowNames(el)).to.deep.equal(['mail.example.com.', 'api.example.com.']);
      expect(showing(el)).to.equal('Showing 2 of 5');

      // Another group replaces the selection.
      await click(el, groupButtons(el)[2]!);
      expect(rowNames(el)).to.deep.equal(['测试.example.com.']);
      expect(groupButtons(el).map((g) => g.getAttribute('aria-pressed'))).to.deep.equal(['false', 'false', 'true']);

      await click(el, groupButtons(el)[2]!);
      expect(rows(el)).to.have.length(5);
      expect(showing(el)).to.equal('Showing 5 of 5');
      expect(groupButtons(el).every((g) => g.getAttribute('aria-pressed') === 'false')).to.equal(true);
    });

    it('shows the twelve biggest causes, the rest on demand, and keeps a selected cause visible', async () => {
      const items = Array.from({ length: 15 }, (_, i) => Array.from({ length: 15 - i }, (_, j) => item(`r${i}-${j}.example.com.`, 'A', `ERR.${String(i).padStart(2, '0')}`))).flat();
      const { el } = await mount(items);
      expect(groupButtons(el)).to.have.length(12);
      const more = root(el).querySelector<HTMLButtonElement>('button.more-groups')!;
      expect(text(more)).to.equal('Show all 15 causes');
      expect(more.getAttribute('aria-expanded')).to.equal('false');
      await click(el, more);
      expect(groupButtons(el)).to.have.length(15);
      await click(el, groupButtons(el)[14]!);
      expect(showing(el)).to.equal('Showing 1 of 120');
      const fewer = root(el).querySelector<HTMLButtonElement>('button.more-groups')!;
      expect(text(fewer)).to.equal('Show fewer causes');
      await click(el, fewer);
      const codes = groupButtons(el).map((g) => text(g.querySelector('.code')));
      expect(codes).to.have.length(13);
      expect(codes.at(-1)).to.equal('ERR.14');
    });
  });

  describe('find and sort', () => {
    it('filters by text in the name or in any value, ignoring case and full-width forms', async () => {
      const { el } = await mount(five);
      await search(el, 'MAIL');
      expect(rowNames(el)).to.deep.equal(['mail.example.com.']);
      expect(showing(el)).to.equal('Showing 1 of 5');
      await search(el, '198.51.100.8');
      expect(rowNames(el)).to.deep.equal(['测试.example.com.']);
      await search(el, '测试');
      expect(rowNames(el)).to.deep.equal(['测试.example.com.']);
      await search(el, 'ＡＰＩ');
      expect(rowNames(el)).to.deep.equal(['api.example.com.']);
      await search(el, 'nothing-like-this');
      expect(rows(el)).to.have.length(0);
      expect(text(root(el).querySelector('.no-match'))).to.equal('No record matches.');
      expect(showing(el)).to.equal('Showing 0 of 5');
      await search(el, '');
      expect(rows(el)).to.have.length(5);
    });

    it('filters by text in Chinese, with the count in Chinese', async () => {
      const { el } = await mount(five, { lang: 'zh' });
      await search(el, '测试');
      expect(rowNames(el)).to.deep.equal(['测试.example.com.']);
      expect(showing(el)).to.equal('显示 1 / 5 条');
      expect(text(root(el).querySelector('.no-match'))).to.equal('');
      await search(el, '不存在');
      expect(text(root(el).querySelector('.no-match'))).to.equal('无匹配记录。');
    });

    it('waits for an input method to finish composing before searching', async () => {
      const { el } = await mount(five, { lang: 'zh' });
      const input = root(el).getElementById('failure-search') as HTMLInputElement;
      input.value = 'ce';
      input.dispatchEvent(new InputEvent('input', { isComposing: true }));
      await el.updateComplete;
      expect(rows(el)).to.have.length(5);
      input.value = '测';
      input.dispatchEvent(new CompositionEvent('compositionend', { data: '测' }));
      await el.updateComplete;
      expect(rowNames(el)).to.deep.equal(['测试.example.com.']);
    });

    it('filters by record type, offering each type present once', async () => {
      const { el } = await mount(five);
      const options = [...root(el).querySelectorAll('#failure-type option')].map((o) => text(o));
      expect(options).to.deep.equal(['All types', 'A', 'AAAA', 'CNAME', 'MX']);
      await choose(el, 'failure-type', 'A');
      expect(rowNames(el)).to.deep.equal(['测试.example.com.', 'host10.example.com.']);
      expect(showing(el)).to.equal('Showing 2 of 5');
      await choose(el, 'failure-type', '');
      expect(rows(el)).to.have.length(5);
    });

    it('sorts by name, type and error code, and back to the order received', async () => {
      const { el } = await mount(five);
      const received = ['www.example.com.', 'mail.example.com.', '测试.example.com.', 'api.example.com.', 'host10.example.com.'];
      expect(rowNames(el)).to.deep.equal(received);
      expect([...root(el).querySelectorAll('#failure-sort option')].map((o) => text(o))).to.deep.equal(['As received', 'Name', 'Type', 'Error code']);

      await choose(el, 'failure-sort', 'name');
      expect(rowNames(el)).to.deep.equal(['api.example.com.', 'host10.example.com.', 'mail.example.com.', 'www.example.com.', '测试.example.com.']);
      await choose(el, 'failure-sort', 'type');
      // Equal types are ordered by name.
      expect(rowNames(el)).to.deep.equal(['host10.example.com.', '测试.example.com.', 'api.example.com.', 'www.example.com.', 'mail.example.com.']);
      await choose(el, 'failure-sort', 'code');
      expect(rows(el).map((row) => text(row.querySelector('td.code')))).to.deep.equal(['DNS.0016', 'DNS.0016', 'DNS.0308', 'DNS.0806', 'DNS.0806']);
      expect(rowNames(el)).to.deep.equal(['api.example.com.', 'mail.example.com.', '测试.example.com.', 'host10.example.com.', 'www.example.com.']);
      expect(showing(el), 'sorting hides nothing').to.equal('Showing 5 of 5');
      await choose(el, 'failure-sort', 'none');
      expect(rowNames(el)).to.deep.equal(received);
    });

    it('sorts numbers in names as people read them', async () => {
      const { el } = await mount(many(12));
      await choose(el, 'failure-sort', 'name');
      expect(rowNames(el).slice(0, 3)).to.deep.equal(['host1.example.com.', 'host2.example.com.', 'host3.example.com.']);
      expect(rowNames(el).at(-1)).to.equal('host12.example.com.');
    });

    it('combines the filters, counts "N of M" exactly, and clears them with one button', async () => {
      const { el } = await mount(many(1000));
      expect(showing(el)).to.equal('Showing 1,000 of 1,000');
      expect(root(el).querySelector('button.clear'), 'no clear button without a filter').to.equal(null);
      await click(el, groupButtons(el)[0]!); // DNS.0016: i % 3 !== 0 → 666
      expect(showing(el)).to.equal('Showing 666 of 1,000');
      await choose(el, 'failure-type', 'AAAA'); // odd i, not a multiple of 3 → 333
      expect(showing(el)).to.equal('Showing 333 of 1,000');
      await search(el, '192.0.2.1'); // values 192.0.2.1, .1x, .1xx among them
      const expected = many(1000).filter((record, i) => i % 2 === 1 && i % 3 !== 0 && (record['value'] as string).includes('192.0.2.1')).length;
      expect(showing(el)).to.equal(`Showing ${expected} of 1,000`);
      await choose(el, 'failure-sort', 'name');
      expect(showing(el)).to.equal(`Showing ${expected} of 1,000`);

      await click(el, root(el).querySelector<HTMLButtonElement>('button.clear')!);
      expect(showing(el)).to.equal('Showing 1,000 of 1,000');
      expect((root(el).getElementById('failure-search') as HTMLInputElement).value).to.equal('');
      expect((root(el).getElementById('failure-type') as HTMLSelectElement).value).to.equal('');
      expect((root(el).getElementById('failure-sort') as HTMLSelectElement).value, 'sorting is not a filter').to.equal('name');
      expect(groupButtons(el).every((g) => g.getAttribute('aria-pressed') === 'false')).to.equal(true);
    });
  });

  describe('paging', () => {
    it('shows one page at a time, with ranges, and disables the buttons at each end', async () => {
      const { el } = await mount(many(250));
      expect(rows(el)).to.have.length(FAILURE_PAGE_SIZE);
      expect(range(el)).to.equal('Rows 1–100 of 250');
      expect(rowNames(el)[0]).to.equal('host1.example.com.');
      expect(pagerButton(el, 'first').disabled).to.equal(true);
      expect(pagerButton(el, 'previous').disabled).to.equal(true);
      expect(pagerButton(el, 'next').disabled).to.equal(false);
      expect(pagerButton(el, 'last').disabled).to.equal(false);
      expect(root(el).querySelector('.pager')!.getAttribute('aria-label')).to.equal('Pages');

      await click(el, pagerButton(el, 'next'));
      expect(range(el)).to.equal('Rows 101–200 of 250');
      expect(rowNames(el)[0]).to.equal('host101.example.com.');
      expect(rows(el)[0]!.getAttribute('aria-rowindex')).to.equal('102');
      expect(root(el).querySelector('table')!.getAttribute('aria-rowcount')).to.equal('251');
      expect(['first', 'previous', 'next', 'last'].map((b) => pagerButton(el, b).disabled)).to.deep.equal([false, false, false, false]);

      await click(el, pagerButton(el, 'last'));
      expect(range(el)).to.equal('Rows 201–250 of 250');
      expect(rows(el)).to.have.length(50);
      expect(rowNames(el).at(-1)).to.equal('host250.example.com.');
      expect(pagerButton(el, 'next').disabled).to.equal(true);
      expect(pagerButton(el, 'last').disabled).to.equal(true);

      await click(el, pagerButton(el, 'previous'));
      expect(range(el)).to.equal('Rows 101–200 of 250');
      await click(el, pagerButton(el, 'first'));
      expect(range(el)).to.equal('Rows 1–100 of 250');
      expect(pagerButton(el, 'first').disabled).to.equal(true);
    });

    it('keeps the keyboard focus in the pager when the focused button becomes disabled, and scrolls the list to the top', async () => {
      const { el } = await mount(many(250));
      const list = root(el).querySelector<HTMLElement>('[part~="error-list"]')!;
      list.scrollTop = 200;
      const last = pagerButton(el, 'last');
      last.focus();
      await click(el, last);
      await until(() => root(el).activeElement === pagerButton(el, 'previous'), 'focus on Previous');
      expect(list.scrollTop).to.equal(0);
      const first = pagerButton(el, 'first');
      first.focus();
      await click(el, first);
      await until(() => root(el).activeElement === pagerButton(el, 'next'), 'focus on Next');
    });

    it('a list that appears builds its page over the next frames, a quarter at a time; a new list in place comes whole', async () => {
      const el = document.createElement('dns-import-failures');
      el.setAttribute('lang', 'en');
      el.items = normalized(many(250));
      document.body.append(el);
      try {
        const seen = new Set<number>();
        const note = () => {
          seen.add(rows(el).length);
          if (rows(el).length < FAILURE_PAGE_SIZE) requestAnimationFrame(note);
        };
        await el.updateComplete;
        // In the frame it appears, the list builds and lays out no row: its heading, causes and controls.
        expect(rows(el)).to.have.length(0);
        expect(range(el), 'the range says the whole page').to.equal('Rows 1–100 of 250');
        note();
        await until(() => rows(el).length === FAILURE_PAGE_SIZE, 'the whole page');
        expect([...seen].every((count) => count % (FAILURE_PAGE_SIZE / 4) === 0), `rows seen in frames: ${[...seen].join(', ')}`).to.equal(true);
        expect([...seen], 'a frame with a quarter of the page').to.include(FAILURE_PAGE_SIZE / 4);
        expect(rowNames(el)).to.deep.equal(many(100).map((record) => record['name']));
        el.items = normalized(many(300));
        await el.updateComplete;
        expect(rows(el), 'rows were there already').to.have.length(FAILURE_PAGE_SIZE);
      } finally {
        el.remove();
      }
    });

    it("the reader's new sort comes a quarter of the page at a time, the first rows with the result", async () => {
      const { el } = await mount(many(250));
      await until(() => rows(el).length === FAILURE_PAGE_SIZE, 'the whole first page');
      await choose(el, 'failure-sort', 'name');
      expect(rows(el), 'the first quarter with the result').to.have.length(FAILURE_PAGE_SIZE / 4);
      const sorted = many(250).map((record) => record['name'] as string).sort(new Intl.Collator(undefined, { numeric: true }).compare);
      expect(rowNames(el)).to.deep.equal(sorted.slice(0, FAILURE_PAGE_SIZE / 4));
      await until(() => rows(el).length === FAILURE_PAGE_SIZE, 'the whole sorted page');
      expect(rowNames(el)).to.deep.equal(sorted.slice(0, FAILURE_PAGE_SIZE));
    });

    it('has no pager when everything fits on one page', async () => {
      const { el } = await mount(many(FAILURE_PAGE_SIZE));
      expect(rows(el)).to.have.length(FAILURE_PAGE_SIZE);
      expect(root(el).querySelector('.pager')).to.equal(null);
    });

    it('a new query starts again at the first page', async () => {
      const { el } = await mount(many(450));
      await click(el, pagerButton(el, 'last'));
      expect(range(el)).to.equal('Rows 401–450 of 450');
      await choose(el, 'failure-type', 'A');
      expect(range(el)).to.equal('Rows 1–100 of 225');
      await click(el, pagerButton(el, 'next'));
      await choose(el, 'failure-sort', 'name');
      expect(range(el)).to.equal('Rows 1–100 of 225');
    });

    it('at 100,000 failed records renders one page of rows', async () => {
      const items = Array.from({ length: 100_000 }, (_, i) => ({
        name: `h${i}.example.com.`, type: 'A', line: 'default_view', ttl: 300, value: '192.0.2.1', error_code: 'DNS.0806', error_message: 'm',
      }));
      const { el } = await mount(items);
      // A list this long is worked out in slices (test/slicing.test.ts): the rows come after.
      await until(() => rows(el).length === FAILURE_PAGE_SIZE, 'the first page of rows');
      expect(root(el).querySelectorAll('tr')).to.have.length(FAILURE_PAGE_SIZE + 1);
      expect(showing(el)).to.equal('Showing 100,000 of 100,000');
      expect(range(el)).to.equal('Rows 1–100 of 100,000');
      await click(el, pagerButton(el, 'last'));
      expect(range(el)).to.equal('Rows 99,901–100,000 of 100,000');
      expect(rows(el)).to.have.length(FAILURE_PAGE_SIZE);
    });
  });

  describe('inside <dns-import-status>, across polls', () => {
    it('keeps the query and the page across an identical and a changed poll of the same zone', async () => {
      const items = many(300);
      const body = (overrides: RawItem = {}) =>
        envelope(rawTask({ total_count: 400, success_count: 100, error_count: 300, error_items: items, ...overrides }));
      const { status, el, scripted } = await show(items, { task: { total_count: 400, success_count: 100 } });
      await choose(el, 'failure-type', 'AAAA');
      await click(el, pagerButton(el, 'next'));
      expect(range(el)).to.equal('Rows 101–150 of 150');
      const firstRowBefore = rows(el)[0];

      await poll(status, scripted, body());
      expect(range(el), 'identical poll').to.equal('Rows 101–150 of 150');
      expect(rows(el)[0], 'not even re-rendered').to.equal(firstRowBefore);

      await poll(status, scripted, body({ updated_at: '2018-09-07T12:52:00.000', success_count: 101, total_count: 401 }));
      expect(text(status.shadowRoot!.querySelector('[part~="summary"]'))).to.contain('101 imported, 300 failed');
      expect(range(el), 'changed poll').to.equal('Rows 101–150 of 150');
      expect((root(el).getElementById('failure-type') as HTMLSelectElement).value).to.equal('AAAA');

      // New records: the query still applies to them; the page stays where it can.
      await poll(status, scripted, body({ updated_at: '2018-09-07T12:53:00.000', error_items: items.slice(0, 220), error_count: 220 }));
      expect(showing(el)).to.equal('Showing 110 of 220');
      expect(range(el)).to.equal('Rows 101–110 of 110');
      await poll(status, scripted, body({ updated_at: '2018-09-07T12:54:00.000', error_items: items.slice(0, 20), error_count: 20 }));
      expect(showing(el)).to.equal('Showing 10 of 20');
      expect(rows(el)).to.have.length(10);
      expect(root(el).querySelector('.pager')).to.equal(null);
    });

    it('keeps a selected type that a poll no longer has, showing nothing rather than everything', async () => {
      const { status, el, scripted } = await show(five);
      await choose(el, 'failure-type', 'MX');
      await poll(status, scripted, envelope(rawTask({ updated_at: '2018-09-07T12:59:00.000', total_count: 1, error_count: 1, error_items: [five[0]] })));
      expect((root(el).getElementById('failure-type') as HTMLSelectElement).value).to.equal('MX');
      expect(showing(el)).to.equal('Showing 0 of 1');
    });

    it('shows the page asked for again when a list that shrank grows back: the clamp is not kept', async () => {
      const { status, el, scripted } = await show(many(300));
      const body = (count: number, minute: number) =>
        envelope(rawTask({ updated_at: `2018-09-07T12:${minute}:00.000`, total_count: 400, error_count: count, error_items: many(count) }));
      await click(el, pagerButton(el, 'last'));
      expect(range(el)).to.equal('Rows 201–300 of 300');

      await poll(status, scripted, body(50, 51));
      expect(root(el).querySelector('.pager'), 'one page left').to.equal(null);
      expect(rowNames(el)[0]).to.equal('host1.example.com.');
      await poll(status, scripted, body(150, 52));
      expect(range(el), 'clamped to the last page there is').to.equal('Rows 101–150 of 150');
      await poll(status, scripted, body(300, 53));
      expect(range(el), 'back on the page asked for').to.equal('Rows 201–300 of 300');

      // The buttons act on the page shown, not on the one asked for.
      await poll(status, scripted, body(150, 54));
      await click(el, pagerButton(el, 'previous'));
      expect(range(el)).to.equal('Rows 1–100 of 150');
    });

    it('keeps the focus on the same cause when a poll re-sorts the causes, so Enter acts on it', async () => {
      const records = (conflicts: number, lines: number) => [
        ...Array.from({ length: conflicts }, (_, i) => item(`c${i}.example.com.`, 'A', 'DNS.0016')),
        ...Array.from({ length: lines }, (_, i) => item(`l${i}.example.com.`, 'A', 'DNS.0806')),
      ];
      const { status, el, scripted } = await show(records(3, 2));
      const codeOf = (button: Element | null) => text(button?.querySelector('.code'));
      expect(groupButtons(el).map(codeOf)).to.deep.equal(['DNS.0016', 'DNS.0806']);
      groupButtons(el)[1]!.focus();
      expect(codeOf(root(el).activeElement)).to.equal('DNS.0806');

      const items = records(3, 5);
      await poll(status, scripted, envelope(rawTask({ updated_at: '2018-09-07T12:51:00.000', total_count: 8, error_count: 8, error_items: items })));
      expect(groupButtons(el).map(codeOf), 'the order flipped').to.deep.equal(['DNS.0806', 'DNS.0016']);
      expect(codeOf(root(el).activeElement), 'the focus followed its cause').to.equal('DNS.0806');
      await click(el, root(el).activeElement as HTMLButtonElement);
      expect(showing(el)).to.equal('Showing 5 of 8');
      expect(rowNames(el)[0]).to.equal('l0.example.com.');
    });

    it('starts afresh when a new import (another task_id) arrives in the same zone', async () => {
      const { status, el, scripted } = await show(many(300));
      await search(el, 'host');
      await choose(el, 'failure-type', 'A');
      await choose(el, 'failure-sort', 'name');
      await click(el, pagerButton(el, 'next'));
      expect(range(el)).to.equal('Rows 101–150 of 150');

      // A refresh that brings the same import back keeps everything.
      await poll(status, scripted, envelope(rawTask({ updated_at: '2018-09-07T12:51:00.000', total_count: 300, error_count: 300, error_items: many(300) })));
      expect(range(el)).to.equal('Rows 101–150 of 150');

      await poll(status, scripted, envelope(rawTask({ task_id: 'second-import', total_count: 300, error_count: 300, error_items: many(300) })));
      expect(showing(el)).to.equal('Showing 300 of 300');
      expect(range(el)).to.equal('Rows 1–100 of 300');
      expect((root(el).getElementById('failure-search') as HTMLInputElement).value).to.equal('');
      expect((root(el).getElementById('failure-type') as HTMLSelectElement).value).to.equal('');
      expect((root(el).getElementById('failure-sort') as HTMLSelectElement).value).to.equal('none');
    });

    it('starts afresh for another zone', async () => {
      const { status, el, scripted } = await show(many(300));
      await search(el, 'host2');
      await click(el, pagerButton(el, 'next'));
      const before = status.task;
      status.zoneId = 'zone-other';
      await until(() => scripted.last.zoneId === 'zone-other', 'a request for the other zone');
      scripted.answer(envelope(rawTask({ total_count: 300, error_count: 300, error_items: many(300) })));
      await until(() => status.state === 'done' && status.task !== before, "the other zone's task");
      await status.updateComplete;
      await el.updateComplete;
      expect(showing(el)).to.equal('Showing 300 of 300');
      expect(range(el)).to.equal('Rows 1–100 of 300');
      expect((root(el).getElementById('failure-search') as HTMLInputElement).value).to.equal('');
    });
  });

  describe('CSV export', () => {
    let downloads: { fileName: string; response: Promise<Response> }[];
    const onClick = (event: MouseEvent) => {
      const anchor = event.target;
      if (!(anchor instanceof HTMLAnchorElement) || !anchor.download) return;
      event.preventDefault();
      downloads.push({ fileName: anchor.download, response: fetch(anchor.href) });
    };
    beforeEach(() => {
      downloads = [];
      document.addEventListener('click', onClick, { capture: true });
    });
    afterEach(() => document.removeEventListener('click', onClick, { capture: true }));

    const csvOf = async (index = 0) => {
      const bytes = new Uint8Array(await (await downloads[index]!.response).arrayBuffer());
      expect([...bytes.slice(0, 3)], 'UTF-8 BOM').to.deep.equal([0xef, 0xbb, 0xbf]);
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
    };

    it('downloads every failed record, in the order shown, with the template columns', async () => {
      const items = [...five, item('=cmd.example.com.', 'TXT', 'DNS.0308', '=HYPERLINK("http://x")')];
      const { el } = await mount(items, { zoneId: 'zone/α 1' });
      expect(text(downloadButton(el))).to.equal('Download CSV');
      await choose(el, 'failure-sort', 'name');
      downloadButton(el).click();
      expect(downloads).to.have.length(1);
      expect(downloads[0]!.fileName).to.equal(`dns-import-failures-zone_1-${DOCUMENTED_TASK_ID}.csv`);
      const lines = (await csvOf()).split('\r\n');
      expect(lines[0]).to.equal('Name,Type,Line,TTL,Value,Error code,Error message');
      expect(lines).to.have.length(items.length + 2);
      expect(lines[1]).to.match(/^'=cmd\.example\.com\.,TXT,default_view,300,"'=HYPERLINK\(""http:\/\/x""\)",DNS\.0308,/);
      expect(lines[2]!.startsWith('api.example.com.,AAAA')).to.equal(true);
      expect(lines.at(-2)).to.equal('测试.example.com.,A,default_view,300,"198.51.100.7\n198.51.100.8",DNS.0308,Invalid record value.');
    });

    it('respects the filter and says so, in the label and the file name', async () => {
      const { el } = await mount(five);
      await click(el, groupButtons(el)[0]!);
      expect(text(downloadButton(el))).to.equal('Download CSV (filtered: 2 of 5)');
      downloadButton(el).click();
      expect(downloads[0]!.fileName).to.equal(`dns-import-failures-zone-fv-${DOCUMENTED_TASK_ID}-filtered.csv`);
      const lines = (await csvOf()).split('\r\n');
      expect(lines.slice(1, -1).map((line) => line.split(',')[0])).to.deep.equal(['mail.example.com.', 'api.example.com.']);
    });

    it('exports the whole filtered list, not only the page on screen', async () => {
      const { el } = await mount(many(300));
      await choose(el, 'failure-type', 'A');
      await click(el, pagerButton(el, 'next'));
      downloadButton(el).click();
      const lines = (await csvOf()).split('\r\n');
      expect(lines).to.have.length(150 + 2);
    });

    it('uses Chinese column titles and label in a Chinese UI, and keeps the weight column when records have one', async () => {
      const { el } = await mount([item('a.example.com.', 'A', 'DNS.0322', '192.0.2.1', { weight: 1001 }), item('测试.example.com.', 'A', 'DNS.0016')], { lang: 'zh-CN' });
      expect(text(downloadButton(el))).to.equal('下载 CSV');
      await search(el, '测试');
      expect(text(downloadButton(el))).to.equal('下载 CSV（已筛选 1 / 2 条）');
      downloadButton(el).click();
      const lines = (await csvOf()).split('\r\n');
      expect(lines[0]).to.equal('主机记录,类型,线路,TTL,权重,记录值,错误码,错误信息');
      expect(lines[1]).to.equal('测试.example.com.,A,default_view,300,,192.0.2.1,DNS.0016,The record set already exists.');
    });
  });

  describe('outcome', () => {
    const cases: [string, RawItem, string, string, string][] = [
      ['all imported', { total_count: 1200, success_count: 1200, error_count: 0, error_items: [] }, 'success', 'All 1,200 records imported', '全部 1,200 条记录已导入'],
      ['partial', { total_count: 1200, success_count: 1150, error_count: 50, error_items: many(50) }, 'partial', '1,150 imported, 50 failed', '已导入 1,150 条，50 条失败'],
      ['nothing', { total_count: 500, success_count: 0, error_count: 500, error_items: many(500) }, 'failed', 'Nothing imported: 500 failed', '500 条全部失败'],
    ];
    for (const [name, task, emphasis, english, chinese] of cases) {
      it(`says "${english}" with its emphasis, in English and Chinese`, async () => {
        for (const [lang, wording] of [['en', english], ['zh-CN', chinese]] as const) {
          const { status, el } = await show([], { lang, task });
          const outcome = status.shadowRoot!.querySelector('.outcome')!;
          expect(text(outcome), `${name} ${lang}`).to.equal(wording);
          expect(outcome.classList.contains(emphasis)).to.equal(true);
          expect(root(el).querySelector('[part~="error-list"]') !== null).to.equal(name !== 'all imported');
          expect(el.hidden, 'the list is hidden without failed records').to.equal(name === 'all imported');
        }
      });
    }
  });

  it('prints no Lit dev-mode warning while filtering, sorting and paging', async () => {
    const warnings = watchLitWarnings();
    const { el } = await mount(many(250));
    await click(el, groupButtons(el)[0]!);
    await search(el, 'host1');
    await choose(el, 'failure-sort', 'name');
    await choose(el, 'failure-type', 'AAAA');
    await click(el, root(el).querySelector<HTMLButtonElement>('button.clear')!);
    await click(el, pagerButton(el, 'last'));
    expect(warnings()).to.deep.equal([]);
  });

  it('leaves speaking to the status element\'s announcer: the counts and the row range are plain text, not live regions', async () => {
    const { el } = await mount(many(250));
    const live = () => [...root(el).querySelectorAll('[role="status"], [role="alert"], [role="log"], [aria-live]')];
    expect(live()).to.have.length(0);
    await search(el, 'host1');
    await click(el, pagerButton(el, 'next'));
    expect(range(el)).to.equal('Rows 101–111 of 111');
    expect(live()).to.have.length(0);
  });

  it('keeps every row a part="error-item" inside part="error-list", with the labelled controls', async () => {
    const { el } = await mount(many(150));
    const list = root(el).querySelector('[part~="error-list"]')!;
    expect(list.querySelectorAll('[part~="error-item"]')).to.have.length(100);
    expect(rows(el).every((row) => row.tagName === 'TR')).to.equal(true);
    for (const id of ['failure-search', 'failure-type', 'failure-sort']) {
      expect(text(root(el).querySelector(`label[for="${id}"]`)), id).to.not.equal('');
    }
    expect(text(root(el).getElementById('failures-heading'))).to.equal('Failed records (150)');
  });

  describe('alone', () => {
    it('shows nothing without records, and the list once records are set', async () => {
      const el = await fixture<DnsImportFailures>(html`<dns-import-failures></dns-import-failures>`);
      expect(root(el).children).to.have.length(0);
      el.items = normalized(five);
      await el.updateComplete;
      expect(rows(el)).to.have.length(5);
      expect(text(root(el).getElementById('failures-heading'))).to.equal('Failed records (5)');
    });

    it('follows lang live, like the status element: its own, else the closest ancestor\'s', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><dns-import-failures .items=${normalized(five)}></dns-import-failures></div>`);
      const el = wrapper.querySelector('dns-import-failures')!;
      await el.updateComplete;
      expect(text(root(el).querySelector('h4'))).to.equal('By cause');
      wrapper.lang = 'zh-CN';
      await until(() => text(root(el).querySelector('h4')) === '按原因', 'the list in Chinese');
      el.lang = 'en';
      await until(() => text(root(el).querySelector('h4')) === 'By cause', 'its own lang wins');
    });

    it('names the CSV file without ids when it has none', async () => {
      const el = await fixture<DnsImportFailures>(html`<dns-import-failures .items=${normalized(five)}></dns-import-failures>`);
      let fileName = '';
      const onClick = (event: MouseEvent) => {
        if (!(event.target instanceof HTMLAnchorElement)) return;
        event.preventDefault();
        fileName = event.target.download;
      };
      document.addEventListener('click', onClick, { capture: true });
      try {
        downloadButton(el).click();
      } finally {
        document.removeEventListener('click', onClick, { capture: true });
      }
      expect(fileName).to.equal('dns-import-failures.csv');
    });

    it('is registered by the package entry, and a second copy of the entry does not throw', async () => {
      expect(customElements.get('dns-import-failures')).to.equal(listIn(await fixture<DnsImportStatus>(html`<dns-import-status></dns-import-status>`)).constructor);
      await import(/* @vite-ignore */ `../src/index.ts?copy=${Date.now()}`);
      expect(customElements.get('dns-import-failures')).to.not.equal(undefined);
    });
  });

  describe('composed by <dns-import-status>', () => {
    it('forwards error-list and error-item, so the page styles them with ::part() as before', async () => {
      const style = document.createElement('style');
      style.textContent = `
        dns-import-status::part(error-list) { outline: 3px solid rgb(1, 2, 3); }
        dns-import-status::part(error-item) { background-color: rgb(4, 5, 6); }`;
      document.head.append(style);
      try {
        const { el } = await show(five);
        expect(el.getAttribute('exportparts')).to.contain('error-list').and.contain('error-item');
        const list = root(el).querySelector('[part~="error-list"]')!;
        expect(getComputedStyle(list).outlineColor).to.equal('rgb(1, 2, 3)');
        expect(rows(el).map((row) => getComputedStyle(row).backgroundColor)).to.deep.equal(Array(5).fill('rgb(4, 5, 6)'));
      } finally {
        style.remove();
      }
    });

    it('passes the theme\'s custom properties on to the list', async () => {
      const { status, el } = await show(five);
      status.style.setProperty('--dns-import-status-danger-color', 'rgb(7, 8, 9)');
      status.style.setProperty('--dns-import-status-list-max-height', '123px');
      expect(getComputedStyle(groupButtons(el)[0]!.querySelector('.count')!).color).to.equal('rgb(7, 8, 9)');
      expect(getComputedStyle(root(el).querySelector('[part~="error-list"]')!).maxHeight).to.equal('123px');
    });

    it('re-renders the list only on a keystroke in the filter, not the status element', async () => {
      const { status, el } = await show(many(250));
      const statusRenders = sinon.spy(status as unknown as { render(): unknown }, 'render');
      const listRenders = sinon.spy(el as unknown as { render(): unknown }, 'render');
      await search(el, 'host1');
      await click(el, pagerButton(el, 'next'));
      expect(range(el)).to.equal('Rows 101–111 of 111');
      expect(listRenders.callCount, 'the list re-rendered').to.equal(2);
      await status.updateComplete;
      expect(statusRenders.callCount, 'the summary did not').to.equal(0);
    });

    it('hands the list the zone, the task id and the language', async () => {
      const { status, el } = await show(five, { lang: 'zh-CN', zoneId: 'zone-composed' });
      expect(el.zoneId).to.equal('zone-composed');
      expect(el.taskId).to.equal(DOCUMENTED_TASK_ID);
      expect(text(root(el).querySelector('h4'))).to.equal('按原因');
      status.lang = 'en';
      await until(() => text(root(el).querySelector('h4')) === 'By cause', 'the list follows the status element\'s lang');
    });
  });
});

// task-kind: the v2.1 batch-create task beside the .xlsx import. Through the built-in fetcher over
// real HTTP (the simulated API that web-test-runner mounts, simulator/simulated-batch-create.js)
// and through a host's own fetcher; its paged failures read whole (every item once in the task,
// the rows and the CSV) or the gap said; and the sequences: the kind switched on a live element,
// a second task, the element detached and re-attached while the pages are read.
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../src/index.js';
import { importTaskPath } from '../src/api/http-fetcher.js';
import type { ImportTaskFetcher, ImportTaskKind } from '../src/api/types.js';
import { FAILURE_PAGE_SIZE, type DnsImportFailures } from '../src/failures/dns-import-failures.js';
import { shareGroupName } from '../src/polling/tab-share.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { watchImport } from '../src/watcher/import-watcher.js';
import { detailsOf } from './support/events.js';
import { mount } from './support/mount.js';
import { ScriptedFetcher } from './support/scripted-fetcher.js';
import { settle, until, untilState } from './support/wait.js';

const ENDPOINT = '/api/dns';
const sim = (path: string, method = 'GET') => fetch(`/__sim/${path}`, { method }).then((r) => r.json());
const requestsTo = async (zoneId: string): Promise<number> => (await sim('stats')).requests[zoneId] ?? 0;
const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The v2.1 answer for a zone, read straight from the simulator (one page, from `offset`). */
const simulatorPage = (zoneId: string, offset = 0) =>
  fetch(`${ENDPOINT}${importTaskPath(zoneId, 'batch-create')}?error_item_offset=${offset}`).then((r) => r.json());

/** An element on the simulated API, the built-in fetcher, `task-kind` as given. */
const onSimulator = (zoneId: string, taskKind?: string, attributes: Record<string, string> = {}) =>
  mount({ zoneId, attributes: { endpoint: ENDPOINT, ...(taskKind === undefined ? {} : { 'task-kind': taskKind }), ...attributes } });

/** The summary's facts, label to text. */
function facts(el: DnsImportStatus): Record<string, string> {
  const pairs = [...el.shadowRoot!.querySelectorAll('[part~="summary"] dl > div')].map((fact) => [text(fact.querySelector('dt')), text(fact.querySelector('dd'))]);
  return Object.fromEntries(pairs);
}

const listOf = (el: DnsImportStatus) => el.shadowRoot!.querySelector<DnsImportFailures>('dns-import-failures')!;

/** Every row of the failed-record list, page after page, as [name, status] (the status cell when there is one). */
async function allRows(el: DnsImportStatus): Promise<string[][]> {
  const list = listOf(el);
  await list.updateComplete;
  const root = list.shadowRoot!;
  const titles = [...root.querySelectorAll('th')].map((th) => text(th));
  const statusAt = titles.indexOf('Status');
  const count = el.task!.error_items.length;
  const rows: string[][] = [];
  for (;;) {
    // A page may still be built a few rows per frame.
    const pageRows = () => root.querySelectorAll('[part~="error-item"]');
    await until(() => pageRows().length === Math.min(FAILURE_PAGE_SIZE, count - rows.length), 'the whole page');
    for (const row of pageRows()) {
      const cells = [...row.querySelectorAll('td')].map((td) => text(td));
      rows.push(statusAt === -1 ? [cells[0]!] : [cells[0]!, cells[statusAt]!]);
    }
    const next = root.querySelector<HTMLButtonElement>('.pager [data-page="next"]');
    if (!next || next.disabled) return rows;
    next.click();
    await list.updateComplete;
  }
}

/** Clicks the list's CSV button and returns the file's text (BOM removed), caught before the browser saves it. */
async function downloadedCsv(el: DnsImportStatus): Promise<string> {
  let response: Promise<Response> | undefined;
  const onClick = (event: MouseEvent) => {
    const anchor = event.target;
    if (!(anchor instanceof HTMLAnchorElement) || !anchor.download) return;
    event.preventDefault();
    response = fetch(anchor.href);
  };
  document.addEventListener('click', onClick, { capture: true });
  try {
    listOf(el).shadowRoot!.querySelector<HTMLButtonElement>('button.download')!.click();
  } finally {
    document.removeEventListener('click', onClick, { capture: true });
  }
  return (await (await response!).text()).replace(/^\uFEFF/, '');
}

/** The CSV's rows as arrays of cells (no cell here holds a comma, a quote or a line break but the value's). */
const csvRows = (csv: string) => csv.trimEnd().split('\r\n').map((line) => line.split(','));

describe('task-kind over real HTTP (the built-in fetcher and the simulated API)', () => {
  beforeEach(() => sim('reset', 'POST'));

  it('batch-create: GETs the v2.1 path and reads 1,200 failures sent 500 at a time, each shown once in the task, the rows and the CSV', async () => {
    const el = await onSimulator('zone-paged', 'batch-create');
    await until(() => el.task?.error_items.length === 1200, 'the 1,200 failed records');
    await el.updateComplete;
    // Three requests: the task, then the failures from offsets 500 and 1000.
    expect(await requestsTo('zone-paged')).to.equal(3);
    expect((await sim('last-request/zone-paged')).url).to.equal('/api/dns/v2.1/zones/zone-paged/recordsets/batch-create-task?error_item_offset=1000');

    const pages = await Promise.all([0, 500, 1000].map((offset) => simulatorPage('zone-paged', offset)));
    const sent = pages.flatMap((page) => page.error_items as { name: string; records: string[]; status: string; error_code: string }[]);
    expect(sent).to.have.length(1200);
    const task = el.task!;
    expect(task.error_items.map((item) => [item.name, item.value, item.status, item.error_code])).to.deep.equal(
      sent.map((item) => [item.name, item.records, item.status, item.error_code]),
    );
    expect([task.total_count, task.success_count, task.error_count]).to.deep.equal([2000, 800, 1200]);

    const rows = await allRows(el);
    expect(rows).to.deep.equal(sent.map((item) => [item.name, 'ERROR']));
    expect(facts(el)).to.include({ 'Task type': 'Batch create', Failed: '1,200' });

    const csv = csvRows(await downloadedCsv(el));
    expect(csv[0]).to.deep.equal(['Name', 'Type', 'Line', 'TTL', 'Weight', 'Value', 'Status', 'Error code', 'Error message']);
    // A name that a spreadsheet would read as a formula is written with a leading apostrophe.
    const asCsv = (name: string) => (/^[=+\-@]/.test(name) ? `'${name}` : name);
    expect(csv.slice(1).map((cells) => [cells[0], cells[6]])).to.deep.equal(sent.map((item) => [asCsv(item.name), 'ERROR']));
  });

  it('import (the default): GETs the v2 path once and says so in the summary, in both languages', async () => {
    const el = await onSimulator('zone-clean');
    await untilState(el, 'done');
    expect(el.taskKind).to.equal('import');
    expect((await sim('last-request/zone-clean')).url).to.equal('/api/dns/v2/zones/zone-clean/import/recordsets');
    expect(facts(el)['Task type']).to.equal('Import from file');
    el.lang = 'zh-CN';
    await until(() => facts(el)['任务类型'] === '从文件导入', 'the kind in Chinese');
  });

  it('batch-create: a 2,000-record task in one default page, in Chinese', async () => {
    const el = await onSimulator('zone-full', 'batch-create', { lang: 'zh-CN' });
    await until(() => el.task?.error_items.length === 2000, 'the 2,000 failed records');
    await el.updateComplete;
    expect(await requestsTo('zone-full')).to.equal(1);
    expect(facts(el)).to.include({ 任务类型: '批量创建', 失败: '2,000' });
    const list = listOf(el);
    await list.updateComplete;
    expect([...list.shadowRoot!.querySelectorAll('th')].map((th) => text(th))).to.include('状态');
  });

  it('batch-create: a later page that fails leaves the records read and says plainly how many are not listed', async () => {
    const el = await onSimulator('zone-page-fails', 'batch-create');
    await untilState(el, 'done');
    await el.updateComplete;
    expect(el.task!.error_items).to.have.length(500);
    expect(facts(el).Failed).to.equal('800 (300 not listed)');
    expect(el.state).to.equal('done');
    expect(await requestsTo('zone-page-fails')).to.equal(2);
    el.lang = 'zh-CN';
    await until(() => facts(el)['失败'] === '800（300 条未列出）', 'the gap in Chinese');
  });

  it('batch-create: a server that ignores the offset is asked once more, each record is shown once, and the gap is said', async () => {
    const el = await onSimulator('zone-repeating', 'batch-create');
    await untilState(el, 'done');
    await el.updateComplete;
    expect(await requestsTo('zone-repeating')).to.equal(2);
    const first = await simulatorPage('zone-repeating');
    expect(el.task!.error_items.map((item) => item.name)).to.deep.equal(first.error_items.map((item: { name: string }) => item.name));
    expect(el.task!.error_items).to.have.length(300);
    expect(facts(el).Failed).to.equal('700 (400 not listed)');
  });

  it('batch-create: a wrapped body with value and text TTLs reads like the documented one', async () => {
    const el = await onSimulator('zone-wrapped', 'batch-create');
    await untilState(el, 'done');
    const [first] = el.task!.error_items;
    expect(typeof first!.ttl).to.equal('number');
    expect(first!.value.length).to.be.greaterThan(0);
    expect(first!.status).to.equal('ERROR');
  });

  it('switching the kind of a live element asks the other task, from the other path', async () => {
    const el = await onSimulator('zone-clean');
    await untilState(el, 'done');
    const importTask = el.task!;
    el.setAttribute('task-kind', 'batch-create');
    await until(() => el.task !== undefined && el.task.task_id !== importTask.task_id, 'the batch-create task');
    await el.updateComplete;
    expect((await sim('last-request/zone-clean')).url).to.equal('/api/dns/v2.1/zones/zone-clean/recordsets/batch-create-task');
    expect(facts(el)['Task type']).to.equal('Batch create');
    el.removeAttribute('task-kind');
    await until(() => el.task?.task_id === importTask.task_id, 'the import task again');
    expect((await sim('last-request/zone-clean')).url).to.equal('/api/dns/v2/zones/zone-clean/import/recordsets');
  });

  it('an unknown kind falls back to the import, with one development warning', async () => {
    const warn = sinon.stub(console, 'warn');
    try {
      const el = await onSimulator('zone-clean', 'batch_create');
      await untilState(el, 'done');
      expect(el.task!.zone_id).to.equal('zone-clean');
      expect((await sim('last-request/zone-clean')).url).to.equal('/api/dns/v2/zones/zone-clean/import/recordsets');
      el.requestUpdate();
      await el.updateComplete;
      const warnings = warn.getCalls().filter((call) => String(call.args[0]).includes('task-kind'));
      expect(warnings).to.have.length(1);
      expect(String(warnings[0]!.args[0])).to.contain('batch_create');
    } finally {
      warn.restore();
    }
  });
});

describe('task-kind through a host fetcher', () => {
  beforeEach(() => sim('reset', 'POST'));

  it('one fetcher serves both kinds: it is told each request’s kind, and the offset of each further page', async () => {
    const asked: [string, ImportTaskKind | undefined, number | undefined][] = [];
    // A console's own client: the path from the kind, over real HTTP.
    const fetcher: ImportTaskFetcher = async (zoneId, { signal, taskKind, errorItemOffset }) => {
      asked.push([zoneId, taskKind, errorItemOffset]);
      const query = errorItemOffset === undefined ? '' : `?error_item_offset=${errorItemOffset}`;
      return (await fetch(`${ENDPOINT}${importTaskPath(zoneId, taskKind)}${query}`, { signal })).json();
    };
    const imported = await mount({ zoneId: 'zone-clean', fetcher });
    const created = await mount({ zoneId: 'zone-paged', fetcher, attributes: { 'task-kind': 'batch-create' } });
    await untilState(imported, 'done');
    await until(() => created.task?.error_items.length === 1200, 'the 1,200 failed records');
    expect(asked).to.deep.equal([
      ['zone-clean', 'import', undefined],
      ['zone-paged', 'batch-create', undefined],
      ['zone-paged', 'batch-create', 500],
      ['zone-paged', 'batch-create', 1000],
    ]);
    const pages = await Promise.all([0, 500, 1000].map((offset) => simulatorPage('zone-paged', offset)));
    const sent = pages.flatMap((page) => page.error_items as { name: string }[]);
    expect(created.task!.error_items.map((item) => item.name)).to.deep.equal(sent.map((item) => item.name));
  });

  it('one zone, one fetcher, two kinds: two channels, each with its own task', async () => {
    const scripted = new ScriptedFetcher();
    const a = await mount({ zoneId: 'zone-both', fetcher: scripted });
    const b = await mount({ zoneId: 'zone-both', fetcher: scripted, attributes: { 'task-kind': 'batch-create' } });
    expect(scripted.calls.map((call) => call.init.taskKind)).to.deep.equal(['import', 'batch-create']);
    scripted.calls[0]!.resolve({ task_id: 'import-1', status: 'DONE', total_count: 1, success_count: 1, error_count: 0, error_items: [] });
    scripted.calls[1]!.resolve({ task_id: 'batch-1', status: 'DONE', total_count: 2, success_count: 2, error_count: 0, error_items: [] });
    await until(() => a.task?.task_id === 'import-1' && b.task?.task_id === 'batch-1', 'each its own task');
  });

  it('a share key shares per kind: the same key and zone with another kind is another group', async () => {
    expect(shareGroupName('project', '', 'zone-1', 'import')).to.not.equal(shareGroupName('project', '', 'zone-1', 'batch-create'));
    const scripted = new ScriptedFetcher();
    const a = await mount({ zoneId: 'zone-shared', fetcher: scripted, attributes: { 'share-key': `k-${Math.random()}` } });
    const key = a.getAttribute('share-key')!;
    const b = await mount({ zoneId: 'zone-shared', fetcher: scripted, attributes: { 'share-key': key, 'task-kind': 'batch-create' } });
    const c = await mount({ zoneId: 'zone-shared', fetcher: scripted, attributes: { 'share-key': key }, untilRequest: false });
    expect(scripted.calls.map((call) => call.init.taskKind)).to.deep.equal(['import', 'batch-create']);
    scripted.calls[0]!.resolve({ task_id: 'import-1', status: 'DONE', total_count: 1, success_count: 1, error_count: 0, error_items: [] });
    scripted.calls[1]!.resolve({ task_id: 'batch-1', status: 'DONE', total_count: 2, success_count: 2, error_count: 0, error_items: [] });
    await until(() => a.task?.task_id === 'import-1' && c.task?.task_id === 'import-1' && b.task?.task_id === 'batch-1', 'each kind its own task');
    expect(scripted.calls).to.have.length(2);
  });

  it('watchImport({ taskKind }) watches the batch-create task', async () => {
    const scripted = new ScriptedFetcher();
    const watcher = watchImport({ zoneId: 'zone-watched', taskKind: 'batch-create', fetcher: scripted.fetcher });
    try {
      await scripted.called(1);
      expect(scripted.last.init.taskKind).to.equal('batch-create');
      expect(watcher.taskKind).to.equal('batch-create');
    } finally {
      watcher.close();
    }
  });
});

describe('task-kind sequences (a scripted fetcher)', () => {
  /** A DONE batch-create task of `id` with `errorCount` failures, the failures from `from` up to `to`. */
  function page(id: string, errorCount: number, from: number, to: number) {
    return {
      task_id: id,
      status: 'DONE',
      total_count: 2000,
      success_count: 2000 - errorCount,
      error_count: errorCount,
      error_items: Array.from({ length: Math.min(to, errorCount) - from }, (_, i) => ({
        name: `${id}-${from + i}.example.com.`,
        type: 'A',
        line: 'default_view',
        ttl: 300,
        records: ['192.0.2.1'],
        status: 'ERROR',
        error_code: 'DNS.0016',
        error_message: 'The record set already exists.',
      })),
    };
  }

  /** Answers the scripted requests of task `id` page by page, as a server sending 500 an answer. */
  async function serve(scripted: ScriptedFetcher, id: string, errorCount: number, fromCall: number) {
    for (let call = fromCall, offset = 0; offset < errorCount; call++, offset += 500) {
      await scripted.called(call + 1);
      expect(scripted.last.init.errorItemOffset ?? 0).to.equal(offset);
      scripted.answer(page(id, errorCount, offset, offset + 500));
    }
  }

  it('switching import to batch-create on a live element asks for the new kind and reports its task', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted });
    scripted.answer({ task_id: 'import-1', status: 'DONE', total_count: 1, success_count: 1, error_count: 0, error_items: [] });
    await untilState(el, 'done');
    el.taskKind = 'batch-create';
    await scripted.called(2);
    expect(scripted.last.init.taskKind).to.equal('batch-create');
    expect(el.state).to.equal('loading');
    await serve(scripted, 'batch-1', 1200, 1);
    await until(() => el.task?.error_items.length === 1200, 'the whole batch-create task');
    expect(detailsOf(el, 'import-done').map(({ task }) => task.task_id)).to.deep.equal(['import-1', 'batch-1']);
    expect(detailsOf(el, 'import-done')[1]!.task.error_items).to.have.length(1200);
  });

  it('while PENDING the failures are not paged and the gap is said; once DONE they are read whole', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, attributes: { 'task-kind': 'batch-create', interval: 500 } });
    scripted.answer({ ...page('batch-1', 1200, 0, 500), status: 'PENDING', success_count: 300 });
    await untilState(el, 'pending');
    await el.updateComplete;
    expect(facts(el).Failed).to.equal('1,200 (700 not listed)');
    await scripted.called(2, { timeout: 3000 });
    expect(scripted.last.init.errorItemOffset, 'the next poll, not a page').to.equal(undefined);
    await serve(scripted, 'batch-1', 1200, 1);
    await until(() => el.task?.error_items.length === 1200, 'the task whole');
    await el.updateComplete;
    expect(facts(el).Failed).to.equal('1,200');
    expect(detailsOf(el, 'import-done')[0]!.sawPending).to.equal(true);
  });

  it('a second task is read whole too, and its first answer never shows the first task’s records', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, attributes: { 'task-kind': 'batch-create' } });
    await serve(scripted, 'batch-1', 1200, 0);
    await until(() => el.task?.error_items.length === 1200, 'the first task whole');
    // Read once: refreshing the same finished task asks for its first page only.
    void el.refresh();
    await scripted.called(4);
    scripted.answer(page('batch-1', 1200, 0, 500));
    await settle(el);
    expect(scripted.calls).to.have.length(4);
    expect(el.task!.error_items).to.have.length(1200);
    // A new task.
    void el.refresh();
    await serve(scripted, 'batch-2', 1100, 4);
    await until(() => el.task?.task_id === 'batch-2' && el.task.error_items.length === 1100, 'the second task whole');
    expect(scripted.calls).to.have.length(7);
    expect(el.task!.error_items.every((item) => item.name.startsWith('batch-2-'))).to.equal(true);
    expect(detailsOf(el, 'import-done').map(({ task }) => [task.task_id, task.error_items.length])).to.deep.equal([
      ['batch-1', 1200],
      ['batch-2', 1100],
    ]);
  });

  it('detached while a page is read: that request ends and nothing is shown; re-attached, it reads the task whole', async () => {
    const scripted = new ScriptedFetcher();
    const el = await mount({ fetcher: scripted, attributes: { 'task-kind': 'batch-create' } });
    scripted.answer(page('batch-1', 1200, 0, 500));
    await scripted.called(2);
    const parent = el.parentElement!;
    el.remove();
    await until(() => scripted.calls[1]!.signal.aborted, 'the page request aborted');
    expect(el.task).to.equal(undefined);
    parent.append(el);
    await serve(scripted, 'batch-1', 1200, 2);
    await until(() => el.task?.error_items.length === 1200, 'the task whole');
    expect(scripted.calls).to.have.length(5);
    expect(detailsOf(el, 'import-progress').every(({ task }) => task.error_items.length === 1200)).to.equal(true);
  });
});

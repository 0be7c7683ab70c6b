// The rest of a batch-create task's paged failed records (polling/error-item-pages.ts), and the
// one request that asks for it (fetchAttempt with taskKind 'batch-create'): which pages are asked
// for, what is kept when a page repeats, overlaps or fails, and that a finished task is read once.
import { expect } from '@open-wc/testing';
import { normalizeImportResponse } from '../src/api/normalize-import-task.js';
import type { ImportTask, ImportTaskFetcher, ImportTaskFetchInit } from '../src/api/types.js';
import { MAX_ERROR_ITEM_OFFSET, withEveryErrorItem } from '../src/polling/error-item-pages.js';
import { fetchAttempt } from '../src/polling/fetch-attempt.js';
import { ImportStatusError } from '../src/api/import-status-error.js';

const TASK_ID = '2c9eb1538a138432018a13ccccc00001';

/** A failed item as the v2.1 API sends it: `records`, integer ttl, a status of its own. */
const batchItem = (n: number) => ({
  name: `r${n}.example.com.`,
  type: 'A',
  line: 'default_view',
  ttl: 300,
  records: [`192.0.2.${n % 250}`],
  status: 'ERROR',
  error_code: 'DNS.0016',
  error_message: `Record set ${n} already exists.`,
});

/** The bare v2.1 body: `errorCount` failures, of which the items at `from` up to `to` (exclusive). */
function batchBody(errorCount: number, from: number, to: number, overrides: Record<string, unknown> = {}) {
  return {
    task_id: TASK_ID,
    status: 'DONE',
    created_at: '2025-03-01T08:00:00.000',
    updated_at: '2025-03-01T08:00:41.250',
    total_count: 2000,
    success_count: 2000 - errorCount,
    error_count: errorCount,
    error_items: Array.from({ length: Math.max(0, Math.min(to, errorCount) - from) }, (_, i) => batchItem(from + i)),
    ...overrides,
  };
}

const task = (body: unknown) => normalizeImportResponse(body)!;

/** A server honouring `error_item_offset`, `pageSize` items an answer; records every offset asked. */
function pagingServer(errorCount: number, pageSize: number) {
  const offsets: number[] = [];
  const fetchPage = async (offset: number) => {
    offsets.push(offset);
    return task(batchBody(errorCount, offset, offset + pageSize));
  };
  return { offsets, fetchPage, first: task(batchBody(errorCount, 0, pageSize)) };
}

const names = (done: ImportTask | null) => done!.error_items.map((item) => item.name);
const expectedNames = (count: number) => Array.from({ length: count }, (_, n) => `r${n}.example.com.`);

describe('withEveryErrorItem', () => {
  it('reads 1,200 failures sent 500 at a time from offsets 500 and 1000: every item once, in order, frozen', async () => {
    const { offsets, fetchPage, first } = pagingServer(1200, 500);
    const whole = await withEveryErrorItem(first, undefined, fetchPage);
    expect(offsets).to.deep.equal([500, 1000]);
    expect(names(whole)).to.deep.equal(expectedNames(1200));
    expect(whole!.error_count).to.equal(1200);
    expect(Object.isFrozen(whole) && Object.isFrozen(whole!.error_items)).to.equal(true);
    expect(whole!.error_items[0]).to.equal(first.error_items[0], 'the first page’s records are kept as they are');
  });

  it('asks for nothing while the task is PENDING, or when the answer holds every failure', async () => {
    const { offsets, fetchPage } = pagingServer(1200, 500);
    const pending = task(batchBody(1200, 0, 500, { status: 'PENDING' }));
    expect(await withEveryErrorItem(pending, undefined, fetchPage)).to.equal(pending);
    const whole = task(batchBody(800, 0, 2000));
    expect(await withEveryErrorItem(whole, undefined, fetchPage)).to.equal(whole);
    expect(await withEveryErrorItem(null, undefined, fetchPage)).to.equal(null);
    expect(offsets).to.deep.equal([]);
  });

  it('reads a finished task once: the same task shown DONE is kept, and no page is asked for', async () => {
    const { offsets, fetchPage, first } = pagingServer(1200, 500);
    const shown = await withEveryErrorItem(first, undefined, fetchPage);
    offsets.length = 0;
    expect(await withEveryErrorItem(task(batchBody(1200, 0, 500)), shown, fetchPage)).to.equal(shown);
    expect(offsets).to.deep.equal([]);
    // The same task seen PENDING before is read when it finishes.
    const wasPending = task(batchBody(1200, 0, 500, { status: 'PENDING' }));
    expect(names(await withEveryErrorItem(first, wasPending, fetchPage))).to.have.length(1200);
  });

  it('keeps what was read when a page fails: the count says how many are missing', async () => {
    const first = task(batchBody(1200, 0, 500));
    const offsets: number[] = [];
    const whole = await withEveryErrorItem(first, undefined, async (offset) => {
      offsets.push(offset);
      if (offset >= 1000) throw new ImportStatusError('Server error', { kind: 'http', status: 500 });
      return task(batchBody(1200, offset, offset + 500));
    });
    expect(offsets).to.deep.equal([500, 1000]);
    expect(names(whole)).to.deep.equal(expectedNames(1000));
    expect(whole!.error_count - whole!.error_items.length).to.equal(200);
  });

  it('stops at a server that ignores the offset: the repeated page adds nothing, and is asked for once', async () => {
    const first = task(batchBody(900, 0, 300));
    const offsets: number[] = [];
    const whole = await withEveryErrorItem(first, undefined, async (offset) => {
      offsets.push(offset);
      return task(batchBody(900, 0, 300));
    });
    expect(offsets).to.deep.equal([300]);
    expect(names(whole)).to.deep.equal(expectedNames(300));
  });

  it('shows each record of overlapping pages once, and keeps twins that one page holds', async () => {
    const twin = { ...batchItem(7) };
    const first = task({ ...batchBody(10, 0, 4), error_items: [batchItem(0), batchItem(1), batchItem(2), batchItem(3)] });
    // The second page starts two records early, and holds one record twice.
    const overlapping = task({ ...batchBody(10, 0, 0), error_items: [batchItem(2), batchItem(3), batchItem(4), twin, { ...twin }] });
    const offsets: number[] = [];
    const whole = await withEveryErrorItem(first, undefined, async (offset) => {
      offsets.push(offset);
      return offset === 4 ? overlapping : task(batchBody(10, 0, 0));
    });
    expect(names(whole)).to.deep.equal(['r0', 'r1', 'r2', 'r3', 'r4', 'r7', 'r7'].map((name) => `${name}.example.com.`));
    expect(offsets).to.deep.equal([4, 9]);
  });

  it('stops when another task answers, and never asks past the largest offset the API takes', async () => {
    const first = task(batchBody(1200, 0, 500));
    const other = await withEveryErrorItem(first, undefined, async () => task(batchBody(1200, 500, 1000, { task_id: 'another' })));
    expect(names(other)).to.deep.equal(expectedNames(500));
    // A server claiming a million failures, one new record an answer.
    const offsets: number[] = [];
    const claims = { total_count: 1_000_000, success_count: 0 };
    const huge = task(batchBody(1_000_000, 0, 1, claims));
    await withEveryErrorItem(huge, undefined, async (offset) => {
      offsets.push(offset);
      return task(batchBody(1_000_000, offset, offset + 1, claims));
    });
    expect(offsets.at(-1)).to.equal(MAX_ERROR_ITEM_OFFSET);
    expect(offsets).to.have.length(MAX_ERROR_ITEM_OFFSET);
  });

  it('reads items with neither records nor value safely, as records with no value', async () => {
    const bare: Record<string, unknown> = batchItem(1);
    delete bare['records'];
    const first = task({ ...batchBody(2, 0, 0), error_items: [bare] });
    const whole = await withEveryErrorItem(first, undefined, async () => task({ ...batchBody(2, 0, 0), error_items: [{ ...bare, name: 'r2.example.com.' }] }));
    expect(whole!.error_items.map((item) => [item.name, item.value, item.status])).to.deep.equal([
      ['r1.example.com.', [], 'ERROR'],
      ['r2.example.com.', [], 'ERROR'],
    ]);
  });
});

describe('fetchAttempt of a batch-create task', () => {
  /** A host fetcher serving the v2.1 task 500 failures at a time; records what it was asked. */
  function hostFetcher(errorCount = 1200) {
    const asked: ImportTaskFetchInit[] = [];
    const fetcher: ImportTaskFetcher = async (_zoneId, init) => {
      asked.push(init);
      const offset = init.errorItemOffset ?? 0;
      return batchBody(errorCount, offset, offset + 500);
    };
    return { asked, fetcher };
  }
  const attempt = (fetcher: ImportTaskFetcher, taskKind: 'import' | 'batch-create', signal = new AbortController().signal) =>
    fetchAttempt({ fetcher, zoneId: 'zone-batch', taskKind, shown: undefined, timeout: 5000, signal });

  it('tells the fetcher the kind, and asks for the rest of a DONE task’s failures by offset', async () => {
    const { asked, fetcher } = hostFetcher();
    const outcome = await attempt(fetcher, 'batch-create');
    expect(asked.map(({ taskKind, errorItemOffset }) => [taskKind, errorItemOffset])).to.deep.equal([
      ['batch-create', undefined],
      ['batch-create', 500],
      ['batch-create', 1000],
    ]);
    expect(outcome.ok && names(outcome.task)).to.deep.equal(expectedNames(1200));
  });

  it('asks the import task for one answer only, and tells the fetcher its kind too', async () => {
    const { asked, fetcher } = hostFetcher();
    const outcome = await attempt(fetcher, 'import');
    expect(asked.map(({ taskKind, errorItemOffset }) => [taskKind, errorItemOffset])).to.deep.equal([['import', undefined]]);
    expect(outcome.ok && outcome.task!.error_items).to.have.length(500);
  });
});

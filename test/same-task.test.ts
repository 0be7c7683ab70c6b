import { expect } from '@open-wc/testing';
import { sameTask } from '../src/polling/same-task.js';
import type { ImportErrorItem, ImportTask } from '../src/api/types.js';
import { documentedTask } from './support/documented-sample.js';

/** The documented sample's failed record, with a weight and any field replaced. */
function item(overrides: Partial<ImportErrorItem> = {}): ImportErrorItem {
  return { ...documentedTask().error_items[0]!, weight: 1, ...overrides };
}

/** The documented sample, with two failed records and any field replaced. */
function task(overrides: Partial<ImportTask> = {}): ImportTask {
  return {
    ...documentedTask(),
    total_count: 3,
    success_count: 1,
    error_count: 2,
    error_items: [item(), item({ name: 'mail.example.com.', type: 'MX', value: ['10 mx.example.com.'] })],
    ...overrides,
  };
}

describe('sameTask', () => {
  it('is true for the same object', () => {
    const a = task();
    expect(sameTask(a, a)).to.equal(true);
  });

  it('is true for identical content in different objects', () => {
    const a = task();
    const b = task();
    expect(a).to.not.equal(b);
    expect(a.error_items[0]).to.not.equal(b.error_items[0]);
    expect(sameTask(a, b)).to.equal(true);
    expect(sameTask(b, a)).to.equal(true);
  });

  it('is true for a deep copy', () => {
    const a = task();
    expect(sameTask(a, JSON.parse(JSON.stringify(a)) as ImportTask)).to.equal(true);
  });

  it('is true for two tasks without items or optional fields', () => {
    const minimal = (): ImportTask => ({ task_id: 't', status: 'PENDING', total_count: 0, success_count: 0, error_count: 0, error_items: [] });
    expect(sameTask(minimal(), minimal())).to.equal(true);
  });

  describe('scalar fields', () => {
    const changes: Array<[string, Partial<ImportTask>]> = [
      ['task_id', { task_id: 'another-task' }],
      ['status', { status: 'PENDING' }],
      ['total_count', { total_count: 4 }],
      ['success_count', { success_count: 2 }],
      ['error_count', { error_count: 1 }],
      ['created_at', { created_at: '2018-09-07T12:50:45.182' }],
      ['updated_at', { updated_at: '2018-09-07T12:50:47.000' }],
      ['zone_id', { zone_id: 'other-zone' }],
      ['zone_type', { zone_type: 'private' }],
      ['language', { language: 'en-us' }],
    ];
    for (const [field, change] of changes) {
      it(`is false when ${field} differs`, () => {
        expect(sameTask(task(), task(change))).to.equal(false);
        expect(sameTask(task(change), task())).to.equal(false);
      });
    }

    it('is false when an optional field is present on one side only', () => {
      const without = { ...task() } as Partial<ImportTask>;
      delete (without as { updated_at?: string }).updated_at;
      expect(sameTask(task(), without as ImportTask)).to.equal(false);
      expect(sameTask(without as ImportTask, task())).to.equal(false);
    });

    it('distinguishes a number from its text', () => {
      expect(sameTask(task(), task({ total_count: '3' as unknown as number }))).to.equal(false);
    });
  });

  describe('error items', () => {
    const changes: Array<[string, Partial<ImportErrorItem>]> = [
      ['name', { name: 'ftp.example.com.' }],
      ['type', { type: 'AAAA' }],
      ['line', { line: 'Dianxin' }],
      ['ttl', { ttl: 600 }],
      // A normalized ttl is text only when it is not a number's text (the normalizer reads "300" as 300).
      ['ttl as text', { ttl: 'auto' }],
      ['weight', { weight: 2 }],
      ['status (the batch-create task’s)', { status: 'ERROR' }],
      ['error_code', { error_code: 'DNS.0016' }],
      ['error_message', { error_message: 'Record set exists.' }],
      ['a value entry', { value: ['192.168.1.1', '192.168.222.112'] }],
    ];
    for (const [field, change] of changes) {
      it(`is false when an item's ${field} differs`, () => {
        const a = task();
        const b = task({ error_items: [item(), item({ name: 'mail.example.com.', type: 'MX', value: ['10 mx.example.com.'], ...change })] });
        const c = task({ error_items: [item(change), a.error_items[1]!] });
        expect(sameTask(a, b)).to.equal(false);
        expect(sameTask(a, c)).to.equal(false);
        expect(sameTask(c, a)).to.equal(false);
      });
    }

    it('is false when ttl is absent on one side only', () => {
      const withoutTtl: ImportErrorItem = { ...item(), ttl: undefined };
      delete (withoutTtl as { ttl?: unknown }).ttl;
      expect(sameTask(task(), task({ error_items: [withoutTtl, task().error_items[1]!] }))).to.equal(false);
    });

    it('is false when weight is absent on one side only', () => {
      const withoutWeight: ImportErrorItem = { ...item() };
      delete (withoutWeight as { weight?: unknown }).weight;
      expect(sameTask(task({ error_items: [withoutWeight] }), task({ error_items: [item()] }))).to.equal(false);
    });

    it('is false when the value order differs', () => {
      const a = task({ error_items: [item({ value: ['1.1.1.1', '2.2.2.2'] })] });
      const b = task({ error_items: [item({ value: ['2.2.2.2', '1.1.1.1'] })] });
      expect(sameTask(a, b)).to.equal(false);
    });

    it('is false when the value length differs', () => {
      const a = task({ error_items: [item({ value: ['1.1.1.1'] })] });
      const b = task({ error_items: [item({ value: ['1.1.1.1', '2.2.2.2'] })] });
      expect(sameTask(a, b)).to.equal(false);
      expect(sameTask(b, a)).to.equal(false);
      expect(sameTask(a, task({ error_items: [item({ value: [] })] }))).to.equal(false);
    });

    it('is false when the item order differs', () => {
      const a = task();
      const b = task({ error_items: [a.error_items[1]!, a.error_items[0]!] });
      expect(sameTask(a, b)).to.equal(false);
    });

    it('is false when the number of items differs', () => {
      const a = task();
      expect(sameTask(a, task({ error_items: [a.error_items[0]!] }))).to.equal(false);
      expect(sameTask(a, task({ error_items: [...a.error_items, item({ name: 'third.' })] }))).to.equal(false);
      expect(sameTask(task({ error_items: [] }), a)).to.equal(false);
    });
  });

  describe('null and undefined', () => {
    it('is true for null and null, undefined and undefined', () => {
      expect(sameTask(null, null)).to.equal(true);
      expect(sameTask(undefined, undefined)).to.equal(true);
    });

    it('is false for a task against null or undefined, either way round', () => {
      expect(sameTask(task(), null)).to.equal(false);
      expect(sameTask(null, task())).to.equal(false);
      expect(sameTask(task(), undefined)).to.equal(false);
      expect(sameTask(undefined, task())).to.equal(false);
    });

    it('is false for null against undefined', () => {
      expect(sameTask(null, undefined)).to.equal(false);
      expect(sameTask(undefined, null)).to.equal(false);
    });
  });
});

describe('reuseUnchanged', () => {
  const item = { name: 'a.', type: 'A', line: 'default_view', value: ['1.1.1.1'], error_code: 'DNS.0016', error_message: 'exists' };
  const task = (overrides: Record<string, unknown> = {}) =>
    ({ task_id: 't', status: 'PENDING', total_count: 2, success_count: 0, error_count: 1, error_items: [{ ...item, value: [...item.value] }], ...overrides }) as never;

  it('keeps the previous task when nothing changed', async () => {
    const { reuseUnchanged } = await import('../src/polling/same-task.js');
    const previous = task();
    expect(reuseUnchanged(previous, task())).to.equal(previous);
  });

  it('keeps the previous record list when only counters changed', async () => {
    const { reuseUnchanged } = await import('../src/polling/same-task.js');
    const previous = task();
    const next = task({ success_count: 1 });
    const kept = reuseUnchanged(previous, next)!;
    expect(kept).to.not.equal(previous);
    expect(kept.success_count).to.equal(1);
    expect(kept.error_items).to.equal((previous as { error_items: unknown }).error_items);
  });

  it('takes the new task whole when the records changed, and passes null and first tasks through', async () => {
    const { reuseUnchanged } = await import('../src/polling/same-task.js');
    const next = task({ error_items: [{ ...item, name: 'b.' }] });
    expect(reuseUnchanged(task(), next)).to.equal(next);
    expect(reuseUnchanged(task(), null)).to.equal(null);
    expect(reuseUnchanged(undefined, next)).to.equal(next);
  });
});

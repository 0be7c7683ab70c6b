// Property-based tests of normalizeImportResponse: whatever the body, it returns null, a
// well-formed ImportTask that lost and garbled nothing, or throws an ImportStatusError.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ImportStatusError } from '../src/api/import-status-error.js';
import { normalizeImportResponse, normalizeSteps } from '../src/api/normalize-import-task.js';
import type { ImportTask } from '../src/api/types.js';
import { atOnce } from '../src/common/work-in-slices.js';
import { fuzzParameters, rawTask, responseBody, wellTypedTask } from './support/arbitraries.js';

type Json = Record<string, unknown>;
const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const TASK_KEYS = new Set(['task_id', 'status', 'created_at', 'updated_at', 'zone_id', 'zone_type', 'language', 'total_count', 'success_count', 'error_count', 'error_items']);
const ITEM_KEYS = new Set(['name', 'type', 'line', 'ttl', 'weight', 'value', 'error_code', 'error_message', 'status']);
const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** What a text field must read as: the string as sent, numbers and booleans as text, absent when null/absent. */
function expectedText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`the normalizer accepted a ${typeof value} as text`);
}

/** The raw task the body carries (a bare task or the envelope's data), as the contract describes it. */
function sourceTask(body: Json): Json {
  const data = 'code' in body || ('data' in body && !('task_id' in body)) ? body['data'] : body;
  if (!isRecord(data)) throw new Error('a task was returned from a body without a task object');
  return data;
}

/** Checks that `task` is well formed and says exactly what `body` said (the model of the contract). */
function expectFaithful(task: ImportTask, body: unknown): void {
  expect(isRecord(body), 'a task from a non-object body').to.equal(true);
  const source = sourceTask(body as Json);
  for (const key of Object.keys(task)) expect(TASK_KEYS.has(key), `unexpected task key ${key}`).to.equal(true);

  expect(task.task_id).to.be.a('string').and.not.equal('');
  expect(task.task_id).to.equal(expectedText(source['task_id']));
  expect(task.status).to.be.a('string').and.not.equal('');
  expect(task.status).to.equal(expectedText(source['status']));
  for (const key of ['created_at', 'updated_at', 'zone_id', 'zone_type', 'language'] as const) {
    const expected = expectedText(source[key]);
    if (expected === undefined) expect(key in task, `${key} should be absent`).to.equal(false);
    else expect(task[key], key).to.equal(expected);
  }

  for (const key of ['total_count', 'success_count', 'error_count'] as const) {
    expect(task[key], key).to.be.a('number');
    expect(Number.isFinite(task[key]), `${key} = ${task[key]} is not finite`).to.equal(true);
    const raw = source[key];
    if (typeof raw === 'number') expect(task[key], key).to.equal(raw);
    else if (typeof raw === 'string') expect(task[key], key).to.equal(Number(raw));
  }

  const rawItems = source['error_items'] ?? [];
  expect(Array.isArray(rawItems), 'a task from a non-list error_items').to.equal(true);
  const raws = rawItems as unknown[];
  expect(Array.isArray(task.error_items)).to.equal(true);
  expect(task.error_items.length, 'error_items length').to.equal(raws.length);
  // A for loop, not every(): holes in a sparse array would be skipped by every() and map().
  for (let i = 0; i < raws.length; i++) {
    expect(i in task.error_items, `error_items[${i}] is a hole`).to.equal(true);
    const item = task.error_items[i]!;
    const raw = raws[i];
    expect(isRecord(item), `error_items[${i}] is not an object`).to.equal(true);
    expect(isRecord(raw), `error_items[${i}] came from a non-object`).to.equal(true);
    const source = raw as Json;
    for (const key of Object.keys(item)) expect(ITEM_KEYS.has(key), `unexpected item key ${key}`).to.equal(true);
    for (const key of ['name', 'type', 'line', 'error_code', 'error_message'] as const) {
      expect(item[key], `[${i}].${key}`).to.equal(expectedText(source[key]) ?? '');
    }
    // The batch-create task's own status beside the error: text as sent, absent when not sent.
    const status = expectedText(source['status']);
    if (status === undefined) expect('status' in item, `[${i}].status should be absent`).to.equal(false);
    else expect(item.status, `[${i}].status`).to.equal(status);
    const rawValue = source['value'] ?? source['records'];
    const values = rawValue === undefined || rawValue === null ? [] : Array.isArray(rawValue) ? rawValue : [rawValue];
    expect(item.value, `[${i}].value`).to.deep.equal(values.map((v) => expectedText(v)));
    expect(item.value.every((v) => typeof v === 'string')).to.equal(true);
    for (const key of ['ttl', 'weight'] as const) {
      const rawField = source[key];
      const got = item[key];
      if (typeof rawField === 'number' && Number.isFinite(rawField)) {
        expect(got, `[${i}].${key}`).to.equal(rawField);
        continue;
      }
      const text = expectedText(rawField);
      if (text === undefined || text.trim() === '') expect(key in item, `[${i}].${key} should be absent`).to.equal(false);
      // Numeric text beyond the double range ("1e999") stays text: Infinity would garble it.
      else if (NUMERIC.test(text) && Number.isFinite(Number(text))) {
        expect(got, `[${i}].${key} from "${text}"`).to.be.a('number');
        expect(Number.isFinite(got), `[${i}].${key} from "${text}" is ${got}`).to.equal(true);
        expect(got).to.equal(Number(text));
      } else expect(got, `[${i}].${key}`).to.equal(text);
    }
  }
}

/** The one property: null, a faithful task, or an ImportStatusError with a message. Never anything else. */
function check(body: unknown): 'null' | 'task' | 'error' {
  let result: ImportTask | null;
  try {
    result = normalizeImportResponse(body);
  } catch (error) {
    if (!(error instanceof ImportStatusError)) throw new Error(`threw a ${String(error)} instead of an ImportStatusError`);
    expect(error.kind).to.be.oneOf(['invalid-body', 'api']);
    expect(error.message).to.be.a('string').and.not.equal('');
    return 'error';
  }
  if (result === null) {
    expect(isRecord(body), 'null from a non-object body').to.equal(true);
    return 'null';
  }
  expectFaithful(result, body);
  return 'task';
}

describe('normalizeImportResponse under fuzzing', () => {
  it('turns 10,000 hostile bodies into null, a faithful task, or an ImportStatusError', function () {
    this.timeout(60_000);
    const outcomes = { null: 0, task: 0, error: 0 };
    fc.assert(
      fc.property(responseBody, (body) => {
        outcomes[check(body)] += 1;
      }),
      fuzzParameters(10_000),
    );
    // The generator must exercise every outcome, or the property proves little.
    expect(outcomes.task, JSON.stringify(outcomes)).to.be.greaterThan(500);
    expect(outcomes.error, JSON.stringify(outcomes)).to.be.greaterThan(500);
    expect(outcomes.null, JSON.stringify(outcomes)).to.be.greaterThan(20);
  });

  it('never rejects a task whose every field has an accepted type, and loses nothing of it', function () {
    this.timeout(30_000);
    fc.assert(
      fc.property(wellTypedTask, fc.boolean(), (task, wrapped) => {
        const body = wrapped ? { code: 200, data: task } : task;
        expect(check(body)).to.equal('task');
      }),
      fuzzParameters(2_000),
    );
  });

  it('does not modify the body it reads', function () {
    this.timeout(30_000);
    fc.assert(
      fc.property(rawTask, (task) => {
        const body = { code: 200, data: task };
        // A structured clone, not JSON text: escaping the 1 MiB strings twice a run took most of
        // 30 s on a busy machine, and a clone also sees Maps, Dates and undefined values.
        const before = structuredClone(body);
        try {
          normalizeImportResponse(body);
        } catch {
          // Rejection is covered above; this property is about the input only.
        }
        expect(body).to.deep.equal(before);
      }),
      fuzzParameters(300),
    );
  });

  // Was a bug: a sparse error_items (or value) list from a custom fetcher came back with holes.
  // Now a hole is reported like any other entry that is not a record (invalid-body).
  it('rejects, or fills, every hole of a sparse error_items or value list', () => {
    const hasHoles = (list: unknown[]) => Object.keys(list).length < list.length;
    const item = fc.record({ name: fc.string(), value: fc.oneof(fc.array(fc.string()), fc.sparseArray(fc.string(), { maxLength: 4 }).filter(hasHoles)) });
    const sparseItems = fc.oneof(fc.sparseArray(item, { maxLength: 8 }).filter(hasHoles), fc.array(item, { minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(sparseItems, (items) => {
        check({ code: 200, data: { task_id: 't', status: 'DONE', error_items: items } });
      }),
      fuzzParameters(2_000),
    );
  });

  // Was a bug: numeric text beyond the double range ("1e999") became Infinity in a count or ttl,
  // and a success_count + error_count overflow gave total_count Infinity ("∞ records" on screen).
  it('never returns a count or a ttl that is not finite', () => {
    const huge = fc.oneof(fc.constantFrom('1e999', '-1e999', '2e308', ' 9'.padEnd(400, '9')), fc.integer({ min: 309, max: 100_000 }).map((e) => `1e${e}`));
    fc.assert(
      fc.property(fc.constantFrom('total_count', 'success_count', 'error_count', 'ttl', 'weight'), huge, (key, text) => {
        const item = { name: 'a.', value: ['1.1.1.1'], ...(key === 'ttl' || key === 'weight' ? { [key]: text } : {}) };
        const task = { task_id: 't', status: 'DONE', error_items: [item], ...(key.endsWith('_count') ? { [key]: text } : {}) };
        check({ code: 200, data: task });
      }),
      fuzzParameters(500),
    );
    check({ task_id: 't', status: 'DONE', success_count: 1.5e308, error_count: 1.5e308 });
  });

  // The records shown are kept where an answer's read the same (an identical poll builds
  // nothing): whatever the answer, reading it against them gives what reading it afresh gives.
  it('reads an answer against the records shown exactly as afresh: the same task, or the same error', function () {
    this.timeout(30_000);
    const itemsOf = (task: Json) => (Array.isArray(task['error_items']) ? (task['error_items'] as unknown[]) : []);
    fc.assert(
      fc.property(wellTypedTask, rawTask, fc.array(fc.constantFrom('shown', 'other', 'changed'), { maxLength: 25 }), fc.nat(), (first, other, picks, which) => {
        const known = normalizeImportResponse(first)!.error_items;
        const shownItems = itemsOf(first);
        // Sent again (a fresh copy), another record, or sent again with one field taken from another record.
        const items = picks.map((pick, i) => {
          const again = structuredClone(shownItems[i % Math.max(1, shownItems.length)]) as unknown;
          const another = itemsOf(other)[i];
          if (pick === 'shown' || !isRecord(again)) return pick === 'other' ? another : again;
          if (pick === 'other') return another;
          const keys = Object.keys(isRecord(another) ? another : {});
          const key = keys[which % Math.max(1, keys.length)];
          return key === undefined ? again : { ...again, [key]: (another as Json)[key] };
        });
        const body = { code: 200, data: { ...first, error_items: items } };
        let afresh: ImportTask | null | undefined;
        let error: unknown;
        try {
          afresh = normalizeImportResponse(body);
        } catch (thrown) {
          error = thrown;
        }
        if (error) {
          expect(() => atOnce(normalizeSteps(body, known))).to.throw(ImportStatusError, (error as Error).message);
          return;
        }
        const read = atOnce(normalizeSteps(body, known))!;
        expectFaithful(read, body);
        expect(read.error_items).to.have.length(afresh!.error_items.length);
        if (read.error_items.length === known.length && read.error_items.every((item, i) => item === known[i])) expect(read.error_items).to.equal(known);
      }),
      fuzzParameters(1_000),
    );
  });

  it('copes with JSON texts that parse into deep nesting and broken UTF-16', () => {
    const deepArray = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
    const deepData = `{"code":200,"data":${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}}`;
    const lone = '{"task_id":"\\ud800","status":"\\udfff","error_items":[{"name":"\\ud800x","value":"\\udc00"}]}';
    for (const text of [deepArray, deepData, lone]) check(JSON.parse(text));
    const task = normalizeImportResponse(JSON.parse(lone))!;
    expect(task.task_id).to.equal('\ud800');
    expect(task.error_items[0]!.name).to.equal('\ud800x');
    expect(task.error_items[0]!.value).to.deep.equal(['\udc00']);
  });
});

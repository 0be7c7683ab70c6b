import { expect } from '@open-wc/testing';
import { errorItemCount, normalizeImportResponse, normalizeSteps } from '../src/api/normalize-import-task.js';
import type { ImportErrorItem } from '../src/api/types.js';
import { atOnce } from '../src/common/work-in-slices.js';
import { ImportStatusError } from '../src/api/import-status-error.js';
import { documentedResponse, documentedTask, rawTask } from './support/documented-sample.js';

const sampleEnvelope = documentedResponse;
const expectedSample = documentedTask();

/** A minimal bare task with one item, the item overridable. */
function taskWithItem(item: Record<string, unknown>): Record<string, unknown> {
  return { task_id: 't1', status: 'DONE', total_count: 1, success_count: 0, error_count: 1, error_items: [item] };
}

function firstItem(body: unknown) {
  const task = normalizeImportResponse(body);
  expect(task).to.not.equal(null);
  expect(task!.error_items).to.have.length(1);
  return task!.error_items[0]!;
}

/** Calls normalizeImportResponse, expecting it to throw; returns the thrown ImportStatusError. */
function thrownBy(body: unknown): ImportStatusError {
  let thrown: unknown;
  try {
    normalizeImportResponse(body);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'expected normalizeImportResponse to throw').to.not.equal(undefined);
  expect(thrown).to.be.instanceOf(ImportStatusError);
  expect(thrown).to.be.instanceOf(Error);
  return thrown as ImportStatusError;
}

function expectInvalid(body: unknown, fieldPattern: RegExp): ImportStatusError {
  const error = thrownBy(body);
  expect(error.kind).to.equal('invalid-body');
  expect(error.name).to.equal('ImportStatusError');
  expect(error.message).to.match(fieldPattern);
  return error;
}

describe('normalizeImportResponse', () => {
  describe('the documented envelope', () => {
    it("normalizes Huawei's documented sample exactly", () => {
      expect(normalizeImportResponse(sampleEnvelope())).to.deep.equal(expectedSample);
    });

    it('returns numbers for ttl and the counts, and keeps the value array', () => {
      const task = normalizeImportResponse(sampleEnvelope())!;
      expect(task.error_items[0]!.ttl).to.be.a('number');
      expect(task.total_count).to.be.a('number');
      expect(task.error_items[0]!.value).to.be.an('array').with.length(2);
      expect(task.error_items[0]).to.not.have.property('weight');
    });

    it('does not mutate its input', () => {
      const body = sampleEnvelope();
      const copy = JSON.parse(JSON.stringify(body));
      normalizeImportResponse(body);
      expect(body).to.deep.equal(copy);
    });

    it('accepts code as the string "200"', () => {
      const body = { ...sampleEnvelope(), code: '200' };
      expect(normalizeImportResponse(body)).to.deep.equal(expectedSample);
    });

    it('accepts an envelope with data but no code', () => {
      expect(normalizeImportResponse({ data: sampleEnvelope().data })).to.deep.equal(expectedSample);
    });

    it('accepts a bare task (no envelope)', () => {
      expect(normalizeImportResponse(sampleEnvelope().data)).to.deep.equal(expectedSample);
    });

    it('leaves absent optional task fields absent', () => {
      const task = normalizeImportResponse({ task_id: 'abc', status: 'PENDING' })!;
      expect(task).to.deep.equal({
        task_id: 'abc',
        status: 'PENDING',
        total_count: 0,
        success_count: 0,
        error_count: 0,
        error_items: [],
      });
      for (const key of ['created_at', 'updated_at', 'zone_id', 'zone_type', 'language']) {
        expect(task).to.not.have.property(key);
      }
    });

    it('treats null error_items as an empty list', () => {
      const task = normalizeImportResponse({ task_id: 'abc', status: 'DONE', error_items: null })!;
      expect(task.error_items).to.deep.equal([]);
    });

    it('keeps an unknown status verbatim', () => {
      expect(normalizeImportResponse({ task_id: 'abc', status: 'RUNNING' })!.status).to.equal('RUNNING');
      expect(normalizeImportResponse({ code: 200, data: { task_id: 'abc', status: 'failed_partially' } })!.status).to.equal(
        'failed_partially',
      );
    });

    it('reads a numeric task_id as text', () => {
      expect(normalizeImportResponse({ task_id: 42, status: 'DONE' })!.task_id).to.equal('42');
    });
  });

  describe('value and records', () => {
    it('wraps a single string value in an array', () => {
      expect(firstItem(taskWithItem({ name: 'a.', value: '1.2.3.4' })).value).to.deep.equal(['1.2.3.4']);
    });

    it('uses records when value is absent', () => {
      expect(firstItem(taskWithItem({ name: 'a.', records: ['1.1.1.1', '2.2.2.2'] })).value).to.deep.equal([
        '1.1.1.1',
        '2.2.2.2',
      ]);
    });

    it('uses a single string in records', () => {
      expect(firstItem(taskWithItem({ name: 'a.', records: 'x.example.' })).value).to.deep.equal(['x.example.']);
    });

    it('prefers value over records when both are present', () => {
      expect(firstItem(taskWithItem({ value: ['v'], records: ['r'] })).value).to.deep.equal(['v']);
    });

    it('coerces numbers in value to text', () => {
      expect(firstItem(taskWithItem({ value: [10, 'mx.example.'] })).value).to.deep.equal(['10', 'mx.example.']);
      expect(firstItem(taskWithItem({ value: 7 })).value).to.deep.equal(['7']);
    });

    it('gives an empty list when neither value nor records is present', () => {
      expect(firstItem(taskWithItem({ name: 'a.' })).value).to.deep.equal([]);
    });

    it('fills absent text fields of an item with empty strings', () => {
      expect(firstItem(taskWithItem({}))).to.deep.equal({
        name: '',
        type: '',
        line: '',
        value: [],
        error_code: '',
        error_message: '',
      });
    });
  });

  describe('the v2.1 batch-create task', () => {
    /** ShowBatchCreateRecordSetsTask's body as documented: bare, `records`, integer ttl and weight, an item status. */
    const documentedBatchCreate = () => ({
      task_id: '2c9eb1538a138432018a13ccccc00001',
      status: 'DONE',
      created_at: '2025-03-01T08:00:00.000',
      updated_at: '2025-03-01T08:00:41.250',
      total_count: 3,
      success_count: 2,
      error_count: 1,
      error_items: [
        { name: 'www.example.com.', type: 'A', line: 'default_view', ttl: 300, weight: 1, records: ['192.0.2.1', '192.0.2.2'], status: 'ERROR', error_code: 'DNS.0016', error_message: 'The record set already exists.' },
      ],
    });

    it('reads the documented body: bare, records as the value, integer ttl and weight, the item status kept', () => {
      const task = normalizeImportResponse(documentedBatchCreate())!;
      expect(task).to.deep.equal({ ...documentedBatchCreate(), error_items: [{ name: 'www.example.com.', type: 'A', line: 'default_view', ttl: 300, weight: 1, value: ['192.0.2.1', '192.0.2.2'], status: 'ERROR', error_code: 'DNS.0016', error_message: 'The record set already exists.' }] });
      expect(task.zone_id, 'the v2.1 body names no zone').to.equal(undefined);
    });

    it('reads it wrapped in { code, data } as well, with value and text ttl and weight', () => {
      const { error_items: [item], ...rest } = documentedBatchCreate();
      const { records, ...fields } = item!;
      const wrapped = { code: '200', data: { ...rest, error_items: [{ ...fields, ttl: '300', weight: '1', value: records }] } };
      expect(normalizeImportResponse(wrapped)).to.deep.equal(normalizeImportResponse(documentedBatchCreate()));
    });

    it('leaves the status absent when the API sends none (the import task) or null, and reads a number as text', () => {
      expect('status' in firstItem(taskWithItem({ name: 'a.' }))).to.equal(false);
      expect('status' in firstItem(taskWithItem({ name: 'a.', status: null }))).to.equal(false);
      expect(firstItem(taskWithItem({ name: 'a.', status: 3 })).status).to.equal('3');
      expectInvalid(taskWithItem({ status: { state: 'ERROR' } }), /error_items\[0\]\.status/);
    });
  });

  describe('ttl and weight', () => {
    it('turns numeric strings into numbers', () => {
      const item = firstItem(taskWithItem({ ttl: '300', weight: '5' }));
      expect(item.ttl).to.equal(300);
      expect(item.weight).to.equal(5);
    });

    it('trims whitespace around numeric strings', () => {
      expect(firstItem(taskWithItem({ ttl: ' 600 ' })).ttl).to.equal(600);
    });

    it('keeps numbers as numbers', () => {
      const item = firstItem(taskWithItem({ ttl: 3600, weight: 0 }));
      expect(item.ttl).to.equal(3600);
      expect(item.weight).to.equal(0);
    });

    it('keeps non-numeric text verbatim', () => {
      const item = firstItem(taskWithItem({ ttl: 'abc', weight: '1O' }));
      expect(item.ttl).to.equal('abc');
      expect(item.weight).to.equal('1O');
    });

    it('omits the property when absent, null or empty', () => {
      const absent = firstItem(taskWithItem({ name: 'a.' }));
      expect(absent).to.not.have.property('ttl');
      expect(absent).to.not.have.property('weight');
      const nulls = firstItem(taskWithItem({ ttl: null, weight: null }));
      expect(nulls).to.not.have.property('ttl');
      expect(nulls).to.not.have.property('weight');
      const empty = firstItem(taskWithItem({ ttl: '', weight: '  ' }));
      expect(empty).to.not.have.property('ttl');
      expect(empty).to.not.have.property('weight');
    });

    it('rejects an object where ttl belongs, naming the field', () => {
      expectInvalid(taskWithItem({ ttl: { seconds: 300 } }), /error_items\[0\]\.ttl/);
      expectInvalid(taskWithItem({ weight: [1] }), /error_items\[0\]\.weight/);
    });
  });

  describe('counts', () => {
    it('turns numeric strings into numbers', () => {
      const task = normalizeImportResponse({
        task_id: 't',
        status: 'DONE',
        total_count: '1200',
        success_count: '1150',
        error_count: '50',
      })!;
      expect(task.total_count).to.equal(1200);
      expect(task.success_count).to.equal(1150);
      expect(task.error_count).to.equal(50);
    });

    for (const [field, value, shown] of [
      ['success_count', -1, '-1'],
      ['error_count', '-3', '-3'],
      ['total_count', 2.5, '2.5'],
      ['error_count', '0.5', '0.5'],
    ] as const) {
      it(`rejects ${field} = ${JSON.stringify(value)} (negative or fractional), naming the field`, () => {
        const error = thrownBy({ task_id: 't', status: 'DONE', [field]: value });
        expect(error.kind).to.equal('invalid-body');
        expect(error.message).to.equal(`${field} should be a whole number of records, got ${shown}.`);
      });
    }

    it('derives error_count from error_items and total from success + error', () => {
      const task = normalizeImportResponse({
        task_id: 't',
        status: 'DONE',
        success_count: 7,
        error_items: [{ name: 'a.' }, { name: 'b.' }],
      })!;
      expect(task.error_count).to.equal(2);
      expect(task.success_count).to.equal(7);
      expect(task.total_count).to.equal(9);
    });

    it('keeps given counts even when they disagree with error_items', () => {
      const task = normalizeImportResponse({
        task_id: 't',
        status: 'DONE',
        total_count: 500,
        success_count: 0,
        error_count: 500,
        error_items: [{ name: 'a.' }],
      })!;
      expect(task.error_count).to.equal(500);
      expect(task.total_count).to.equal(500);
    });

    it('derives total from a given error_count', () => {
      const task = normalizeImportResponse({ task_id: 't', status: 'DONE', success_count: '3', error_count: '4' })!;
      expect(task.total_count).to.equal(7);
    });

    it('treats null counts as absent', () => {
      const task = normalizeImportResponse({ task_id: 't', status: 'PENDING', total_count: null, error_items: [{}] })!;
      expect(task.total_count).to.equal(1);
      expect(task.error_count).to.equal(1);
    });
  });

  describe('no task', () => {
    const empties: Array<[string, unknown]> = [
      ['data: {}', { code: 200, data: {} }],
      ['data: null', { code: 200, data: null }],
      ['data: []', { code: 200, data: [] }],
      ['no data', { code: 200 }],
      ['no data, code "200"', { code: '200' }],
      ['data: {} without code', { data: {} }],
    ];
    for (const [label, body] of empties) {
      it(`returns null for ${label}`, () => {
        expect(normalizeImportResponse(body)).to.equal(null);
      });
    }
  });

  describe('error bodies a custom fetcher resolves with', () => {
    for (const [body, code, message] of [
      [{ error_code: 'DNS.0302', error_msg: 'This zone does not exist.' }, 'DNS.0302', 'This zone does not exist.'],
      [{ errorCode: 'APIGW.0308', errorMsg: 'Throttled.' }, 'APIGW.0308', 'Throttled.'],
      [{ error: { code: 'APIG.0101', message: 'The API does not exist.' } }, 'APIG.0101', 'The API does not exist.'],
      [{ error: { code: 'APIGW.0301', message: 'Bad token.', title: 'Unauthorized' }, error_code: 401 }, 'APIGW.0301', 'Bad token.'],
    ] as const) {
      it(`reads ${JSON.stringify(body)} as an API error with its code`, () => {
        const error = thrownBy(body);
        expect([error.kind, error.code, error.message]).to.deep.equal(['api', code, message]);
      });
    }

    it('a bare task is still a task, whatever else it carries', () => {
      expect(normalizeImportResponse({ task_id: 't', status: 'DONE', error_code: 'x' })!.task_id).to.equal('t');
    });
  });

  describe('what it hands out is deeply frozen', () => {
    it('freezes the task, its list, each record and each value list', () => {
      const task = normalizeImportResponse(sampleEnvelope())!;
      expect(Object.isFrozen(task)).to.equal(true);
      expect(Object.isFrozen(task.error_items)).to.equal(true);
      expect(Object.isFrozen(task.error_items[0])).to.equal(true);
      expect(Object.isFrozen(task.error_items[0]!.value)).to.equal(true);
      expect(() => (task.error_items as unknown[]).push({})).to.throw(TypeError);
    });
  });

  describe('errorItemCount', () => {
    it('counts the failed records of an envelope or a bare task, without normalizing', () => {
      expect(errorItemCount(sampleEnvelope())).to.equal(1);
      expect(errorItemCount(rawTask({ error_items: [{}, {}, {}] }))).to.equal(3);
      for (const body of [null, 'x', [], {}, { code: 200 }, { data: null }, { data: { error_items: 'x' } }]) {
        expect(errorItemCount(body), JSON.stringify(body)).to.equal(0);
      }
    });
  });

  describe('API error bodies', () => {
    it('throws kind api for {"code":"DNS.0101","message":"Zone not found."}', () => {
      const error = thrownBy({ code: 'DNS.0101', message: 'Zone not found.' });
      expect(error.kind).to.equal('api');
      expect(error.code).to.equal('DNS.0101');
      expect(error.message).to.equal('Zone not found.');
      expect(error.status).to.equal(undefined);
    });

    it('prefers error_code/error_msg over a numeric code', () => {
      const error = thrownBy({ code: 400, error_code: 'DNS.0301', error_msg: 'x' });
      expect(error.kind).to.equal('api');
      expect(error.code).to.equal('DNS.0301');
      expect(error.message).to.equal('x');
    });

    it('reads errorCode/errorMsg', () => {
      const error = thrownBy({ code: 'DNS.9', errorCode: 'DNS.0002', errorMsg: 'Bad.' });
      expect(error.kind).to.equal('api');
      expect(error.code).to.equal('DNS.0002');
      expect(error.message).to.equal('Bad.');
    });

    it('with a generic top-level code and a nested Huawei error, reports the nested code and message', () => {
      const error = thrownBy({ code: 'x', error: { error_code: 'DNS.1', error_msg: 'm' } });
      expect(error.kind).to.equal('api');
      expect(error.code).to.equal('DNS.1');
      expect(error.message).to.equal('m');
    });

    it('uses a nested error when the top level has only a non-text code', () => {
      // code: {} is not text, so the top level has no pair and the nested one is read.
      const error = thrownBy({ code: {}, error: { error_code: 'DNS.1', error_msg: 'm' } });
      expect(error.kind).to.equal('api');
      expect(error.code).to.equal('DNS.1');
      expect(error.message).to.equal('m');
    });

    it('builds a message from the code when the body has none', () => {
      const error = thrownBy({ code: 'DNS.0101' });
      expect(error.kind).to.equal('api');
      expect(error.code).to.equal('DNS.0101');
      expect(error.message).to.equal('The API answered with error code DNS.0101.');
    });

    it('treats a numeric code other than 200 as an API error', () => {
      const error = thrownBy({ code: 500, message: 'Internal error', data: sampleEnvelope().data });
      expect(error.kind).to.equal('api');
      expect(error.code).to.equal('500');
      expect(error.message).to.equal('Internal error');
    });

    it('says "unknown" when a code is present but unreadable', () => {
      const error = thrownBy({ code: null });
      expect(error.kind).to.equal('api');
      expect(error.code).to.equal(undefined);
      expect(error.message).to.equal('The API answered with error code unknown.');
    });
  });

  describe('invalid bodies', () => {
    const nonObjects: Array<[string, unknown, RegExp]> = [
      ['null', null, /JSON object, got null/],
      ['an array', [sampleEnvelope().data], /JSON object, got a list/],
      ['a string', '{"code":200}', /JSON object, got text/],
      ['a number', 200, /JSON object, got a number/],
      ['undefined', undefined, /JSON object, got nothing/],
      ['a boolean', true, /JSON object, got a boolean/],
    ];
    for (const [label, body, pattern] of nonObjects) {
      it(`rejects ${label}`, () => {
        expectInvalid(body, pattern);
      });
    }

    it('rejects data that is not an object', () => {
      expectInvalid({ code: 200, data: 'DONE' }, /import task should be an object, got text/);
      expectInvalid({ code: 200, data: [{ task_id: 't', status: 'DONE' }] }, /import task should be an object, got a list/);
    });

    it('rejects a task without task_id', () => {
      expectInvalid({ code: 200, data: { status: 'DONE' } }, /task_id/);
      expectInvalid({ status: 'DONE', data: { status: 'DONE' } }, /task_id/);
    });

    it('rejects a task with an empty task_id', () => {
      expectInvalid({ task_id: '', status: 'DONE' }, /task_id/);
    });

    it('rejects a task without status', () => {
      expectInvalid({ task_id: 't' }, /status/);
      expectInvalid({ code: 200, data: { task_id: 't', status: '' } }, /status/);
    });

    it('rejects error_items that is not a list', () => {
      expectInvalid({ task_id: 't', status: 'DONE', error_items: { name: 'a.' } }, /error_items should be a list, got an object/);
      expectInvalid({ task_id: 't', status: 'DONE', error_items: 'none' }, /error_items should be a list, got text/);
    });

    it('rejects an item that is not an object, naming its index', () => {
      expectInvalid(
        { task_id: 't', status: 'DONE', error_items: [{ name: 'a.' }, 'b.'] },
        /error_items\[1\] should be an object, got text/,
      );
      expectInvalid({ task_id: 't', status: 'DONE', error_items: [null] }, /error_items\[0\] should be an object, got null/);
      expectInvalid({ task_id: 't', status: 'DONE', error_items: [[]] }, /error_items\[0\] should be an object, got a list/);
    });

    for (const field of ['name', 'type', 'line', 'error_code', 'error_message']) {
      it(`rejects an object where item text ${field} belongs`, () => {
        expectInvalid(taskWithItem({ [field]: {} }), new RegExp(`error_items\\[0\\]\\.${field} should be text, got an object`));
      });
    }

    it('rejects a non-text entry in value, naming its index', () => {
      expectInvalid(taskWithItem({ value: ['1.1.1.1', { ip: '2.2.2.2' }] }), /error_items\[0\]\.value\[1\] should be text, got an object/);
      expectInvalid(taskWithItem({ records: [null] }), /error_items\[0\]\.value\[0\] should be text, got null/);
    });

    for (const field of ['task_id', 'status', 'created_at', 'zone_id', 'language']) {
      it(`rejects an object where task text ${field} belongs`, () => {
        const body: Record<string, unknown> = { task_id: 't', status: 'DONE', [field]: { x: 1 } };
        expectInvalid(body, new RegExp(`${field} should be text, got an object`));
      });
    }

    for (const field of ['total_count', 'success_count', 'error_count']) {
      it(`rejects a non-numeric ${field}`, () => {
        expectInvalid({ task_id: 't', status: 'DONE', [field]: 'lots' }, new RegExp(`${field} should be a whole number of records, got text`));
      });
    }

    it('rejects counts that are objects, booleans or not finite', () => {
      expectInvalid({ task_id: 't', status: 'DONE', total_count: {} }, /total_count should be a whole number of records, got an object/);
      expectInvalid({ task_id: 't', status: 'DONE', success_count: true }, /success_count should be a whole number of records, got a boolean/);
      expectInvalid({ task_id: 't', status: 'DONE', error_count: Number.NaN }, /error_count should be a whole number of records, got a number/);
    });

    it('rejects an invalid task inside an envelope', () => {
      expectInvalid({ code: '200', data: { task_id: 't', status: 'DONE', total_count: 'lots' } }, /total_count/);
    });
  });

  describe('read against the records shown', () => {
    const record = (overrides: Record<string, unknown> = {}) => ({
      name: 'a.example.com.', type: 'A', line: 'default_view', ttl: '300', value: ['192.0.2.1'], error_code: 'DNS.0016', error_message: 'exists', ...overrides,
    });
    const bodyOf = (items: unknown[]) => ({ task_id: 't1', status: 'DONE', error_items: items });
    const shown = (items: unknown[]) => normalizeImportResponse(bodyOf(items))!.error_items;
    const readAgainst = (items: unknown[], known: readonly ImportErrorItem[]) => atOnce(normalizeSteps(bodyOf(items), known))!;

    it('keeps the very records and list shown when an answer sends them again, in every encoding the API uses', () => {
      const items = [
        record(),
        record({ ttl: 300, weight: '5' }),
        record({ value: '192.0.2.9' }),
        record({ value: undefined, records: ['cdn.example.net.'] }),
        record({ line: undefined, error_message: null }),
        record({ ttl: 'abc', weight: 1e21 }),
        record({ status: 'ERROR', ttl: 600 }),
        record({ value: [] }),
      ];
      const known = shown(items);
      const again = readAgainst(structuredClone(items), known);
      expect(again.error_items).to.equal(known);
      expect(Object.isFrozen(again)).to.equal(true);
    });

    const changes: Record<string, unknown>[] = [
      { name: 'b.example.com.' }, { type: 'AAAA' }, { line: 'Dianxin' }, { line: '' }, { ttl: '600' }, { ttl: 600 }, { ttl: undefined },
      { ttl: ' 300 ' }, { weight: 1 }, { value: ['192.0.2.2'] }, { value: ['192.0.2.1', '192.0.2.2'] }, { value: '192.0.2.1 ' },
      { value: undefined, records: ['cdn.example.net.'] }, { error_code: 'DNS.0308' }, { error_message: 'other' }, { name: 5 },
      { status: 'ERROR' },
    ];
    for (const change of changes) {
      it(`reads a record changed in ${JSON.stringify(change)} afresh, and keeps the others`, () => {
        const known = shown([record(), record({ name: 'second.' })]);
        const items = [record(change), record({ name: 'second.' })];
        const read = readAgainst(items, known).error_items;
        expect(read).to.not.equal(known);
        expect(read[0]).to.deep.equal(shown(items)[0]);
        expect(read[1]).to.equal(known[1]);
        expect(Object.isFrozen(read)).to.equal(true);
      });
    }

    it('keeps the records in their places when the list grows or shrinks', () => {
      const known = shown([record(), record({ name: 'second.' })]);
      const longer = readAgainst([record(), record({ name: 'second.' }), record({ name: 'third.' })], known).error_items;
      expect(longer).to.have.length(3);
      expect([longer[0], longer[1]]).to.deep.equal([known[0], known[1]]);
      expect(longer[0]).to.equal(known[0]);
      const shorter = readAgainst([record()], known).error_items;
      expect(shorter).to.not.equal(known);
      expect(shorter[0]).to.equal(known[0]);
    });

    it('still refuses an invalid record, naming its index', () => {
      const known = shown([record(), record({ value: ['192.0.2.0', '192.0.2.1'] })]);
      expect(() => readAgainst([record(), 'oops'], known)).to.throw(ImportStatusError, /error_items\[1\] should be an object/);
      // A hole where the record shown has a value: not that value, and refused as without it.
      const holed: unknown[] = [];
      holed[1] = '192.0.2.1';
      expect(() => readAgainst([record(), record({ value: holed })], known)).to.throw(ImportStatusError, /error_items\[1\]\.value\[0\]/);
    });
  });
});

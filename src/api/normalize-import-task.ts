/**
 * Turns a response body into an ImportTask. The documents disagree with themselves (see
 * huawei-api-notes.md beside this file): `value` is a string or an array (or `records`), `ttl`,
 * `weight` and the counts are strings or numbers, `code` is 200 or "200". Everything is accepted
 * that can be read without guessing; anything else is an ImportStatusError naming the field,
 * never a crash. The task handed out is deeply frozen: every element on a zone shows the same
 * object, so no listener may change what another element shows.
 */
import { parseHuaweiErrorBody } from './huawei-error-body.js';
import { isRecord } from './json.js';
import { ImportStatusError } from './import-status-error.js';
import type { ImportErrorItem, ImportTask } from './types.js';
import { atOnce, RECORDS_PER_STEP, type Steps } from '../common/work-in-slices.js';

type Json = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function invalid(message: string): ImportStatusError {
  return new ImportStatusError(message, { kind: 'invalid-body' });
}

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A scalar as text: strings as sent, numbers and booleans as text. `field` names it in the error. */
function textOf(value: unknown, field: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalid(`${field} should be text, got ${describe(value)}.`);
}

/** Optional text: null/absent as undefined. */
function readText(source: Json, key: string, where: string): string | undefined {
  const value = source[key];
  // Text, the usual case, without building the field's name: this runs for every field of up to
  // 100,000 records on every poll.
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? undefined : textOf(value, where + key);
}

/** The number a value stands for: a number as it is, numeric text read; anything else NaN. */
function numberOf(value: unknown): number {
  return typeof value === 'number' ? value : typeof value === 'string' && NUMERIC.test(value) ? Number(value) : NaN;
}

/** ttl and weight: a number when numeric, else the API's text verbatim (blank text: absent). */
function readNumberOrText(source: Json, key: string, where: string): number | string | undefined {
  const number = numberOf(source[key]);
  if (Number.isFinite(number)) return number;
  // Numeric text beyond the double range ("1e999") is kept as text: Infinity would garble it.
  const text = readText(source, key, where);
  return text?.trim() ? text : undefined;
}

function readCount(source: Json, key: string): number | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  const count = numberOf(value);
  if (Number.isInteger(count) && count >= 0) return count;
  throw invalid(`${key} should be a whole number of records, got ${Number.isFinite(count) ? count : describe(value)}.`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** The values as sent: `value`, else `records`; a single value as a list of one. */
function sentValues(item: Json): unknown[] {
  const sent = item['value'] ?? item['records'];
  return sent === undefined || sent === null ? [] : Array.isArray(sent) ? sent : [sent];
}

function readValues(item: Json, where: string): string[] {
  // Array.from first: map alone skips the holes of a sparse list, which then reach the renderer.
  // Then map, not Array.from's own mapping: map sizes its list up front, Array.from grows it
  // (about 1 MB more heap at 100,000 records).
  return Array.from(sentValues(item)).map((entry, index) => (typeof entry === 'string' ? entry : textOf(entry, `${where}value[${index}]`)));
}

/** One failed record: its text fields '' when absent, its ttl and weight only when present. */
function normalizeItem(raw: unknown, index: number): ImportErrorItem {
  const where = `error_items[${index}].`;
  if (!isRecord(raw)) throw invalid(`${where.slice(0, -1)} should be an object, got ${describe(raw)}.`);
  // One object literal, not a loop over the keys: this runs for up to 100,000 records on every
  // poll, and named stores into one shape are about a third faster than keyed ones.
  const item: Mutable<ImportErrorItem> = {
    name: readText(raw, 'name', where) ?? '',
    type: readText(raw, 'type', where) ?? '',
    line: readText(raw, 'line', where) ?? '',
    value: Object.freeze(readValues(raw, where)),
    error_code: readText(raw, 'error_code', where) ?? '',
    error_message: readText(raw, 'error_message', where) ?? '',
  };
  // An absent ttl, weight or status stays absent.
  const ttl = readNumberOrText(raw, 'ttl', where);
  if (ttl !== undefined) item.ttl = ttl;
  const weight = readNumberOrText(raw, 'weight', where);
  if (weight !== undefined) item.weight = weight;
  const status = readText(raw, 'status', where);
  if (status !== undefined) item.status = status;
  return Object.freeze(item);
}

/**
 * Whether normalizing `raw` would give `item`, one of the normalizer's own records, read without
 * building anything: an identical poll of 100,000 records then costs a comparison, not their
 * normalizing. It reads every field normalizeItem reads (a new field goes in both), the usual
 * encodings only: anything else is `false`, and the record is normalized.
 */
export function readsAs(raw: unknown, item: ImportErrorItem): boolean {
  if (!isRecord(raw)) return false;
  const values = sentValues(raw);
  if (values.length !== item.value.length) return false;
  // A plain loop: every() with a closure per record made this ten times slower. A hole in the
  // list sent reads as undefined, never as a value.
  for (let i = 0; i < values.length; i++) if (values[i] !== item.value[i]) return false;
  return (
    (raw['name'] ?? '') === item.name &&
    (raw['type'] ?? '') === item.type &&
    (raw['line'] ?? '') === item.line &&
    (raw['error_code'] ?? '') === item.error_code &&
    (raw['error_message'] ?? '') === item.error_message &&
    readsAsNumberOrText(raw['ttl'], item.ttl) &&
    readsAsNumberOrText(raw['weight'], item.weight) &&
    raw['status'] === item.status
  );
}

/** A ttl or weight as sent, against the normalized one: the same value, or a number's text ("300" for 300). */
const readsAsNumberOrText = (raw: unknown, normalized: number | string | undefined): boolean =>
  raw === normalized || (typeof normalized === 'number' && raw === String(normalized));

function isEmptyData(data: unknown): boolean {
  return (
    data === undefined ||
    data === null ||
    (Array.isArray(data) && data.length === 0) ||
    (isRecord(data) && Object.keys(data).length === 0)
  );
}

/** The task's text fields; the first two are required. */
const TASK_TEXT_KEYS = ['task_id', 'status', 'created_at', 'updated_at', 'zone_id', 'zone_type', 'language'] as const;

function* normalizeTask(data: unknown, known: readonly ImportErrorItem[]): Steps<ImportTask> {
  if (!isRecord(data)) throw invalid(`The import task should be an object, got ${describe(data)}.`);
  // Filled in field by field below (absent optional fields stay absent), then frozen.
  const task = {} as Mutable<ImportTask>;
  for (const key of TASK_TEXT_KEYS) {
    const text = readText(data, key, '');
    if (text !== undefined) task[key] = text;
  }
  for (const key of ['task_id', 'status'] as const) if (!task[key]) throw invalid(`The import task has no ${key}.`);

  const rawItems = data['error_items'] ?? [];
  if (!Array.isArray(rawItems)) throw invalid(`error_items should be a list, got ${describe(rawItems)}.`);
  // The records shown are kept where the answer's read the same, and so is their list until one
  // does not: an identical poll builds nothing, not even a list.
  let items: ImportErrorItem[] | undefined;
  for (let i = 0; i < rawItems.length; i++) {
    if (i > 0 && i % RECORDS_PER_STEP === 0) yield;
    const old = known[i];
    if (old && readsAs(rawItems[i], old)) {
      if (items) items[i] = old;
      continue;
    }
    if (!items) {
      // Sized up front, as Array.from would: grown by push, the list would keep spare room in the heap.
      items = new Array<ImportErrorItem>(rawItems.length);
      for (let j = 0; j < i; j++) items[j] = known[j]!;
    }
    items[i] = normalizeItem(rawItems[i], i);
  }
  task.error_items = Object.freeze(items ?? (rawItems.length === known.length ? known : known.slice(0, rawItems.length)));
  task.error_count = readCount(data, 'error_count') ?? task.error_items.length;
  task.success_count = readCount(data, 'success_count') ?? 0;
  task.total_count = readCount(data, 'total_count') ?? task.success_count + task.error_count;
  if (!Number.isFinite(task.total_count)) throw invalid('total_count is beyond any real count.');
  return Object.freeze(task);
}

/** The task inside a body: the envelope's `data`, or the body itself when it is a bare task. */
function taskPart(body: Json): unknown {
  return ('data' in body || 'code' in body) && !('task_id' in body) ? body['data'] : body;
}

/** How many failed records a body carries, read before normalizing it, to plan the work in steps. */
export function errorItemCount(body: unknown): number {
  const data = isRecord(body) ? taskPart(body) : undefined;
  const items = isRecord(data) ? data['error_items'] : undefined;
  return Array.isArray(items) ? items.length : 0;
}

/**
 * Normalizes a response body: the documented envelope `{code, data}` or a bare task.
 * Returns `null` when the zone has no import task (empty `data`).
 * Throws ImportStatusError (kind `api` or `invalid-body`) for anything that is not a task,
 * including the error bodies a custom fetcher may resolve with instead of rejecting
 * (`{error_code, error_msg}`, `{code: "DNS.0302", message}`, `{error: {code, message}}`).
 */
export function normalizeImportResponse(body: unknown): ImportTask | null {
  return atOnce(normalizeSteps(body));
}

/**
 * `normalizeImportResponse` in steps of a bounded number of records (see work-in-slices.ts).
 * `known`: the records of the task shown. A record that reads as the one in its place is that
 * record, and when all do, the list is that list: an identical poll builds nothing.
 */
export function* normalizeSteps(body: unknown, known: readonly ImportErrorItem[] = []): Steps<ImportTask | null> {
  if (!isRecord(body)) throw invalid(`The response should be a JSON object, got ${describe(body)}.`);
  if (!('task_id' in body)) {
    const { code, message } = parseHuaweiErrorBody(body);
    if ('code' in body ? body['code'] !== 200 && body['code'] !== '200' : code !== undefined) {
      throw new ImportStatusError(message ?? `The API answered with error code ${code ?? 'unknown'}.`, { kind: 'api', code });
    }
  }
  const data = taskPart(body);
  return data === body || !isEmptyData(data) ? yield* normalizeTask(data, known) : null;
}

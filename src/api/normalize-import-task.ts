/**
 * Turns a response body into an ImportTask. The documents disagree with themselves (see
 * huawei-api-notes.md beside this file): `value` is a string or an array (or `records`), `ttl`,
 * `weight` and the counts are strings or numbers, `code` is 200 or "200". Everything is accepted
 * that can be read without guessing; anything else is an ImportStatusError naming the field,
 * never a crash. The task handed out is deeply frozen: every element on a zone shows the same
 * object, so no listener may change what another element shows.
 */
import { parseHuaweiErrorBody } from './huawei-error-body.js';
import { finiteNumber, isRecord } from './json.js';
import { ImportStatusError } from './import-status-error.js';
import type { ImportErrorItem, ImportTask } from './types.js';

type Json = Record<string, unknown>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function invalid(message: string): ImportStatusError {
  return new ImportStatusError(message, { kind: 'invalid-body' });
}

const NUMERIC = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Optional text: strings as sent, numbers and booleans as text, null/absent as undefined. */
function readText(source: Json, key: string, where: string): string | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw invalid(`${where}${key} should be text, got ${describe(value)}.`);
}

/** ttl and weight: a number when numeric, else the API's text verbatim. */
function readNumberOrText(source: Json, key: string, where: string): number | string | undefined {
  const value = source[key];
  if (finiteNumber(value) !== undefined) return value as number;
  const text = readText(source, key, where);
  if (text === undefined || text.trim() === '') return undefined;
  // Beyond the double range ("1e999") the text is kept: Infinity would garble it.
  return NUMERIC.test(text) && Number.isFinite(Number(text)) ? Number(text) : text;
}

function readCount(source: Json, key: string): number | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  const count = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC.test(value) ? Number(value) : NaN;
  if (Number.isFinite(count) && count >= 0 && Number.isInteger(count)) return count;
  throw invalid(`${key} should be a whole number of records, got ${Number.isFinite(count) ? count : describe(value)}.`);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function readValues(item: Json, where: string): string[] {
  const raw = item['value'] ?? item['records'];
  if (raw === undefined || raw === null) return [];
  // Array.from, not map: map skips the holes of a sparse list, which then reach the renderer.
  const list: unknown[] = Array.isArray(raw) ? Array.from(raw) : [raw];
  return list.map((entry, index): string => {
    if (typeof entry === 'string') return entry;
    if (typeof entry === 'number' || typeof entry === 'boolean') return String(entry);
    throw invalid(`${where}value[${index}] should be text, got ${describe(entry)}.`);
  });
}

function normalizeItem(raw: unknown, index: number): ImportErrorItem {
  const where = `error_items[${index}].`;
  if (!isRecord(raw)) throw invalid(`${where.slice(0, -1)} should be an object, got ${describe(raw)}.`);
  const item: Mutable<ImportErrorItem> = {
    name: readText(raw, 'name', where) ?? '',
    type: readText(raw, 'type', where) ?? '',
    line: readText(raw, 'line', where) ?? '',
    value: readValues(raw, where),
    error_code: readText(raw, 'error_code', where) ?? '',
    error_message: readText(raw, 'error_message', where) ?? '',
  };
  const ttl = readNumberOrText(raw, 'ttl', where);
  if (ttl !== undefined) item.ttl = ttl;
  const weight = readNumberOrText(raw, 'weight', where);
  if (weight !== undefined) item.weight = weight;
  Object.freeze(item.value);
  return Object.freeze(item);
}

function isEmptyData(data: unknown): boolean {
  return (
    data === undefined ||
    data === null ||
    (Array.isArray(data) && data.length === 0) ||
    (isRecord(data) && Object.keys(data).length === 0)
  );
}

function normalizeTask(data: unknown): ImportTask {
  if (!isRecord(data)) throw invalid(`The import task should be an object, got ${describe(data)}.`);
  const taskId = readText(data, 'task_id', '');
  if (taskId === undefined || taskId === '') throw invalid('The import task has no task_id.');
  const status = readText(data, 'status', '');
  if (status === undefined || status === '') throw invalid('The import task has no status.');

  const rawItems = data['error_items'] ?? [];
  if (!Array.isArray(rawItems)) throw invalid(`error_items should be a list, got ${describe(rawItems)}.`);
  const error_items = Object.freeze(Array.from(rawItems, normalizeItem));

  const error_count = readCount(data, 'error_count') ?? error_items.length;
  const success_count = readCount(data, 'success_count') ?? 0;
  const total_count = readCount(data, 'total_count') ?? success_count + error_count;
  if (!Number.isFinite(total_count)) throw invalid('total_count is beyond any real count.');

  const task: Mutable<ImportTask> = { task_id: taskId, status, total_count, success_count, error_count, error_items };
  for (const key of ['created_at', 'updated_at', 'zone_id', 'zone_type', 'language'] as const) {
    const text = readText(data, key, '');
    if (text !== undefined) task[key] = text;
  }
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
  if (!isRecord(body)) throw invalid(`The response should be a JSON object, got ${describe(body)}.`);
  if (!('task_id' in body)) {
    const { code, message } = parseHuaweiErrorBody(body);
    if ('code' in body ? body['code'] !== 200 && body['code'] !== '200' : code !== undefined) {
      throw new ImportStatusError(message ?? `The API answered with error code ${code ?? 'unknown'}.`, { kind: 'api', code });
    }
  }
  const data = taskPart(body);
  return data === body ? normalizeTask(body) : isEmptyData(data) ? null : normalizeTask(data);
}

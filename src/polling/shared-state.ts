/**
 * What the polling tab tells the others, and how a listening tab reads it. A message on the
 * channel is untrusted input, like an API body: another script may post on the same name, or a
 * page may run another version. Everything is checked here, the task by the same normalizer as
 * an answer from the API; a message that fails a check is dropped whole, never rendered.
 */
import { ImportStatusError, type ImportStatusErrorKind } from '../api/import-status-error.js';
import { finiteNumber, isRecord } from '../api/json.js';
import { normalizeImportResponse } from '../api/normalize-import-task.js';
import type { ImportTask } from '../api/types.js';

/** The leader's view of the group: what to show, and where it stands in the schedule. */
export interface SharedState {
  /** Identifies what `task` … `noNewTask` hold; a listener that missed one asks again. */
  readonly version: string;
  /** Sent when it changed, or on request; absent in a message that only moves the schedule. */
  readonly shown?: SharedShown;
  /** Epoch ms of the leader's next request; undefined when it is idle (DONE, empty, stopped). */
  readonly nextAt: number | undefined;
  /** That wait was asked for by the server (Retry-After, backoff after 429/5xx): it holds for every tab. */
  readonly serversWait: boolean;
  /** Epoch ms the last request started, and the last answer arrived (-Infinity: never). */
  readonly requestAt: number;
  readonly settledAt: number;
  /** Failures in a row, and for how long (visible ms), so the backoff and `give-up-after` go on. */
  readonly failures: number;
  readonly failingFor: number | undefined;
  /** `refresh({ expectNewTask })` waiting for a new task_id until `until` (epoch ms). */
  readonly expecting: { readonly taskId: string | undefined; readonly until: number } | undefined;
}

export interface SharedShown {
  readonly task: ImportTask | null | undefined;
  readonly error: ImportStatusError | undefined;
  readonly willRetry: boolean;
  readonly retryAt: number | undefined;
  readonly gaveUp: boolean;
  readonly noNewTask: boolean;
}

const KINDS: ReadonlySet<unknown> = new Set<ImportStatusErrorKind>(['http', 'network', 'timeout', 'invalid-body', 'api', 'config']);

/** An error as plain data (structured clone keeps neither the class nor its fields reliably). */
function errorData(error: ImportStatusError): Record<string, unknown> {
  const { message, kind, status, code, requestId, retryAfter } = error;
  return { message, kind, status, code, requestId, retryAfter };
}

/** Plain data for postMessage; JSON-safe numbers (-Infinity travels as null). */
export function encodeSharedState(state: SharedState): unknown {
  const { shown } = state;
  return {
    ...state,
    requestAt: Number.isFinite(state.requestAt) ? state.requestAt : null,
    settledAt: Number.isFinite(state.settledAt) ? state.settledAt : null,
    shown: shown && { ...shown, error: shown.error && errorData(shown.error) },
  };
}

class InvalidMessage extends Error {}

const optionalText = (value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new InvalidMessage();
  return value;
};

const optionalNumber = (value: unknown): number | undefined => {
  if (value === undefined || value === null) return undefined;
  const number = finiteNumber(value);
  if (number === undefined || typeof value !== 'number') throw new InvalidMessage();
  return number;
};

const flag = (value: unknown): boolean => {
  if (typeof value !== 'boolean') throw new InvalidMessage();
  return value;
};

function decodeError(value: unknown): ImportStatusError | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value) || !KINDS.has(value['kind'])) throw new InvalidMessage();
  const error = new ImportStatusError(optionalText(value['message']) ?? '', {
    kind: value['kind'] as ImportStatusErrorKind,
    status: optionalNumber(value['status']),
    code: optionalText(value['code']),
    requestId: optionalText(value['requestId']),
    retryAfter: optionalNumber(value['retryAfter']),
  });
  return Object.freeze(error);
}

function decodeTask(value: unknown): ImportTask | null | undefined {
  if (value === undefined || value === null) return value;
  try {
    // A bare task: the normalizer checks every field and freezes it, as for an API answer.
    const task = normalizeImportResponse(value);
    if (task === null) throw new InvalidMessage();
    return task;
  } catch {
    throw new InvalidMessage();
  }
}

function decodeShown(value: unknown): SharedShown | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new InvalidMessage();
  return {
    task: decodeTask(value['task']),
    error: decodeError(value['error']),
    willRetry: flag(value['willRetry']),
    retryAt: optionalNumber(value['retryAt']),
    gaveUp: flag(value['gaveUp']),
    noNewTask: flag(value['noNewTask']),
  };
}

function decodeExpecting(value: unknown): SharedState['expecting'] {
  if (value === undefined || value === null) return undefined;
  if (!isRecord(value)) throw new InvalidMessage();
  const until = optionalNumber(value['until']);
  if (until === undefined) throw new InvalidMessage();
  return { taskId: optionalText(value['taskId']), until };
}

/** The state a message holds, or undefined when it is not one this version sent. */
export function decodeSharedState(value: unknown): SharedState | undefined {
  if (!isRecord(value) || typeof value['version'] !== 'string') return undefined;
  try {
    const failures = optionalNumber(value['failures']) ?? 0;
    if (!Number.isInteger(failures) || failures < 0) throw new InvalidMessage();
    return {
      version: value['version'],
      shown: decodeShown(value['shown']),
      nextAt: optionalNumber(value['nextAt']),
      serversWait: flag(value['serversWait']),
      requestAt: optionalNumber(value['requestAt']) ?? -Infinity,
      settledAt: optionalNumber(value['settledAt']) ?? -Infinity,
      failures,
      failingFor: optionalNumber(value['failingFor']),
      expecting: decodeExpecting(value['expecting']),
    };
  } catch (error) {
    if (error instanceof InvalidMessage) return undefined;
    throw error;
  }
}

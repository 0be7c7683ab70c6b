/**
 * What the polling tab tells the others, and how a listening tab reads it. A message on the
 * channel is untrusted input, like an API body: another script may post on the same name, or a
 * page may run another version. It is checked here, the task by the same normalizer as an
 * answer from the API; a message that fails any check is dropped whole, never rendered.
 */
import { ImportStatusError, type ImportStatusErrorKind } from '../api/import-status-error.js';
import { normalizeImportResponse } from '../api/normalize-import-task.js';
import type { ChannelSnapshot } from './channel-types.js';

/** The polling tab's view of the group: what to show, and where it stands in the schedule. */
export interface SharedState {
  /** Names the snapshot shown; a tab that missed one asks for the whole state. */
  readonly version: string;
  /** Sent when it changed, or on request; absent in a message that only moves the schedule. */
  readonly shown?: ChannelSnapshot | undefined;
  /** Epoch ms of the next request; undefined while idle (DONE, empty, stopped). */
  readonly nextAt: number | undefined;
  /** That wait was asked for by the server (Retry-After, backoff after 429/5xx): it holds for every tab. */
  readonly serversWait: boolean;
  /** Epoch ms the latest request started: whoever takes over waits an interval from it. */
  readonly requestAt: number;
  /** Failures in a row, so that the backoff goes on where it was. */
  readonly failures: number;
}

const KINDS: readonly ImportStatusErrorKind[] = ['http', 'network', 'timeout', 'invalid-body', 'api', 'config'];

/** Plain data for postMessage: structured clone keeps an Error's message, not its fields. */
export function encodeSharedState(state: SharedState): unknown {
  const error = state.shown?.error;
  if (!error) return state;
  const { message, kind, status, code, requestId, retryAfter } = error;
  return { ...state, shown: { ...state.shown, error: { message, kind, status, code, requestId, retryAfter } } };
}

/** Any check that fails throws this; the message is then dropped. */
const invalid = () => {
  throw new TypeError('Not a state of this version.');
};

const isNumber = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);
const number = (value: unknown): number => (isNumber(value) ? value : invalid());
const maybeNumber = (value: unknown): number | undefined => (value === undefined ? value : number(value));
const maybeText = (value: unknown): string | undefined => (value === undefined || typeof value === 'string' ? value : invalid());
const flag = (value: unknown): boolean => (typeof value === 'boolean' ? value : invalid());

function decodeError(value: Record<string, unknown>): ImportStatusError {
  const kind = KINDS.find((known) => known === value['kind']) ?? invalid();
  const error = new ImportStatusError(maybeText(value['message']) ?? '', {
    kind,
    status: maybeNumber(value['status']),
    code: maybeText(value['code']),
    requestId: maybeText(value['requestId']),
    retryAfter: maybeNumber(value['retryAfter']),
  });
  return Object.freeze(error);
}

function decodeShown(value: Record<string, unknown>): ChannelSnapshot {
  const { task, error } = value;
  return {
    // A bare task: the normalizer checks every field and freezes it, as for an answer from the API.
    task: task === undefined || task === null ? task : (normalizeImportResponse(task) ?? invalid()),
    error: error === undefined ? error : decodeError(error as Record<string, unknown>),
    willRetry: flag(value['willRetry']),
    retryAt: maybeNumber(value['retryAt']),
    gaveUp: flag(value['gaveUp']),
    noNewTask: flag(value['noNewTask']),
  };
}

/** The state a message holds, or undefined when it is not one this version sent. */
export function decodeSharedState(value: unknown): SharedState | undefined {
  try {
    const { version, shown, nextAt, serversWait, requestAt, failures } = value as Record<string, unknown>;
    return {
      version: maybeText(version) ?? invalid(),
      shown: shown === undefined ? shown : decodeShown(shown as Record<string, unknown>),
      nextAt: maybeNumber(nextAt),
      serversWait: flag(serversWait),
      requestAt: number(requestAt),
      failures: Number.isInteger(failures) && (failures as number) >= 0 ? (failures as number) : invalid(),
    };
  } catch {
    return undefined;
  }
}

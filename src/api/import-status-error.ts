/**
 * The one error type the element reports. Every failure, whatever threw it (the network,
 * the server, a custom fetcher, a body that is not a task), becomes one of these, so that
 * `import-error` listeners and the UI can rely on its fields.
 */
import { finiteNumber } from './json.js';

export type ImportStatusErrorKind =
  /** The server answered with a non-2xx status. */
  | 'http'
  /** The request never got an answer (offline, DNS, CORS, connection reset). */
  | 'network'
  /** No answer within the element's `timeout`. */
  | 'timeout'
  /** A 2xx answer whose body is not JSON, or not an import task. */
  | 'invalid-body'
  /** A 2xx body that carries an API error code instead of a task (`{"code":"DNS.0101",...}`). */
  | 'api'
  /** The element cannot make a request as configured (an unusable zone id or fetcher). */
  | 'config';

export interface ImportStatusErrorInit {
  kind: ImportStatusErrorKind;
  status?: number | undefined;
  code?: string | undefined;
  requestId?: string | undefined;
  retryAfter?: number | undefined;
  cause?: unknown;
}

export class ImportStatusError extends Error {
  override readonly name = 'ImportStatusError';
  readonly kind: ImportStatusErrorKind;
  /** HTTP status, when there was one. */
  readonly status: number | undefined;
  /** Huawei error code (`DNS.0014`, `APIG.0308` …), when the body carried one. */
  readonly code: string | undefined;
  /** The server's `X-Request-Id`, for support tickets. */
  readonly requestId: string | undefined;
  /** Seconds the server asked us to wait (`Retry-After`), when it said so. */
  readonly retryAfter: number | undefined;

  constructor(message: string, init: ImportStatusErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.retryAfter = init.retryAfter;
  }
}

/**
 * What a failure means for the person watching, from the Huawei error code where there is one
 * (a 404 may be a missing zone, a wrong endpoint or just no import yet), else the HTTP status.
 * The retry policy and the messages both read this; nothing else classifies errors.
 */
export type ImportStatusErrorCause =
  | 'throttled'
  | 'sign-in'
  /** The signature's time is more than 15 minutes off the gateway's: the signing machine's clock is wrong. */
  | 'clock'
  | 'permission'
  | 'zone-not-found'
  | 'wrong-endpoint'
  | 'bad-request'
  | 'server'
  | 'timeout'
  | 'network'
  | 'invalid-body'
  | 'config'
  | 'other';

/** Huawei's documented codes (DNS and the API gateways, old `APIG` and new `APIGW` spellings). */
const CAUSE_OF_CODE: Readonly<Record<string, ImportStatusErrorCause>> = {
  'APIGW.0308': 'throttled',
  'APIG.0308': 'throttled',
  'DNS.0014': 'throttled',
  'APIGW.0301': 'sign-in',
  'APIG.0301': 'sign-in',
  'APIG.1001': 'sign-in',
  'APIG.1002': 'sign-in',
  'DNS.0005': 'sign-in',
  'DNS.0013': 'permission',
  'DNS.0302': 'zone-not-found',
  'APIGW.0101': 'wrong-endpoint',
  'APIG.0101': 'wrong-endpoint',
  // "Could not acquire the lock": the server is busy, not broken.
  'DNS.0021': 'server',
};

export function errorCause(error: ImportStatusError): ImportStatusErrorCause {
  // Own keys only: a code such as `__proto__` must not find Object.prototype.
  const code = error.code ?? '';
  if (Object.hasOwn(CAUSE_OF_CODE, code)) {
    const cause = CAUSE_OF_CODE[code]!;
    // The gateway says an expired signature with the same code as a wrong key: its words tell them apart.
    return cause === 'sign-in' && /signature expired/i.test(error.message) ? 'clock' : cause;
  }
  if (error.kind !== 'http' && error.kind !== 'api') return error.kind;
  const status = error.status ?? 0;
  if (status === 429) return 'throttled';
  if (status === 401) return 'sign-in';
  if (status === 403) return 'permission';
  if (status === 400) return 'bad-request';
  if (status === 408) return 'timeout';
  return status >= 500 ? 'server' : 'other';
}

/** The server asked us to slow down: always retried, and its wait is honoured. */
export const isThrottled = (error: ImportStatusError): boolean => errorCause(error) === 'throttled';

const nonEmptyString = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/**
 * Turns whatever a fetcher rejected with into an ImportStatusError. Custom fetchers may
 * reject with anything; an error carrying a numeric `status` is treated as that HTTP status
 * and a numeric `retryAfter` (seconds) is kept, as the public contract promises.
 */
export function toImportStatusError(reason: unknown): ImportStatusError {
  if (reason instanceof ImportStatusError) return reason;
  const fields = (typeof reason === 'object' && reason !== null ? reason : {}) as Record<string, unknown>;
  const status = finiteNumber(fields['status']);
  return new ImportStatusError(nonEmptyString(fields['message']) ?? nonEmptyString(reason) ?? 'The request failed.', {
    kind: status === undefined ? 'network' : 'http',
    status,
    code: nonEmptyString(fields['code']),
    requestId: nonEmptyString(fields['requestId']),
    retryAfter: finiteNumber(fields['retryAfter']),
    cause: reason,
  });
}

/**
 * When to ask again. Pure functions, so the policy is tested without timers.
 *
 * - Normal polling: `interval` with ±10 % jitter, so tabs opened together drift apart
 *   instead of hitting the API in lockstep.
 * - After a failure: exponential backoff with full jitter between `interval` and
 *   min(60 s, interval · 2^attempt), never sooner than the server's Retry-After.
 */
import { errorCause, type ImportStatusError, type ImportStatusErrorCause } from '../api/import-status-error.js';

export const BACKOFF_CAP_MS = 60_000;
/** A Retry-After beyond this is treated as this: a typo on the server must not silence us for a day. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;

const TRANSIENT = new Set<ImportStatusErrorCause>(['throttled', 'server', 'timeout', 'network']);

/** Transient failures are retried; the rest need a person (sign in, permissions, a fixed server or endpoint). */
export const isRetryable = (error: ImportStatusError): boolean => TRANSIENT.has(errorCause(error));

/** The connection failed, not the server: a wait for that may end when the browser is back online. */
export function isConnectionFailure(error: ImportStatusError): boolean {
  const cause = errorCause(error);
  return cause === 'network' || cause === 'timeout';
}

export function pollDelayMs(interval: number, random: () => number = Math.random): number {
  return Math.round(interval * (0.9 + 0.2 * random()));
}

export interface RetryDelayInput {
  /** 1 for the first failure in a row. */
  attempt: number;
  interval: number;
  /** Seconds, as the server said. */
  retryAfter?: number | undefined;
  random?: () => number;
  capMs?: number;
}

export function retryDelayMs({ attempt, interval, retryAfter, random = Math.random, capMs = BACKOFF_CAP_MS }: RetryDelayInput): number {
  const floor = Math.min(interval, capMs);
  const ceiling = Math.min(capMs, interval * 2 ** Math.min(attempt, 30));
  const backoff = floor + random() * Math.max(0, ceiling - floor);
  const serverWait = Number.isFinite(retryAfter) ? Math.min(Math.max(0, retryAfter!) * 1000, MAX_RETRY_AFTER_MS) : 0;
  return Math.round(Math.max(backoff, serverWait));
}

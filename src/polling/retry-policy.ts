/**
 * When to ask again. Pure functions, so the policy is tested without timers.
 *
 * - Normal polling: `interval` with ±10 % jitter, so tabs opened together drift apart
 *   instead of hitting the API in lockstep.
 * - After a failure: exponential backoff with full jitter between `interval` and
 *   min(60 s, interval · 2^attempt), never sooner than the server's Retry-After.
 */
import { isThrottled, type ImportStatusError } from '../api/import-status-error.js';

export const BACKOFF_CAP_MS = 60_000;
/** A Retry-After beyond this is treated as this: a typo on the server must not silence us for a day. */
export const MAX_RETRY_AFTER_MS = 5 * 60_000;
/** Intervals below this are raised to it: the element must never hammer the API. */
export const MIN_INTERVAL_MS = 500;
export const DEFAULT_INTERVAL_MS = 2000;

/** Transient failures are retried; the rest need a person (sign in, permissions, a fixed server). */
export function isRetryable(error: ImportStatusError): boolean {
  switch (error.kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      return (
        isThrottled(error) || error.status === 408 || (error.status !== undefined && error.status >= 500)
      );
    default:
      return isThrottled(error);
  }
}

/** A usable poll period from whatever the attribute said. */
export function sanitizeInterval(interval: number): number {
  return Number.isFinite(interval) && interval > 0 ? Math.max(MIN_INTERVAL_MS, interval) : DEFAULT_INTERVAL_MS;
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

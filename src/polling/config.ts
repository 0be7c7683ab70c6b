/**
 * Every default and bound of the element's timing attributes, in one place. Whatever a page
 * sets (`NaN`, a negative number, `1e12`, an attribute removed), the element ends up with a
 * usable value: never an instant timer, never one past `setTimeout`'s limit (which would fire
 * at once), never a poll faster than the API should see.
 */
import { finiteNumber } from '../api/json.js';
import type { ImportTaskKind } from '../api/types.js';
import { DEV } from '../common/dev-mode.js';

/** `setTimeout` fires at once for delays above this (a 32-bit signed int). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export const DEFAULT_INTERVAL_MS = 2000;
/** Intervals below this are raised to it: the element must never hammer the API. */
export const MIN_INTERVAL_MS = 500;
/** An import that moves slower than this would not be watched live. */
export const MAX_INTERVAL_MS = 60 * 60_000;

export const DEFAULT_TIMEOUT_MS = 15_000;
/** Shorter than this, a busy server or a slow token refresh fails every request. */
export const MIN_TIMEOUT_MS = 1000;

export const DEFAULT_GIVE_UP_AFTER_MS = 10 * 60_000;

/** `hidden-interval`: 0, no requests while every sharing page is hidden. */
export const DEFAULT_HIDDEN_INTERVAL_MS = 0;

/** PENDING with no change for this long (ms of visible polling) is a stall. */
export const DEFAULT_STALL_AFTER_MS = 120_000;

/** `refresh({ expectNewTask: true })` waits this long for a new task_id, then says none appeared. */
export const EXPECT_NEW_TASK_MS = 60_000;

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

/** Poll period: 500 ms to 1 h; `NaN`, 0 or negative give the default. */
export function intervalMs(value: unknown): number {
  const ms = finiteNumber(value);
  return ms === undefined || ms <= 0 ? DEFAULT_INTERVAL_MS : clamp(ms, MIN_INTERVAL_MS, MAX_INTERVAL_MS);
}

/** Per-request timeout: 1 s up to the timer limit; `NaN`, 0 or negative give the default. */
export function timeoutMs(value: unknown): number {
  const ms = finiteNumber(value);
  return ms === undefined || ms <= 0 ? DEFAULT_TIMEOUT_MS : clamp(ms, MIN_TIMEOUT_MS, MAX_TIMER_MS);
}

/** How long failures may go on before retrying stops: 0 up to the timer limit. */
export function giveUpAfterMs(value: unknown): number {
  const ms = finiteNumber(value);
  return ms === undefined || ms < 0 ? DEFAULT_GIVE_UP_AFTER_MS : Math.min(ms, MAX_TIMER_MS);
}

/**
 * Poll period while every sharing page is hidden: 0 (the default, and for `NaN`, 0 or negative)
 * means none; otherwise 500 ms to 1 h like `interval`. Browsers run a hidden page's timers about
 * once a minute after five minutes, so shorter values only hold for the first minutes.
 */
export function hiddenIntervalMs(value: unknown): number {
  const ms = finiteNumber(value);
  return ms === undefined || ms <= 0 ? DEFAULT_HIDDEN_INTERVAL_MS : clamp(ms, MIN_INTERVAL_MS, MAX_INTERVAL_MS);
}

/**
 * The `stall-after` attribute as used: 0 is off; NaN or negative is the default; a value
 * below the poll interval is raised to it (no stall can be seen between two polls); at most
 * the timer limit.
 */
export function stallAfterMs(value: number, interval: number): number {
  return value === 0 ? 0 : Math.min(MAX_TIMER_MS, Math.max(interval, value >= 0 ? value : DEFAULT_STALL_AFTER_MS));
}

/**
 * The zone id to watch, or `''` for none. A removed attribute arrives as `null`, a framework
 * may pass `undefined`: neither may ever become the path segment `/zones/null/`.
 */
export function zoneIdOf(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value : '';
}

/**
 * The share key in force, or `''` for none (no sharing beyond the page), read as a zone id is:
 * empty or blank text, or anything that is not a string, is none. Otherwise the key is used
 * exactly as given (never cut: two keys that differ only at their end must not share).
 */
export const shareKeyOf = zoneIdOf;

/**
 * The task kind to watch: `batch-create` as given; anything else is `import`, the default (unset
 * or blank silently, any other value with one console warning in development).
 */
export function taskKindOf(value: unknown): ImportTaskKind {
  if (value === 'batch-create') return value;
  if (DEV) warnOfUnknownKind(value);
  return 'import';
}

/** Unknown kinds already warned about: one warning each, not one per update. */
const warnedKinds = new Set<unknown>();

function warnOfUnknownKind(value: unknown): void {
  if (value == null || value === 'import' || String(value).trim() === '' || warnedKinds.has(value)) return;
  warnedKinds.add(value);
  console.warn(`dns-import-status: task-kind must be "import" or "batch-create", not "${String(value)}"; using "import".`);
}

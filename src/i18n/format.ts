/** Display helpers shared by the templates: pure, locale-aware. */
import { intlLocale, type Locale } from './locale.js';

/** API times carry no zone designator; the API means UTC. Undefined when unreadable. */
export function parseApiTime(text: string | undefined): Date | undefined {
  const trimmed = text?.trim();
  // Only ISO date-times: the legacy Date parser reads "DNS.0806" as the year 806.
  if (!trimmed || !/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})?$/.test(trimmed)) return undefined;
  const hasZone = /([zZ]|[+-]\d{2}:?\d{2})$/.test(trimmed);
  // The ECMAScript date-time format has an upper-case Z: Firefox and WebKit reject 'z'.
  const date = new Date((hasZone ? trimmed.replace(/z$/, 'Z') : `${trimmed}Z`).replace(' ', 'T'));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/** In the viewer's own time zone. */
export function formatTime(date: Date, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'medium' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}

/** Share of records processed, 0–100, whole numbers; a DONE task with no total is complete. */
export function progressPercent(processed: number, total: number, done: boolean): number {
  if (!(total > 0)) return done ? 100 : 0;
  return Math.min(100, Math.max(0, Math.floor((processed / total) * 100)));
}

/** Longest text shown in one cell or fact; the record itself, `task` and the CSV keep it whole. */
export const MAX_SHOWN_CHARS = 500;

/**
 * Clips text for display. A browser wraps one long unbroken word in time quadratic in its
 * length (64 KiB took seconds in Chromium), so a hostile or broken field could freeze the page.
 */
export function clipText(text: string | number): string {
  const value = String(text);
  if (value.length <= MAX_SHOWN_CHARS) return value;
  // Never cut a surrogate pair in two.
  const end = /[\uD800-\uDBFF]/.test(value[MAX_SHOWN_CHARS - 1]!) ? MAX_SHOWN_CHARS - 1 : MAX_SHOWN_CHARS;
  return `${value.slice(0, end)}…`;
}

/**
 * "2 min 41 sec", "2分钟 41秒": whole hours, minutes and seconds, the zero ones left out, named
 * by Intl.NumberFormat's unit style (Intl.DurationFormat is missing from older Firefox ESR
 * and WebKit releases).
 */
export function formatDuration(ms: number, locale: Locale): string {
  let rest = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [unit, size] of [['hour', 3600], ['minute', 60], ['second', 1]] as const) {
    const value = Math.floor(rest / size);
    rest %= size;
    if (value || (size < 2 && !parts[0])) parts.push(value.toLocaleString(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'short' }));
  }
  return parts.join(' ');
}

/** A time left as people say it: 5 s steps under a minute, whole minutes under an hour, then 10 min steps. */
export function roundTimeLeft(ms: number): number {
  const step = ms < 57_500 ? 5000 : ms < 3_570_000 ? 60_000 : 600_000;
  return Math.max(step, Math.round(ms / step) * step);
}

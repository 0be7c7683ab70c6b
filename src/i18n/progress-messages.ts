/** The words for rate, time left, stalls and duration, in both languages. */
import { formatDuration, parseApiTime, roundTimeLeft } from './format.js';
import type { Locale } from './messages.js';
import type { ImportTask } from '../api/types.js';

/** "12 records/s · about 40 sec left" (per minute under one record a second); undefined without an estimate. */
export function estimateText(locale: Locale, { rate, msLeft }: { rate?: number | undefined; msLeft?: number | undefined }): string | undefined {
  if (msLeft === undefined) return undefined;
  const zh = locale === 'zh';
  const slow = rate! < 1;
  // Two significant digits: a rate is not known to four.
  const perUnit = (slow ? rate! * 60 : rate!).toLocaleString(zh ? 'zh-CN' : 'en', { maximumSignificantDigits: 2 });
  const left = formatDuration(roundTimeLeft(msLeft), locale);
  return zh ? `${perUnit} 条/${slow ? '分钟' : '秒'} · 还需约 ${left}` : `${perUnit} records/${slow ? 'min' : 's'} · about ${left} left`;
}

/** "Took 2 min 41 sec", from created_at to updated_at; undefined when that is unknown or negative. */
export function tookText(locale: Locale, task: ImportTask): string | undefined {
  const ms = (parseApiTime(task.updated_at)?.getTime() ?? NaN) - (parseApiTime(task.created_at)?.getTime() ?? NaN);
  return ms >= 0 ? `${locale === 'zh' ? '用时' : 'Took'} ${formatDuration(ms, locale)}` : undefined;
}

/** The stalled notice: true however long the stall lasts, so it needs no ticking. */
export function stalledText(locale: Locale, stallAfter: number): string {
  const time = formatDuration(stallAfter, locale);
  return locale === 'zh' ? `最近 ${time} 没有进展，仍在检查。` : `No progress in the last ${time}. Still checking.`;
}

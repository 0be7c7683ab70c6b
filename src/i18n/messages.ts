/**
 * Every string of `<dns-import-status>`, in English and Simplified Chinese: one table per
 * language, of plain strings and of functions for the strings that take values. Numbers,
 * dates and durations go through Intl (see locale.ts), so a console in either language reads
 * naturally. The failed-record list has its own table (failures/failure-messages.ts).
 */
import { errorCause, type ImportStatusError, type ImportStatusErrorCause } from '../api/import-status-error.js';
import type { ImportTask, ImportTaskKind } from '../api/types.js';
import { formatDuration, parseApiTime, roundTimeLeft } from './format.js';
import { enNumber, intlLocale, zhNumber, type Locale } from './locale.js';

export interface Messages {
  configHint: string;
  loading: string;
  empty: string;
  emptyHint: string;
  statusWord(status: string): string;
  outcome(total: number, imported: number, failed: number): string;
  pendingOutcome(processed: number, total: number): string;
  progressLabel: string;
  progressValue(percent: number, processed: number, total: number): string;
  /** A count in the summary's facts. */
  count(value: number): string;
  taskKind: string;
  /** Each task kind in an operator's words. */
  taskKinds: Readonly<Record<ImportTaskKind, string>>;
  /** Failed records counted but not in the list. */
  notListed(count: number): string;
  total: string;
  imported: string;
  failed: string;
  taskId: string;
  created: string;
  updated: string;
  templateLanguage: string;
  zoneType: string;
  retry: string;
  /** What went wrong, by cause; `http` is " (HTTP 503)" when there is a status, else empty. */
  problem: Readonly<Record<ImportStatusErrorCause, (http: string) => string>>;
  /** An API error of no known cause, with its code when it has one. */
  apiError(code: string): string;
  errorNotice(error: ImportStatusError, willRetry: boolean, retryInSeconds: number | undefined, gaveUp: boolean): string;
  errorDetails(error: ImportStatusError): string;
  staleData: string;
  noNewTask: string;
  /** Rate and time left: `rate` already formatted, per minute when `perMinute`. */
  estimate(rate: string, perMinute: boolean, timeLeft: string): string;
  took(duration: string): string;
  stalled(duration: string): string;
  /** The system notification's title when an import finished while nobody was looking (its body: the outcome). */
  doneNotificationTitle: string;
}

/** The outcome in words ("1,150 imported, 50 failed"), for the headline and for screen readers alike. */
export function outcomeText(messages: Messages, task: ImportTask): string {
  const { total_count: total, success_count: imported, error_count: failed } = task;
  return task.status === 'DONE' ? messages.outcome(total, imported, failed) : messages.pendingOutcome(imported + failed, total);
}

function describeError(messages: Messages, error: ImportStatusError): string {
  const cause = errorCause(error);
  if (cause === 'other' && error.kind === 'api') return messages.apiError(error.code ?? '');
  return messages.problem[cause](error.status === undefined ? '' : ` (HTTP ${error.status})`);
}

const records = (count: number) => `${enNumber(count)} ${count === 1 ? 'record' : 'records'}`;

const english: Messages = {
  configHint: "Set zone-id to show a zone's import status.",
  loading: 'Loading import status…',
  empty: 'No import task yet.',
  emptyHint: 'Expected one? Check zone-id and endpoint.',
  statusWord: (status) => (status === 'PENDING' ? 'Importing' : status === 'DONE' ? 'Done' : status),
  outcome: (total, imported, failed) =>
    failed === 0
      ? `All ${records(total)} imported`
      : imported === 0
        ? `Nothing imported: ${enNumber(failed)} failed`
        : `${enNumber(imported)} imported, ${enNumber(failed)} failed`,
  pendingOutcome: (processed, total) => `${enNumber(processed)} of ${records(total)} processed`,
  progressLabel: 'Import progress',
  progressValue: (percent, processed, total) => `${percent}% (${enNumber(processed)} of ${enNumber(total)})`,
  count: enNumber,
  taskKind: 'Task type',
  taskKinds: { import: 'Import from file', 'batch-create': 'Batch create' },
  notListed: (count) => ` (${enNumber(count)} not listed)`,
  total: 'Total',
  imported: 'Imported',
  failed: 'Failed',
  taskId: 'Task ID',
  created: 'Created',
  updated: 'Updated',
  templateLanguage: 'Template language',
  zoneType: 'Zone type',
  retry: 'Retry',
  problem: {
    throttled: (http) => `Too many requests${http}`,
    network: () => 'Connection problem',
    timeout: (http) => `The server timed out${http}`,
    'invalid-body': () => 'The answer is not an import task',
    config: () => 'Invalid configuration',
    'sign-in': (http) => `Sign-in expired${http}. Sign in again, then retry`,
    clock: (http) => `Signature rejected${http}: the signing server's clock is more than 15 minutes off. Correct its time, then retry`,
    permission: (http) => `No permission to read this import${http}. Ask for DNS read access`,
    'bad-request': (http) => `Request rejected${http}. Check zone-id`,
    'zone-not-found': (http) => `Zone not found${http}. Check zone-id`,
    'wrong-endpoint': (http) => `API not found${http}. Check endpoint`,
    server: (http) => `Server error${http}`,
    other: (http) => `Request failed${http}`,
  },
  apiError: (code) => `API error ${code}`.trim(),
  errorNotice: (error, willRetry, retryIn, gaveUp) => {
    const what = describeError(english, error);
    if (gaveUp) return `${what}. Retrying stopped after a long time.`;
    if (willRetry) return retryIn === undefined ? `${what}, retrying.` : `${what}, retrying in ${enNumber(retryIn)} s.`;
    return `${what}.`;
  },
  errorDetails: (error) =>
    [error.message, error.code && `Code: ${error.code}`, error.requestId && `Request ID: ${error.requestId}`].filter(Boolean).join(' · '),
  staleData: 'Showing the last data received.',
  noNewTask: 'No new import within 60 s.',
  estimate: (rate, perMinute, timeLeft) => `${rate} records/${perMinute ? 'min' : 's'} · about ${timeLeft} left`,
  took: (duration) => `Took ${duration}`,
  stalled: (duration) => `No progress in the last ${duration}. Still checking.`,
  doneNotificationTitle: 'DNS import finished',
};

const chinese: Messages = {
  configHint: '请设置 zone-id 以显示导入状态。',
  loading: '正在加载导入状态…',
  empty: '还没有导入任务。',
  emptyHint: '如应有，请检查 zone-id 和 endpoint。',
  statusWord: (status) => (status === 'PENDING' ? '导入中' : status === 'DONE' ? '已完成' : status),
  outcome: (total, imported, failed) =>
    failed === 0
      ? `全部 ${zhNumber(total)} 条记录已导入`
      : imported === 0
        ? `${zhNumber(failed)} 条全部失败`
        : `已导入 ${zhNumber(imported)} 条，${zhNumber(failed)} 条失败`,
  pendingOutcome: (processed, total) => `已处理 ${zhNumber(processed)} / ${zhNumber(total)} 条记录`,
  progressLabel: '导入进度',
  progressValue: (percent, processed, total) => `${percent}%（${zhNumber(processed)} / ${zhNumber(total)}）`,
  count: zhNumber,
  taskKind: '任务类型',
  taskKinds: { import: '从文件导入', 'batch-create': '批量创建' },
  notListed: (count) => `（${zhNumber(count)} 条未列出）`,
  total: '总数',
  imported: '已导入',
  failed: '失败',
  taskId: '任务 ID',
  created: '创建时间',
  updated: '更新时间',
  templateLanguage: '模板语言',
  zoneType: '域名类型',
  retry: '重试',
  problem: {
    throttled: (http) => `请求过于频繁${http}`,
    network: () => '连接出现问题',
    timeout: (http) => `服务器响应超时${http}`,
    'invalid-body': () => '返回的不是导入任务',
    config: () => '配置无效',
    'sign-in': (http) => `登录已过期${http}，请重新登录后重试`,
    clock: (http) => `签名被拒绝${http}：签名服务器的时钟偏差超过 15 分钟，请校准时间后重试`,
    permission: (http) => `无权查看该导入任务${http}，请申请 DNS 只读权限`,
    'bad-request': (http) => `请求被拒绝${http}，请检查 zone-id`,
    'zone-not-found': (http) => `域名不存在${http}，请检查 zone-id`,
    'wrong-endpoint': (http) => `找不到该接口${http}，请检查 endpoint`,
    server: (http) => `服务器出错${http}`,
    other: (http) => `请求失败${http}`,
  },
  apiError: (code) => `接口返回错误 ${code}`.trim(),
  errorNotice: (error, willRetry, retryIn, gaveUp) => {
    const what = describeError(chinese, error);
    if (gaveUp) return `${what}。长时间失败，已停止重试。`;
    if (willRetry) return retryIn === undefined ? `${what}，正在重试。` : `${what}，${zhNumber(retryIn)} 秒后重试。`;
    return `${what}。`;
  },
  errorDetails: (error) =>
    [error.message, error.code && `错误码：${error.code}`, error.requestId && `请求 ID：${error.requestId}`].filter(Boolean).join(' · '),
  staleData: '显示的是上次收到的数据。',
  noNewTask: '60 秒内未出现新的导入任务。',
  estimate: (rate, perMinute, timeLeft) => `${rate} 条/${perMinute ? '分钟' : '秒'} · 还需约 ${timeLeft}`,
  took: (duration) => `用时 ${duration}`,
  stalled: (duration) => `最近 ${duration} 没有进展，仍在检查。`,
  doneNotificationTitle: 'DNS 导入已完成',
};

const tables: Readonly<Record<Locale, Messages>> = { en: english, zh: chinese };

export function messagesFor(locale: Locale): Messages {
  return tables[locale];
}

/** "12 records/s · about 40 sec left" (per minute under one record a second); undefined without an estimate. */
export function estimateText(locale: Locale, { rate, msLeft }: { rate?: number | undefined; msLeft?: number | undefined }): string | undefined {
  if (msLeft === undefined) return undefined;
  const perMinute = rate! < 1;
  // Two significant digits: a rate is not known to four.
  const perUnit = (perMinute ? rate! * 60 : rate!).toLocaleString(intlLocale(locale), { maximumSignificantDigits: 2 });
  return tables[locale].estimate(perUnit, perMinute, formatDuration(roundTimeLeft(msLeft), locale));
}

/** "Took 2 min 41 sec", from created_at to updated_at; undefined when that is unknown or negative. */
export function tookText(locale: Locale, task: ImportTask): string | undefined {
  // Number() of a time that is unknown (undefined) is NaN, and so is the difference.
  const ms = Number(parseApiTime(task.updated_at)) - Number(parseApiTime(task.created_at));
  return ms >= 0 ? tables[locale].took(formatDuration(ms, locale)) : undefined;
}

/** The stalled notice: true however long the stall lasts, so it needs no ticking. */
export function stalledText(locale: Locale, stallAfter: number): string {
  return tables[locale].stalled(formatDuration(stallAfter, locale));
}

/**
 * Every visible string, in English and Simplified Chinese. Numbers, plurals and dates go
 * through Intl, so a console in either language reads naturally.
 */
import { errorCause, type ImportStatusError, type ImportStatusErrorCause } from '../api/import-status-error.js';
import type { ImportTask } from '../api/types.js';

export type Locale = 'en' | 'zh';

/** `zh`, `zh-CN`, `zh-Hans`, `zh-SG` … read Simplified Chinese; everything else English. */
export function localeFromLang(lang: string | null | undefined): Locale {
  return lang && /^zh(?=$|[-_])(?![-_](hant|tw|hk|mo)\b)/i.test(lang.trim()) ? 'zh' : 'en';
}

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
  total: string;
  imported: string;
  failed: string;
  taskId: string;
  created: string;
  updated: string;
  templateLanguage: string;
  zoneType: string;
  failuresHeading(count: number): string;
  columns: { name: string; type: string; line: string; ttl: string; weight: string; value: string; error_code: string; error_message: string };
  retry: string;
  errorNotice(error: ImportStatusError, willRetry: boolean, retryInSeconds: number | undefined, gaveUp: boolean): string;
  errorDetails(error: ImportStatusError): string;
  staleData: string;
  noNewTask: string;
  /** The system notification when an import finished while nobody was looking. */
  doneNotificationTitle: string;
  doneNotificationBody(imported: number, failed: number): string;
}

/** The outcome in words ("1,150 imported, 50 failed"), for the headline and for screen readers alike. */
export function outcomeText(t: Messages, task: ImportTask): string {
  const { total_count: total, success_count: imported, error_count: failed } = task;
  return task.status === 'DONE' ? t.outcome(total, imported, failed) : t.pendingOutcome(imported + failed, total);
}

/** What went wrong, `[English, Chinese]`; `%` stands where the HTTP status goes, when there is one. */
const ERROR_WORDS: Readonly<Record<ImportStatusErrorCause, readonly [string, string]>> = {
  throttled: ['Too many requests%', '请求过于频繁%'],
  network: ['Connection problem', '连接出现问题'],
  timeout: ['The server timed out%', '服务器响应超时%'],
  'invalid-body': ['The answer is not an import task', '返回的不是导入任务'],
  config: ['Invalid configuration', '配置无效'],
  'sign-in': ['Sign-in expired%. Sign in again, then retry', '登录已过期%，请重新登录后重试'],
  permission: ['No permission to read this import%. Ask for DNS read access', '无权查看该导入任务%，请申请 DNS 只读权限'],
  'bad-request': ['Request rejected%. Check zone-id', '请求被拒绝%，请检查 zone-id'],
  'zone-not-found': ['Zone not found%. Check zone-id', '域名不存在%，请检查 zone-id'],
  'wrong-endpoint': ['API not found%. Check endpoint', '找不到该接口%，请检查 endpoint'],
  server: ['Server error%', '服务器出错%'],
  other: ['Request failed%', '请求失败%'],
};

function describeError(locale: Locale, error: ImportStatusError): string {
  const zh = +(locale === 'zh');
  const cause = errorCause(error);
  if (cause === 'other' && error.kind === 'api') return `${zh ? '接口返回错误' : 'API error'} ${error.code ?? ''}`.trim();
  return ERROR_WORDS[cause][zh]!.replace('%', error.status === undefined ? '' : ` (HTTP ${error.status})`);
}

function english(): Messages {
  const n = new Intl.NumberFormat('en');
  const plural = new Intl.PluralRules('en');
  const records = (count: number) => `${n.format(count)} ${plural.select(count) === 'one' ? 'record' : 'records'}`;
  return {
    configHint: "Set zone-id to show a zone's import status.",
    loading: 'Loading import status…',
    empty: 'No import task yet.',
    emptyHint: 'Expected one? Check zone-id and endpoint.',
    statusWord: (status) => (status === 'PENDING' ? 'Importing' : status === 'DONE' ? 'Done' : status),
    outcome: (total, imported, failed) =>
      failed === 0
        ? `All ${records(total)} imported`
        : imported === 0
          ? `Nothing imported: ${n.format(failed)} failed`
          : `${n.format(imported)} imported, ${n.format(failed)} failed`,
    pendingOutcome: (processed, total) => `${n.format(processed)} of ${records(total)} processed`,
    progressLabel: 'Import progress',
    progressValue: (percent, processed, total) => `${percent}% (${n.format(processed)} of ${n.format(total)})`,
    total: 'Total',
    imported: 'Imported',
    failed: 'Failed',
    taskId: 'Task ID',
    created: 'Created',
    updated: 'Updated',
    templateLanguage: 'Template language',
    zoneType: 'Zone type',
    failuresHeading: (count) => `Failed ${plural.select(count) === 'one' ? 'record' : 'records'} (${n.format(count)})`,
    columns: { name: 'Name', type: 'Type', line: 'Line', ttl: 'TTL', weight: 'Weight', value: 'Value', error_code: 'Error code', error_message: 'Error message' },
    retry: 'Retry',
    errorNotice: (error, willRetry, retryIn, gaveUp) => {
      const what = describeError('en', error);
      if (gaveUp) return `${what}. Retrying stopped after a long time.`;
      if (willRetry) return retryIn === undefined ? `${what}, retrying.` : `${what}, retrying in ${n.format(retryIn)} s.`;
      return `${what}.`;
    },
    errorDetails: (error) =>
      [error.message, error.code && `Code: ${error.code}`, error.requestId && `Request ID: ${error.requestId}`].filter(Boolean).join(' · '),
    staleData: 'Showing the last data received.',
    noNewTask: 'No new import within 60 s.',
    doneNotificationTitle: 'DNS import finished',
    doneNotificationBody: (imported, failed) => `${n.format(imported)} imported, ${n.format(failed)} failed.`,
  };
}

function chinese(): Messages {
  const n = new Intl.NumberFormat('zh-CN');
  return {
    configHint: '请设置 zone-id 以显示导入状态。',
    loading: '正在加载导入状态…',
    empty: '还没有导入任务。',
    emptyHint: '如应有，请检查 zone-id 和 endpoint。',
    statusWord: (status) => (status === 'PENDING' ? '导入中' : status === 'DONE' ? '已完成' : status),
    outcome: (total, imported, failed) =>
      failed === 0
        ? `全部 ${n.format(total)} 条记录已导入`
        : imported === 0
          ? `${n.format(failed)} 条全部失败`
          : `已导入 ${n.format(imported)} 条，${n.format(failed)} 条失败`,
    pendingOutcome: (processed, total) => `已处理 ${n.format(processed)} / ${n.format(total)} 条记录`,
    progressLabel: '导入进度',
    progressValue: (percent, processed, total) => `${percent}%（${n.format(processed)} / ${n.format(total)}）`,
    total: '总数',
    imported: '已导入',
    failed: '失败',
    taskId: '任务 ID',
    created: '创建时间',
    updated: '更新时间',
    templateLanguage: '模板语言',
    zoneType: '域名类型',
    failuresHeading: (count) => `失败记录（${n.format(count)}）`,
    columns: { name: '主机记录', type: '类型', line: '线路', ttl: 'TTL', weight: '权重', value: '记录值', error_code: '错误码', error_message: '错误信息' },
    retry: '重试',
    errorNotice: (error, willRetry, retryIn, gaveUp) => {
      const what = describeError('zh', error);
      if (gaveUp) return `${what}。长时间失败，已停止重试。`;
      if (willRetry) return retryIn === undefined ? `${what}，正在重试。` : `${what}，${n.format(retryIn)} 秒后重试。`;
      return `${what}。`;
    },
    errorDetails: (error) =>
      [error.message, error.code && `错误码：${error.code}`, error.requestId && `请求 ID：${error.requestId}`].filter(Boolean).join(' · '),
    staleData: '显示的是上次收到的数据。',
    noNewTask: '60 秒内未出现新的导入任务。',
    doneNotificationTitle: 'DNS 导入已完成',
    doneNotificationBody: (imported, failed) => `已导入 ${n.format(imported)} 条，${n.format(failed)} 条失败。`,
  };
}

const cache = new Map<Locale, Messages>();

export function messagesFor(locale: Locale): Messages {
  let messages = cache.get(locale);
  if (!messages) cache.set(locale, (messages = locale === 'zh' ? chinese() : english()));
  return messages;
}

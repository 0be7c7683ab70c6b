/**
 * Every string of the failed-record view, in English and Simplified Chinese, including what
 * to do about each error code Huawei Cloud DNS is known to report per record. Numbers go
 * through Intl so "2,500" and "2,500" read as each language writes them.
 */
import type { FailureSortKey } from './failure-query.js';
import type { Locale } from '../i18n/messages.js';

export interface FailureMessages {
  /** A count as this language writes it (1,000). */
  count(value: number): string;
  groupsHeading: string;
  /** The accessible name of the list of causes. */
  groupsLabel: string;
  noCode: string;
  showAllGroups(count: number): string;
  showFewerGroups: string;
  /** What to do about an error code; undefined for codes we know nothing about. */
  hint(code: string): string | undefined;
  searchLabel: string;
  searchPlaceholder: string;
  typeLabel: string;
  allTypes: string;
  sortLabel: string;
  sortOption: Readonly<Record<FailureSortKey, string>>;
  clearFilters: string;
  /** "Showing N of M": N after filtering, M failed records in all. */
  showing(shown: number, total: number): string;
  noMatch: string;
  pagesLabel: string;
  firstPage: string;
  previousPage: string;
  nextPage: string;
  lastPage: string;
  /** first and last are 1-based row numbers within the shown list. */
  rowRange(first: number, last: number, total: number): string;
  downloadCsv: string;
  downloadFilteredCsv(shown: number, total: number): string;
}

type HintKey = 'conflict' | 'ttl' | 'name' | 'type' | 'value' | 'weight' | 'defaultLineOnly' | 'quota' | 'edition' | 'defaultLine' | 'line';

/** The per-record codes listed in src/api/huawei-api-notes.md, several of which share one piece of advice. */
const hintKeyOfCode: Readonly<Record<string, HintKey>> = {
  'DNS.0016': 'conflict',
  'DNS.0303': 'ttl',
  'DNS.0319': 'ttl',
  'DNS.0304': 'name',
  'DNS.0307': 'type',
  'DNS.0308': 'value',
  'DNS.0322': 'weight',
  'DNS.0323': 'weight',
  'DNS.0325': 'defaultLineOnly',
  'DNS.0403': 'quota',
  'DNS.0806': 'edition',
  'DNS.0807': 'defaultLine',
  'DNS.1601': 'line',
  'DNS.1602': 'line',
  'DNS.1604': 'line',
};

const englishHints: Readonly<Record<HintKey, string>> = {
  conflict: 'Exists already, or clashes with a CNAME: remove the duplicate or edit the existing record.',
  ttl: 'TTL out of range: use 1 to 2147483647 seconds (300 is common).',
  name: 'Invalid name: use a name in this zone (letters, digits, hyphens; 63 characters at most between dots).',
  type: 'Type not importable: use one the zone supports (A, AAAA, CNAME, MX, TXT, SRV, NS, CAA…).',
  value: 'Value does not fit the type: A needs an IPv4 address, CNAME a domain name.',
  weight: 'Invalid weight: use 0 to 1000, or leave it empty.',
  defaultLineOnly: 'Only the default line is allowed: set the line to default_view.',
  quota: 'Record set quota reached: delete unused record sets or ask for more quota, then import the rest.',
  edition: 'Line not in your DNS edition: use the default line, or upgrade.',
  defaultLine: 'Not allowed on the default line: remove the record, or choose another line.',
  line: 'Unknown line: use default_view or a line ID from your line list.',
};

const chineseHints: Readonly<Record<HintKey, string>> = {
  conflict: '记录集已存在或与 CNAME 冲突：请删除重复项或修改已有记录。',
  ttl: 'TTL 超出范围：请填 1 到 2147483647 秒（常用 300）。',
  name: '主机记录无效：请用该域名下的名称（字母、数字、连字符，每段至多 63 字符）。',
  type: '不能导入该类型：请用该域名支持的类型（A、AAAA、CNAME、MX、TXT、SRV、NS、CAA 等）。',
  value: '记录值与类型不符：A 记录填 IPv4 地址，CNAME 填域名等。',
  weight: '权重无效：请填 0 到 1000，或留空。',
  defaultLineOnly: '只能用默认线路：请将线路设为 default_view。',
  quota: '记录集配额已满：请删除不用的记录集或申请配额，再导入其余记录。',
  edition: '当前 DNS 版本不支持该线路：请用默认线路或升级版本。',
  defaultLine: '默认线路不允许此操作：请删除该记录或选择其他线路。',
  line: '线路无效：请用 default_view 或线路列表中的线路 ID。',
};

/** Own keys only: a code such as `constructor` or `__proto__` must not reach Object.prototype. */
function hintFrom(hints: Readonly<Record<HintKey, string>>, code: string): string | undefined {
  return Object.hasOwn(hintKeyOfCode, code) ? hints[hintKeyOfCode[code]!] : undefined;
}

function english(): FailureMessages {
  const n = new Intl.NumberFormat('en').format;
  return {
    count: n,
    groupsHeading: 'Failures by cause',
    groupsLabel: 'Filter by error code',
    noCode: 'No error code',
    showAllGroups: (count) => `Show all ${n(count)} causes`,
    showFewerGroups: 'Show fewer causes',
    hint: (code) => hintFrom(englishHints, code),
    searchLabel: 'Find name or value',
    searchPlaceholder: 'e.g. www or 192.0.2.1',
    typeLabel: 'Record type',
    allTypes: 'All types',
    sortLabel: 'Sort by',
    sortOption: { none: 'As received', name: 'Name', type: 'Type', code: 'Error code' },
    clearFilters: 'Clear filters',
    showing: (shown, total) => `Showing ${n(shown)} of ${n(total)}`,
    noMatch: 'No failed record matches these filters.',
    pagesLabel: 'Pages of failed records',
    firstPage: 'First',
    previousPage: 'Previous',
    nextPage: 'Next',
    lastPage: 'Last',
    rowRange: (first, last, total) => `Rows ${n(first)}–${n(last)} of ${n(total)}`,
    downloadCsv: 'Download CSV',
    downloadFilteredCsv: (shown, total) => `Download CSV (filtered: ${n(shown)} of ${n(total)})`,
  };
}

function chinese(): FailureMessages {
  const n = new Intl.NumberFormat('zh-CN').format;
  return {
    count: n,
    groupsHeading: '按失败原因',
    groupsLabel: '按错误码筛选',
    noCode: '无错误码',
    showAllGroups: (count) => `显示全部 ${n(count)} 种原因`,
    showFewerGroups: '收起原因',
    hint: (code) => hintFrom(chineseHints, code),
    searchLabel: '查找主机记录或记录值',
    searchPlaceholder: '例如 www 或 192.0.2.1',
    typeLabel: '记录类型',
    allTypes: '全部类型',
    sortLabel: '排序方式',
    sortOption: { none: '接收顺序', name: '主机记录', type: '类型', code: '错误码' },
    clearFilters: '清除筛选',
    showing: (shown, total) => `显示 ${n(shown)} / ${n(total)} 条`,
    noMatch: '没有符合筛选条件的失败记录。',
    pagesLabel: '失败记录分页',
    firstPage: '首页',
    previousPage: '上一页',
    nextPage: '下一页',
    lastPage: '末页',
    rowRange: (first, last, total) => `第 ${n(first)}–${n(last)} 行，共 ${n(total)} 行`,
    downloadCsv: '下载 CSV',
    downloadFilteredCsv: (shown, total) => `下载 CSV（已筛选：${n(shown)} / ${n(total)} 条）`,
  };
}

const cache = new Map<Locale, FailureMessages>();

export function failureMessagesFor(locale: Locale): FailureMessages {
  let messages = cache.get(locale);
  if (!messages) cache.set(locale, (messages = locale === 'zh' ? chinese() : english()));
  return messages;
}

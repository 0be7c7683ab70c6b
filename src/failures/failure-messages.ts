/**
 * Every string of the failed-record list, in English and Simplified Chinese: one table per
 * language, of plain strings and of functions for the strings that take values, including
 * what to do about each error code Huawei Cloud DNS is known to report per record. Numbers go
 * through Intl so "2,500" reads as each language writes it.
 */
import type { FailureSortKey } from './failure-query.js';
import { enNumber, zhNumber, type Locale } from '../i18n/locale.js';

/** The record's fields, in the order of the table and of the CSV export. */
export interface FailureColumnTitles {
  name: string;
  type: string;
  line: string;
  ttl: string;
  weight: string;
  value: string;
  status: string;
  error_code: string;
  error_message: string;
}

/** The pieces of advice, each shared by the codes `hintOfCode` maps to it. */
type HintKey = 'conflict' | 'ttl' | 'name' | 'type' | 'value' | 'weight' | 'defaultLineOnly' | 'quota' | 'edition' | 'defaultLine' | 'line';

export interface FailureMessages {
  /** A count as this language writes it (1,000). */
  count(value: number): string;
  heading(count: number): string;
  columns: Readonly<FailureColumnTitles>;
  groupsHeading: string;
  /** The accessible name of the list of causes. */
  groupsLabel: string;
  noCode: string;
  showAllGroups(count: number): string;
  showFewerGroups: string;
  /** What to do about each known error code (see `hintFor()`). */
  hints: Readonly<Record<HintKey, string>>;
  searchLabel: string;
  searchPlaceholder: string;
  typeLabel: string;
  allTypes: string;
  sortLabel: string;
  /** The sort menu's options, in the menu's order (the list shows the keys as written here). */
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

/** The per-record codes listed in src/api/huawei-api-notes.md, each mapped to its piece of advice. */
const hintOfCode: Readonly<Record<string, HintKey>> = {
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

/** What to do about an error code; undefined for codes we know nothing about. */
export function hintFor(messages: FailureMessages, code: string): string | undefined {
  // Own keys only: a code such as `constructor` or `__proto__` must not reach Object.prototype.
  return Object.hasOwn(hintOfCode, code) ? messages.hints[hintOfCode[code]!] : undefined;
}

const english: FailureMessages = {
  count: enNumber,
  heading: (count) => `Failed ${count === 1 ? 'record' : 'records'} (${enNumber(count)})`,
  columns: { name: 'Name', type: 'Type', line: 'Line', ttl: 'TTL', weight: 'Weight', value: 'Value', status: 'Status', error_code: 'Error code', error_message: 'Error message' },
  groupsHeading: 'By cause',
  groupsLabel: 'Filter by error code',
  noCode: 'No error code',
  showAllGroups: (count) => `Show all ${enNumber(count)} causes`,
  showFewerGroups: 'Show fewer causes',
  hints: {
    conflict: 'Exists already, or clashes with a CNAME: remove the duplicate.',
    ttl: 'TTL out of range: use 1 to 2147483647 seconds.',
    name: 'Invalid name: use letters, digits and hyphens (up to 63 per label) in this zone.',
    type: 'Type not supported: use A, AAAA, CNAME, MX, TXT, etc.',
    value: 'Value does not fit the type: e.g. A needs an IPv4 address.',
    weight: 'Invalid weight: use 0 to 1000, or leave it empty.',
    defaultLineOnly: 'Only the default line is allowed: use default_view.',
    quota: 'Record set quota reached: free some or ask for more, then retry.',
    edition: 'Line not in your DNS edition: use the default line, or upgrade.',
    defaultLine: 'Default line not allowed: choose another line.',
    line: 'Unknown line: use default_view or one of your line IDs.',
  },
  searchLabel: 'Find name or value',
  searchPlaceholder: 'e.g. www or 192.0.2.1',
  typeLabel: 'Record type',
  allTypes: 'All types',
  sortLabel: 'Sort by',
  sortOption: { none: 'As received', name: 'Name', type: 'Type', code: 'Error code' },
  clearFilters: 'Clear filters',
  showing: (shown, total) => `Showing ${enNumber(shown)} of ${enNumber(total)}`,
  noMatch: 'No record matches.',
  pagesLabel: 'Pages',
  firstPage: 'First',
  previousPage: 'Previous',
  nextPage: 'Next',
  lastPage: 'Last',
  rowRange: (first, last, total) => `Rows ${enNumber(first)}–${enNumber(last)} of ${enNumber(total)}`,
  downloadCsv: 'Download CSV',
  downloadFilteredCsv: (shown, total) => `Download CSV (filtered: ${enNumber(shown)} of ${enNumber(total)})`,
};

const chinese: FailureMessages = {
  count: zhNumber,
  heading: (count) => `失败记录（${zhNumber(count)}）`,
  columns: { name: '主机记录', type: '类型', line: '线路', ttl: 'TTL', weight: '权重', value: '记录值', status: '状态', error_code: '错误码', error_message: '错误信息' },
  groupsHeading: '按原因',
  groupsLabel: '按错误码筛选',
  noCode: '无错误码',
  showAllGroups: (count) => `显示全部 ${zhNumber(count)} 种原因`,
  showFewerGroups: '收起',
  hints: {
    conflict: '记录已存在或与 CNAME 冲突：请删除重复项。',
    ttl: 'TTL 超出范围：请填 1 到 2147483647 秒。',
    name: '主机记录无效：请用该域名下的字母、数字、连字符，每段至多 63 个。',
    type: '不支持该类型：请用 A、AAAA、CNAME、MX、TXT 等。',
    value: '记录值与类型不符：如 A 记录须填 IPv4 地址。',
    weight: '权重无效：请填 0 到 1000，或留空。',
    defaultLineOnly: '只能用默认线路：请设为 default_view。',
    quota: '记录集配额已满：请清理或申请配额后重试。',
    edition: '当前 DNS 版本不支持该线路：请用默认线路或升级。',
    defaultLine: '默认线路不可用：请选择其他线路。',
    line: '线路无效：请用 default_view 或已有的线路 ID。',
  },
  searchLabel: '查找主机记录或记录值',
  searchPlaceholder: '如 www 或 192.0.2.1',
  typeLabel: '记录类型',
  allTypes: '全部类型',
  sortLabel: '排序',
  sortOption: { none: '接收顺序', name: '主机记录', type: '类型', code: '错误码' },
  clearFilters: '清除筛选',
  showing: (shown, total) => `显示 ${zhNumber(shown)} / ${zhNumber(total)} 条`,
  noMatch: '无匹配记录。',
  pagesLabel: '分页',
  firstPage: '首页',
  previousPage: '上一页',
  nextPage: '下一页',
  lastPage: '末页',
  rowRange: (first, last, total) => `${zhNumber(first)}–${zhNumber(last)} 行，共 ${zhNumber(total)} 行`,
  downloadCsv: '下载 CSV',
  downloadFilteredCsv: (shown, total) => `下载 CSV（已筛选 ${zhNumber(shown)} / ${zhNumber(total)} 条）`,
};

const tables: Readonly<Record<Locale, FailureMessages>> = { en: english, zh: chinese };

export function failureMessagesFor(locale: Locale): FailureMessages {
  return tables[locale];
}

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
  /** The sort menu's options, in the menu's order (the view lists the keys as written here). */
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

/**
 * The per-record codes listed in src/api/huawei-api-notes.md, each mapped to its piece of
 * advice: the index of its hint in each language's `hints` (several codes share one).
 */
const hintOfCode: Readonly<Record<string, number>> = {
  'DNS.0016': 0,
  'DNS.0303': 1,
  'DNS.0319': 1,
  'DNS.0304': 2,
  'DNS.0307': 3,
  'DNS.0308': 4,
  'DNS.0322': 5,
  'DNS.0323': 5,
  'DNS.0325': 6,
  'DNS.0403': 7,
  'DNS.0806': 8,
  'DNS.0807': 9,
  'DNS.1601': 10,
  'DNS.1602': 10,
  'DNS.1604': 10,
};

/**
 * One language's text. In the patterns, `{0}`, `{1}`… stand for the numbers the message is
 * given, in the order of its parameters, formatted as the language writes them.
 */
interface FailureTable extends Omit<FailureMessages, 'count' | 'hint' | 'showAllGroups' | 'showing' | 'rowRange' | 'downloadFilteredCsv'> {
  locale: string;
  /** Indexed by `hintOfCode`: conflict, TTL, name, type, value, weight, default line only, quota, edition, default line, line. */
  hints: readonly string[];
  showAllGroups: string;
  showing: string;
  rowRange: string;
  downloadFilteredCsv: string;
}

const english: FailureTable = {
  locale: 'en',
  hints: [
    'Exists already, or clashes with a CNAME: remove the duplicate.',
    'TTL out of range: use 1 to 2147483647 seconds.',
    'Invalid name: use letters, digits and hyphens (up to 63 per label) in this zone.',
    'Type not supported: use A, AAAA, CNAME, MX, TXT, etc.',
    'Value does not fit the type: e.g. A needs an IPv4 address.',
    'Invalid weight: use 0 to 1000, or leave it empty.',
    'Only the default line is allowed: use default_view.',
    'Record set quota reached: free some or ask for more, then retry.',
    'Line not in your DNS edition: use the default line, or upgrade.',
    'Default line not allowed: choose another line.',
    'Unknown line: use default_view or one of your line IDs.',
  ],
  groupsHeading: 'By cause',
  groupsLabel: 'Filter by error code',
  noCode: 'No error code',
  showAllGroups: 'Show all {0} causes',
  showFewerGroups: 'Show fewer causes',
  searchLabel: 'Find name or value',
  searchPlaceholder: 'e.g. www or 192.0.2.1',
  typeLabel: 'Record type',
  allTypes: 'All types',
  sortLabel: 'Sort by',
  sortOption: { none: 'As received', name: 'Name', type: 'Type', code: 'Error code' },
  clearFilters: 'Clear filters',
  showing: 'Showing {0} of {1}',
  noMatch: 'No record matches.',
  pagesLabel: 'Pages',
  firstPage: 'First',
  previousPage: 'Previous',
  nextPage: 'Next',
  lastPage: 'Last',
  rowRange: 'Rows {0}–{1} of {2}',
  downloadCsv: 'Download CSV',
  downloadFilteredCsv: 'Download CSV (filtered: {0} of {1})',
};

const chinese: FailureTable = {
  locale: 'zh-CN',
  hints: [
    '记录已存在或与 CNAME 冲突：请删除重复项。',
    'TTL 超出范围：请填 1 到 2147483647 秒。',
    '主机记录无效：请用该域名下的字母、数字、连字符，每段至多 63 个。',
    '不支持该类型：请用 A、AAAA、CNAME、MX、TXT 等。',
    '记录值与类型不符：如 A 记录须填 IPv4 地址。',
    '权重无效：请填 0 到 1000，或留空。',
    '只能用默认线路：请设为 default_view。',
    '记录集配额已满：请清理或申请配额后重试。',
    '当前 DNS 版本不支持该线路：请用默认线路或升级。',
    '默认线路不可用：请选择其他线路。',
    '线路无效：请用 default_view 或已有的线路 ID。',
  ],
  groupsHeading: '按原因',
  groupsLabel: '按错误码筛选',
  noCode: '无错误码',
  showAllGroups: '显示全部 {0} 种原因',
  showFewerGroups: '收起',
  searchLabel: '查找主机记录或记录值',
  searchPlaceholder: '如 www 或 192.0.2.1',
  typeLabel: '记录类型',
  allTypes: '全部类型',
  sortLabel: '排序',
  sortOption: { none: '接收顺序', name: '主机记录', type: '类型', code: '错误码' },
  clearFilters: '清除筛选',
  showing: '显示 {0} / {1} 条',
  noMatch: '无匹配记录。',
  pagesLabel: '分页',
  firstPage: '首页',
  previousPage: '上一页',
  nextPage: '下一页',
  lastPage: '末页',
  rowRange: '{0}–{1} 行，共 {2} 行',
  downloadCsv: '下载 CSV',
  downloadFilteredCsv: '下载 CSV（已筛选 {0} / {1} 条）',
};

function build({ locale, hints, ...table }: FailureTable): FailureMessages {
  const count = new Intl.NumberFormat(locale).format;
  const fill =
    (pattern: string) =>
    (...values: number[]): string =>
      pattern.replace(/\{(\d)\}/g, (_, i: string) => count(values[+i]!));
  return {
    ...table,
    count,
    // Own keys only: a code such as `constructor` or `__proto__` must not reach Object.prototype.
    hint: (code) => (Object.hasOwn(hintOfCode, code) ? hints[hintOfCode[code]!] : undefined),
    showAllGroups: fill(table.showAllGroups),
    showing: fill(table.showing),
    rowRange: fill(table.rowRange),
    downloadFilteredCsv: fill(table.downloadFilteredCsv),
  };
}

/** Built once per language, when the module loads: two tables and two number formats. */
const built: Readonly<Record<Locale, FailureMessages>> = { en: build(english), zh: build(chinese) };

export function failureMessagesFor(locale: Locale): FailureMessages {
  return built[locale];
}

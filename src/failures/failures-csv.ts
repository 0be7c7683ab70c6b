import type { ImportErrorItem } from '../api/types.js';

/** The columns of the failure export. */
export type FailuresCsvColumn =
  | 'name'
  | 'type'
  | 'line'
  | 'ttl'
  | 'weight'
  | 'value'
  | 'error_code'
  | 'error_message';

/** English column titles, used for any column the caller does not retitle. */
export const failuresCsvHeaders: Readonly<Record<FailuresCsvColumn, string>> = Object.freeze({
  name: 'Name',
  type: 'Type',
  line: 'Line',
  ttl: 'TTL',
  weight: 'Weight',
  value: 'Value',
  error_code: 'Error code',
  error_message: 'Error message',
});

export interface FailuresCsvOptions {
  /** Defaults to whether any record has a weight: the API omits it where unsupported. */
  includeWeight?: boolean;
  /** Localized column titles; missing ones fall back to {@link failuresCsvHeaders}. */
  headers?: Partial<Record<FailuresCsvColumn, string>>;
}

/**
 * The failed records as a CSV file a user can open in Excel, fix, and re-import.
 *
 * Columns follow Huawei's import template (name, type, line, TTL, [weight,] value), so the
 * fixes can be pasted back into it; the error columns come last. Several values stay in one
 * cell, one per line, as the template expects them.
 */
export function buildFailuresCsv(items: readonly ImportErrorItem[], options: FailuresCsvOptions = {}): string {
  const includeWeight = options.includeWeight ?? items.some((item) => item.weight !== undefined);
  const columns: FailuresCsvColumn[] = includeWeight
    ? ['name', 'type', 'line', 'ttl', 'weight', 'value', 'error_code', 'error_message']
    : ['name', 'type', 'line', 'ttl', 'value', 'error_code', 'error_message'];
  const headers = { ...failuresCsvHeaders, ...definedEntries(options.headers) };

  const rows: string[] = [columns.map((column) => csvCell(headers[column])).join(',')];
  for (const item of items) {
    rows.push(columns.map((column) => csvCell(cellValue(item, column))).join(','));
  }
  // The BOM is how Excel knows the file is UTF-8; without it Chinese names turn to mojibake.
  // CRLF is RFC 4180's line break, and the one Excel writes itself.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/**
 * A download name safe on every file system and in a `Content-Disposition` header: only
 * `[A-Za-z0-9._-]`, each id cut to a length that keeps the whole name well under 255 bytes.
 */
export function failuresCsvFileName(zoneId: string, taskId: string, filtered: boolean): string {
  const parts = ['dns-import-failures', safeFileNamePart(zoneId), safeFileNamePart(taskId)];
  if (filtered) parts.push('filtered');
  return `${parts.filter((part) => part !== '').join('-')}.csv`;
}

const maxIdLength = 64;

function safeFileNamePart(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, maxIdLength)
    // Trimmed so a part can neither hide the file (leading dot) nor blur the separators.
    .replace(/^[._-]+|[._-]+$/g, '');
}

function definedEntries(
  headers: Partial<Record<FailuresCsvColumn, string>> | undefined,
): Partial<Record<FailuresCsvColumn, string>> {
  const defined: Partial<Record<FailuresCsvColumn, string>> = {};
  for (const [column, title] of Object.entries(headers ?? {}) as [FailuresCsvColumn, string | undefined][]) {
    if (title !== undefined) defined[column] = title;
  }
  return defined;
}

function cellValue(item: ImportErrorItem, column: FailuresCsvColumn): string | number | undefined {
  return column === 'value' ? item.value.join('\n') : item[column];
}

/** A plain decimal number, negative included: a spreadsheet reads it as a value, never a formula. */
const plainNumber = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Characters that make a spreadsheet evaluate a cell as a formula (OWASP "CSV injection"):
 * a record value like `=HYPERLINK(...)` must stay text when the export is opened.
 */
const formulaTrigger = /^[=+\-@\t\r]/;

function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaTrigger.test(text) && !plainNumber.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

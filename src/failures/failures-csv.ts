import type { ImportErrorItem } from '../api/types.js';
import { failureMessagesFor, type FailureColumnTitles } from './failure-messages.js';

/** The columns of the failure export: the table's, titled by the same messages. */
export type FailuresCsvColumn = keyof FailureColumnTitles;

/**
 * The columns of `items` in order, on screen and in the export; weight and status only where
 * records have one (the API omits weight where unsupported; only the batch-create task's records
 * have a status), unless `include` says otherwise.
 */
export function failureColumns(
  items: readonly ImportErrorItem[],
  {
    includeWeight = items.some((item) => item.weight !== undefined),
    includeStatus = items.some((item) => item.status !== undefined),
  }: Pick<FailuresCsvOptions, 'includeWeight' | 'includeStatus'> = {},
): FailuresCsvColumn[] {
  return [
    'name', 'type', 'line', 'ttl', ...(includeWeight ? (['weight'] as const) : []), 'value',
    ...(includeStatus ? (['status'] as const) : []), 'error_code', 'error_message',
  ];
}

export interface FailuresCsvOptions {
  /** Defaults to whether any record has a weight. */
  includeWeight?: boolean;
  /** Defaults to whether any record has a status. */
  includeStatus?: boolean;
  /** Localized column titles; missing ones are the English titles of the table's columns. */
  headers?: Partial<Record<FailuresCsvColumn, string>>;
}

/**
 * The failed records as a CSV file a user can open in Excel, fix, and re-import.
 *
 * The record's own fields come first (name, type, line, TTL, weight when any record has one,
 * value), then why it failed (its status when any record has one, error code, error message).
 * Several values stay in one cell, one per line.
 */
export function buildFailuresCsv(items: readonly ImportErrorItem[], options: FailuresCsvOptions = {}): string {
  return failuresCsvOf(items, failureColumns(items, options), options.headers);
}

/** The CSV of `items` in the columns given: a filtered list's export has the columns of its table. */
export function failuresCsvOf(
  items: readonly ImportErrorItem[],
  columns: readonly FailuresCsvColumn[],
  headers: FailuresCsvOptions['headers'] = {},
): string {
  const english = failureMessagesFor('en').columns;

  const rows: string[] = [columns.map((column) => csvCell(headers[column] ?? english[column])).join(',')];
  for (const item of items) {
    rows.push(columns.map((column) => csvCell(cellValue(item, column))).join(','));
  }
  // The BOM is how Excel knows the file is UTF-8; without it Chinese names turn to mojibake.
  // CRLF is RFC 4180's line break, and the one Excel writes itself.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

/**
 * A download name safe on every file system and in a `Content-Disposition` header: only
 * `[A-Za-z0-9._-]`, each id cut to a length that keeps the whole name well under the file systems' 255-character limit.
 */
export function failuresCsvFileName(zoneId: string, taskId: string, filtered: boolean): string {
  const parts = ['dns-import-failures', safeFileNamePart(zoneId), safeFileNamePart(taskId), filtered ? 'filtered' : ''];
  return `${parts.filter(Boolean).join('-')}.csv`;
}

const maxIdLength = 64;

function safeFileNamePart(text: string): string {
  return text
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, maxIdLength)
    // Trimmed so a part can neither hide the file (leading dot) nor blur the separators.
    .replace(/^[._-]+|[._-]+$/g, '');
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

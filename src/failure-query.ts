import type { ImportErrorItem } from './types.js';

/** What the reader asked to see of the failure list. */
export interface FailureQuery {
  /** Free text matched against the record name and each of its values. */
  text: string;
  /** A record type to keep (`A`, `CNAME`…); `''` keeps every type. */
  type: string;
  /** An error code to keep (`''` is the group of records without one); `null` keeps all. */
  code: string | null;
  sort: FailureSortKey;
}

export type FailureSortKey = 'name' | 'type' | 'code' | 'none';

/** The query that shows every record in the order the API sent them. */
export const emptyFailureQuery: Readonly<FailureQuery> = Object.freeze({
  text: '',
  type: '',
  code: null,
  sort: 'none',
});

/**
 * Shared because building a collator is far costlier than comparing with one. `numeric`
 * puts `host2` before `host10`, which is how people read record names.
 */
const defaultCollator = new Intl.Collator(undefined, { numeric: true });

/** True when the query would return every record, in the API's order. */
export function isEmptyFailureQuery(query: FailureQuery): boolean {
  return query.text.trim() === '' && query.type.trim() === '' && query.code === null && query.sort === 'none';
}

/**
 * Filters and sorts failed records. Returns `items` itself for an empty query, so a caller
 * can compare identities to skip re-rendering; otherwise a new array holding a subset of the
 * same record objects, none repeated.
 *
 * Built for lists of 100,000 records: search text is folded once per record rather than once
 * per comparison, and sort keys are read into flat arrays so the comparator allocates nothing.
 */
export function applyFailureQuery(
  items: readonly ImportErrorItem[],
  query: FailureQuery,
  collator: Intl.Collator = defaultCollator,
): readonly ImportErrorItem[] {
  if (isEmptyFailureQuery(query)) return items;

  const needle = foldForSearch(query.text.trim());
  const type = query.type.trim().toLowerCase();
  const code = query.code;

  const kept: ImportErrorItem[] = [];
  for (const item of items) {
    if (code !== null && item.error_code !== code) continue;
    if (type !== '' && item.type.toLowerCase() !== type) continue;
    if (needle !== '' && !matchesText(item, needle)) continue;
    kept.push(item);
  }
  return query.sort === 'none' ? kept : sortFailures(kept, query.sort, collator);
}

/**
 * The distinct record types present, for a filter menu. Types differing only in case are one
 * entry (the filter ignores case too), spelled as first seen. Empty types are left out: the
 * filter reads `''` as "all types", so they could not be selected anyway.
 */
export function recordTypesOf(
  items: readonly ImportErrorItem[],
  collator: Intl.Collator = defaultCollator,
): string[] {
  const byFoldedType = new Map<string, string>();
  for (const { type } of items) {
    if (type === '') continue;
    const folded = type.toLowerCase();
    if (!byFoldedType.has(folded)) byFoldedType.set(folded, type);
  }
  return [...byFoldedType.values()].sort(collator.compare);
}

/**
 * NFKC lets text typed with a Chinese input method in full-width form (`ＷＷＷ`) find the
 * ASCII it stands for; lower-casing makes the match case-insensitive in every script.
 */
function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function matchesText(item: ImportErrorItem, needle: string): boolean {
  if (foldForSearch(item.name).includes(needle)) return true;
  for (const value of item.value) {
    if (foldForSearch(value).includes(needle)) return true;
  }
  return false;
}

/**
 * Decorate-sort-undecorate: keys go into arrays indexed like `items`, and the index array is
 * sorted. The original index is the last key, so records that compare equal keep the API's
 * order whatever the engine's sort does. (Ranking the distinct keys first was measured: the
 * map it needs costs more than the collator calls it saves.)
 */
function sortFailures(
  items: ImportErrorItem[],
  sort: Exclude<FailureSortKey, 'none'>,
  collator: Intl.Collator,
): ImportErrorItem[] {
  const count = items.length;
  const names = new Array<string>(count);
  const primary = new Array<string>(count);
  for (let i = 0; i < count; i++) {
    const item = items[i]!;
    names[i] = item.name;
    primary[i] = sort === 'type' ? item.type : sort === 'code' ? item.error_code : item.name;
  }
  const compare = collator.compare;
  const order = Array.from({ length: count }, (_, i) => i);
  order.sort(
    sort === 'name'
      ? (a, b) => compare(names[a]!, names[b]!) || a - b
      : (a, b) => compare(primary[a]!, primary[b]!) || compare(names[a]!, names[b]!) || a - b,
  );
  return order.map((i) => items[i]!);
}

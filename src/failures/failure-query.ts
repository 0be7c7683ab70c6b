import type { ImportErrorItem } from '../api/types.js';
import { atOnce, RECORDS_PER_STEP, type Steps } from '../common/work-in-slices.js';

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

/**
 * True when the query hides records: sorting alone hides nothing. The view's "Clear filters"
 * button, the export's label and file name, and the identity shortcut below all ask this.
 */
export function isFiltering(query: FailureQuery): boolean {
  return query.text.trim() !== '' || query.type !== '' || query.code !== null;
}

/**
 * Filters and sorts failed records. Returns `items` itself for an empty query, so a caller
 * can compare identities to skip re-rendering; otherwise a new array holding a subset of the
 * same record objects, none repeated.
 */
export function applyFailureQuery(
  items: readonly ImportErrorItem[],
  query: FailureQuery,
  collator: Intl.Collator = defaultCollator,
): readonly ImportErrorItem[] {
  return atOnce(failureQuerySteps(items, query, collator));
}

/**
 * `applyFailureQuery` in steps of a bounded number of records (see work-in-slices.ts), built
 * for lists of 100,000. What depends on the list alone is worked out once per list (identity)
 * and kept beside it: each record's text folded for search, and each name's rank in collation
 * order, so a keystroke compares folded text and a sort runs no collator at all.
 */
export function* failureQuerySteps(
  items: readonly ImportErrorItem[],
  query: FailureQuery,
  collator: Intl.Collator = defaultCollator,
): Steps<readonly ImportErrorItem[]> {
  if (!isFiltering(query) && query.sort === 'none') return items;

  const needle = foldForSearch(query.text.trim());
  const type = query.type.toLowerCase();
  const code = query.code;
  const searchText = needle === '' ? undefined : yield* searchTextOf(items);

  const kept: number[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % RECORDS_PER_STEP === 0) yield;
    const item = items[i]!;
    if (code !== null && item.error_code !== code) continue;
    if (type !== '' && item.type.toLowerCase() !== type) continue;
    if (searchText && !searchText[i]!.some((text) => text.includes(needle))) continue;
    kept.push(i);
  }
  return query.sort === 'none' ? kept.map((i) => items[i]!) : yield* sortFailures(items, kept, query.sort, collator);
}
/**
 * The distinct record types present, for a filter menu. Types differing only in case are one
 * entry (the filter ignores case too), spelled as first seen. Empty types are left out: the
 * filter reads `''` as "all types", so they could not be selected anyway.
 */
export function recordTypesOf(items: readonly ImportErrorItem[], collator?: Intl.Collator): string[] {
  return atOnce(recordTypeSteps(items, collator));
}

/** `recordTypesOf` in steps of a bounded number of records (see work-in-slices.ts). */
export function* recordTypeSteps(items: readonly ImportErrorItem[], collator: Intl.Collator = defaultCollator): Steps<string[]> {
  const byFoldedType = new Map<string, string>();
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % RECORDS_PER_STEP === 0) yield;
    const { type } = items[i]!;
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

/** Per list: each record's name and values, folded for search. */
const searchTexts = new WeakMap<readonly ImportErrorItem[], (readonly string[])[]>();

function* searchTextOf(items: readonly ImportErrorItem[]): Steps<(readonly string[])[]> {
  let texts = searchTexts.get(items);
  if (texts) return texts;
  texts = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % RECORDS_PER_STEP === 0) yield;
    const { name, value } = items[i]!;
    texts.push([name, ...value].map(foldForSearch));
  }
  searchTexts.set(items, texts);
  return texts;
}

/**
 * Decorate-sort-undecorate, arranged so that no JavaScript runs per comparison of records:
 * each key becomes its rank in collation order (the distinct names ranked once per list), and
 * records are ordered by those ranks with stable counting sorts, least significant key first
 * (LSD radix sort), in linear time.
 *
 * Counting sorts keep equal records in the order they arrive, so the API's order is the
 * final tie-breaker.
 */
function* sortFailures(
  items: readonly ImportErrorItem[],
  kept: number[],
  sort: Exclude<FailureSortKey, 'none'>,
  collator: Intl.Collator,
): Steps<ImportErrorItem[]> {
  let order = stableOrderByRank(Uint32Array.from(kept), yield* nameRanksOf(items, collator));
  yield;
  if (sort !== 'name') {
    const primaryKeys = items.map((item) => (sort === 'type' ? item.type : item.error_code));
    order = stableOrderByRank(order, yield* rankByCollation(primaryKeys, collator));
    yield;
  }
  return Array.from(order, (i) => items[i]!);
}

/** A counting sort of record indices by rank: O(records + ranks), and stable. */
function stableOrderByRank(order: Uint32Array, { ranks, distinct }: CollationRanking): Uint32Array {
  const nextSlotOfRank = new Uint32Array(distinct + 1);
  for (const i of order) nextSlotOfRank[ranks[i]! + 1]!++;
  for (let rank = 1; rank <= distinct; rank++) nextSlotOfRank[rank]! += nextSlotOfRank[rank - 1]!;
  const sorted = new Uint32Array(order.length);
  for (const i of order) sorted[nextSlotOfRank[ranks[i]!]!++] = i;
  return sorted;
}

interface CollationRanking {
  /** For each key, its position among the distinct keys in collation order. */
  ranks: Uint32Array;
  /** How many different ranks there are. */
  distinct: number;
}

/** Per list and collator: the rank of each record's name. */
const nameRanks = new WeakMap<readonly ImportErrorItem[], { collator: Intl.Collator; ranking: CollationRanking }>();

function* nameRanksOf(items: readonly ImportErrorItem[], collator: Intl.Collator): Steps<CollationRanking> {
  const known = nameRanks.get(items);
  if (known?.collator === collator) return known.ranking;
  const ranking = yield* rankByCollation(items.map((item) => item.name), collator);
  nameRanks.set(items, { collator, ranking });
  return ranking;
}

/**
 * Keys the collator deems equal share a rank (canonically equivalent spellings such as a
 * composed and a decomposed "é" differ as strings but not to the collator), so comparing two
 * ranks gives exactly the collator's answer.
 */
function* rankByCollation(keys: readonly string[], collator: Intl.Collator): Steps<CollationRanking> {
  const rankOfKey = new Map<string, number>();
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && i % RECORDS_PER_STEP === 0) yield;
    rankOfKey.set(keys[i]!, 0);
  }
  const sortedKeys = yield* sortInSteps([...rankOfKey.keys()], collator.compare);

  let rank = -1;
  for (let i = 0; i < sortedKeys.length; i++) {
    if (i > 0 && i % RECORDS_PER_STEP === 0) yield;
    if (i === 0 || collator.compare(sortedKeys[i - 1]!, sortedKeys[i]!) !== 0) rank++;
    rankOfKey.set(sortedKeys[i]!, rank);
  }
  const ranks = new Uint32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0 && i % RECORDS_PER_STEP === 0) yield;
    ranks[i] = rankOfKey.get(keys[i]!)!;
  }
  return { ranks, distinct: rank + 1 };
}

/**
 * A bottom-up merge sort that yields after each step's worth of merged keys: the collator costs
 * a third of a microsecond to a few per comparison, so 100,000 distinct names take half a second
 * or more to sort, too long for one frame. Stable, like the native sort it replaces.
 */
function* sortInSteps(keys: string[], compare: (a: string, b: string) => number): Steps<string[]> {
  let from = keys;
  let to = new Array<string>(keys.length);
  let merged = 0;
  for (let width = 1; width < keys.length; width *= 2) {
    for (let low = 0; low < keys.length; low += 2 * width) {
      const middle = Math.min(low + width, keys.length);
      const high = Math.min(low + 2 * width, keys.length);
      for (let i = low, j = middle, k = low; k < high; k++) {
        to[k] = j >= high || (i < middle && compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        if (++merged % RECORDS_PER_STEP === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

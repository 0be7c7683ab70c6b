/**
 * What the failed-record list shows, worked out from the records and the reader's query: the
 * overview of the whole list (causes, record types, columns) and the records the query selects,
 * each reused from the view before when its input is the same list (or query).
 */
import type { ImportErrorItem } from '../api/types.js';
import type { Steps } from '../common/work-in-slices.js';
import { failureGroupSteps, type FailureGroup } from './failure-groups.js';
import { failureQuerySteps, recordTypeSteps, type FailureQuery } from './failure-query.js';
import { failureColumns, type FailuresCsvColumn } from './failures-csv.js';

/** Derived from the whole list, once per distinct list. */
export interface Overview {
  groups: FailureGroup[];
  types: string[];
  columns: FailuresCsvColumn[];
}

/** What one render shows: a list, its overview (none yet on a first page shown early), and the records a query selected from it. */
export interface View {
  items: readonly ImportErrorItem[];
  overview?: Overview;
  query: FailureQuery;
  list: readonly ImportErrorItem[];
}

/** The view of `items` and `query`, reusing what `known` already worked out. */
export function* viewSteps(items: readonly ImportErrorItem[], query: FailureQuery, known: View | undefined): Steps<View> {
  const sameItems = known?.items === items;
  const overview = sameItems && known.overview
    ? known.overview
    : { groups: yield* failureGroupSteps(items), types: yield* recordTypeSteps(items), columns: failureColumns(items) };
  const list = sameItems && known.query === query ? known.list : yield* failureQuerySteps(items, query);
  return { items, overview, query, list };
}

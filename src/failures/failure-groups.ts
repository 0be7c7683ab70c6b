import type { ImportErrorItem } from '../api/types.js';
import { atOnce, RECORDS_PER_STEP, type Steps } from '../common/work-in-slices.js';

/** The failed records sharing one error code, summarised for a "by cause" overview. */
export interface FailureGroup {
  /** The API's `error_code`; `''` gathers the records the API sent without one. */
  code: string;
  count: number;
  /** The server message seen most often for this code (the first seen on a tie). */
  message: string;
}

/**
 * Groups failed records by error code, biggest group first, then by code.
 *
 * One pass over the items (O(n)); only the groups are sorted, and there are far fewer
 * distinct codes than records. Codes compare by code unit rather than by locale, because
 * they are identifiers (`DNS.0016`), and the order must not change with the reader's language.
 */
export function groupFailuresByCode(items: readonly ImportErrorItem[]): FailureGroup[] {
  return atOnce(failureGroupSteps(items));
}

/** `groupFailuresByCode` in steps of a bounded number of records (see work-in-slices.ts). */
export function* failureGroupSteps(items: readonly ImportErrorItem[]): Steps<FailureGroup[]> {
  /** Per code, how often each message came; insertion order is first-seen order, which breaks ties. */
  const tallies = new Map<string, Map<string, number>>();
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % RECORDS_PER_STEP === 0) yield;
    const { error_code: code, error_message: message } = items[i]!;
    const counts = tallies.get(code) ?? new Map<string, number>();
    tallies.set(code, counts.set(message, (counts.get(message) ?? 0) + 1));
  }
  // No two groups have the same code, so a tie on the count always has an order.
  return Array.from(tallies, ([code, counts]) => summarise(code, counts)).sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}

/**
 * The message is picked after counting, not while counting: a running "best so far" would
 * favour the message that reached the top count first, not the one the server sent first.
 */
function summarise(code: string, messageCounts: ReadonlyMap<string, number>): FailureGroup {
  let count = 0;
  let message = '';
  let bestCount = 0;
  for (const [text, n] of messageCounts) {
    count += n;
    if (n > bestCount) {
      message = text;
      bestCount = n;
    }
  }
  return { code, count, message };
}

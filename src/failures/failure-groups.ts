import type { ImportErrorItem } from '../api/types.js';

/** The failed records sharing one error code, summarised for a "by cause" overview. */
export interface FailureGroup {
  /** The API's `error_code`; `''` gathers the records the API sent without one. */
  code: string;
  count: number;
  /** The server message seen most often for this code (the first seen on a tie). */
  message: string;
}

interface GroupTally {
  count: number;
  /** Insertion order is first-seen order, which breaks ties between messages. */
  messageCounts: Map<string, number>;
}

/**
 * Groups failed records by error code, biggest group first, then by code.
 *
 * One pass over the items (O(n)); only the groups are sorted, and there are far fewer
 * distinct codes than records. Codes compare by code unit rather than by locale, because
 * they are identifiers (`DNS.0016`), and the order must not change with the reader's language.
 */
export function groupFailuresByCode(items: readonly ImportErrorItem[]): FailureGroup[] {
  const tallies = new Map<string, GroupTally>();
  for (const item of items) {
    const code = item.error_code;
    let tally = tallies.get(code);
    if (tally === undefined) {
      tally = { count: 0, messageCounts: new Map() };
      tallies.set(code, tally);
    }
    tally.count++;
    const message = item.error_message;
    tally.messageCounts.set(message, (tally.messageCounts.get(message) ?? 0) + 1);
  }

  const groups: FailureGroup[] = [];
  for (const [code, tally] of tallies) {
    groups.push({ code, count: tally.count, message: mostCommonMessage(tally.messageCounts) });
  }
  return groups.sort((a, b) => b.count - a.count || compareCodeUnits(a.code, b.code));
}

/**
 * Picked after counting, not while counting: a running "best so far" would favour the
 * message that reached the top count first, not the one the server sent first.
 */
function mostCommonMessage(messageCounts: ReadonlyMap<string, number>): string {
  let best = '';
  let bestCount = 0;
  for (const [message, count] of messageCounts) {
    if (count > bestCount) {
      best = message;
      bestCount = count;
    }
  }
  return best;
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

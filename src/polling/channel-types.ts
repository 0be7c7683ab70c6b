/**
 * The shapes a channel deals in: what it shows (`ChannelSnapshot`: the one shape that the
 * channel publishes, the polling tab sends to the others, the watcher derives its events from
 * and the status element renders), who listens, where answers come from, what `refresh()` takes.
 */
import type { ImportStatusError } from '../api/import-status-error.js';
import type { ImportTask, ImportTaskFetcher, ImportTaskKind } from '../api/types.js';

export interface ChannelSnapshot {
  /** undefined: nothing loaded yet; null: the zone has no import task. Kept across failures. */
  readonly task: ImportTask | null | undefined;
  /** The latest failure; cleared by the next success. */
  readonly error: ImportStatusError | undefined;
  readonly willRetry: boolean;
  /** When the next attempt is due (epoch ms), while retrying. */
  readonly retryAt: number | undefined;
  /** True when retrying stopped because failures went on for longer than `giveUpAfter`. */
  readonly gaveUp: boolean;
  /** `refresh({ expectNewTask: true })` waited its full time and the API still showed the old task. */
  readonly noNewTask: boolean;
}

/** Nothing to show yet: no answer and no failure. */
export const EMPTY_SNAPSHOT: ChannelSnapshot = { task: undefined, error: undefined, willRetry: false, retryAt: undefined, gaveUp: false, noNewTask: false };

export interface ChannelSubscriber {
  /** Poll period in ms, already sanitized. The channel uses the shortest among its subscribers. */
  readonly interval: number;
  /** Per-request timeout in ms. The channel uses the longest. */
  readonly timeout: number;
  /** Stop retrying after failures for this long (ms of visible time). The channel uses the longest. */
  readonly giveUpAfter: number;
  /** Poll period while every sharing page is hidden (0: none). The channel uses the shortest set. */
  readonly hiddenInterval: number;
  onSnapshot(snapshot: ChannelSnapshot): void;
  /**
   * Whether the task is watched by someone somewhere (`visibleSomewhere`) may have changed: this
   * page was shown or hidden, or, with a share key, the polling tab's page was.
   */
  onPresence(): void;
}

/** Where a channel's answers come from. */
export interface ChannelSource {
  readonly fetcher: ImportTaskFetcher;
  readonly zoneId: string;
  /** Which of the zone's tasks: part of every channel's identity. */
  readonly taskKind: ImportTaskKind;
  /** '' for none: then the channel is shared within the page by fetcher, and never beyond it. */
  readonly shareKey: string;
  /** The built-in fetcher's endpoint (part of a shared channel's identity). */
  readonly endpoint: string;
}

export interface RefreshOptions {
  /**
   * A console has just created a new import: keep checking at the interval until a task with
   * another `task_id` appears (at most 60 s, then say that none appeared).
   */
  expectNewTask?: boolean;
}

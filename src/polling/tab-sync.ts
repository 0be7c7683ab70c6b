/**
 * A channel's side of sharing across tabs (with a share key): the polling tab tells the others
 * what it shows and where its schedule stands; a listening tab shows what it hears and keeps that
 * schedule at hand, to go on from it when it is elected. The election and the messages are
 * tab-share.ts, which TabSync extends; what a message holds and how it is checked,
 * shared-state.ts. The channel keeps its schedule: this module reads it and hands it over
 * through the hooks.
 */
import type { ChannelSnapshot } from './channel-types.js';
import { decodeSharedState, encodeSharedState, type SharedState } from './shared-state.js';
import { TabShare } from './tab-share.js';

/** Where the polling tab's schedule stands: a message's fields besides the snapshot. */
export type Schedule = Omit<SharedState, 'version' | 'shown'>;

export interface TabSyncHooks {
  /** What this tab shows now. */
  snapshot(): ChannelSnapshot;
  /** Where this tab's schedule stands now (the polling tab). */
  schedule(): Schedule;
  /** A listening tab heard the polling tab's schedule: the latest request and the failures in a row. */
  hear(schedule: Schedule): void;
  /** A listening tab shows what the polling tab shows. */
  show(snapshot: ChannelSnapshot): void;
  /** This tab now polls, going on from the schedule it heard last (undefined: it never heard one). */
  lead(heard: Schedule | undefined): void;
  /** Another tab polls now: stop asking. */
  follow(): void;
  /** A tab asked the polling tab to fetch now; `expectNewTask`: and to wait for a new task. */
  refreshAsked(expectNewTask: boolean): void;
  /** A tab joined the group (the polling tab checks as for a new element on its page). */
  joined(): void;
  /** Whether the polling tab's page is visible changed. */
  leaderVisibility(): void;
}

export class TabSync extends TabShare {
  readonly #hooks: TabSyncHooks;
  /** Names the snapshot shown; a tab that missed one asks for it again. */
  #shownVersion = '';
  /** The version last sent to the other tabs. */
  #sentVersion = '';
  /** The polling tab's schedule, as last heard (a listening tab). */
  #heard: Schedule | undefined;

  constructor(group: string, hooks: TabSyncHooks) {
    super(group);
    this.#hooks = hooks;
  }

  /** This tab shows a snapshot of its own making (a new version for the others). */
  showing(): void {
    this.#shownVersion = String(Math.random());
  }

  /** A listening tab asks the polling tab to fetch now, once for every tab. */
  askRefresh(expectNewTask: boolean): void {
    this.post('refresh', expectNewTask);
  }

  /**
   * The polling tab tells the others where things stand: after every answer, when a request
   * starts, when a tab joins and when its page is hidden or shown. The snapshot goes only when it
   * changed (or `full`): an identical poll sends a few numbers, not 100,000 records.
   */
  send(full: boolean): void {
    if (!this.leading) return;
    const shown = full || this.#sentVersion !== this.#shownVersion ? this.#hooks.snapshot() : undefined;
    this.#sentVersion = this.#shownVersion;
    this.post('state', encodeSharedState({ version: this.#shownVersion, shown, ...this.#hooks.schedule() }));
  }

  /** A listening tab hears the polling tab: shows what it shows, and keeps its schedule at hand. */
  protected receive(message: unknown): void {
    const state = decodeSharedState(message);
    if (!state || this.leading) return;
    const { version, shown, ...schedule } = state;
    this.#heard = schedule;
    this.#hooks.hear(schedule);
    if (version === this.#shownVersion) return;
    if (shown) {
      if (shown.task !== undefined || shown.error) this.#hooks.show(shown);
      this.#shownVersion = version;
    } else {
      // A change went by unheard (this tab joined late, or was frozen): ask for the whole state.
      this.post('hello');
    }
  }

  /** Elected: the channel goes on from the schedule heard last, then tells the others. Let go: it stops asking. */
  protected lead(leading: boolean): void {
    if (leading) {
      const heard = this.#heard;
      this.#heard = undefined;
      this.#hooks.lead(heard);
      this.send(true);
    } else this.#hooks.follow();
  }

  protected stateWanted(joined: boolean): void {
    this.send(true);
    if (joined) this.#hooks.joined();
  }

  protected refreshAsked(expectNewTask: unknown): void {
    this.#hooks.refreshAsked(expectNewTask === true);
  }

  protected leaderVisibility(): void {
    this.#hooks.leaderVisibility();
  }
}

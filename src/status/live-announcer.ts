/**
 * What a screen reader hears. Status changes go to a polite live region, at most one
 * announcement every `minGapMs` while an import progresses (the latest one wins), so a
 * screen reader is not flooded at every poll; completion and errors are said at once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const ANNOUNCE_GAP_MS = 10_000;

export class LiveAnnouncer implements ReactiveController {
  /** The text the live region holds now. */
  text = '';
  #lastAt = -Infinity;
  #pendingText: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #minGapMs: number;

  constructor(host: ReactiveControllerHost, minGapMs = ANNOUNCE_GAP_MS) {
    this.#host = host;
    this.#minGapMs = minGapMs;
    host.addController(this);
  }

  /** `urgent`: completion and failures, said now whatever the throttle says. */
  announce(text: string, urgent = false): void {
    if (text === this.text && !this.#timer) return;
    const wait = this.#lastAt + this.#minGapMs - Date.now();
    if (urgent || wait <= 0) {
      this.#say(text);
      return;
    }
    this.#pendingText = text;
    // The latest text when the turn comes (#say clears the timer).
    this.#timer ??= setTimeout(() => this.#say(this.#pendingText!), wait);
  }

  hostDisconnected(): void {
    this.#clear();
  }

  #say(text: string): void {
    this.#clear();
    this.#lastAt = Date.now();
    if (text === this.text) return;
    this.text = text;
    this.#host.requestUpdate();
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#pendingText = undefined;
  }
}

/**
 * Feeds each task the host shows to a ProgressEstimator (`estimator`: rate, msLeft, since) and
 * decides the host's `stalled`. A stall needs a timer of its own: an identical poll makes no
 * snapshot and no render, so nothing else would notice that time went by. One timeout at
 * most, armed for the moment the stall would begin, and only while the page is visible.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ProgressEstimator } from './progress-estimator.js';
import { VisibleClock } from './visible-clock.js';
import type { ImportTask } from '../api/types.js';

export interface ProgressInsightConfig {
  /** The task the host shows now. */
  task(): ImportTask | null | undefined;
  /** `stall-after` as used (`stallAfterMs` in config.ts). */
  stallAfter(): number;
  /** Called in the update in which a stall begins (to announce it). */
  onStall(): void;
  /** Called after that update's render, with the task and when it last changed (epoch ms): to tell listeners. */
  afterStall(task: ImportTask, since: number): void;
}

export class ProgressInsightController implements ReactiveController {
  readonly estimator = new ProgressEstimator();
  #seen: ImportTask | null | undefined;
  /** A stall began in this update: import-stalled goes out after it. */
  #began: boolean | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Runs while the host is in a visible page. */
  readonly #clock = new VisibleClock(true);

  readonly #host: ReactiveControllerHost & HTMLElement & { stalled: boolean };
  readonly #config: ProgressInsightConfig;

  constructor(host: ReactiveControllerHost & HTMLElement & { stalled: boolean }, config: ProgressInsightConfig) {
    this.#host = host;
    this.#config = config;
    host.addController(this);
  }

  /** `stall-after` as used, ms. */
  get stallAfter(): number {
    return this.#config.stallAfter();
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#onVisibility();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#onVisibility();
  }

  hostUpdate(): void {
    const task = this.#config.task();
    if (task && task !== this.#seen) this.estimator.observe(task, this.#clock.now(), Date.now());
    this.#seen = task;
    const stalled = this.#arm() <= 0;
    if ((this.#began = stalled && !this.#host.stalled)) this.#config.onStall();
    this.#host.stalled = stalled;
  }

  /** After the render, so the page shows the stall before listeners hear of it. */
  hostUpdated(): void {
    if (this.#began) this.#config.afterStall(this.#seen!, this.estimator.since);
  }

  readonly #onVisibility = () => {
    this.#clock.setHidden(!this.#host.isConnected || document.hidden);
    this.#arm();
  };

  /** (Re)arms the stall timeout; returns the visible ms until the stall (≤ 0: stalled now). */
  #arm(): number {
    clearTimeout(this.#timer);
    const wait = this.#seen ? this.estimator.stallIn(this.#clock.now(), this.stallAfter) : Infinity;
    this.#timer = this.#clock.running && wait > 0 && wait < Infinity ? setTimeout(() => this.#host.requestUpdate(), wait) : undefined;
    return wait;
  }
}

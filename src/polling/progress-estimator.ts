/**
 * How fast an import runs, how long it has left, and whether it has stopped moving. Pure: no
 * DOM, no timers; the caller feeds it each task it observes and asks when it likes.
 *
 * Two clocks, on purpose. The rate uses wall time (`now`, epoch ms): the server keeps
 * importing while the page is hidden, so a count that jumped during an hour in the background
 * is divided by that hour. Stalls use `at`, a clock that only advances while the page is
 * visible: a hidden page is not polled, so time there is no evidence that nothing moved.
 */
import type { ImportTask } from '../api/types.js';

/**
 * Time constant of the rate's exponential smoothing. Each rate sample (records counted since
 * the count last rose, over the wall time since then) gets the weight 1 − e^(−Δt/τ): about
 * the last 20 s of polls count, whatever the poll interval, and one jittered poll cannot
 * swing the estimate.
 */
const TAU_MS = 20_000;

const processedOf = (task: ImportTask) => task.success_count + task.error_count;

export class ProgressEstimator {
  /** Smoothed records per second; undefined until the count has risen between two polls. */
  rate: number | undefined;
  /** Ms left at that rate: finite and ≥ 0; undefined without a rate or once DONE. */
  msLeft: number | undefined;
  /** Epoch ms of the last change of the count or `updated_at` (or of the task's first sight). */
  declare since: number;
  #last: ImportTask | undefined;
  /** Count and wall time where the last rate sample ended (the last rise). Set by the first observation, like `since`. */
  #base = 0;
  #baseNow = 0;
  /** Visible time of the last change. */
  #changedAt = 0;

  /** A task as observed at visible time `at` and wall time `now`. */
  observe(task: ImportTask, at: number, now: number): void {
    const last = this.#last;
    const processed = processedOf(task);
    this.#last = task;
    if (last?.task_id !== task.task_id) {
      // A new task starts everything afresh.
      this.rate = undefined;
    } else if (processed === processedOf(last) && task.updated_at === last.updated_at) {
      return;
    } else if (processed <= this.#base || now <= this.#baseNow) {
      // updated_at alone moved (or the count went back): a change, but no rate sample.
      if (processed >= this.#base) return this.#changed(at, now);
    } else {
      const dt = now - this.#baseNow;
      const sample = ((processed - this.#base) * 1000) / dt;
      this.rate = this.rate === undefined ? sample : this.rate + (sample - this.rate) * (1 - Math.exp(-dt / TAU_MS));
    }
    this.#base = processed;
    this.#baseNow = now;
    this.#changed(at, now);
  }

  /**
   * Visible ms until the task counts as stalled at visible time `at`: ≤ 0 once stalled,
   * Infinity when it cannot stall (stallAfter 0, no task, or DONE).
   */
  stallIn(at: number, stallAfter: number): number {
    return this.#last && this.#last.status !== 'DONE' && stallAfter > 0 ? this.#changedAt + stallAfter - at : Infinity;
  }

  #changed(at: number, now: number): void {
    const task = this.#last!;
    const ms = (Math.max(0, task.total_count - processedOf(task)) * 1000) / this.rate!;
    this.msLeft = task.status !== 'DONE' && Number.isFinite(ms) ? Math.round(ms) : undefined;
    this.#changedAt = at;
    this.since = now;
  }
}

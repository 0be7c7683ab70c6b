// @ts-check
// One piece of work in flight per key, everyone else waiting on it (Go's singleflight, nginx's
// proxy_cache_lock). Each caller may leave (its own AbortSignal): it stops waiting at once, and
// the work goes on for the others. The work's own signal aborts only when nobody waits any more,
// and the key is then free for the next caller to start afresh.

/**
 * @template T
 * @typedef {{ waiters: number, controller: AbortController, result: Promise<T> }} Flight
 */

/** @template T */
export class SingleFlight {
  /** @type {Map<string, Flight<T>>} */
  #flights = new Map();

  /** Keys in flight. */
  get size() {
    return this.#flights.size;
  }

  /**
   * Waits for the work of `key`, starting it with `start` unless it is already in flight.
   * `joined` says whether this caller found it in flight. `result` rejects with `leave.reason`
   * when the caller leaves first.
   * @param {string} key
   * @param {(signal: AbortSignal) => Promise<T>} start
   * @param {AbortSignal} leave
   * @returns {{ joined: boolean, result: Promise<T> }}
   */
  run(key, start, leave) {
    const found = this.#flights.get(key);
    const flight = found ?? this.#start(key, start);
    flight.waiters += 1;
    const result = new Promise((resolve, reject) => {
      const onLeave = () => {
        flight.waiters -= 1;
        reject(leave.reason);
        if (flight.waiters > 0) return;
        if (this.#flights.get(key) === flight) this.#flights.delete(key);
        flight.controller.abort();
      };
      if (leave.aborted) return onLeave();
      leave.addEventListener('abort', onLeave, { once: true });
      flight.result.then(
        (value) => {
          leave.removeEventListener('abort', onLeave);
          resolve(value);
        },
        (error) => {
          leave.removeEventListener('abort', onLeave);
          reject(error);
        },
      );
    });
    return { joined: found !== undefined, result };
  }

  /** @param {string} key @param {(signal: AbortSignal) => Promise<T>} start @returns {Flight<T>} */
  #start(key, start) {
    const controller = new AbortController();
    /** @type {Flight<T>} */
    const flight = { waiters: 0, controller, result: Promise.resolve().then(() => start(controller.signal)) };
    const done = () => {
      if (this.#flights.get(key) === flight) this.#flights.delete(key);
    };
    flight.result.then(done, done);
    this.#flights.set(key, flight);
    return flight;
  }
}

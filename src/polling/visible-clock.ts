/**
 * A clock that stops while the page is hidden. Time an operator could not see must not count
 * as time spent failing (`give-up-after`): a laptop closed overnight is not ten hours of errors.
 */
export class VisibleClock {
  #hiddenTotal = 0;
  #hiddenAt: number | undefined;

  constructor(hidden: boolean) {
    this.setHidden(hidden);
  }

  /** Milliseconds of visible time since an arbitrary origin; it stands still while hidden. */
  now(): number {
    return (this.#hiddenAt ?? Date.now()) - this.#hiddenTotal;
  }

  /** False while hidden. */
  get running(): boolean {
    return this.#hiddenAt === undefined;
  }

  setHidden(hidden: boolean): void {
    if (hidden) this.#hiddenAt ??= Date.now();
    else if (this.#hiddenAt !== undefined) {
      this.#hiddenTotal += Date.now() - this.#hiddenAt;
      this.#hiddenAt = undefined;
    }
  }
}

// The progress estimator fed sequences of observations: rate, time left and stall decisions.
import { expect } from '@open-wc/testing';
import { ProgressEstimator } from '../src/polling/progress-estimator.js';
import type { ImportTask } from '../src/api/types.js';

const T0 = Date.UTC(2026, 10, 27, 12);

function task(processed: number, overrides: Partial<ImportTask> = {}): ImportTask {
  return {
    task_id: 'task-1',
    status: 'PENDING',
    total_count: 1000,
    success_count: processed,
    error_count: 0,
    // The server moves updated_at with the count.
    updated_at: `stamp-${processed}`,
    error_items: [],
    ...overrides,
  };
}

/** Feeds observations at visible and wall times in ms from the start (the same unless given). */
function feed(estimator: ProgressEstimator, steps: [ms: number, processed: number, wallMs?: number][], overrides: Partial<ImportTask> = {}) {
  for (const [ms, processed, wallMs] of steps) estimator.observe(task(processed, overrides), ms, T0 + (wallMs ?? ms));
}

describe('ProgressEstimator: rate and time left', () => {
  it('has no estimate after one poll', () => {
    const estimator = new ProgressEstimator();
    feed(estimator, [[0, 100]]);
    expect(estimator.rate).to.equal(undefined);
    expect(estimator.msLeft).to.equal(undefined);
  });

  it('has no estimate while the count has not risen, even when updated_at moves', () => {
    const estimator = new ProgressEstimator();
    feed(estimator, [[0, 100]]);
    estimator.observe(task(100, { updated_at: 'later' }), 2000, T0 + 2000);
    expect(estimator.msLeft).to.equal(undefined);
  });

  it('has an estimate after two polls with a rise: rate in records/s, ms left at that rate', () => {
    const estimator = new ProgressEstimator();
    feed(estimator, [
      [0, 100],
      [2000, 120],
    ]);
    expect(estimator.rate).to.equal(10);
    expect(estimator.msLeft).to.equal(88_000);
  });

  it('keeps steady estimates under noisy polls: jittered intervals, a server that counts in bursts', () => {
    const estimator = new ProgressEstimator();
    // 25 records/s for real; polls 1.6–2.4 s apart; the server publishes its count in steps of
    // 100, so a poll sees a rise of 0, 100 or 200. Unsmoothed, the rate swings from 21 to 43.
    let random = 0.37;
    const next = () => (random = (random * 9301 + 49297) % 233280) / 233280;
    let ms = 0;
    let previous: number | undefined;
    let checked = 0;
    for (let i = 0; i < 60; i++) {
      const processed = Math.min(3000, Math.floor((ms * 0.025) / 100) * 100);
      estimator.observe(task(processed, { total_count: 3000 }), ms, T0 + ms);
      if (i > 8 && processed < 2700) {
        const truth = ((3000 - processed) / 25) * 1000;
        expect(estimator.rate!, `rate at poll ${i}`).to.be.within(22, 28);
        expect(Math.abs(estimator.msLeft! - truth) / truth, `estimate at poll ${i}`).to.be.below(0.15);
        // It counts down: never up by more than a second from one poll to the next.
        if (previous !== undefined) expect(estimator.msLeft! - previous, `change at poll ${i}`).to.be.below(1000);
        previous = estimator.msLeft;
        checked++;
      }
      ms += 1600 + 800 * next();
    }
    expect(checked).to.be.greaterThan(40);
  });

  it('never gives a negative, infinite or NaN estimate', () => {
    const estimator = new ProgressEstimator();
    // Over the total (a server that counts oddly), then no wall time at all between two changes.
    feed(estimator, [
      [0, 10],
      [1000, 1200],
      [2000, 1300, 1000],
    ]);
    expect(estimator.msLeft).to.equal(0);
    const other = new ProgressEstimator();
    feed(other, [
      [0, 10],
      [1000, 20, 0],
    ]);
    expect(other.msLeft).to.equal(undefined);
    const noTotal = new ProgressEstimator();
    feed(noTotal, [[0, 1], [1000, 2]], { total_count: Number.NaN });
    expect(noTotal.msLeft).to.equal(undefined);
  });

  it('divides by wall time: a count that rose while the page was hidden does not inflate the rate', () => {
    const estimator = new ProgressEstimator();
    // 10 visible seconds, but 110 s of wall time: 1,100 records in 110 s is 10/s.
    feed(estimator, [
      [0, 0],
      [10_000, 1100, 110_000],
    ]);
    expect(estimator.rate).to.equal(10);
  });

  it('has no estimate once DONE, and starts afresh for a new task_id', () => {
    const estimator = new ProgressEstimator();
    feed(estimator, [
      [0, 100],
      [2000, 200],
    ]);
    estimator.observe(task(1000, { status: 'DONE' }), 4000, T0 + 4000);
    expect(estimator.msLeft).to.equal(undefined);
    feed(estimator, [[6000, 100]], { task_id: 'task-2' });
    expect(estimator.rate).to.equal(undefined);
    expect(estimator.msLeft).to.equal(undefined);
  });
});

describe('ProgressEstimator: stalls', () => {
  it('stalls once neither the count nor updated_at changed for stallAfter, and clears on progress', () => {
    const estimator = new ProgressEstimator();
    feed(estimator, [[0, 100]]);
    expect(estimator.since).to.equal(T0);
    expect(estimator.stallIn(119_999, 120_000)).to.equal(1);
    expect(estimator.stallIn(120_000, 120_000)).to.equal(0);
    // Progress: no longer stalled, and `since` moves.
    feed(estimator, [[130_000, 101]]);
    expect(estimator.stallIn(130_000, 120_000)).to.equal(120_000);
    expect(estimator.since).to.equal(T0 + 130_000);
    // A later stall comes again.
    expect(estimator.stallIn(250_000, 120_000)).to.equal(0);
  });

  it('counts an updated_at change as progress, and an identical observation as none', () => {
    const estimator = new ProgressEstimator();
    feed(estimator, [[0, 100]]);
    estimator.observe(task(100), 60_000, T0 + 60_000);
    expect(estimator.stallIn(60_000, 120_000)).to.equal(60_000);
    estimator.observe(task(100, { updated_at: 'moved' }), 90_000, T0 + 90_000);
    expect(estimator.stallIn(90_000, 120_000)).to.equal(120_000);
    expect(estimator.since).to.equal(T0 + 90_000);
  });

  it('does not count hidden time: only the visible clock decides', () => {
    const estimator = new ProgressEstimator();
    // An hour of wall time passes, but only 60 s of it visible.
    feed(estimator, [[0, 100]]);
    estimator.observe(task(100), 60_000, T0 + 3_600_000);
    expect(estimator.stallIn(60_000, 120_000)).to.be.greaterThan(0);
  });

  it('never stalls with stallAfter 0, once DONE, or before any task', () => {
    const estimator = new ProgressEstimator();
    expect(estimator.stallIn(1e9, 120_000)).to.equal(Infinity);
    feed(estimator, [[0, 100]]);
    expect(estimator.stallIn(1e9, 0)).to.equal(Infinity);
    estimator.observe(task(1000, { status: 'DONE' }), 1, T0 + 1);
    expect(estimator.stallIn(1e9, 120_000)).to.equal(Infinity);
  });

  it('resets the stall clock for a new task_id', () => {
    const estimator = new ProgressEstimator();
    feed(estimator, [[0, 100]]);
    feed(estimator, [[200_000, 100]], { task_id: 'task-2' });
    expect(estimator.stallIn(200_000, 120_000)).to.equal(120_000);
    expect(estimator.since).to.equal(T0 + 200_000);
  });
});

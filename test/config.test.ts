import { expect } from '@open-wc/testing';
import {
  DEFAULT_GIVE_UP_AFTER_MS,
  DEFAULT_INTERVAL_MS,
  DEFAULT_STALL_AFTER_MS,
  DEFAULT_TIMEOUT_MS,
  MAX_INTERVAL_MS,
  MAX_TIMER_MS,
  giveUpAfterMs,
  intervalMs,
  stallAfterMs,
  taskKindOf,
  timeoutMs,
  zoneIdOf,
} from '../src/polling/config.js';
import sinon from 'sinon';

describe('timing config: defaults and bounds in one place', () => {
  const unusable = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, undefined, null, '2000', {}];

  it('gives the defaults for values that are not finite numbers', () => {
    for (const value of unusable) {
      expect(intervalMs(value), String(value)).to.equal(DEFAULT_INTERVAL_MS);
      expect(timeoutMs(value), String(value)).to.equal(DEFAULT_TIMEOUT_MS);
      expect(giveUpAfterMs(value), String(value)).to.equal(DEFAULT_GIVE_UP_AFTER_MS);
    }
  });

  it('interval: 0 and negative give the default; 500 ms to 1 h; used exactly in between', () => {
    expect(intervalMs(0)).to.equal(DEFAULT_INTERVAL_MS);
    expect(intervalMs(-1)).to.equal(DEFAULT_INTERVAL_MS);
    expect(intervalMs(1)).to.equal(500);
    expect(intervalMs(499)).to.equal(500);
    expect(intervalMs(500)).to.equal(500);
    expect(intervalMs(1234)).to.equal(1234);
    expect(intervalMs(MAX_INTERVAL_MS + 1)).to.equal(MAX_INTERVAL_MS);
    expect(intervalMs(1e300)).to.equal(MAX_INTERVAL_MS);
  });

  it('timeout: at least 1 s, never past the setTimeout limit', () => {
    expect(timeoutMs(0)).to.equal(DEFAULT_TIMEOUT_MS);
    expect(timeoutMs(-5)).to.equal(DEFAULT_TIMEOUT_MS);
    expect(timeoutMs(5)).to.equal(1000);
    expect(timeoutMs(1000)).to.equal(1000);
    expect(timeoutMs(2 ** 31)).to.equal(MAX_TIMER_MS);
    expect(MAX_TIMER_MS).to.equal(2147483647);
  });

  it('give-up-after: 0 is allowed (stop at the first failure), negative gives the default, capped', () => {
    expect(giveUpAfterMs(0)).to.equal(0);
    expect(giveUpAfterMs(-1)).to.equal(DEFAULT_GIVE_UP_AFTER_MS);
    expect(giveUpAfterMs(1e15)).to.equal(MAX_TIMER_MS);
  });

  it('zone id: only a non-blank string is a zone; null, undefined and blank are none', () => {
    for (const value of [null, undefined, '', '   ', '\t\n', 42, {}]) expect(zoneIdOf(value), String(value)).to.equal('');
    expect(zoneIdOf('ff80')).to.equal('ff80');
    // Kept as given: a zone id with spaces is the server's to refuse, in its own path segment.
    expect(zoneIdOf(' ../admin ')).to.equal(' ../admin ');
  });
});

describe('stall-after: its default and bounds, with the others', () => {
  it('uses 0 as off, a value of at least the interval as given, and raises a smaller one to the interval', () => {
    expect(stallAfterMs(0, 2000)).to.equal(0);
    expect(stallAfterMs(2000, 2000)).to.equal(2000);
    expect(stallAfterMs(5000, 2000)).to.equal(5000);
    expect(stallAfterMs(500, 2000)).to.equal(2000);
  });

  it('reads NaN and negative values as the default, and clamps to the longest timeout', () => {
    expect(stallAfterMs(Number.NaN, 2000)).to.equal(DEFAULT_STALL_AFTER_MS);
    expect(stallAfterMs(-1, 2000)).to.equal(DEFAULT_STALL_AFTER_MS);
    expect(stallAfterMs(Infinity, 2000)).to.equal(2 ** 31 - 1);
    expect(stallAfterMs(1e12, 2000)).to.equal(2 ** 31 - 1);
  });
});

describe('task-kind: batch-create as given, anything else the import', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => {
    warn = sinon.stub(console, 'warn');
  });
  afterEach(() => warn.restore());

  it('keeps batch-create and import; unset, null and blank are the import, silently', () => {
    expect(taskKindOf('batch-create')).to.equal('batch-create');
    for (const value of ['import', undefined, null, '', '  ']) expect(taskKindOf(value), String(value)).to.equal('import');
    expect(warn.called).to.equal(false);
  });

  it('falls back to import for an unknown kind, with one development warning per value', () => {
    const unknown = `Batch-Create-${Math.random()}`;
    expect(taskKindOf(unknown)).to.equal('import');
    expect(taskKindOf(unknown)).to.equal('import');
    expect(taskKindOf(42)).to.equal('import');
    expect(warn.callCount).to.equal(2);
    expect(String(warn.firstCall.args[0])).to.contain(unknown).and.to.contain('batch-create');
  });
});

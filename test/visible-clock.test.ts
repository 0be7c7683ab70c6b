import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { VisibleClock } from '../src/polling/visible-clock.js';

describe('VisibleClock', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['Date'], now: 1_000_000 })));
  afterEach(() => clock.restore());

  it('advances with real time while visible and stands still while hidden', () => {
    const visible = new VisibleClock(false);
    const start = visible.now();
    clock.tick(1000);
    visible.setHidden(true);
    clock.tick(60_000);
    expect(visible.now() - start).to.equal(1000);
    visible.setHidden(true);
    clock.tick(5000);
    visible.setHidden(false);
    clock.tick(500);
    expect(visible.now() - start).to.equal(1500);
    visible.setHidden(false);
    expect(visible.now() - start).to.equal(1500);
  });

  it('starts stopped when created on a hidden page', () => {
    const visible = new VisibleClock(true);
    const start = visible.now();
    clock.tick(10_000);
    expect(visible.now()).to.equal(start);
    visible.setHidden(false);
    clock.tick(10);
    expect(visible.now() - start).to.equal(10);
  });
});

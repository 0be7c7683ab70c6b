import { expect } from '@open-wc/testing';
it('runs in a browser', () => { expect(typeof document).to.equal('object'); });

import { expect } from '@open-wc/testing';
import { groupFailuresByCode } from '../src/failures/failure-groups.js';
import { failedRecord } from './support/records.js';


describe('groupFailuresByCode', () => {
  it('returns no groups for no records', () => {
    expect(groupFailuresByCode([])).to.deep.equal([]);
  });

  it('puts the biggest group first, with its count', () => {
    const items = [
      failedRecord({ error_code: 'DNS.0308', error_message: 'bad value' }),
      failedRecord({ error_code: 'DNS.0806', error_message: 'line unsupported' }),
      failedRecord({ error_code: 'DNS.0806', error_message: 'line unsupported' }),
      failedRecord({ error_code: 'DNS.0016', error_message: 'exists' }),
      failedRecord({ error_code: 'DNS.0806', error_message: 'line unsupported' }),
      failedRecord({ error_code: 'DNS.0016', error_message: 'exists' }),
    ];
    expect(groupFailuresByCode(items)).to.deep.equal([
      { code: 'DNS.0806', count: 3, message: 'line unsupported' },
      { code: 'DNS.0016', count: 2, message: 'exists' },
      { code: 'DNS.0308', count: 1, message: 'bad value' },
    ]);
  });

  it('orders groups of equal size by code, ascending', () => {
    const items = ['DNS.0807', 'DNS.0016', 'DNS.0403'].map((error_code) => failedRecord({ error_code }));
    expect(groupFailuresByCode(items).map((group) => group.code)).to.deep.equal(['DNS.0016', 'DNS.0403', 'DNS.0807']);
  });

  it('gathers records without a code into a group coded ""', () => {
    const items = [
      failedRecord({ error_code: '', error_message: 'unknown failure' }),
      failedRecord({ error_code: 'DNS.0304' }),
      failedRecord({ error_code: '', error_message: 'unknown failure' }),
    ];
    const groups = groupFailuresByCode(items);
    expect(groups[0]).to.deep.equal({ code: '', count: 2, message: 'unknown failure' });
    expect(groups[1]!.code).to.equal('DNS.0304');
  });

  it('sorts the empty code first among groups of equal size', () => {
    const items = [failedRecord({ error_code: 'DNS.0016' }), failedRecord({ error_code: '' })];
    expect(groupFailuresByCode(items).map((group) => group.code)).to.deep.equal(['', 'DNS.0016']);
  });

  it('describes a group by its most common message', () => {
    const items = [
      failedRecord({ error_message: 'rare' }),
      failedRecord({ error_message: 'common' }),
      failedRecord({ error_message: 'common' }),
    ];
    expect(groupFailuresByCode(items)[0]!.message).to.equal('common');
  });

  it('breaks a tie between messages by the first one seen, not the first to reach the count', () => {
    const items = ['first', 'second', 'second', 'first'].map((error_message) => failedRecord({ error_message }));
    expect(groupFailuresByCode(items)[0]!.message).to.equal('first');
  });

  it('accounts for every record exactly once', () => {
    const codes = ['DNS.0016', 'DNS.0303', '', 'DNS.0806', 'DNS.0016'];
    const items = Array.from({ length: 1003 }, (_, i) => failedRecord({ error_code: codes[(i * 7) % codes.length]! }));
    const groups = groupFailuresByCode(items);
    expect(groups.reduce((sum, group) => sum + group.count, 0)).to.equal(items.length);
    expect(new Set(groups.map((group) => group.code)).size).to.equal(groups.length);
  });

  // How long grouping takes at this size is a figure of `npm run bench -- render`, not a test.
  it('groups 100,000 records, each counted once', () => {
    const items = Array.from({ length: 100_000 }, (_, i) =>
      failedRecord({ error_code: `DNS.${String(i % 50).padStart(4, '0')}`, error_message: `message ${i % 3}` }),
    );
    const groups = groupFailuresByCode(items);
    expect(groups).to.have.length(50);
    expect(groups.every((group) => group.count === 2000)).to.equal(true);
  });
});

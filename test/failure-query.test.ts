import { expect } from '@open-wc/testing';
import {
  applyFailureQuery,
  emptyFailureQuery,
  isFiltering,
  recordTypesOf,
  type FailureQuery,
} from '../src/failures/failure-query.js';
import type { ImportErrorItem } from '../src/api/types.js';
import { failedRecord } from './support/records.js';


function query(overrides: Partial<FailureQuery>): FailureQuery {
  return { ...emptyFailureQuery, ...overrides };
}

const names = (items: readonly ImportErrorItem[]) => items.map((item) => item.name);

/** The result holds only records of the input, each at most once. */
function expectSubsetWithoutDuplicates(result: readonly ImportErrorItem[], input: readonly ImportErrorItem[]) {
  const inputSet = new Set(input);
  expect(new Set(result).size, 'no record repeated').to.equal(result.length);
  expect(result.every((item) => inputSet.has(item)), 'only input records').to.equal(true);
}

const zone = [
  failedRecord({ name: 'mail.example.com.', type: 'MX', value: ['10 mx1.example.com.'], error_code: 'DNS.0308' }),
  failedRecord({ name: 'WWW.Example.com.', type: 'A', value: ['192.0.2.10'], error_code: 'DNS.0806' }),
  failedRecord({ name: '测试.example.com.', type: 'CNAME', value: ['中文别名.example.net.'], error_code: 'DNS.0016' }),
  failedRecord({ name: 'api.example.com.', type: 'AAAA', value: ['2001:db8::1', '2001:db8::CAFE'], error_code: '' }),
  failedRecord({ name: 'host10.example.com.', type: 'a', value: ['192.0.2.11'], error_code: 'DNS.0806' }),
  failedRecord({ name: 'host2.example.com.', type: 'TXT', value: ['"v=spf1 -all"'], error_code: 'DNS.0308' }),
];

describe('applyFailureQuery', () => {
  it('returns the input array itself for the empty query', () => {
    expect(applyFailureQuery(zone, emptyFailureQuery)).to.equal(zone);
    expect(applyFailureQuery(zone, query({ text: '   ' }))).to.equal(zone);
  });

  it('returns a new array as soon as the query asks for anything', () => {
    const result = applyFailureQuery(zone, query({ sort: 'name' }));
    expect(result).not.to.equal(zone);
  });

  it('says the query is filtering when it hides records, and not for a sort alone', () => {
    expect(isFiltering(emptyFailureQuery)).to.equal(false);
    expect(isFiltering(query({ text: '  ', sort: 'name' }))).to.equal(false);
    expect(isFiltering(query({ text: 'www' }))).to.equal(true);
    expect(isFiltering(query({ type: 'A' }))).to.equal(true);
    expect(isFiltering(query({ code: '' })), 'the group without a code').to.equal(true);
  });

  describe('text', () => {
    it('matches the name, ignoring case and surrounding spaces', () => {
      expect(names(applyFailureQuery(zone, query({ text: '  www.EXAMPLE ' })))).to.deep.equal(['WWW.Example.com.']);
    });

    it('matches any of the values, not only the first', () => {
      expect(names(applyFailureQuery(zone, query({ text: 'db8::cafe' })))).to.deep.equal(['api.example.com.']);
    });

    it('matches Chinese names and values', () => {
      expect(names(applyFailureQuery(zone, query({ text: '测试' })))).to.deep.equal(['测试.example.com.']);
      expect(names(applyFailureQuery(zone, query({ text: '中文' })))).to.deep.equal(['测试.example.com.']);
    });

    it('matches full-width text typed with a Chinese input method', () => {
      expect(names(applyFailureQuery(zone, query({ text: 'ＭＡＩＬ' })))).to.deep.equal(['mail.example.com.']);
    });

    it('does not search the error message or the code', () => {
      expect(applyFailureQuery(zone, query({ text: 'already exists' }))).to.deep.equal([]);
      expect(applyFailureQuery(zone, query({ text: 'DNS.0806' }))).to.deep.equal([]);
    });

    it('keeps the API order when not sorting', () => {
      expect(names(applyFailureQuery(zone, query({ text: 'host' })))).to.deep.equal([
        'host10.example.com.',
        'host2.example.com.',
      ]);
    });
  });

  it('filters by record type, ignoring case', () => {
    expect(names(applyFailureQuery(zone, query({ type: 'A' })))).to.deep.equal([
      'WWW.Example.com.',
      'host10.example.com.',
    ]);
    expect(names(applyFailureQuery(zone, query({ type: 'cname' })))).to.deep.equal(['测试.example.com.']);
  });

  it('filters by type exactly, not by prefix', () => {
    expect(names(applyFailureQuery(zone, query({ type: 'AAAA' })))).to.deep.equal(['api.example.com.']);
  });

  it('filters by error code exactly, including the group without a code', () => {
    expect(names(applyFailureQuery(zone, query({ code: 'DNS.0308' })))).to.deep.equal([
      'mail.example.com.',
      'host2.example.com.',
    ]);
    expect(names(applyFailureQuery(zone, query({ code: '' })))).to.deep.equal(['api.example.com.']);
    expect(applyFailureQuery(zone, query({ code: 'DNS.03' }))).to.deep.equal([]);
  });

  it('combines text, type, code and sort', () => {
    const result = applyFailureQuery(zone, query({ text: 'example.COM', type: 'a', code: 'DNS.0806', sort: 'name' }));
    expect(names(result)).to.deep.equal(['host10.example.com.', 'WWW.Example.com.']);
    expect(names(applyFailureQuery(zone, query({ text: 'mail', code: 'DNS.0806' })))).to.deep.equal([]);
  });

  describe('sort', () => {
    it('by name, reading numbers as numbers', () => {
      const items = ['host10.', 'host2.', 'Host1.', 'alpha.'].map((name) => failedRecord({ name }));
      expect(names(applyFailureQuery(items, query({ sort: 'name' })))).to.deep.equal([
        'alpha.',
        'Host1.',
        'host2.',
        'host10.',
      ]);
    });

    it('by type, then by name', () => {
      const items = [
        failedRecord({ name: 'b.', type: 'TXT' }),
        failedRecord({ name: 'z.', type: 'A' }),
        failedRecord({ name: 'c.', type: 'AAAA' }),
        failedRecord({ name: 'a.', type: 'A' }),
      ];
      const result = applyFailureQuery(items, query({ sort: 'type' }));
      expect(result.map((item) => `${item.type} ${item.name}`)).to.deep.equal(['A a.', 'A z.', 'AAAA c.', 'TXT b.']);
    });

    it('by code, then by name, with the empty code first', () => {
      const items = [
        failedRecord({ name: 'b.', error_code: 'DNS.0806' }),
        failedRecord({ name: 'a.', error_code: 'DNS.0806' }),
        failedRecord({ name: 'c.', error_code: '' }),
        failedRecord({ name: 'd.', error_code: 'DNS.0016' }),
      ];
      const result = applyFailureQuery(items, query({ sort: 'code' }));
      expect(result.map((item) => `${item.error_code} ${item.name}`)).to.deep.equal([
        ' c.',
        'DNS.0016 d.',
        'DNS.0806 a.',
        'DNS.0806 b.',
      ]);
    });

    it('is stable: records with equal keys keep the API order', () => {
      const items = Array.from({ length: 50 }, (_, i) =>
        failedRecord({ name: i % 2 ? 'same.' : 'other.', type: 'A', value: [`192.0.2.${i}`] }),
      );
      for (const sort of ['name', 'type', 'code'] as const) {
        const result = applyFailureQuery(items, query({ sort }));
        const sames = result.filter((item) => item.name === 'same.');
        expect(sames, sort).to.deep.equal(items.filter((item) => item.name === 'same.'));
      }
    });

    it('treats names the collator deems equal as ties, kept in the API order', () => {
      // Interleaved, so that ranking the two spellings apart would group them apart.
      const decomposed = (n: number) => failedRecord({ name: 'caf\u0065\u0301.', value: [`${n}`] });
      const composed = (n: number) => failedRecord({ name: 'caf\u00e9.', value: [`${n}`] });
      const items = [decomposed(1), composed(2), failedRecord({ name: 'cafe.' }), decomposed(3), composed(4)];
      const result = applyFailureQuery(items, query({ sort: 'name' }));
      expect(result).to.deep.equal([items[2], items[0], items[1], items[3], items[4]]);
    });

    it('uses the collator it is given, for the UI language', () => {
      const items = [failedRecord({ name: 'a.' }), failedRecord({ name: 'A.' })];
      const upperFirst = new Intl.Collator('en', { numeric: true, caseFirst: 'upper' });
      expect(names(applyFailureQuery(items, query({ sort: 'name' }), upperFirst))).to.deep.equal(['A.', 'a.']);
      const lowerFirst = new Intl.Collator('en', { numeric: true, caseFirst: 'lower' });
      expect(names(applyFailureQuery(items, query({ sort: 'name' }), lowerFirst))).to.deep.equal(['a.', 'A.']);
    });

    it('"none" keeps the API order', () => {
      expect(applyFailureQuery(zone, query({ sort: 'none', text: 'example' }))).to.deep.equal(zone);
    });
  });

  it('never loses or repeats a record, whatever the query', () => {
    const items = Array.from({ length: 500 }, (_, i) =>
      failedRecord({
        name: `host${(i * 37) % 101}.example.com.`,
        type: ['A', 'AAAA', 'CNAME', 'txt'][i % 4]!,
        value: [`v${i}`],
        error_code: ['DNS.0016', '', 'DNS.0806'][i % 3]!,
      }),
    );
    for (const sort of ['name', 'type', 'code', 'none'] as const) {
      const everything = applyFailureQuery(items, query({ sort }));
      expect(everything, `sort ${sort}`).to.have.length(items.length);
      expectSubsetWithoutDuplicates(everything, items);

      const filtered = applyFailureQuery(items, query({ sort, text: 'HOST1', type: 'a' }));
      const expected = items.filter((item) => item.name.includes('host1') && item.type === 'A');
      expect(filtered, `filtered, sort ${sort}`).to.have.length(expected.length);
      expectSubsetWithoutDuplicates(filtered, items);
      const positions = (records: readonly ImportErrorItem[]) =>
        records.map((item) => items.indexOf(item)).sort((a, b) => a - b);
      expect(positions(filtered)).to.deep.equal(positions(expected));
    }
  });

  it('filters and sorts 100,000 records without losing one', () => {
    const types = ['A', 'AAAA', 'CNAME', 'MX', 'TXT'];
    const items = Array.from({ length: 100_000 }, (_, i) => {
      // A multiplicative scramble, so the input is neither sorted nor reverse-sorted.
      const n = (i * 7919) % 100_000;
      return failedRecord({
        name: `host${n}.zone${n % 97}.example.com.`,
        type: types[n % types.length]!,
        value: [`192.0.${n % 256}.${i % 256}`],
        error_code: `DNS.0${300 + (n % 30)}`,
      });
    });
    // Sorting by type is the costliest: most comparisons tie on type and fall through to the name.
    // Its speed is measured by `npm run bench -- render` (a timed assertion here would be flaky).
    const result = applyFailureQuery(items, query({ text: 'EXAMPLE', sort: 'type' }));
    expect(result).to.have.length(100_000);
    expect(result[0]!.name).to.equal('host0.zone0.example.com.');
    expect(result[99_999]!.type).to.equal('TXT');
  });
});

describe('recordTypesOf', () => {
  it('lists each type once, sorted, spelled as first seen', () => {
    expect(recordTypesOf(zone)).to.deep.equal(['A', 'AAAA', 'CNAME', 'MX', 'TXT']);
  });

  it('leaves out empty types, which the filter could not select', () => {
    expect(recordTypesOf([failedRecord({ type: '' }), failedRecord({ type: 'NS' })])).to.deep.equal(['NS']);
  });

  it('returns nothing for no records', () => {
    expect(recordTypesOf([])).to.deep.equal([]);
  });
});

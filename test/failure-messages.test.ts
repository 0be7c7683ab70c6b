import { expect } from '@open-wc/testing';
import { failureMessagesFor, hintFor } from '../src/failures/failure-messages.js';

/** The per-record error codes of Huawei's DNS error-code list that a record import can hit. */
const documentedCodes = [
  'DNS.0016', 'DNS.0303', 'DNS.0319', 'DNS.0304', 'DNS.0307', 'DNS.0308', 'DNS.0322', 'DNS.0323',
  'DNS.0325', 'DNS.0403', 'DNS.0806', 'DNS.0807', 'DNS.1601', 'DNS.1602', 'DNS.1604',
];

describe('failed-record list messages', () => {
  it('has a hint for every documented per-record code, in English and Chinese', () => {
    const en = failureMessagesFor('en');
    const zh = failureMessagesFor('zh');
    for (const code of documentedCodes) {
      expect(hintFor(en, code), code).to.be.a('string').and.match(/^[A-Z].+[.]$/);
      expect(hintFor(zh, code), code).to.be.a('string').and.match(/[\u4e00-\u9fff]/).and.match(/。$/);
    }
    expect(hintFor(en, 'DNS.0806')).to.equal('Line not in your DNS edition: use the default line, or upgrade.');
    expect(hintFor(zh, 'DNS.0806')).to.equal('当前 DNS 版本不支持该线路：请用默认线路或升级。');
    expect(hintFor(en, 'DNS.0303')).to.equal(hintFor(en, 'DNS.0319'));
    expect(hintFor(en, 'DNS.1601')).to.equal(hintFor(en, 'DNS.1604'));
    expect(hintFor(en, 'DNS.0016')).to.not.equal(hintFor(en, 'DNS.0806'));
  });

  it('gives no hint for unknown codes, including names of Object.prototype members', () => {
    for (const locale of ['en', 'zh'] as const) {
      for (const code of ['DNS.9999', '', 'dns.0806', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) {
        expect(hintFor(failureMessagesFor(locale), code), `${locale} ${code}`).to.equal(undefined);
      }
    }
  });

  it('names the list and its columns in each language', () => {
    const en = failureMessagesFor('en');
    const zh = failureMessagesFor('zh');
    expect(en.heading(1)).to.equal('Failed record (1)');
    expect(en.heading(1500)).to.equal('Failed records (1,500)');
    expect(zh.heading(1500)).to.equal('失败记录（1,500）');
    expect(en.columns.error_code).to.equal('Error code');
    expect(zh.columns.name).to.equal('主机记录');
  });

  it('formats counts and row ranges for each language', () => {
    const en = failureMessagesFor('en');
    const zh = failureMessagesFor('zh');
    expect(en.showing(1234, 100000)).to.equal('Showing 1,234 of 100,000');
    expect(zh.showing(1234, 100000)).to.equal('显示 1,234 / 100,000 条');
    expect(en.rowRange(101, 200, 2500)).to.equal('Rows 101–200 of 2,500');
    expect(zh.rowRange(101, 200, 2500)).to.equal('101–200 行，共 2,500 行');
    expect(en.downloadFilteredCsv(2, 5)).to.equal('Download CSV (filtered: 2 of 5)');
    expect(zh.downloadFilteredCsv(2, 5)).to.equal('下载 CSV（已筛选 2 / 5 条）');
    expect(en.showAllGroups(1500)).to.equal('Show all 1,500 causes');
  });

  it('has every string in both languages, and caches them', () => {
    const en = failureMessagesFor('en');
    const zh = failureMessagesFor('zh');
    expect(Object.keys(zh).sort()).to.deep.equal(Object.keys(en).sort());
    for (const [key, value] of Object.entries(zh)) {
      if (typeof value !== 'string') continue;
      expect(value, key).to.not.equal('');
      expect(value, `${key} is translated`).to.not.equal((en as unknown as Record<string, unknown>)[key]);
    }
    expect(Object.keys(zh.sortOption)).to.deep.equal(Object.keys(en.sortOption));
    expect(failureMessagesFor('zh')).to.equal(zh);
  });
});

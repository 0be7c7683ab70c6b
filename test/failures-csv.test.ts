import { expect } from '@open-wc/testing';
import { buildFailuresCsv, failuresCsvFileName } from '../src/failures/failures-csv.js';
import { failureMessagesFor } from '../src/failures/failure-messages.js';
import type { ImportErrorItem } from '../src/api/types.js';
import { DOCUMENTED_TASK_ID, DOCUMENTED_ZONE_ID } from './support/documented-sample.js';
import { failedRecord } from './support/records.js';

const BOM = '\uFEFF';
const headerWithoutWeight = 'Name,Type,Line,TTL,Value,Error code,Error message';
const headerWithWeight = 'Name,Type,Line,TTL,Weight,Value,Error code,Error message';

/** The CSV text split into lines, BOM and final line break removed; only for CSVs without multi-line cells. */
function lines(csv: string): string[] {
  expect(csv.startsWith(BOM)).to.equal(true);
  expect(csv.endsWith('\r\n')).to.equal(true);
  return csv.slice(1, -2).split('\r\n');
}

/** The cell of the one data row under `column`, for rows whose cells hold no comma. */
function cellOf(record: Partial<ImportErrorItem>, column: string): string {
  const [header, row] = lines(buildFailuresCsv([failedRecord(record)]));
  return row!.split(',')[header!.split(',').indexOf(column)]!;
}

describe('buildFailuresCsv', () => {
  it('starts with a UTF-8 byte order mark, for Excel', () => {
    expect(buildFailuresCsv([]).charCodeAt(0)).to.equal(0xfeff);
  });

  it('writes only the header row for no records', () => {
    expect(buildFailuresCsv([])).to.equal(`${BOM}${headerWithoutWeight}\r\n`);
  });

  it('follows the import template column order and ends every row with CRLF', () => {
    const csv = buildFailuresCsv([
      failedRecord({ name: 'a.example.com.', ttl: 300 }),
      failedRecord({ name: 'b.example.com.', type: 'AAAA', ttl: 600, value: ['2001:db8::1'], error_code: 'DNS.0303', error_message: 'Bad TTL.' }),
    ]);
    expect(csv).to.equal(
      `${BOM}${headerWithoutWeight}\r\n` +
        'a.example.com.,A,default_view,300,192.0.2.1,DNS.0016,The record set already exists.\r\n' +
        'b.example.com.,AAAA,default_view,600,2001:db8::1,DNS.0303,Bad TTL.\r\n',
    );
    expect(csv.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
  });

  describe('weight column', () => {
    it('appears when any record has a weight, blank for the others', () => {
      const [header, weighted, unweighted] = lines(
        buildFailuresCsv([failedRecord({ weight: 10 }), failedRecord({ weight: undefined })]),
      );
      expect(header).to.equal(headerWithWeight);
      expect(weighted).to.equal('www.example.com.,A,default_view,300,10,192.0.2.1,DNS.0016,The record set already exists.');
      expect(unweighted).to.equal('www.example.com.,A,default_view,300,,192.0.2.1,DNS.0016,The record set already exists.');
    });

    it('is left out when no record has a weight', () => {
      expect(lines(buildFailuresCsv([failedRecord()]))[0]).to.equal(headerWithoutWeight);
    });

    it('follows includeWeight when given', () => {
      expect(lines(buildFailuresCsv([failedRecord()], { includeWeight: true }))[0]).to.equal(headerWithWeight);
      expect(lines(buildFailuresCsv([failedRecord({ weight: 1 })], { includeWeight: false }))[0]).to.equal(
        headerWithoutWeight,
      );
    });
  });

  describe('status column (the batch-create task’s records)', () => {
    it('appears beside the error when any record has a status, blank for the others', () => {
      const [header, withStatus, without] = lines(buildFailuresCsv([failedRecord({ status: 'ERROR' }), failedRecord()]));
      expect(header).to.equal('Name,Type,Line,TTL,Value,Status,Error code,Error message');
      expect(withStatus).to.equal('www.example.com.,A,default_view,300,192.0.2.1,ERROR,DNS.0016,The record set already exists.');
      expect(without).to.equal('www.example.com.,A,default_view,300,192.0.2.1,,DNS.0016,The record set already exists.');
    });

    it('is left out when no record has one, and follows includeStatus when given', () => {
      expect(lines(buildFailuresCsv([failedRecord()]))[0]).to.equal(headerWithoutWeight);
      expect(lines(buildFailuresCsv([failedRecord()], { includeStatus: true }))[0]).to.equal('Name,Type,Line,TTL,Value,Status,Error code,Error message');
      expect(lines(buildFailuresCsv([failedRecord({ status: 'ERROR' })], { includeStatus: false }))[0]).to.equal(headerWithoutWeight);
    });

    it('is titled in Chinese with the Chinese headers', () => {
      const csv = buildFailuresCsv([failedRecord({ status: 'ERROR', weight: 5 })], { headers: failureMessagesFor('zh').columns });
      expect(lines(csv)[0]).to.equal('主机记录,类型,线路,TTL,权重,记录值,状态,错误码,错误信息');
    });
  });

  it('takes localized headers, falling back to English for the missing ones', () => {
    const csv = buildFailuresCsv([], { headers: { name: '主机记录', type: '类型', error_message: undefined } });
    expect(lines(csv)[0]).to.equal('主机记录,类型,Line,TTL,Value,Error code,Error message');
  });

  it("titles the columns with the table's column titles, in either language", () => {
    for (const locale of ['en', 'zh'] as const) {
      const titles = failureMessagesFor(locale).columns;
      const expected = [titles.name, titles.type, titles.line, titles.ttl, titles.weight, titles.value, titles.error_code, titles.error_message].join(',');
      expect(lines(buildFailuresCsv([], { includeWeight: true, headers: locale === 'en' ? undefined : titles }))[0]).to.equal(expected);
    }
  });

  it('quotes and escapes localized headers like any cell', () => {
    expect(lines(buildFailuresCsv([], { headers: { name: 'Name, FQDN' } }))[0]).to.match(/^"Name, FQDN",Type,/);
  });

  describe('quoting', () => {
    it('leaves plain cells unquoted', () => {
      expect(cellOf({ error_message: 'plain text' }, 'Error message')).to.equal('plain text');
    });

    it('quotes a cell with a comma', () => {
      const row = lines(buildFailuresCsv([failedRecord({ error_message: 'Invalid value, check it.' })]))[1];
      expect(row).to.match(/,"Invalid value, check it\."$/);
    });

    it('quotes a cell with a double quote, doubling it', () => {
      const row = lines(buildFailuresCsv([failedRecord({ type: 'TXT', value: ['"v=spf1 -all"'] })]))[1];
      expect(row).to.contain(',"""v=spf1 -all""",');
    });

    it('quotes a cell with a line break', () => {
      const csv = buildFailuresCsv([failedRecord({ error_message: 'first\nsecond' })]);
      expect(csv).to.contain(',"first\nsecond"\r\n');
      const csvCr = buildFailuresCsv([failedRecord({ error_message: 'first\rsecond' })]);
      expect(csvCr).to.contain(',"first\rsecond"\r\n');
    });

    it('keeps several values together in one cell, one per line', () => {
      const csv = buildFailuresCsv([failedRecord({ value: ['192.168.1.1', '192.168.222.111'] })]);
      expect(csv).to.contain(',300,"192.168.1.1\n192.168.222.111",DNS.0016,');
    });

    it('writes an empty cell for no value and no TTL', () => {
      const row = lines(buildFailuresCsv([failedRecord({ ttl: undefined, value: [] })]))[1];
      expect(row).to.equal('www.example.com.,A,default_view,,,DNS.0016,The record set already exists.');
    });
  });

  it('keeps Chinese text as it is', () => {
    const csv = buildFailuresCsv([
      failedRecord({ name: '测试.example.com.', line: '电信', error_message: '该线路在此DNS版本中不支持。' }),
    ]);
    expect(lines(csv)[1]).to.equal('测试.example.com.,A,电信,300,192.0.2.1,DNS.0016,该线路在此DNS版本中不支持。');
  });

  describe('spreadsheet formula injection', () => {
    const cases: [string, string][] = [
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-1+2', "'-1+2"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['\tx', "'\tx"],
    ];
    for (const [input, output] of cases) {
      it(`neutralises a cell starting with ${JSON.stringify(input[0])}`, () => {
        expect(cellOf({ name: input }, 'Name')).to.equal(output);
        expect(cellOf({ value: [input] }, 'Value')).to.equal(output);
        expect(cellOf({ error_message: input }, 'Error message')).to.equal(output);
      });
    }

    it('neutralises a cell starting with "\\r", which also needs quoting', () => {
      const row = buildFailuresCsv([failedRecord({ name: '\rx' })]).split('\r\n')[1];
      expect(row).to.equal(`"'\rx",A,default_view,300,192.0.2.1,DNS.0016,The record set already exists.`);
    });

    it('prefixes before quoting, so a quoted formula is neutralised too', () => {
      expect(lines(buildFailuresCsv([failedRecord({ name: '=HYPERLINK("http://x","y")' })]))[1]).to.match(
        /^"'=HYPERLINK\(""http:\/\/x"",""y""\)",/,
      );
    });

    it('neutralises the value cell when its first value is a formula', () => {
      expect(buildFailuresCsv([failedRecord({ value: ['=1+1', '192.0.2.1'] })])).to.contain(`,"'=1+1\n192.0.2.1",`);
    });

    it('leaves numbers alone: TTL 300, weight -5 as a number or as numeric text', () => {
      expect(cellOf({ ttl: 300 }, 'TTL')).to.equal('300');
      expect(cellOf({ ttl: '300' }, 'TTL')).to.equal('300');
      expect(cellOf({ weight: -5 }, 'Weight')).to.equal('-5');
      expect(cellOf({ weight: '-5' }, 'Weight')).to.equal('-5');
      expect(cellOf({ weight: '-0.5' }, 'Weight')).to.equal('-0.5');
    });

    it('does not mistake text that only starts like a number for one', () => {
      expect(cellOf({ ttl: '-5 seconds' }, 'TTL')).to.equal("'-5 seconds");
      expect(cellOf({ weight: '+5' }, 'Weight')).to.equal("'+5");
    });

    it('leaves a character that is harmless at the start untouched', () => {
      expect(cellOf({ name: "it's=ok" }, 'Name')).to.equal("it's=ok");
    });
  });
});

describe('failuresCsvFileName', () => {
  it('names the zone and the task', () => {
    expect(failuresCsvFileName(DOCUMENTED_ZONE_ID, DOCUMENTED_TASK_ID, false)).to.equal(
      `dns-import-failures-${DOCUMENTED_ZONE_ID}-${DOCUMENTED_TASK_ID}.csv`,
    );
  });

  it('says when the list was filtered', () => {
    expect(failuresCsvFileName('zone', 'task', true)).to.equal('dns-import-failures-zone-task-filtered.csv');
  });

  it('replaces unsafe characters, keeping only [A-Za-z0-9._-]', () => {
    const name = failuresCsvFileName('../../etc/passwd', 'a b\\c:d*e?"<>|测试', false);
    expect(name).to.match(/^[A-Za-z0-9._-]+$/);
    expect(name).not.to.contain('/');
    expect(name).to.equal('dns-import-failures-etc_passwd-a_b_c_d_e.csv');
  });

  it('leaves out empty ids', () => {
    expect(failuresCsvFileName('', '', false)).to.equal('dns-import-failures.csv');
    expect(failuresCsvFileName('///', 'task', true)).to.equal('dns-import-failures-task-filtered.csv');
  });

  it('cuts very long ids so the name stays short', () => {
    const name = failuresCsvFileName('z'.repeat(1000), 't'.repeat(1000), true);
    expect(name.length).to.be.at.most(200);
    expect(name).to.match(/^dns-import-failures-z+-t+-filtered\.csv$/);
  });
});

import { expect } from '@open-wc/testing';
import { formatTime, parseApiTime, progressPercent } from '../src/i18n/format.js';

// The zone-less cases only discriminate UTC from local time when the browser is not on UTC:
// `TZ=Asia/Shanghai npx wtr --files test/format.test.ts` makes a local-time parse fail them.
describe('parseApiTime', () => {
  it('treats a time without a zone designator as UTC', () => {
    const date = parseApiTime('2018-09-07T12:50:45.181');
    expect(date).to.be.instanceOf(Date);
    expect(date!.getTime()).to.equal(Date.UTC(2018, 8, 7, 12, 50, 45, 181));
  });

  it('treats a time without milliseconds as UTC', () => {
    expect(parseApiTime('2018-09-07T00:00:00')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 0, 0, 0));
  });

  it('ignores surrounding whitespace', () => {
    expect(parseApiTime(' 2018-09-07T12:50:46.344 ')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 12, 50, 46, 344));
  });

  it('keeps an explicit Z', () => {
    expect(parseApiTime('2018-09-07T12:50:45.181Z')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 12, 50, 45, 181));
    expect(parseApiTime('2018-09-07T12:50:45.181z')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 12, 50, 45, 181));
  });

  it('keeps an explicit offset', () => {
    expect(parseApiTime('2018-09-07T12:50:45.181+08:00')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 4, 50, 45, 181));
    expect(parseApiTime('2018-09-07T12:50:45-05:30')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 18, 20, 45));
  });

  it('returns undefined for garbage, empty and absent input', () => {
    expect(parseApiTime('not a date')).to.equal(undefined);
    expect(parseApiTime('2018-13-45T99:99:99')).to.equal(undefined);
    expect(parseApiTime('')).to.equal(undefined);
    expect(parseApiTime(undefined)).to.equal(undefined);
  });
});

describe('progressPercent', () => {
  it('is 0 for a pending task with no total', () => {
    expect(progressPercent(0, 0, false)).to.equal(0);
  });

  it('is 100 for a done task with no total', () => {
    expect(progressPercent(0, 0, true)).to.equal(100);
  });

  it('treats a non-numeric total as no total', () => {
    expect(progressPercent(3, Number.NaN, false)).to.equal(0);
    expect(progressPercent(3, Number.NaN, true)).to.equal(100);
    expect(progressPercent(3, -5, false)).to.equal(0);
  });

  it('computes the share in whole numbers, rounding down', () => {
    expect(progressPercent(1, 3, false)).to.equal(33);
    expect(progressPercent(2, 3, false)).to.equal(66);
    expect(progressPercent(199, 200, false)).to.equal(99);
    expect(progressPercent(250, 500, false)).to.equal(50);
    expect(progressPercent(500, 500, true)).to.equal(100);
    expect(progressPercent(0, 500, false)).to.equal(0);
  });

  it('does not reach 100 before every record is processed', () => {
    expect(progressPercent(999, 1000, false)).to.equal(99);
  });

  it('clamps above 100 and below 0', () => {
    expect(progressPercent(150, 100, false)).to.equal(100);
    expect(progressPercent(150, 100, true)).to.equal(100);
    expect(progressPercent(-5, 100, false)).to.equal(0);
  });
});

describe('formatTime', () => {
  const date = new Date(Date.UTC(2018, 8, 7, 12, 50, 45, 181));

  it('returns a non-empty English string containing the year', () => {
    const text = formatTime(date, 'en');
    expect(text).to.be.a('string');
    expect(text.trim()).to.not.equal('');
    expect(text).to.contain('2018');
  });

  it('returns a non-empty Chinese string containing the year', () => {
    const text = formatTime(date, 'zh');
    expect(text).to.be.a('string');
    expect(text.trim()).to.not.equal('');
    expect(text).to.contain('2018');
  });

  it('formats in the viewer time zone, like Intl does', () => {
    const en = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
    const zh = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
    expect(formatTime(date, 'en')).to.equal(en);
    expect(formatTime(date, 'zh')).to.equal(zh);
    expect(formatTime(date, 'zh')).to.not.equal(formatTime(date, 'en'));
  });

  it('gives different strings for different dates (the cached format is not stuck)', () => {
    const other = new Date(Date.UTC(2021, 0, 2, 3, 4, 5));
    expect(formatTime(other, 'en')).to.contain('2021');
    expect(formatTime(other, 'en')).to.not.equal(formatTime(date, 'en'));
  });
});

describe('parseApiTime in every engine', () => {
  it('reads a lower-case z and surrounding spaces (Firefox and WebKit reject them natively)', async () => {
    const { parseApiTime } = await import('../src/i18n/format.js');
    expect(parseApiTime(' 2018-09-07T12:50:45.181Z ')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 12, 50, 45, 181));
    expect(parseApiTime('2018-09-07T12:50:45.181z')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 12, 50, 45, 181));
  });
});

describe('clipText', () => {
  it('keeps short text, clips long text with an ellipsis, never splitting a surrogate pair', async () => {
    const { clipText, MAX_SHOWN_CHARS } = await import('../src/i18n/format.js');
    expect(clipText('short')).to.equal('short');
    expect(clipText(300)).to.equal('300');
    const long = 'x'.repeat(MAX_SHOWN_CHARS + 10);
    expect(clipText(long)).to.equal(`${'x'.repeat(MAX_SHOWN_CHARS)}…`);
    const withEmoji = `${'x'.repeat(MAX_SHOWN_CHARS - 1)}😀tail`;
    expect(clipText(withEmoji)).to.equal(`${'x'.repeat(MAX_SHOWN_CHARS - 1)}…`);
  });

  it('reads only ISO date-times as times', async () => {
    const { parseApiTime } = await import('../src/i18n/format.js');
    for (const junk of ['1', 'DNS.0806', 'batch 7', 'x 2018']) expect(parseApiTime(junk), junk).to.equal(undefined);
    expect(parseApiTime('2018-09-07 12:50:45')!.getTime()).to.equal(Date.UTC(2018, 8, 7, 12, 50, 45));
  });
});

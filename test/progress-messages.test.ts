// The progress words: rate, time left, the stall notice and the duration, in both languages.
import { expect } from '@open-wc/testing';
import { formatDuration, roundTimeLeft } from '../src/i18n/format.js';
import { estimateText, stalledText, tookText } from '../src/i18n/messages.js';
import type { ImportTask } from '../src/api/types.js';

const done = (created_at: string | undefined, updated_at: string | undefined): ImportTask => ({
  task_id: 't',
  status: 'DONE',
  created_at,
  updated_at,
  total_count: 1,
  success_count: 1,
  error_count: 0,
  error_items: [],
});

describe('formatDuration', () => {
  it('says whole hours, minutes and seconds, leaving out the zero ones', () => {
    expect(formatDuration(161_000, 'en')).to.equal('2 min 41 sec');
    expect(formatDuration(120_000, 'en')).to.equal('2 min');
    expect(formatDuration(3_725_000, 'en')).to.equal('1 hr 2 min 5 sec');
    expect(formatDuration(400, 'en')).to.equal('0 sec');
  });

  it('says it in Chinese through Intl', () => {
    expect(formatDuration(161_000, 'zh')).to.equal('2分钟 41秒');
    expect(formatDuration(3_600_000, 'zh')).to.equal('1小时');
  });
});

describe('roundTimeLeft', () => {
  it('rounds the way people say it: 5 s steps, then minutes, then 10 min steps', () => {
    expect(roundTimeLeft(0)).to.equal(5000);
    expect(roundTimeLeft(41_000)).to.equal(40_000);
    expect(roundTimeLeft(43_000)).to.equal(45_000);
    expect(roundTimeLeft(58_000)).to.equal(60_000);
    expect(roundTimeLeft(200_000)).to.equal(180_000);
    expect(roundTimeLeft(3_580_000)).to.equal(3_600_000);
    expect(roundTimeLeft(4_500_000)).to.equal(4_800_000);
  });
});

describe('estimateText', () => {
  it('is undefined without an estimate', () => {
    expect(estimateText('en', {})).to.equal(undefined);
    expect(estimateText('zh', { rate: 3 })).to.equal(undefined);
  });

  it('gives the rate per second, or per minute when slow, and the time left', () => {
    expect(estimateText('en', { rate: 12.3, msLeft: 41_000 })).to.equal('12 records/s · about 40 sec left');
    expect(estimateText('en', { rate: 0.66, msLeft: 200_000 })).to.equal('40 records/min · about 3 min left');
    expect(estimateText('en', { rate: 1234, msLeft: 4_500_000 })).to.equal('1,200 records/s · about 1 hr 20 min left');
  });

  it('says it in Chinese', () => {
    expect(estimateText('zh', { rate: 12.3, msLeft: 41_000 })).to.equal('12 条/秒 · 还需约 40秒');
    expect(estimateText('zh', { rate: 0.66, msLeft: 200_000 })).to.equal('40 条/分钟 · 还需约 3分钟');
  });
});

describe('tookText', () => {
  it('gives the time from created_at to updated_at', () => {
    expect(tookText('en', done('2026-11-27T08:00:00.000', '2026-11-27T08:02:41.512'))).to.equal('Took 2 min 42 sec');
    expect(tookText('zh', done('2026-11-27T08:00:00', '2026-11-27T08:02:41'))).to.equal('用时 2分钟 41秒');
  });

  it('is undefined when a time is absent or unreadable, or the duration negative', () => {
    expect(tookText('en', done(undefined, '2026-11-27T08:02:41'))).to.equal(undefined);
    expect(tookText('en', done('2026-11-27T08:00:00', 'DNS.0806'))).to.equal(undefined);
    expect(tookText('en', done('2026-11-27T08:02:41', '2026-11-27T08:00:00'))).to.equal(undefined);
  });
});

describe('stalledText', () => {
  it('names the stall-after in words, in both languages', () => {
    expect(stalledText('en', 120_000)).to.equal('No progress in the last 2 min. Still checking.');
    expect(stalledText('zh', 90_000)).to.equal('最近 1分钟 30秒 没有进展，仍在检查。');
  });
});

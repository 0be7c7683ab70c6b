import { expect } from '@open-wc/testing';
import { ImportStatusError, isThrottled, type ImportStatusErrorInit } from '../src/api/import-status-error.js';
import {
  BACKOFF_CAP_MS,
  MAX_RETRY_AFTER_MS,
  isRetryable,
  pollDelayMs,
  retryDelayMs,
} from '../src/polling/retry-policy.js';
import { DEFAULT_INTERVAL_MS, MIN_INTERVAL_MS, intervalMs as sanitizeInterval } from '../src/polling/config.js';

const err = (init: ImportStatusErrorInit) => new ImportStatusError('test', init);
const http = (status: number, code?: string) => err({ kind: 'http', status, code });
const fixed = (value: number) => () => value;

describe('retry policy', () => {
  it('exports the documented constants', () => {
    expect(BACKOFF_CAP_MS).to.equal(60_000);
    expect(MAX_RETRY_AFTER_MS).to.equal(300_000);
    expect(MIN_INTERVAL_MS).to.equal(500);
    expect(DEFAULT_INTERVAL_MS).to.equal(2000);
  });

  describe('isRetryable', () => {
    it('retries network failures and timeouts', () => {
      expect(isRetryable(err({ kind: 'network' }))).to.equal(true);
      expect(isRetryable(err({ kind: 'timeout' }))).to.equal(true);
    });

    for (const status of [408, 429, 500, 502, 503, 504]) {
      it(`retries HTTP ${status}`, () => {
        expect(isRetryable(http(status))).to.equal(true);
      });
    }

    it('retries HTTP 403 with DNS.0014 (flow control)', () => {
      expect(isRetryable(http(403, 'DNS.0014'))).to.equal(true);
    });

    for (const status of [400, 401, 403, 404, 409]) {
      it(`retries HTTP ${status} with APIG.0308 (gateway throttling)`, () => {
        expect(isRetryable(http(status, 'APIG.0308'))).to.equal(true);
      });
    }

    for (const status of [400, 401, 403, 404, 405, 409, 413]) {
      it(`does not retry HTTP ${status} without a flow-control code`, () => {
        expect(isRetryable(http(status))).to.equal(false);
      });
    }

    it('does not retry HTTP 403 with another code', () => {
      expect(isRetryable(http(403, 'DNS.0005'))).to.equal(false);
      expect(isRetryable(http(403, 'dns.0014'))).to.equal(false);
    });

    it('does not retry an http error without a status unless throttled', () => {
      expect(isRetryable(err({ kind: 'http' }))).to.equal(false);
      expect(isRetryable(err({ kind: 'http', code: 'APIG.0308' }))).to.equal(true);
    });

    it('does not retry invalid bodies or configuration errors', () => {
      expect(isRetryable(err({ kind: 'invalid-body' }))).to.equal(false);
      expect(isRetryable(err({ kind: 'invalid-body', status: 200 }))).to.equal(false);
      expect(isRetryable(err({ kind: 'config' }))).to.equal(false);
    });

    it('does not retry API errors, except throttling codes', () => {
      expect(isRetryable(err({ kind: 'api', code: 'DNS.0101' }))).to.equal(false);
      expect(isRetryable(err({ kind: 'api' }))).to.equal(false);
      expect(isRetryable(err({ kind: 'api', code: 'DNS.0014' }))).to.equal(true);
      expect(isRetryable(err({ kind: 'api', code: 'APIG.0308' }))).to.equal(true);
    });
  });

  describe('isThrottled', () => {
    it('recognizes 429, APIG.0308 and DNS.0014', () => {
      expect(isThrottled(http(429))).to.equal(true);
      expect(isThrottled(http(403, 'DNS.0014'))).to.equal(true);
      expect(isThrottled(http(500, 'APIG.0308'))).to.equal(true);
      expect(isThrottled(err({ kind: 'api', code: 'DNS.0014' }))).to.equal(true);
    });

    it('rejects everything else', () => {
      expect(isThrottled(http(503))).to.equal(false);
      expect(isThrottled(http(403))).to.equal(false);
      expect(isThrottled(http(403, 'DNS.0101'))).to.equal(false);
      expect(isThrottled(err({ kind: 'network' }))).to.equal(false);
      expect(isThrottled(err({ kind: 'timeout' }))).to.equal(false);
    });
  });

  describe('sanitizeInterval', () => {
    it('falls back to the default for unusable values', () => {
      expect(sanitizeInterval(Number.NaN)).to.equal(2000);
      expect(sanitizeInterval(0)).to.equal(2000);
      expect(sanitizeInterval(-1000)).to.equal(2000);
      expect(sanitizeInterval(Number.POSITIVE_INFINITY)).to.equal(2000);
    });

    it('raises short intervals to 500 ms', () => {
      expect(sanitizeInterval(100)).to.equal(500);
      expect(sanitizeInterval(1)).to.equal(500);
      expect(sanitizeInterval(499)).to.equal(500);
    });

    it('keeps usable intervals', () => {
      expect(sanitizeInterval(500)).to.equal(500);
      expect(sanitizeInterval(5000)).to.equal(5000);
      expect(sanitizeInterval(2000)).to.equal(2000);
    });
  });

  describe('pollDelayMs', () => {
    it('jitters by ±10 %', () => {
      expect(pollDelayMs(2000, fixed(0))).to.equal(1800);
      expect(pollDelayMs(2000, fixed(0.5))).to.equal(2000);
      expect(pollDelayMs(2000, fixed(1))).to.equal(2200);
      expect(pollDelayMs(5000, fixed(0))).to.equal(4500);
      expect(pollDelayMs(5000, fixed(1))).to.equal(5500);
    });

    it('returns whole milliseconds', () => {
      expect(pollDelayMs(1234, fixed(0.3333))).to.equal(Math.round(1234 * (0.9 + 0.2 * 0.3333)));
      expect(Number.isInteger(pollDelayMs(777, fixed(0.123)))).to.equal(true);
    });

    it('stays within the bounds with the real Math.random', () => {
      for (let i = 0; i < 200; i++) {
        const delay = pollDelayMs(2000);
        expect(delay).to.be.within(1800, 2200);
      }
    });
  });

  describe('retryDelayMs', () => {
    it('waits between interval and 2 × interval after the first failure', () => {
      expect(retryDelayMs({ attempt: 1, interval: 2000, random: fixed(0) })).to.equal(2000);
      expect(retryDelayMs({ attempt: 1, interval: 2000, random: fixed(0.5) })).to.equal(3000);
      expect(retryDelayMs({ attempt: 1, interval: 2000, random: fixed(1) })).to.equal(4000);
    });

    it('grows exponentially with the attempt', () => {
      const ceilings = [1, 2, 3, 4, 5].map((attempt) => retryDelayMs({ attempt, interval: 1000, random: fixed(1) }));
      expect(ceilings).to.deep.equal([2000, 4000, 8000, 16000, 32000]);
    });

    it('is capped at 60 s', () => {
      expect(retryDelayMs({ attempt: 6, interval: 1000, random: fixed(1) })).to.equal(60_000);
      expect(retryDelayMs({ attempt: 20, interval: 2000, random: fixed(1) })).to.equal(60_000);
      expect(retryDelayMs({ attempt: 1000, interval: 2000, random: fixed(1) })).to.equal(60_000);
      expect(retryDelayMs({ attempt: 1000, interval: 2000, random: fixed(0.5) })).to.equal(31_000);
    });

    it('honours a custom cap', () => {
      expect(retryDelayMs({ attempt: 10, interval: 1000, random: fixed(1), capMs: 5000 })).to.equal(5000);
    });

    it('is never below the interval', () => {
      for (const attempt of [1, 2, 5, 10, 50]) {
        for (const interval of [500, 2000, 10_000]) {
          expect(retryDelayMs({ attempt, interval, random: fixed(0) })).to.equal(interval);
          expect(retryDelayMs({ attempt, interval, random: fixed(0.7) })).to.be.at.least(interval);
        }
      }
    });

    it('stays within [interval, min(60 s, interval · 2^attempt)] with the real Math.random', () => {
      for (let i = 0; i < 200; i++) {
        const attempt = 1 + (i % 8);
        const delay = retryDelayMs({ attempt, interval: 1000 });
        expect(delay).to.be.within(1000, Math.min(60_000, 1000 * 2 ** attempt));
      }
    });

    it('never retries sooner than Retry-After', () => {
      expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: 10, random: fixed(1) })).to.equal(10_000);
      expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: 10, random: fixed(0) })).to.equal(10_000);
      expect(retryDelayMs({ attempt: 10, interval: 2000, retryAfter: 90, random: fixed(1) })).to.equal(90_000);
    });

    it('keeps the backoff when it is longer than Retry-After', () => {
      expect(retryDelayMs({ attempt: 3, interval: 2000, retryAfter: 1, random: fixed(1) })).to.equal(16_000);
      expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: 0, random: fixed(0.5) })).to.equal(3000);
    });

    it('ignores a negative Retry-After', () => {
      expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: -30, random: fixed(0) })).to.equal(2000);
    });

    it('clamps Retry-After at MAX_RETRY_AFTER_MS', () => {
      expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: 86_400, random: fixed(0) })).to.equal(MAX_RETRY_AFTER_MS);
      expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: 301, random: fixed(0) })).to.equal(MAX_RETRY_AFTER_MS);
      expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: 299, random: fixed(0) })).to.equal(299_000);
    });

    it('converts a fractional Retry-After to whole milliseconds', () => {
      expect(retryDelayMs({ attempt: 1, interval: 500, retryAfter: 2.5, random: fixed(0) })).to.equal(2500);
    });

    it('is deterministic with an injected random', () => {
      const input = { attempt: 4, interval: 1500, random: fixed(0.37) };
      const first = retryDelayMs(input);
      expect(retryDelayMs(input)).to.equal(first);
      expect(first).to.equal(Math.round(1500 + 0.37 * (1500 * 16 - 1500)));
    });

    it('returns whole milliseconds', () => {
      expect(Number.isInteger(retryDelayMs({ attempt: 2, interval: 1333, random: fixed(0.777) }))).to.equal(true);
    });
  });
});

describe('retryDelayMs with an unreadable Retry-After', () => {
  it('ignores NaN and Infinity instead of retrying at once', async () => {
    const { retryDelayMs } = await import('../src/polling/retry-policy.js');
    expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: NaN, random: () => 0.5 })).to.equal(3000);
    expect(retryDelayMs({ attempt: 1, interval: 2000, retryAfter: Infinity, random: () => 0.5 })).to.equal(3000);
  });
});

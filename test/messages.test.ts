import { expect } from '@open-wc/testing';
import { ImportStatusError, type ImportStatusErrorInit } from '../src/api/import-status-error.js';
import { localeFromLang } from '../src/i18n/locale.js';
import { messagesFor } from '../src/i18n/messages.js';

const err = (init: ImportStatusErrorInit, message = 'test') => new ImportStatusError(message, init);

describe('localeFromLang', () => {
  for (const lang of ['zh', 'zh-CN', 'zh-Hans', 'ZH-cn', 'zh_CN', 'zh-SG', 'zh-Hans-CN', ' zh-CN ']) {
    it(`reads "${lang}" as Simplified Chinese`, () => {
      expect(localeFromLang(lang)).to.equal('zh');
    });
  }

  for (const lang of ['zh-TW', 'zh-Hant', 'zh-HK', 'zh-MO', 'zh_TW', 'zh-hant-TW', 'en', 'en-US', '', 'fr', 'de-zh']) {
    it(`reads "${lang}" as English`, () => {
      expect(localeFromLang(lang)).to.equal('en');
    });
  }

  it('reads null and undefined as English', () => {
    expect(localeFromLang(null)).to.equal('en');
    expect(localeFromLang(undefined)).to.equal('en');
  });
});

describe('messagesFor', () => {
  const en = messagesFor('en');
  const zh = messagesFor('zh');

  it('returns the same object for the same locale', () => {
    expect(messagesFor('en')).to.equal(en);
    expect(messagesFor('zh')).to.equal(zh);
    expect(en).to.not.equal(zh);
  });

  describe('outcome', () => {
    it('reads all imported, with thousands separators', () => {
      expect(en.outcome(1200, 1200, 0)).to.equal('All 1,200 records imported');
      expect(zh.outcome(1200, 1200, 0)).to.equal('全部 1,200 条记录已导入');
    });

    it('reads a partial failure', () => {
      expect(en.outcome(1200, 1150, 50)).to.equal('1,150 imported, 50 failed');
      expect(zh.outcome(1200, 1150, 50)).to.equal('已导入 1,150 条，50 条失败');
    });

    it('reads a total failure', () => {
      expect(en.outcome(500, 0, 500)).to.equal('Nothing imported: 500 failed');
      expect(zh.outcome(500, 0, 500)).to.equal('500 条全部失败');
    });

    it('uses the singular for one record', () => {
      expect(en.outcome(1, 1, 0)).to.equal('All 1 record imported');
      expect(en.outcome(2, 2, 0)).to.equal('All 2 records imported');
      expect(zh.outcome(1, 1, 0)).to.equal('全部 1 条记录已导入');
    });

    it('separates thousands in the failed count too', () => {
      expect(en.outcome(3000, 0, 3000)).to.equal('Nothing imported: 3,000 failed');
      expect(en.outcome(3500, 1500, 2000)).to.equal('1,500 imported, 2,000 failed');
    });
  });

  describe('other counted strings', () => {
    it('pendingOutcome', () => {
      expect(en.pendingOutcome(250, 1200)).to.equal('250 of 1,200 records processed');
      expect(en.pendingOutcome(0, 1)).to.equal('0 of 1 record processed');
      expect(zh.pendingOutcome(250, 1200)).to.equal('已处理 250 / 1,200 条记录');
    });

    it('progressValue', () => {
      expect(en.progressValue(20, 250, 1200)).to.equal('20% (250 of 1,200)');
      expect(zh.progressValue(20, 250, 1200)).to.equal('20%（250 / 1,200）');
    });


    it('statusWord translates the documented statuses and keeps others verbatim', () => {
      expect(en.statusWord('PENDING')).to.equal('Importing');
      expect(en.statusWord('DONE')).to.equal('Done');
      expect(en.statusWord('RUNNING')).to.equal('RUNNING');
      expect(zh.statusWord('PENDING')).to.equal('导入中');
      expect(zh.statusWord('DONE')).to.equal('已完成');
      expect(zh.statusWord('weird')).to.equal('weird');
    });
  });

  describe('errorNotice', () => {
    it('401: sign in again', () => {
      const error = err({ kind: 'http', status: 401 });
      expect(en.errorNotice(error, false, undefined, false)).to.equal(
        'Sign-in expired (HTTP 401). Sign in again, then retry.',
      );
      expect(zh.errorNotice(error, false, undefined, false)).to.equal('登录已过期 (HTTP 401)，请重新登录后重试。');
    });

    it('403: ask for read access', () => {
      const error = err({ kind: 'http', status: 403, code: 'DNS.0013' });
      expect(en.errorNotice(error, false, undefined, false)).to.equal(
        'No permission to read this import (HTTP 403). Ask for DNS read access.',
      );
      expect(zh.errorNotice(error, false, undefined, false)).to.equal(
        '无权查看该导入任务 (HTTP 403)，请申请 DNS 只读权限。',
      );
    });

    it('400: check the zone id', () => {
      const error = err({ kind: 'http', status: 400 });
      expect(en.errorNotice(error, false, undefined, false)).to.equal(
        'Request rejected (HTTP 400). Check zone-id.',
      );
      expect(zh.errorNotice(error, false, undefined, false)).to.equal('请求被拒绝 (HTTP 400)，请检查 zone-id。');
    });

    it('503 with the retry delay in seconds', () => {
      const error = err({ kind: 'http', status: 503 });
      expect(en.errorNotice(error, true, 8, false)).to.equal('Server error (HTTP 503), retrying in 8 s.');
      expect(zh.errorNotice(error, true, 8, false)).to.equal('服务器出错 (HTTP 503)，8 秒后重试。');
      expect(en.errorNotice(error, true, 1500, false)).to.equal('Server error (HTTP 503), retrying in 1,500 s.');
    });

    it('503 retrying with no known delay', () => {
      const error = err({ kind: 'http', status: 503 });
      expect(en.errorNotice(error, true, undefined, false)).to.equal('Server error (HTTP 503), retrying.');
      expect(zh.errorNotice(error, true, undefined, false)).to.equal('服务器出错 (HTTP 503)，正在重试。');
    });

    it('another status: a generic failure', () => {
      const error = err({ kind: 'http', status: 404 });
      expect(en.errorNotice(error, false, undefined, false)).to.equal('Request failed (HTTP 404).');
      expect(zh.errorNotice(error, false, undefined, false)).to.equal('请求失败 (HTTP 404)。');
    });

    it('network', () => {
      const error = err({ kind: 'network' }, 'Failed to fetch');
      expect(en.errorNotice(error, true, 4, false)).to.equal('Connection problem, retrying in 4 s.');
      expect(zh.errorNotice(error, true, 4, false)).to.equal('连接出现问题，4 秒后重试。');
    });

    it('timeout', () => {
      const error = err({ kind: 'timeout' });
      expect(en.errorNotice(error, true, 2, false)).to.equal('The server timed out, retrying in 2 s.');
      expect(zh.errorNotice(error, true, 2, false)).to.equal('服务器响应超时，2 秒后重试。');
    });

    it("an expired signature names the signer's clock, in both languages", () => {
      const error = new ImportStatusError('Incorrect IAM authentication information: signature expired, signature time:…', { kind: 'http', status: 401, code: 'APIG.0301' });
      expect(en.errorNotice(error, false, undefined, false)).to.equal(
        "Signature rejected (HTTP 401): the signing server's clock is more than 15 minutes off. Correct its time, then retry.",
      );
      expect(zh.errorNotice(error, false, undefined, false)).to.equal('签名被拒绝 (HTTP 401)：签名服务器的时钟偏差超过 15 分钟，请校准时间后重试。');
    });

    it('throttled 429', () => {
      const error = err({ kind: 'http', status: 429 });
      expect(en.errorNotice(error, true, 30, false)).to.equal('Too many requests (HTTP 429), retrying in 30 s.');
      expect(zh.errorNotice(error, true, 30, false)).to.equal('请求过于频繁 (HTTP 429)，30 秒后重试。');
    });

    it('throttled 403 with DNS.0014 reads as throttling, not as a permission problem', () => {
      const error = err({ kind: 'http', status: 403, code: 'DNS.0014' });
      expect(en.errorNotice(error, true, 3, false)).to.equal('Too many requests (HTTP 403), retrying in 3 s.');
    });

    it('throttled APIG.0308 in a 2xx API body has no status', () => {
      const error = err({ kind: 'api', code: 'APIG.0308' });
      expect(en.errorNotice(error, true, 3, false)).to.equal('Too many requests, retrying in 3 s.');
    });

    it('invalid-body', () => {
      const error = err({ kind: 'invalid-body', status: 200 });
      expect(en.errorNotice(error, false, undefined, false)).to.equal('The answer is not an import task.');
      expect(zh.errorNotice(error, false, undefined, false)).to.equal('返回的不是导入任务。');
    });

    it('api, with and without a code', () => {
      expect(en.errorNotice(err({ kind: 'api', code: 'DNS.0101' }), false, undefined, false)).to.equal(
        'API error DNS.0101.',
      );
      expect(en.errorNotice(err({ kind: 'api' }), false, undefined, false)).to.equal('API error.');
      expect(zh.errorNotice(err({ kind: 'api', code: 'DNS.0101' }), false, undefined, false)).to.equal('接口返回错误 DNS.0101。');
    });

    it('config', () => {
      expect(en.errorNotice(err({ kind: 'config' }), false, undefined, false)).to.equal('Invalid configuration.');
      expect(zh.errorNotice(err({ kind: 'config' }), false, undefined, false)).to.equal('配置无效。');
    });

    it('gave up', () => {
      const error = err({ kind: 'http', status: 502 });
      expect(en.errorNotice(error, false, undefined, true)).to.equal(
        'Server error (HTTP 502). Retrying stopped after a long time.',
      );
      expect(zh.errorNotice(error, false, undefined, true)).to.equal('服务器出错 (HTTP 502)。长时间失败，已停止重试。');
      // Giving up wins over a retry that was still planned.
      expect(en.errorNotice(err({ kind: 'network' }), true, 5, true)).to.equal(
        'Connection problem. Retrying stopped after a long time.',
      );
    });

    it('never includes the raw message, code or request id', () => {
      const error = err({ kind: 'http', status: 503, code: 'DNS.9999', requestId: 'req-42' }, 'secret-ish server text');
      for (const messages of [en, zh]) {
        const text = messages.errorNotice(error, true, 5, false);
        expect(text).to.not.contain('secret-ish');
        expect(text).to.not.contain('req-42');
        expect(text).to.not.contain('DNS.9999');
      }
    });
  });

  describe('errorDetails', () => {
    it('includes the message, code and request id', () => {
      const error = err({ kind: 'http', status: 503, code: 'DNS.0014', requestId: 'abc-123', retryAfter: 9 }, 'Flow control.');
      expect(en.errorDetails(error)).to.equal('Flow control. · Code: DNS.0014 · Request ID: abc-123');
      expect(zh.errorDetails(error)).to.equal('Flow control. · 错误码：DNS.0014 · 请求 ID：abc-123');
    });

    it('leaves out what is absent', () => {
      expect(en.errorDetails(err({ kind: 'network' }, 'Could not reach the server.'))).to.equal('Could not reach the server.');
      expect(en.errorDetails(err({ kind: 'http', status: 500, requestId: 'r1' }, 'HTTP 500'))).to.equal('HTTP 500 · Request ID: r1');
      expect(zh.errorDetails(err({ kind: 'api', code: 'DNS.0101' }, 'Zone not found.'))).to.equal('Zone not found. · 错误码：DNS.0101');
    });

    it('never includes the status, retryAfter, kind or cause', () => {
      const cause = new Error('X-Auth-Token: secret-token-123');
      const error = new ImportStatusError('HTTP 503', {
        kind: 'http',
        status: 503,
        retryAfter: 77,
        cause,
      });
      for (const messages of [en, zh]) {
        const text = messages.errorDetails(error);
        expect(text).to.equal('HTTP 503');
        expect(text).to.not.contain('77');
        expect(text).to.not.contain('secret-token-123');
        expect(text).to.not.contain('http');
      }
    });
  });
});

describe('localeFromLang: other languages starting with "zh"', () => {
  it('does not read a three-letter code such as "zhn" as Chinese', async () => {
    const { localeFromLang } = await import('../src/i18n/locale.js');
    expect(localeFromLang('zhn')).to.equal('en');
  });
});

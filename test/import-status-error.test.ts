import { expect } from '@open-wc/testing';
import { ImportStatusError, errorCause, toImportStatusError, type ImportStatusErrorInit } from '../src/api/import-status-error.js';
import { isRetryable } from '../src/polling/retry-policy.js';

describe('ImportStatusError', () => {
  it('is an Error with its name and fields', () => {
    const error = new ImportStatusError('boom', {
      kind: 'http',
      status: 503,
      code: 'DNS.0014',
      requestId: 'req-1',
      retryAfter: 4,
    });
    expect(error).to.be.instanceOf(Error);
    expect(error.name).to.equal('ImportStatusError');
    expect(error.message).to.equal('boom');
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(503);
    expect(error.code).to.equal('DNS.0014');
    expect(error.requestId).to.equal('req-1');
    expect(error.retryAfter).to.equal(4);
  });

  it('keeps a cause only when given', () => {
    const cause = new TypeError('Failed to fetch');
    expect(new ImportStatusError('x', { kind: 'network', cause }).cause).to.equal(cause);
    expect(new ImportStatusError('x', { kind: 'network' })).to.not.have.own.property('cause');
  });
});

describe('toImportStatusError', () => {
  it('passes an ImportStatusError through unchanged', () => {
    const original = new ImportStatusError('Zone not found.', { kind: 'api', code: 'DNS.0101' });
    expect(toImportStatusError(original)).to.equal(original);
    const http = new ImportStatusError('HTTP 500', { kind: 'http', status: 500 });
    const result = toImportStatusError(http);
    expect(result).to.equal(http);
    expect(result.kind).to.equal('http');
  });

  it('treats an object with a numeric status as that HTTP status, keeping its fields', () => {
    const reason = { status: 429, message: 'Too Many Requests', code: 'APIG.0308', retryAfter: 12, requestId: 'abc-123' };
    const error = toImportStatusError(reason);
    expect(error).to.be.instanceOf(ImportStatusError);
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(429);
    expect(error.code).to.equal('APIG.0308');
    expect(error.retryAfter).to.equal(12);
    expect(error.requestId).to.equal('abc-123');
    expect(error.message).to.equal('Too Many Requests');
    expect(error.cause).to.equal(reason);
  });

  it('treats an Error subclass carrying a status as HTTP', () => {
    class HttpError extends Error {
      constructor(
        message: string,
        readonly status: number,
      ) {
        super(message);
      }
    }
    const error = toImportStatusError(new HttpError('Forbidden', 403));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(403);
    expect(error.message).to.equal('Forbidden');
  });

  it('gives a default message to a status-only object, and leaves absent fields undefined', () => {
    const error = toImportStatusError({ status: 503 });
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(503);
    expect(error.message).to.equal('The request failed.');
    expect(error.code).to.equal(undefined);
    expect(error.requestId).to.equal(undefined);
    expect(error.retryAfter).to.equal(undefined);
  });

  it('drops fields of the wrong type', () => {
    const error = toImportStatusError({ status: 503, code: 14, requestId: '', retryAfter: '10', message: 42 });
    expect(error.kind).to.equal('http');
    expect(error.code).to.equal(undefined);
    expect(error.requestId).to.equal(undefined);
    expect(error.retryAfter).to.equal(undefined);
    expect(error.message).to.equal('The request failed.');
  });

  it('drops a non-finite retryAfter and status', () => {
    const error = toImportStatusError({ status: 503, retryAfter: Number.NaN });
    expect(error.retryAfter).to.equal(undefined);
    expect(toImportStatusError({ status: Number.NaN }).kind).to.equal('network');
    expect(toImportStatusError({ status: Number.POSITIVE_INFINITY }).status).to.equal(undefined);
  });

  it('turns a plain Error into kind network, keeping its message and cause', () => {
    const reason = new TypeError('Failed to fetch');
    const error = toImportStatusError(reason);
    expect(error).to.be.instanceOf(ImportStatusError);
    expect(error.kind).to.equal('network');
    expect(error.message).to.equal('Failed to fetch');
    expect(error.status).to.equal(undefined);
    expect(error.cause).to.equal(reason);
  });

  it('uses a string reason as the message', () => {
    const error = toImportStatusError('offline');
    expect(error.kind).to.equal('network');
    expect(error.message).to.equal('offline');
    expect(error.status).to.equal(undefined);
  });

  it('gives a default message to an empty string', () => {
    expect(toImportStatusError('').message).to.equal('The request failed.');
  });

  it('handles undefined and null', () => {
    for (const reason of [undefined, null]) {
      const error = toImportStatusError(reason);
      expect(error).to.be.instanceOf(ImportStatusError);
      expect(error.kind).to.equal('network');
      expect(error.message).to.equal('The request failed.');
      expect(error.status).to.equal(undefined);
      expect(error.code).to.equal(undefined);
    }
  });

  it('treats a non-numeric status ("503") as no status', () => {
    const error = toImportStatusError({ status: '503', message: 'Service Unavailable', code: 'X.1' });
    expect(error.kind).to.equal('network');
    expect(error.status).to.equal(undefined);
    expect(error.message).to.equal('Service Unavailable');
    expect(error.code).to.equal('X.1');
  });
});

describe('errorCause', () => {
  const cause = (init: ImportStatusErrorInit) => errorCause(new ImportStatusError('x', init));

  it('reads the Huawei code first: the same status means different things', () => {
    expect(cause({ kind: 'http', status: 404, code: 'DNS.0302' })).to.equal('zone-not-found');
    expect(cause({ kind: 'http', status: 400, code: 'DNS.0302' })).to.equal('zone-not-found');
    expect(cause({ kind: 'http', status: 404, code: 'APIGW.0101' })).to.equal('wrong-endpoint');
    expect(cause({ kind: 'http', status: 404, code: 'APIG.0101' })).to.equal('wrong-endpoint');
    expect(cause({ kind: 'http', status: 403, code: 'DNS.0014' })).to.equal('throttled');
    expect(cause({ kind: 'http', status: 403, code: 'DNS.0013' })).to.equal('permission');
    expect(cause({ kind: 'http', status: 500, code: 'DNS.0021' })).to.equal('server');
    for (const code of ['APIGW.0308', 'APIG.0308']) expect(cause({ kind: 'api', code })).to.equal('throttled');
    for (const code of ['APIGW.0301', 'APIG.0301', 'APIG.1001', 'APIG.1002', 'DNS.0005']) expect(cause({ kind: 'api', code })).to.equal('sign-in');
  });

  it("tells an expired signature (the signer's clock) from a wrong key by the gateway's words", () => {
    const signed = (message: string) => errorCause(new ImportStatusError(message, { kind: 'http', status: 401, code: 'APIG.0301' }));
    expect(signed('Incorrect IAM authentication information: signature expired, signature time:20261204T120000Z,server time:20261204T124000Z')).to.equal('clock');
    expect(signed('Incorrect IAM authentication information: verify aksk signature fail')).to.equal('sign-in');
    expect(isRetryable(new ImportStatusError('signature expired', { kind: 'http', status: 401, code: 'APIGW.0301' }))).to.equal(false);
  });

  it('falls back to the HTTP status, then to the kind', () => {
    expect(cause({ kind: 'http', status: 429 })).to.equal('throttled');
    expect(cause({ kind: 'http', status: 401 })).to.equal('sign-in');
    expect(cause({ kind: 'http', status: 403 })).to.equal('permission');
    expect(cause({ kind: 'http', status: 400 })).to.equal('bad-request');
    expect(cause({ kind: 'http', status: 408 })).to.equal('timeout');
    expect(cause({ kind: 'http', status: 502 })).to.equal('server');
    expect(cause({ kind: 'http', status: 404 })).to.equal('other');
    expect(cause({ kind: 'http', status: 404, code: 'DNS.0101' })).to.equal('other');
    expect(cause({ kind: 'api', code: 'DNS.9999' })).to.equal('other');
    for (const kind of ['network', 'timeout', 'invalid-body', 'config'] as const) expect(cause({ kind })).to.equal(kind);
  });
});

describe('errorCause with hostile codes', () => {
  // Found by the element fuzzer: a code such as `__proto__` found Object.prototype in the code
  // table, which is not a cause, and the notice crashed.
  for (const code of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`${code} is just an unknown code`, () => {
      expect(errorCause(new ImportStatusError('x', { kind: 'api', code }))).to.equal('other');
    });
  }
});

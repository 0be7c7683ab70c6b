import { expect } from '@open-wc/testing';
import { createHttpFetcher, importTaskPath, parseHttpDate, parseRetryAfter, sharedHttpFetcher, type HttpFetcherOptions } from '../src/api/http-fetcher.js';
import { ImportStatusError } from '../src/api/import-status-error.js';
import { tagOf, UNCHANGED_BODY } from '../src/api/body-tag.js';
import { DOCUMENTED_ZONE_ID } from './support/documented-sample.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch double that records its calls and answers with real Response objects. */
function fakeFetch(answer: (call: Call) => Response | Promise<Response>): { fetch: typeof globalThis.fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const call = { url: String(input), init: init ?? {} };
    calls.push(call);
    return answer(call);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' }, ...init });

const TASK = { code: 200, data: { task_id: 't1', status: 'PENDING', total_count: 10, success_count: 3, error_count: 0 } };

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

async function importErrorOf(promise: Promise<unknown>): Promise<ImportStatusError> {
  const error = await rejectionOf(promise);
  expect(error).to.be.instanceOf(ImportStatusError);
  return error as ImportStatusError;
}

const signal = () => new AbortController().signal;

function headersOf(call: Call): Headers {
  return new Headers(call.init.headers);
}

describe('importTaskPath', () => {
  it('is the v2.1 batch-create task path for that kind, the zone id in its own segment too', () => {
    expect(importTaskPath(DOCUMENTED_ZONE_ID, 'batch-create')).to.equal(`/v2.1/zones/${DOCUMENTED_ZONE_ID}/recordsets/batch-create-task`);
    expect(importTaskPath('a/b?c', 'batch-create')).to.equal('/v2.1/zones/a%2Fb%3Fc/recordsets/batch-create-task');
    expect(importTaskPath(DOCUMENTED_ZONE_ID, 'import')).to.equal(importTaskPath(DOCUMENTED_ZONE_ID));
  });

  it('builds the documented path', () => {
    expect(importTaskPath(DOCUMENTED_ZONE_ID)).to.equal(`/v2/zones/${DOCUMENTED_ZONE_ID}/import/recordsets`);
  });

  it('encodes characters that would leave the segment or the path', () => {
    expect(importTaskPath('a/b')).to.equal('/v2/zones/a%2Fb/import/recordsets');
    expect(importTaskPath('a?b=1')).to.equal('/v2/zones/a%3Fb%3D1/import/recordsets');
    expect(importTaskPath('a#b')).to.equal('/v2/zones/a%23b/import/recordsets');
    expect(importTaskPath('100%')).to.equal('/v2/zones/100%25/import/recordsets');
    expect(importTaskPath('my zone')).to.equal('/v2/zones/my%20zone/import/recordsets');
    expect(importTaskPath('a\\b')).to.equal('/v2/zones/a%5Cb/import/recordsets');
  });

  it('keeps dot segments inside a longer id in one segment', () => {
    const path = importTaskPath('a/../b');
    expect(path).to.equal('/v2/zones/a%2F..%2Fb/import/recordsets');
    expect(new URL(path, 'https://dns.example.com/api/').pathname).to.equal('/v2/zones/a%2F..%2Fb/import/recordsets');
    expect(importTaskPath('../x')).to.equal('/v2/zones/..%2Fx/import/recordsets');
    expect(importTaskPath('...')).to.equal('/v2/zones/.../import/recordsets');
    expect(importTaskPath('..a')).to.equal('/v2/zones/..a/import/recordsets');
  });

  for (const zoneId of ['', '.', '..', '%2e%2e', '.%2E', '%2E', '%2e.']) {
    it(`refuses ${JSON.stringify(zoneId)} with kind config`, () => {
      let thrown: unknown;
      try {
        importTaskPath(zoneId);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).to.be.instanceOf(ImportStatusError);
      expect((thrown as ImportStatusError).kind).to.equal('config');
    });
  }
});

describe('parseRetryAfter', () => {
  const now = Date.UTC(2015, 9, 21, 7, 27, 30);

  it('reads delta seconds', () => {
    expect(parseRetryAfter('120')).to.equal(120);
    expect(parseRetryAfter('0')).to.equal(0);
    expect(parseRetryAfter(' 5 ')).to.equal(5);
  });

  it('reads an HTTP date against the given now', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now)).to.equal(30);
    expect(parseRetryAfter('Wed, 21 Oct 2015 08:27:30 GMT', now)).to.equal(3600);
  });

  it('reads IMF-fixdate; the obsolete RFC 850 and asctime forms are not read, so the own backoff applies', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now)).to.equal(30);
    expect(parseRetryAfter('Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 0))).to.equal(37);
    expect(parseRetryAfter('Wednesday, 21-Oct-15 07:28:00 GMT', now)).to.equal(undefined);
    expect(parseRetryAfter('Wed Oct 21 07:28:00 2015', now)).to.equal(undefined);
  });

  it('refuses near-misses: another month name, zone, weekday or layout', () => {
    for (const text of ['Wed, 21 Foo 2015 07:28:00 GMT', 'Wed, 21 Oct 2015 07:28:00 PST', 'Thu, 21 Oct 2015 07:28:00 GMT', 'Mon, 30 Feb 2015 07:28:00 GMT', 'Wed, 21 Oct 2015 7:28:00 GMT', 'wed, 21 oct 2015 07:28:00 gmt', 'Wednesday, 21-Oct-2015 07:28:00 GMT', 'Wed Oct 21 07:28:00 GMT 2015', 'Wed Oct 21 2015']) {
      expect(parseHttpDate(text), text).to.equal(undefined);
    }
  });

  it('rounds a partial second up', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now + 500)).to.equal(30);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:00 GMT', now)).to.equal(0);
  });

  it('gives undefined for garbage, empty and absent headers', () => {
    expect(parseRetryAfter('soon')).to.equal(undefined);
    expect(parseRetryAfter('')).to.equal(undefined);
    expect(parseRetryAfter('   ')).to.equal(undefined);
    expect(parseRetryAfter(null)).to.equal(undefined);
  });
});

describe('createHttpFetcher', () => {
  describe('the request', () => {
    it('GETs the import path under the endpoint, without trailing slashes', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      await createHttpFetcher({ endpoint: 'https://dns.example.com/api//', fetch })('zone-1', { signal: signal() });
      expect(calls).to.have.length(1);
      expect(calls[0]!.url).to.equal('https://dns.example.com/api/v2/zones/zone-1/import/recordsets');
      expect(calls[0]!.init.method).to.equal('GET');
    });

    it('defaults to the same origin', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      await createHttpFetcher({ fetch })('zone-1', { signal: signal() });
      expect(calls[0]!.url).to.equal('/v2/zones/zone-1/import/recordsets');
    });

    it('encodes the zone id', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      await createHttpFetcher({ endpoint: '/api/dns', fetch })('a/../b?x#y', { signal: signal() });
      expect(calls[0]!.url).to.equal('/api/dns/v2/zones/a%2F..%2Fb%3Fx%23y/import/recordsets');
    });

    it('rejects an unusable zone id with kind config, without fetching', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      const error = await importErrorOf(createHttpFetcher({ fetch })('..', { signal: signal() }));
      expect(error.kind).to.equal('config');
      expect(calls).to.have.length(0);
    });

    it('asks for JSON, never from the cache, with same-origin credentials and the caller signal', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      const controller = new AbortController();
      await createHttpFetcher({ endpoint: '/api/dns', fetch })('zone-1', { signal: controller.signal });
      const init = calls[0]!.init;
      expect(headersOf(calls[0]!).get('Accept')).to.equal('application/json');
      expect(init.cache).to.equal('no-store');
      expect(init.credentials).to.equal('same-origin');
      expect(init.signal).to.equal(controller.signal);
    });

    it('uses the given credentials', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      await createHttpFetcher({ fetch, credentials: 'include' })('zone-1', { signal: signal() });
      expect(calls[0]!.init.credentials).to.equal('include');
    });

    it('adds headers from an object', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      await createHttpFetcher({ fetch, headers: { 'X-Auth-Token': 'tok-1', 'X-Language': 'en-us' } })('z', { signal: signal() });
      const headers = headersOf(calls[0]!);
      expect(headers.get('X-Auth-Token')).to.equal('tok-1');
      expect(headers.get('X-Language')).to.equal('en-us');
      expect(headers.get('Accept')).to.equal('application/json');
    });

    it('adds headers from a sync function, called for each request', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      let n = 0;
      const fetcher = createHttpFetcher({ fetch, headers: () => ({ 'X-Auth-Token': `tok-${++n}` }) });
      await fetcher('z', { signal: signal() });
      await fetcher('z', { signal: signal() });
      expect(headersOf(calls[0]!).get('X-Auth-Token')).to.equal('tok-1');
      expect(headersOf(calls[1]!).get('X-Auth-Token')).to.equal('tok-2');
      expect(headersOf(calls[1]!).get('Accept')).to.equal('application/json');
    });

    it('adds headers from an async function', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      const headers: HttpFetcherOptions['headers'] = async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { 'X-Auth-Token': 'async-token' };
      };
      await createHttpFetcher({ fetch, headers })('z', { signal: signal() });
      expect(headersOf(calls[0]!).get('X-Auth-Token')).to.equal('async-token');
    });

    it('keeps Accept: application/json even when extra headers set Accept', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      await createHttpFetcher({ fetch, headers: { Accept: 'text/html' } })('z', { signal: signal() });
      expect(headersOf(calls[0]!).get('Accept')).to.equal('application/json');
    });
  });

  describe('the answer', () => {
    it('returns a 2xx JSON body parsed', async () => {
      const { fetch } = fakeFetch(() => json(TASK));
      expect(await createHttpFetcher({ fetch })('z', { signal: signal() })).to.deep.equal(TASK);
    });

    it('returns a 2xx JSON body even without a JSON content type', async () => {
      const { fetch } = fakeFetch(() => new Response('{"task_id":"t","status":"DONE"}', { status: 200 }));
      expect(await createHttpFetcher({ fetch })('z', { signal: signal() })).to.deep.equal({ task_id: 't', status: 'DONE' });
    });

    it('rejects a 2xx HTML body with kind invalid-body mentioning text/html', async () => {
      const { fetch } = fakeFetch(
        () =>
          new Response('<!doctype html><title>Sign in</title>', {
            status: 200,
            headers: { 'Content-Type': 'text/html; charset=utf-8', 'X-Request-Id': 'req-html' },
          }),
      );
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.kind).to.equal('invalid-body');
      expect(error.message).to.contain('text/html');
      expect(error.message).to.not.contain('charset');
      expect(error.status).to.equal(200);
      expect(error.requestId).to.equal('req-html');
    });

    it('rejects an empty 2xx body with kind invalid-body', async () => {
      const { fetch } = fakeFetch(() => new Response('', { status: 200 }));
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.kind).to.equal('invalid-body');
    });

    it('turns a 503 with a Huawei body into kind http with all fields', async () => {
      const { fetch } = fakeFetch(() =>
        json(
          { error_code: 'DNS.0014', error_msg: 'Request forbidden by flow control.' },
          { status: 503, headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-503', 'Retry-After': '7' } },
        ),
      );
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(503);
      expect(error.code).to.equal('DNS.0014');
      expect(error.message).to.equal('Request forbidden by flow control.');
      expect(error.requestId).to.equal('req-503');
      expect(error.retryAfter).to.equal(7);
    });

    it('reads a nested Huawei error body', async () => {
      const { fetch } = fakeFetch(() => json({ error: { code: 'APIG.0308', message: 'Too many' } }, { status: 429 }));
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.status).to.equal(429);
      expect(error.code).to.equal('APIG.0308');
      expect(error.message).to.equal('Too many');
      expect(error.requestId).to.equal(undefined);
      expect(error.retryAfter).to.equal(undefined);
    });

    it('reads a Retry-After given as an HTTP date', async () => {
      const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
      const { fetch } = fakeFetch(() => new Response('', { status: 429, headers: { 'Retry-After': inTwoMinutes } }));
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.retryAfter).to.be.within(115, 121);
    });

    it('gives a 500 with an empty body the message "HTTP 500" plus the status text', async () => {
      const withText = fakeFetch(() => new Response('', { status: 500, statusText: 'Internal Server Error' }));
      const a = await importErrorOf(createHttpFetcher({ fetch: withText.fetch })('z', { signal: signal() }));
      expect(a.kind).to.equal('http');
      expect(a.status).to.equal(500);
      expect(a.message).to.equal('HTTP 500 Internal Server Error');
      expect(a.code).to.equal(undefined);

      const withoutText = fakeFetch(() => new Response('', { status: 500 }));
      const b = await importErrorOf(createHttpFetcher({ fetch: withoutText.fetch })('z', { signal: signal() }));
      expect(b.message).to.equal('HTTP 500');
    });

    it('falls back to the status for a non-JSON error body', async () => {
      const { fetch } = fakeFetch(
        () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }),
      );
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(502);
      expect(error.message).to.equal('HTTP 502 Bad Gateway');
    });

    it('treats a 404 as kind http with status 404', async () => {
      const { fetch } = fakeFetch(() => json({ code: 'DNS.0101', message: 'Zone does not exist.' }, { status: 404 }));
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(404);
      expect(error.code).to.equal('DNS.0101');
    });

    it('turns a rejected fetch (TypeError) into kind network', async () => {
      const failure = new TypeError('Failed to fetch');
      const fetch = (() => Promise.reject(failure)) as typeof globalThis.fetch;
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.kind).to.equal('network');
      expect(error.status).to.equal(undefined);
      expect(error.cause).to.equal(failure);
    });

    it('rethrows an AbortError unchanged when the signal is aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const abortError = new DOMException('The operation was aborted.', 'AbortError');
      const fetch = (() => Promise.reject(abortError)) as typeof globalThis.fetch;
      const thrown = await rejectionOf(createHttpFetcher({ fetch })('z', { signal: controller.signal }));
      expect(thrown).to.equal(abortError);
      expect(thrown).to.not.be.instanceOf(ImportStatusError);
    });

    it('rethrows the real fetch abort unchanged', async () => {
      const controller = new AbortController();
      controller.abort();
      const { fetch } = fakeFetch((call) => globalThis.fetch('data:application/json,{}', { signal: call.init.signal ?? null }));
      const thrown = await rejectionOf(createHttpFetcher({ fetch })('z', { signal: controller.signal }));
      expect(thrown).to.not.be.instanceOf(ImportStatusError);
      expect((thrown as Error).name).to.equal('AbortError');
    });
  });

  describe('an answer identical to the body shown', () => {
    const headerOf = (call: Call, name: string) => new Headers(call.init.headers).get(name);

    it('without an ETag, is recognised by a digest of its bytes and not parsed again', async () => {
      const { fetch, calls } = fakeFetch(() => json(TASK));
      const fetcher = createHttpFetcher({ fetch });
      const first = await fetcher('z', { signal: signal() });
      expect(first).to.deep.equal(TASK);
      const knownTag = tagOf(first)!;
      expect(knownTag).to.match(/^sha256:/);
      expect(await fetcher('z', { signal: signal(), knownTag })).to.equal(UNCHANGED_BODY);
      // A digest is ours, not the server's: never sent as If-None-Match.
      expect(calls.map((call) => headerOf(call, 'If-None-Match'))).to.deep.equal([null, null]);
    });

    it('a body that differs by one byte is parsed', async () => {
      const bodies = [TASK, { ...TASK, data: { ...TASK.data, success_count: 4 } }];
      const { fetch } = fakeFetch(() => json(bodies.shift()));
      const fetcher = createHttpFetcher({ fetch });
      const knownTag = tagOf(await fetcher('z', { signal: signal() }));
      const second = await fetcher('z', { signal: signal(), knownTag });
      expect(second).to.deep.equal({ ...TASK, data: { ...TASK.data, success_count: 4 } });
      expect(tagOf(second)).to.not.equal(knownTag);
    });

    it("with the server's ETag, asks with If-None-Match and takes a 304 or the same ETag as unchanged", async () => {
      const answers = [json(TASK, { headers: { ETag: '"v1"' } }), new Response(null, { status: 304 }), json(TASK, { headers: { ETag: '"v1"' } })];
      const { fetch, calls } = fakeFetch(() => answers.shift()!);
      const fetcher = createHttpFetcher({ fetch });
      const knownTag = tagOf(await fetcher('z', { signal: signal() }));
      expect(knownTag).to.equal('"v1"');
      expect(await fetcher('z', { signal: signal(), knownTag })).to.equal(UNCHANGED_BODY);
      expect(await fetcher('z', { signal: signal(), knownTag })).to.equal(UNCHANGED_BODY);
      expect(calls.map((call) => headerOf(call, 'If-None-Match'))).to.deep.equal([null, '"v1"', '"v1"']);
    });

    it('a 304 to a request that named no body is an error, not an empty task', async () => {
      const { fetch } = fakeFetch(() => new Response(null, { status: 304 }));
      const error = await importErrorOf(createHttpFetcher({ fetch })('z', { signal: signal() }));
      expect(error.status).to.equal(304);
    });
  });

  describe('the token', () => {
    const TOKEN = 'secret-token-123';

    const fieldsOf = (error: ImportStatusError) =>
      JSON.stringify({
        message: error.message,
        kind: error.kind,
        status: error.status,
        code: error.code,
        requestId: error.requestId,
        retryAfter: error.retryAfter,
        name: error.name,
        stack: error.stack,
        own: { ...error },
      });

    const answers: Array<[string, () => Response | Promise<Response>]> = [
      ['a 503 with a Huawei body', () => json({ error_code: 'DNS.0014', error_msg: 'flow control' }, { status: 503, headers: { 'Retry-After': '3', 'X-Request-Id': 'r' } })],
      ['a 401 with an empty body', () => new Response('', { status: 401, statusText: 'Unauthorized' })],
      ['a 500 with a non-JSON body', () => new Response('oops', { status: 500 })],
      ['a 2xx HTML body', () => new Response('<html></html>', { status: 200, headers: { 'Content-Type': 'text/html' } })],
      ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
    ];

    for (const [label, answer] of answers) {
      for (const style of ['object', 'function'] as const) {
        it(`never leaks a header token (${style}) into the error for ${label}, nor into the URL`, async () => {
          const { fetch, calls } = fakeFetch(answer);
          const headers = style === 'object' ? { 'X-Auth-Token': TOKEN } : async () => ({ 'X-Auth-Token': TOKEN });
          const error = await importErrorOf(createHttpFetcher({ endpoint: 'https://dns.example.com', fetch, headers })('zone-1', { signal: signal() }));
          expect(headersOf(calls[0]!).get('X-Auth-Token')).to.equal(TOKEN);
          expect(calls[0]!.url).to.not.contain(TOKEN);
          expect(error.message).to.not.contain(TOKEN);
          expect(fieldsOf(error)).to.not.contain(TOKEN);
          expect(String(error)).to.not.contain(TOKEN);
          expect(String(error.cause ?? '')).to.not.contain(TOKEN);
        });
      }
    }
  });
});

describe('http fetcher: stricter header handling', () => {
  it('reads only real HTTP dates in Retry-After', async () => {
    const { parseRetryAfter } = await import('../src/api/http-fetcher.js');
    expect(parseRetryAfter('abc 2030', Date.UTC(2026, 0, 1))).to.equal(undefined);
    expect(parseRetryAfter('1.5')).to.equal(undefined);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', Date.UTC(2026, 0, 1))).to.equal(10);
  });

  it('sends Accept: application/json whatever case the caller used', async () => {
    const { createHttpFetcher } = await import('../src/api/http-fetcher.js');
    let sent: Headers | undefined;
    const fetcher = createHttpFetcher({
      headers: { accept: 'text/html' },
      fetch: async (_url, init) => {
        sent = new Headers(init?.headers);
        return new Response('{"code":200,"data":{}}', { status: 200 });
      },
    });
    await fetcher('z', { signal: new AbortController().signal });
    expect(sent!.get('accept')).to.equal('application/json');
  });
});

describe('sharedHttpFetcher', () => {
  it('is one fetcher per endpoint, so elements on one endpoint share their requests and others never do', () => {
    expect(sharedHttpFetcher('/api/a')).to.equal(sharedHttpFetcher('/api/a'));
    expect(sharedHttpFetcher('/api/a')).to.not.equal(sharedHttpFetcher('/api/b'));
    expect(sharedHttpFetcher('')).to.not.equal(sharedHttpFetcher('/api/a'));
  });
});

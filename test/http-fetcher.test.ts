// The built-in fetcher over real HTTP, against the simulated DNS API that web-test-runner mounts.
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import { createHttpFetcher } from '../src/api/http-fetcher.js';
import { ImportStatusError } from '../src/api/import-status-error.js';
import { normalizeImportResponse } from '../src/api/normalize-import-task.js';
import { tagOf, UNCHANGED_BODY } from '../src/api/body-tag.js';
import { findAllIn } from './support/failure-list.js';
import { until, untilState } from './support/wait.js';
import { mount } from './support/mount.js';

const endpoint = '/api/dns';
const sim = (path: string, method = 'GET') => fetch(`/__sim/${path}`, { method }).then((r) => r.json());
const never = new AbortController().signal;

async function failureOf(promise: Promise<unknown>): Promise<ImportStatusError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ImportStatusError);
    return error as ImportStatusError;
  }
  throw new Error('expected a failure');
}

describe('createHttpFetcher over real HTTP', () => {
  beforeEach(() => sim('reset', 'POST'));

  it('GETs the documented path with Accept and the extra headers, and returns the body', async () => {
    const fetcher = createHttpFetcher({ endpoint: `${endpoint}/`, headers: async () => ({ 'X-Auth-Token': 'tok-123' }) });
    const body = await fetcher('zone-clean', { signal: never });
    const task = normalizeImportResponse(body)!;
    expect(task.status).to.equal('DONE');
    expect(task.success_count).to.equal(1200);
    const last = await sim('last-request/zone-clean');
    expect(last.url).to.equal('/api/dns/v2/zones/zone-clean/import/recordsets');
    expect(last.headers['x-auth-token']).to.equal('tok-123');
    expect(last.headers.accept).to.equal('application/json');
  });

  it('GETs the v2.1 batch-create task for that kind, and a page of its failures by offset', async () => {
    const fetcher = createHttpFetcher({ endpoint });
    const first = normalizeImportResponse(await fetcher('zone-paged', { signal: never, taskKind: 'batch-create' }))!;
    expect((await sim('last-request/zone-paged')).url).to.equal('/api/dns/v2.1/zones/zone-paged/recordsets/batch-create-task');
    expect([first.error_count, first.error_items.length, first.error_items[0]!.status]).to.deep.equal([1200, 500, 'ERROR']);
    const third = normalizeImportResponse(await fetcher('zone-paged', { signal: never, taskKind: 'batch-create', errorItemOffset: 1000 }))!;
    expect((await sim('last-request/zone-paged')).url).to.equal('/api/dns/v2.1/zones/zone-paged/recordsets/batch-create-task?error_item_offset=1000');
    expect(third.error_items).to.have.length(200);
    await failureOf(fetcher('a/../../b', { signal: never, taskKind: 'batch-create' }));
    expect((await sim(`last-request/${encodeURIComponent('a/../../b')}`)).url).to.equal('/api/dns/v2.1/zones/a%2F..%2F..%2Fb/recordsets/batch-create-task');
  });

  it('keeps a hostile zone id inside its path segment', async () => {
    const fetcher = createHttpFetcher({ endpoint });
    for (const zoneId of ['a/../../b', 'x?y=1#z', '100% sure', 'a%2Fb']) {
      await failureOf(fetcher(zoneId, { signal: never }));
      const last = await sim(`last-request/${encodeURIComponent(zoneId)}`);
      expect(last.url, zoneId).to.equal(`/api/dns/v2/zones/${encodeURIComponent(zoneId)}/import/recordsets`);
    }
  });

  it('turns 404 into an http error with the Huawei code and the request id', async () => {
    const error = await failureOf(createHttpFetcher({ endpoint })('zone-empty', { signal: never }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(404);
    expect(error.code).to.equal('DNS.0101');
    expect(error.requestId).to.match(/^[0-9a-f]{32}$/);
  });

  it('parses each flaky answer: 503 code/message, error_code/error_msg, 429 Retry-After, 403 flow control', async () => {
    const fetcher = createHttpFetcher({ endpoint });
    const first = await failureOf(fetcher('zone-flaky', { signal: never }));
    expect([first.status, first.code, first.message]).to.deep.equal([503, 'APIG.0201', 'Backend timeout.']);
    const second = await failureOf(fetcher('zone-flaky', { signal: never }));
    expect([second.status, second.code]).to.deep.equal([503, 'DNS.0021']);
    const third = await failureOf(fetcher('zone-flaky', { signal: never }));
    expect([third.status, third.code, third.retryAfter]).to.deep.equal([429, 'APIG.0308', 1]);
    const fourth = await failureOf(fetcher('zone-flaky', { signal: never }));
    expect([fourth.status, fourth.code]).to.deep.equal([403, 'DNS.0014']);
    const fifth = normalizeImportResponse(await fetcher('zone-flaky', { signal: never }))!;
    expect(fifth.status).to.equal('PENDING');
  });

  it('says clearly when a proxy answers with an HTML page', async () => {
    const error = await failureOf(createHttpFetcher({ endpoint })('zone-html', { signal: never }));
    expect(error.kind).to.equal('http');
    expect(error.status).to.equal(502);
    expect(error.message).to.contain('502');
  });

  it('rethrows an abort untouched', async () => {
    const controller = new AbortController();
    const pending = createHttpFetcher({ endpoint })('zone-slow', { signal: controller.signal });
    controller.abort();
    try {
      await pending;
      expect.fail('should reject');
    } catch (error) {
      expect(error).to.not.be.instanceOf(ImportStatusError);
      expect((error as Error).name).to.equal('AbortError');
    }
  });
});

describe('an identical answer over real HTTP (the simulated API sends an ETag)', () => {
  it('the ETag goes back as If-None-Match, and the 304 comes back as the unchanged body', async () => {
    const fetcher = createHttpFetcher({ endpoint });
    const knownTag = tagOf(await fetcher('zone-clean', { signal: never }));
    expect(knownTag).to.match(/^"/);
    expect(await fetcher('zone-clean', { signal: never, knownTag })).to.equal(UNCHANGED_BODY);
    expect((await sim('last-request/zone-clean')).headers['if-none-match']).to.equal(knownTag);
  });

  it('the element keeps its task through an identical poll and tells no one', async () => {
    const el = await mount({ zoneId: 'zone-clean', attributes: { endpoint } });
    await until(() => el.task !== undefined, 'the task');
    const task = el.task;
    let progress = 0;
    el.addEventListener('import-progress', () => progress++);
    await el.refresh();
    expect((await sim('last-request/zone-clean')).headers['if-none-match']).to.match(/^"/);
    expect(el.task).to.equal(task);
    expect(progress).to.equal(0);
  });
});

describe('<dns-import-status> on the simulated API', () => {
  beforeEach(() => sim('reset', 'POST'));

  it('renders a finished import with its failed records', async () => {
    const el = await mount({ zoneId: 'zone-huge', attributes: { endpoint } });
    await untilState(el, 'done');
    expect(el.task!.error_items).to.have.length(2500);
    // A list that appears builds its first page a few rows per frame.
    await until(() => findAllIn(el, '[part~="error-item"]').length === 100, 'the first page of failed records');
  });

  it('recovers through 503, 429 and flow control to DONE, honouring Retry-After', async () => {
    const errors: { willRetry: boolean; status: number | undefined }[] = [];
    const el = await mount({
      zoneId: 'zone-flaky',
      attributes: { endpoint, interval: 500 },
      listeners: { 'import-error': (e) => errors.push({ willRetry: e.detail.willRetry, status: e.detail.error.status }) },
    });
    // Backoff is random but bounded: at most 1 + 2 + 4 + 8 s of retries, then three 0.55 s polls.
    await untilState(el, 'done', { timeout: 19000 });
    expect(errors).to.deep.equal([
      { willRetry: true, status: 503 },
      { willRetry: true, status: 503 },
      { willRetry: true, status: 429 },
      { willRetry: true, status: 403 },
    ]);
    expect(el.task!.error_count).to.equal(3);
  }).timeout(20000);

  it('shares one request between elements on the same zone and endpoint, with no custom fetcher', async () => {
    const container = await fixture<HTMLElement>(html`<div>
      <dns-import-status endpoint=${endpoint} zone-id="zone-clean"></dns-import-status>
      <dns-import-status endpoint=${endpoint} zone-id="zone-clean"></dns-import-status>
      <dns-import-status endpoint=${endpoint} zone-id="zone-clean"></dns-import-status>
    </div>`);
    const elements = [...container.querySelectorAll('dns-import-status')];
    await until(() => elements.every((el) => el.state === 'done'), () => `every element DONE (${elements.map((el) => el.state).join(', ')})`);
    expect((await sim('stats')).requests['zone-clean']).to.equal(1);
  });

  it('shows the empty state for a zone with no import (404)', async () => {
    const el = await mount({ zoneId: 'zone-empty', attributes: { endpoint } });
    await untilState(el, 'empty');
  });

  it('stops on 401 and says so', async () => {
    let willRetry: boolean | undefined;
    const el = await mount({ zoneId: 'zone-unauthorized', attributes: { endpoint }, listeners: { 'import-error': (e) => (willRetry = e.detail.willRetry) } });
    await untilState(el, 'error');
    expect(willRetry).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part~="message"]')!.textContent).to.contain('Sign-in expired');
  });

  it('never has two requests in flight against a slow server', async () => {
    const el = await mount({ zoneId: 'zone-slow', attributes: { endpoint, interval: 500 } });
    await untilState(el, 'pending', { timeout: 6000 });
    const stats = await sim('stats');
    expect(stats.maxInFlight['zone-slow']).to.equal(1);
  }).timeout(8000);
});

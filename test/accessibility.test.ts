// axe in every visual state, with real timers (axe schedules its own work with setTimeout).
import { expect } from '@open-wc/testing';
import '../src/index.js';
import type { DnsImportStatus, DnsImportStatusState } from '../src/status/dns-import-status.js';
import { ImportStatusError } from '../src/api/import-status-error.js';
import { envelope, rawTask } from './support/documented-sample.js';
import { ScriptedFetcher } from './support/scripted-fetcher.js';
import { untilState } from './support/wait.js';
import { mount } from './support/mount.js';

async function inState(state: DnsImportStatusState, answer: (scripted: ScriptedFetcher) => void, lang = 'en'): Promise<DnsImportStatus> {
  const scripted = new ScriptedFetcher();
  const el = await mount({ fetcher: scripted, attributes: { lang } });
  answer(scripted);
  await untilState(el, state);
  return el;
}

const many = Array.from({ length: 30 }, (_, i) => ({
  name: `r${i}.example.com.`, type: i % 2 ? 'AAAA' : 'A', line: 'default_view', ttl: '300', weight: i % 3 ? undefined : '1',
  value: ['192.0.2.1', '192.0.2.2'], error_code: i % 2 ? 'DNS.0016' : 'DNS.0806', error_message: 'Failed.',
}));

/** Each visual state: the state it reaches, and how the fetcher answers to get there. */
const states: Record<string, [DnsImportStatusState, (scripted: ScriptedFetcher) => void]> = {
  loading: ['loading', () => {}],
  pending: ['pending', (s) => s.answer(envelope(rawTask({ status: 'PENDING', total_count: 100, success_count: 20, error_count: 2, error_items: many.slice(0, 2) })))],
  'done without failures': ['done', (s) => s.answer(envelope(rawTask({ total_count: 5, success_count: 5, error_count: 0, error_items: [] })))],
  'done with failures': ['done', (s) => s.answer(envelope(rawTask({ total_count: 60, success_count: 30, error_count: 30, error_items: many })))],
  empty: ['empty', (s) => s.fail(new ImportStatusError('Not found', { kind: 'http', status: 404 }))],
  error: ['error', (s) => s.fail(new ImportStatusError('Insufficient permissions.', { kind: 'http', status: 403, code: 'DNS.0030', requestId: 'r-1' }))],
};

describe('accessibility', function () {
  // axe's own work (contrast of every text node) is CPU-bound: in WebKit on a busy machine it
  // takes more than mocha's 10 s. The waits before it are until()s with their own deadlines.
  this.timeout(30_000);

  it('has no axe violations without a zone id', async () => {
    const el = await mount({ zoneId: null });
    await expect(el).to.be.accessible();
  });

  for (const lang of ['en', 'zh-CN']) {
    for (const [name, [state, answer]] of Object.entries(states)) {
      it(`has no axe violations: ${name} (${lang})`, async () => {
        const el = await inState(state, answer, lang);
        await expect(el).to.be.accessible();
      });
    }
  }
});

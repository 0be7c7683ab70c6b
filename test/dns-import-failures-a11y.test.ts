// axe on the failed-record list in each of its states, alone and inside the status element,
// with real timers (axe schedules its own work with setTimeout).
import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { normalizeImportResponse } from '../src/api/normalize-import-task.js';
import type { DnsImportFailures } from '../src/failures/dns-import-failures.js';
import { envelope, rawTask } from './support/documented-sample.js';
import { mountAnswered } from './support/mount.js';

const codes = ['DNS.0806', 'DNS.0016', 'DNS.0308', 'DNS.0403', ''];
const items = Array.from({ length: 260 }, (_, i) => ({
  name: i % 7 ? `r${i}.example.com.` : `测试${i}.example.com.`,
  type: ['A', 'AAAA', 'CNAME'][i % 3],
  line: 'default_view',
  ttl: 300,
  weight: i % 4 ? undefined : 1,
  value: i % 5 ? [`192.0.2.${i % 250}`] : ['192.0.2.1', '192.0.2.2'],
  error_code: codes[i % codes.length],
  error_message: 'Failed.',
}));

const body = () => envelope(rawTask({ total_count: 400, success_count: 140, error_count: items.length, error_items: items }));

/** The list alone, as a console would show records it got elsewhere. */
async function populated(lang: string): Promise<DnsImportFailures> {
  const records = normalizeImportResponse(body())!.error_items;
  return fixture<DnsImportFailures>(html`<dns-import-failures lang=${lang} zone-id="zone-a11y-fv" .items=${records}></dns-import-failures>`);
}

async function populatedStatus(lang: string): Promise<DnsImportStatus> {
  const { el } = await mountAnswered(body(), { zoneId: 'zone-a11y-fv', attributes: { lang } });
  return el;
}

async function act(el: DnsImportFailures, action: (root: ShadowRoot) => void): Promise<void> {
  action(el.shadowRoot!);
  await el.updateComplete;
}

describe('failed-record list accessibility', function () {
  // axe's own work (contrast of every text node) is CPU-bound: in WebKit on a busy machine it
  // takes more than mocha's 10 s. The waits before it are until()s with their own deadlines.
  this.timeout(30_000);

  for (const lang of ['en', 'zh-CN']) {
    it(`has no axe violations when populated, alone and inside the status element (${lang})`, async () => {
      await expect(await populated(lang)).to.be.accessible();
      await expect(await populatedStatus(lang)).to.be.accessible();
    });

    it(`has no axe violations when filtered by cause, type and text (${lang})`, async () => {
      const el = await populated(lang);
      await act(el, (root) => root.querySelector<HTMLButtonElement>('button.group')!.click());
      await act(el, (root) => {
        const select = root.getElementById('failure-type') as HTMLSelectElement;
        select.value = 'AAAA';
        select.dispatchEvent(new Event('change'));
      });
      await act(el, (root) => {
        const input = root.getElementById('failure-search') as HTMLInputElement;
        input.value = 'r1';
        input.dispatchEvent(new InputEvent('input'));
      });
      expect(el.shadowRoot!.querySelector('button.group[aria-pressed="true"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it(`has no axe violations on page 2 and on the last page (${lang})`, async () => {
      const el = await populated(lang);
      await act(el, (root) => root.querySelector<HTMLButtonElement>('.pager [data-page="next"]')!.click());
      expect(el.shadowRoot!.querySelector('.pager .range')!.textContent).to.match(/101–200/);
      await expect(el).to.be.accessible();
      await act(el, (root) => root.querySelector<HTMLButtonElement>('.pager [data-page="last"]')!.click());
      await expect(el).to.be.accessible();
    });

    it(`has no axe violations when nothing matches (${lang})`, async () => {
      const el = await populated(lang);
      await act(el, (root) => {
        const input = root.getElementById('failure-search') as HTMLInputElement;
        input.value = 'no such record';
        input.dispatchEvent(new InputEvent('input'));
      });
      expect(el.shadowRoot!.querySelector('.no-match')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('makes every control focusable, in reading order', async () => {
    const el = await populated('en');
    const root = el.shadowRoot!;
    const focusable = [...root.querySelectorAll<HTMLElement>('button, input, select, [tabindex="0"]')].filter(
      (node) => !(node as HTMLButtonElement).disabled && node.tabIndex >= 0,
    );
    const names = focusable.map((node) => node.className || node.id || node.getAttribute('part') || node.dataset['page']);
    expect(names).to.deep.equal([
      'group', 'group', 'group', 'group', 'group',
      'failure-search', 'failure-type', 'failure-sort', 'download', 'error-list', 'next', 'last',
    ]);
  });
});

// The demo and the API page on a phone: no sideways scroll of the page at 320, 360, 390 and
// 412 px, with the element in either language, and no axe violation at 320 px.
//
// Each page is loaded once in an iframe, which is then resized to each width: the frame is the
// page's viewport, so its media queries see the phone's width (a desktop engine ignores the
// viewport tag, which on a phone makes the layout viewport the screen's width). Phones draw
// their scrollbars over the page, so the frames do too (`scrollbar-width: none`): the page gets
// the whole width. `npm run bench -- page-width` measures the same pages in Chromium's mobile
// emulation.
import { expect } from '@open-wc/testing';
import type { DnsImportStatus } from '../src/status/dns-import-status.js';
import { until } from './support/wait.js';

const PHONE_WIDTHS = [320, 360, 390, 412];

/** Loads a page of the demo in a frame and waits until `ready` holds in it. */
async function openPage(path: string, ready: (page: Document) => boolean): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = path;
  frame.style.cssText = `width: ${PHONE_WIDTHS[0]}px; height: 640px; border: 0; display: block`;
  frame.src = path;
  document.body.append(frame);
  await until(() => frame.contentDocument?.readyState === 'complete' && ready(frame.contentDocument), `${path} rendered`, { timeout: 20_000 });
  const page = frame.contentDocument!;
  page.documentElement.style.setProperty('scrollbar-width', 'none');
  await page.fonts.ready;
  return frame;
}

/** Resizes the frame's viewport to `width`: layout follows synchronously. */
async function resize(frame: HTMLIFrameElement, width: number): Promise<Document> {
  frame.style.width = `${width}px`;
  const page = frame.contentDocument!;
  await until(() => page.documentElement.clientWidth === width, `a viewport ${width} px wide`);
  return page;
}

const describeNode = (node: Element) => `${node.localName}${node.id ? `#${node.id}` : ''}${[...node.classList].map((c) => `.${c}`).join('')}`;

/** The elements reaching past the viewport's right edge whose parent does not: where to look. */
function stickingOut(page: Document): string[] {
  const right = page.documentElement.clientWidth + 0.5;
  const beyond = (node: Element | null) => node !== null && node.getBoundingClientRect().right > right;
  return [...page.body.querySelectorAll('*')]
    .filter((node) => beyond(node) && !beyond(node.parentElement))
    .map((node) => `${describeNode(node)} (right edge at ${Math.round(node.getBoundingClientRect().right)} px)`);
}

function expectNoSidewaysScroll(page: Document, what: string): void {
  const { scrollWidth, clientWidth } = page.documentElement;
  expect(scrollWidth, `${what}: the page is ${scrollWidth} px wide in ${clientWidth} px; sticking out: ${stickingOut(page).join(', ')}`).to.be.at.most(clientWidth);
}

/** axe-core, run inside the page (its own window and document), as Lighthouse runs it. */
async function axeViolations(frame: HTMLIFrameElement): Promise<string[]> {
  const page = frame.contentDocument!;
  const win = frame.contentWindow as Window & { axe?: { run(context: Document): Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } };
  if (!win.axe) {
    const script = page.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    page.head.append(script);
    await until(() => win.axe, 'axe-core loaded in the page');
  }
  const { violations } = await win.axe!.run(page);
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
}

const status = (page: Document) => page.querySelector<DnsImportStatus>('dns-import-status');

/** The demo with the element in `state`. */
const demoIn = (state: string) => (page: Document) => status(page)?.state === state;

/** Switches the demo's element to a language through the page's own switch, and waits until it speaks it. */
async function showLanguage(page: Document, lang: 'en' | 'zh-CN'): Promise<void> {
  page.querySelector<HTMLButtonElement>(`button[data-lang="${lang}"]`)!.click();
  const chinese = /[\u4e00-\u9fff]/;
  await until(() => chinese.test(status(page)!.shadowRoot!.textContent!) === (lang === 'zh-CN'), `the element in ${lang}`);
}

describe('the demo and the API page on a phone', function () {
  // Loading a page compiles its modules, and axe checks the contrast of every text node: slow
  // in WebKit on a busy machine. The waits inside have their own deadlines.
  this.timeout(60_000);

  describe('the demo, done with failures (the failed-record list and the event log)', () => {
    let frame: HTMLIFrameElement;
    before(async () => {
      // Done, and its events written in the log.
      frame = await openPage('/demo/?zone=zone-total-failure', (page) => demoIn('done')(page) && page.querySelector('#log li') !== null);
      // The field for your own zone, there when the dev server signs requests for a real account.
      frame.contentDocument!.getElementById('own-zone')!.hidden = false;
    });
    after(() => frame?.remove());

    for (const lang of ['en', 'zh-CN'] as const) {
      for (const width of PHONE_WIDTHS) {
        it(`does not scroll sideways at ${width} px (${lang})`, async () => {
          await showLanguage(frame.contentDocument!, lang);
          expectNoSidewaysScroll(await resize(frame, width), `demo at ${width} px (${lang})`);
        });
      }
    }

    it('shows every scenario button whole at 320 px: they wrap, none is cut', async () => {
      const page = await resize(frame, 320);
      const buttons = [...page.querySelectorAll('#zones button')];
      expect(buttons).to.have.length.above(10);
      const box = page.getElementById('zones')!.getBoundingClientRect();
      for (const button of buttons) {
        const rect = button.getBoundingClientRect();
        expect(rect.left, button.textContent!).to.be.at.least(box.left - 0.5);
        expect(rect.right, button.textContent!).to.be.at.most(box.right + 0.5);
        expect(button.scrollWidth, `${button.textContent!} fits its button`).to.be.at.most(button.clientWidth);
      }
      expect(new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top))).size, 'the buttons wrap onto several lines').to.be.above(3);
    });

    for (const lang of ['en', 'zh-CN'] as const) {
      it(`has no axe violations at 320 px (${lang})`, async () => {
        await showLanguage(frame.contentDocument!, lang);
        await resize(frame, 320);
        expect(await axeViolations(frame)).to.deep.equal([]);
      });
    }
  });

  describe("the demo with no import (the host's content in the empty slot)", () => {
    let frame: HTMLIFrameElement;
    before(async () => {
      frame = await openPage('/demo/?zone=zone-empty-data', demoIn('empty'));
    });
    after(() => frame?.remove());

    for (const width of PHONE_WIDTHS) {
      it(`does not scroll sideways at ${width} px`, async () => {
        expectNoSidewaysScroll(await resize(frame, width), `demo (empty) at ${width} px`);
      });
    }
  });

  describe('the API page', () => {
    let frame: HTMLIFrameElement;
    before(async () => {
      frame = await openPage('/demo/api.html', (page) => page.getElementById('api')?.getAttribute('aria-busy') === 'false');
    });
    after(() => frame?.remove());

    for (const width of PHONE_WIDTHS) {
      it(`does not scroll sideways at ${width} px`, async () => {
        expectNoSidewaysScroll(await resize(frame, width), `API page at ${width} px`);
      });
    }

    it('has no axe violations at 320 px', async () => {
      await resize(frame, 320);
      expect(await axeViolations(frame)).to.deep.equal([]);
    });
  });
});

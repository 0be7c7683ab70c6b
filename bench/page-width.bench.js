// Page-width benchmark (`npm run bench -- page-width`): how wide the demo and the API page lay out
// on a phone. Each page is opened in Chromium emulating a phone (mobile viewport with the page's
// own viewport tag, touch) at the common narrow widths, and the table shows the page's width
// (document scrollWidth) where it is wider than the screen, with the widest elements that stick
// out. test/page-width.test.ts holds the same pages to no sideways scroll in every engine.
import { launchChromium } from '../scripts/lib/chromium.js';
import { openPage, startBenchServer } from '../scripts/lib/harness.js';
import { printTable } from './support.js';

export const PHONE_WIDTHS = [320, 360, 390, 412];

/** [label, path, what to do once it has rendered]. */
const PAGES = [
  ['`demo/` (English)', '/demo/', async () => {}],
  ['`demo/` (中文)', '/demo/', (page) => page.click('button[data-lang="zh-CN"]')],
  // The field for your own zone is there when the dev server signs requests for a real account.
  ['`demo/` (own-zone field)', '/demo/', (page) => page.evaluate(() => document.getElementById('own-zone')?.removeAttribute('hidden'))],
  ['`demo/?zone=zone-huge` (failed records)', '/demo/?zone=zone-huge', async () => {}],
  ['`demo/api.html`', '/demo/api.html', async () => {}],
];

/** Rendered: the element past loading, or the API page filled from the manifest. */
function rendered() {
  const status = document.querySelector('dns-import-status');
  if (status) return !['idle', 'loading'].includes(status.getAttribute('state') ?? 'idle');
  return document.getElementById('api')?.getAttribute('aria-busy') === 'false';
}

/** The page's width, and the outermost elements reaching past the screen's right edge. */
function measure() {
  const root = document.documentElement;
  const screen = root.clientWidth;
  const describe = (node) => `${node.localName}${node.id ? `#${node.id}` : ''}${node.classList.length ? `.${[...node.classList].join('.')}` : ''}`;
  const offenders = [...document.body.querySelectorAll('*')]
    .filter((node) => node.getBoundingClientRect().right > screen + 0.5)
    .filter((node) => !(node.parentElement && node.parentElement.getBoundingClientRect().right > screen + 0.5))
    .map((node) => `${describe(node)} ${Math.round(node.getBoundingClientRect().right)}`);
  return { screen, page: root.scrollWidth, offenders: offenders.slice(0, 3) };
}

export async function run() {
  const server = await startBenchServer();
  const browser = await launchChromium();
  const rows = [];
  try {
    for (const [label, path, prepare] of PAGES) {
      const row = { page: label };
      const culprits = new Set();
      for (const width of PHONE_WIDTHS) {
        const context = await browser.newContext({ viewport: { width, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
        try {
          // openPage takes anything with newPage(): a mobile context here.
          const page = await openPage(context, `${server.url}${path}`, rendered);
          await prepare(page);
          await page.evaluate(() => document.fonts.ready);
          const { screen, page: pageWidth, offenders } = await page.evaluate(measure);
          const wide = pageWidth > screen;
          row[`${width} px`] = wide ? `page ${pageWidth} px wide` : 'fits';
          // What reaches past the edge but is clipped (a visually hidden heading row) is no culprit.
          if (wide) for (const offender of offenders) culprits.add(offender.replace(/ \d+$/, ''));
        } finally {
          await context.close();
        }
      }
      row['sticking out'] = [...culprits].join(', ') || 'nothing';
      rows.push(row);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  printTable('Page width on a phone (Chromium, mobile emulation, the page\'s viewport tag)', rows);
}

// `npm run screenshots`: every state of the element in light and dark, English and Chinese,
// rendered in headless Chromium from demo/gallery.html, written to docs/screenshots/. The
// failures and pending states are also shot at 360 and 480 px wide (the element's own width,
// set by the gallery's `width` parameter): `failures-light-en-360.png`. And the demo page itself
// on a 360 px phone (mobile emulation, the page's viewport tag), its top 2,400 px:
// `demo-phone-360.png` (`node scripts/screenshots.js demo-phone` shoots only that).
// Chinese needs a CJK font: on Debian/Ubuntu as root this installs fonts-wqy-microhei.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { launchChromium } from './lib/chromium.js';
import { openPage, startBenchServer } from './lib/harness.js';

function ensureCjkFont() {
  const has = () => {
    try {
      return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim() !== '';
    } catch {
      return false;
    }
  };
  if (has()) return;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('Installing a CJK font (fonts-wqy-microhei) for the Chinese screenshots…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'fonts-wqy-microhei'], { stdio: 'inherit', env });
  } else {
    console.warn('No CJK font found: Chinese text will show as boxes. Install fonts-noto-cjk or fonts-wqy-microhei.');
  }
}

const allStates = ['config', 'loading', 'pending', 'estimate', 'stalled', 'done', 'failures', 'nothing-imported', 'empty', 'error', 'retrying'];
// `node scripts/screenshots.js estimate stalled` renders only those states.
const states = process.argv.length > 2 ? allStates.filter((state) => process.argv.includes(state)) : allStates;
const demoOnPhone = process.argv.length <= 2 || process.argv.includes('demo-phone');
/** Narrow containers (a phone, a drawer): the states whose layout changes most. */
const narrowStates = ['pending', 'failures'].filter((state) => states.includes(state));
const narrowWidths = [360, 480];
const outDir = 'docs/screenshots';

/** Every shot: [state, width or undefined for the gallery's default, file suffix]. */
const shots = [
  ...states.map((state) => [state, undefined, '']),
  ...narrowStates.flatMap((state) => narrowWidths.map((width) => [state, width, `-${width}`])),
];

ensureCjkFont();
mkdirSync(outDir, { recursive: true });
const server = await startBenchServer();
const browser = await launchChromium();
try {
  for (const lang of ['en', 'zh-CN']) {
    for (const scheme of ['light', 'dark']) {
      for (const [state, width, suffix] of shots) {
        const query = `state=${state}&lang=${lang}${width ? `&width=${width}` : ''}`;
        const page = await openPage(browser, `${server.url}/demo/gallery.html?${query}`);
        await page.setViewportSize({ width: 920, height: 900 });
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        const element = page.locator('dns-import-status');
        await page.waitForFunction(
          (s) => {
            const el = document.querySelector('dns-import-status');
            if (s === 'estimate') return el?.shadowRoot?.querySelector('[part~="estimate"]');
            if (s === 'stalled') return el?.hasAttribute('stalled');
            return el && (s === 'loading' || el.getAttribute('state') !== 'loading');
          },
          state,
        );
        await page.evaluate(() => document.fonts.ready);
        const file = `${outDir}/${state}-${scheme}-${lang === 'en' ? 'en' : 'zh'}${suffix}.png`;
        await element.screenshot({ path: file, animations: 'disabled' });
        await page.close();
        console.log(`wrote ${file}`);
      }
    }
  }
  if (demoOnPhone) {
    // The scenario that shows most: the controls, a finished import's failed records, the event log.
    const phone = await browser.newContext({ viewport: { width: 360, height: 780 }, isMobile: true, hasTouch: true, colorScheme: 'light', reducedMotion: 'reduce' });
    // openPage takes anything with newPage(): a phone context here.
    const page = await openPage(phone, `${server.url}/demo/?zone=zone-total-failure`, () => document.querySelector('dns-import-status')?.getAttribute('state') === 'done' && document.querySelector('#log li'));
    await page.evaluate(() => document.fonts.ready);
    const file = `${outDir}/demo-phone-360.png`;
    await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 360, height: 2400 }, animations: 'disabled' });
    await phone.close();
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}

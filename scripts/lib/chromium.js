// The one place that finds and launches Chromium, with one set of flags, for everything that
// drives it: web-test-runner (web-test-runner.config.js, through chromiumLaunchOptions()), the
// benchmarks (bench/), the screenshots (scripts/screenshots.js) and the end-to-end and package
// tests (test/e2e, test/package), through launchChromium() (playwright-core); Lighthouse
// (scripts/lighthouse.js) passes CHROMIUM_ARGS to the Chrome it starts itself.
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** Debian's package puts Chromium at /usr/bin/chromium; CHROME_PATH overrides. */
export function findChromium() {
  const found = [process.env.CHROME_PATH, ...CANDIDATES].find((path) => path && existsSync(path));
  if (!found) {
    throw new Error(
      'No Chromium found. Run `npm test` (it installs Debian\'s chromium when it can), or install it: ' +
        '`sudo apt-get install chromium` (Debian/Ubuntu), or set CHROME_PATH to a Chrome/Chromium binary.',
    );
  }
  return found;
}

export const CHROMIUM_ARGS = [
  // As root (CI containers) Chromium refuses to start without it.
  '--no-sandbox',
  // Headless machines have no GPU, and often a small /dev/shm.
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // No traffic or work of the browser's own during a run.
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // A heap that can be collected on demand, and exact performance.memory figures: the
  // benchmarks read the heap; nothing else notices them.
  '--js-flags=--expose-gc',
  '--enable-precise-memory-info',
];

/** What a launcher needs: the binary and the flags (web-test-runner's chromeLauncher takes these). */
export function chromiumLaunchOptions() {
  return { executablePath: findChromium(), args: CHROMIUM_ARGS };
}

/**
 * Headless Chromium through playwright-core (its locators pierce shadow roots). Imported here,
 * not at the top: `.ci/run` installs the browsers (scripts/ensure.js, which uses
 * findChromium) before `npm ci` has installed playwright-core.
 */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch(chromiumLaunchOptions());
}

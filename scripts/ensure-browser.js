// Makes sure a headless Chromium is there before the browser tests run. On a fresh
// Debian/Ubuntu machine where we are root, it installs Debian's `chromium` (about 15 s);
// anywhere else it says exactly what to install, instead of failing obscurely later.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.js';

function tryFind() {
  try {
    return findChromium();
  } catch {
    return undefined;
  }
}

let chromium = tryFind();
if (!chromium) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env });
    chromium = tryFind();
  }
}
if (!chromium) {
  console.error(
    'The browser tests need Chromium and none was found.\n' +
      '  Debian/Ubuntu: sudo apt-get install chromium   (then run npm test again)\n' +
      '  Elsewhere: install Chrome or Chromium and set CHROME_PATH=/path/to/chrome',
  );
  process.exit(1);
}
console.log(`Browser for tests: ${chromium}`);

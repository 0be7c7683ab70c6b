// Makes sure the browser engines the tests need are installed, before they run: those named on
// the command line, else in BROWSERS, else Chromium alone (what `npm test` runs in; `.ci/run` and
// `npm run test:all` ask for all three), and redis-server, which the proxy's Redis tests start.
// On a Debian/Ubuntu machine where we are root it installs the missing Debian packages, about
// 15 s for Chromium (docs/architecture.md, "Machines"); anywhere else it says exactly what to
// install, instead of failing obscurely later.
//
//   node scripts/ensure.js [all | chromium firefox webkit …]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './lib/chromium.js';
import { findFirefox, findMiniBrowser, selectedEngines } from './lib/engines.js';

const PACKAGES = {
  chromium: ['chromium'],
  firefox: ['firefox-esr'],
  webkit: ['webkit2gtk-driver', 'xvfb', 'xauth'],
};

const present = {
  chromium: () => Boolean(tryFind(findChromium)),
  firefox: () => Boolean(tryFind(findFirefox)),
  webkit: () => Boolean(tryFind(findMiniBrowser)) && ['/usr/bin/WebKitWebDriver', '/usr/bin/xvfb-run', '/usr/bin/xauth'].every(existsSync),
};

function hasRedisServer() {
  try {
    execFileSync(process.env.REDIS_SERVER_PATH || 'redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function tryFind(find) {
  try {
    return find();
  } catch {
    return undefined;
  }
}

const engines = selectedEngines(process.argv.slice(2).join(',') || process.env.BROWSERS);
const missing = engines.filter((engine) => !present[engine]());
const redisMissing = !hasRedisServer();
if (missing.length > 0 || redisMissing) {
  const packages = [...missing.flatMap((engine) => PACKAGES[engine]), ...(redisMissing ? ['redis-server'] : [])];
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log(`Installing ${packages.join(' ')} with apt-get (for ${[...missing, ...(redisMissing ? ['the proxy\'s Redis tests'] : [])].join(', ')})…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  }
  const still = engines.filter((engine) => !present[engine]());
  if (still.length > 0) {
    console.error(
      `Missing browser engine(s): ${still.join(', ')}.\n` +
        `  Debian/Ubuntu: sudo apt-get install --no-install-recommends ${still.flatMap((e) => PACKAGES[e]).join(' ')}\n` +
        '  Elsewhere: set CHROME_PATH, FIREFOX_PATH or MINIBROWSER_PATH (WebKitGTK MiniBrowser, with WebKitWebDriver and xvfb-run on PATH).',
    );
    process.exit(1);
  }
  if (!hasRedisServer()) {
    console.error('Missing redis-server (the proxy\'s Redis tests).\n  Debian/Ubuntu: sudo apt-get install redis-server\n  Elsewhere: install Redis 6 or later, or set REDIS_SERVER_PATH.');
    process.exit(1);
  }
}
console.log(`Browser engines ready: ${engines.join(', ')}; redis-server ready`);

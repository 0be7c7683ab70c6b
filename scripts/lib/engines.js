// The three browser engines the suite runs in, all from Debian packages (see
// docs/architecture.md, "Machines"): Chromium and Firefox ESR through puppeteer-core (Chrome DevTools
// Protocol, WebDriver BiDi), WebKitGTK's MiniBrowser through WebKitWebDriver (classic WebDriver).
//
// BROWSERS selects them: unset or `chromium` (the default), `firefox`, `webkit`, a comma list,
// or `all`. Chromium itself is found and launched by scripts/lib/chromium.js.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export const ALL_ENGINES = ['chromium', 'firefox', 'webkit'];

export const DEFAULT_WEBKIT_DRIVER_PORT = 4445;

/** The engines named by `value` (default: the BROWSERS environment variable), in a stable order. */
export function selectedEngines(value = process.env.BROWSERS) {
  const names = (value ?? '')
    .split(/[\s,]+/)
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.length === 0) return ['chromium'];
  if (names.includes('all')) return [...ALL_ENGINES];
  const aliases = { chrome: 'chromium', gecko: 'firefox', 'firefox-esr': 'firefox', minibrowser: 'webkit', safari: 'webkit' };
  const engines = names.map((name) => aliases[name] ?? name);
  const unknown = engines.filter((name) => !ALL_ENGINES.includes(name));
  if (unknown.length > 0) throw new Error(`Unknown engine(s) in BROWSERS: ${unknown.join(', ')}. Use ${ALL_ENGINES.join(', ')} or all.`);
  return ALL_ENGINES.filter((name) => engines.includes(name));
}

export function findFirefox() {
  const found = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find((path) => path && existsSync(path));
  if (!found) throw new Error('No Firefox found: run `node scripts/ensure.js firefox` (as root on Debian/Ubuntu) or set FIREFOX_PATH.');
  return found;
}

const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];

export function findMiniBrowser() {
  const found = [process.env.MINIBROWSER_PATH, ...MINIBROWSER_CANDIDATES].find((path) => path && existsSync(path));
  if (!found) throw new Error('No WebKitGTK MiniBrowser found: run `node scripts/ensure.js webkit` (as root on Debian/Ubuntu) or set MINIBROWSER_PATH.');
  return found;
}

/** The WebDriver capabilities that drive MiniBrowser (docs/architecture.md, "Machines"). */
export function webkitCapabilities() {
  return {
    browserName: 'MiniBrowser',
    'wdio:enforceWebDriverClassic': true,
    'webkitgtk:browserOptions': { binary: findMiniBrowser(), args: ['--automation'] },
  };
}

async function driverIsUp(port) {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** `preferred` when nothing listens there, else a free port the system picks. */
function freePort(preferred) {
  const tryListen = (port) =>
    new Promise((resolve) => {
      const server = createNetServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return tryListen(preferred).then((port) => port ?? tryListen(0));
}

/**
 * Starts WebKitWebDriver (scripts/webkit-driver.js: under xvfb-run, in its own process group)
 * on port 4445, or on a free port when another run holds 4445, and waits until it answers.
 * The driver stops with `stop()`, and by itself when this process ends in any way (its stdin
 * is a pipe from us). WEBKIT_DRIVER_PORT pins the port; a driver already answering on a pinned
 * port is used and left running (MiniBrowser allows one session at a time).
 */
export async function startWebKitDriver({ timeoutMs = 20_000 } = {}) {
  const pinned = process.env.WEBKIT_DRIVER_PORT ? Number(process.env.WEBKIT_DRIVER_PORT) : undefined;
  if (pinned && (await driverIsUp(pinned))) return { port: pinned, stop() {} };
  for (const tool of ['/usr/bin/WebKitWebDriver', '/usr/bin/xvfb-run']) {
    if (!existsSync(tool)) throw new Error(`${tool} is missing: run \`node scripts/ensure.js webkit\` (as root on Debian/Ubuntu).`);
  }
  const port = pinned ?? (await freePort(DEFAULT_WEBKIT_DRIVER_PORT));
  const script = fileURLToPath(new URL('../webkit-driver.js', import.meta.url));
  // The driver's output goes to a file, not a pipe: nobody would drain a pipe once we are
  // running tests, and a writer on a full or closed pipe blocks or dies.
  const log = join(mkdtempSync(join(tmpdir(), 'webkit-driver-')), 'driver.log');
  const out = openSync(log, 'w');
  const child = spawn(process.execPath, [script, String(port)], { detached: true, stdio: ['pipe', out, out] });
  closeSync(out);
  let exited = false;
  child.once('exit', () => (exited = true));
  const stop = () => {
    if (!exited) child.kill('SIGTERM');
    rmSync(dirname(log), { recursive: true, force: true });
  };
  const deadline = Date.now() + timeoutMs;
  while (!(await driverIsUp(port))) {
    if (exited || Date.now() > deadline) {
      stop();
      throw new Error(`WebKitWebDriver did not start on port ${port}. Its output (${log}):\n${readFileSync(log, 'utf8').slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.unref();
  child.stdin.unref?.();
  return { port, stop };
}


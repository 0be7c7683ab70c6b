// Runs WebKitWebDriver under `xvfb-run -a` (MiniBrowser needs a display) and ends the whole
// process group (xvfb-run, Xvfb, the driver, MiniBrowser and its helpers) when told to stop:
// on SIGTERM/SIGINT/SIGHUP, or when its stdin closes, which happens when the process that
// started it dies for whatever reason (even SIGKILL). Nothing outlives the test run.
//
//   node scripts/webkit-driver.js [port]      (default 4445; Ctrl-C stops it)
import { spawn } from 'node:child_process';
import { fstatSync } from 'node:fs';

const port = Number(process.argv[2] ?? 4445);
const env = { ...process.env };
// MiniBrowser inherits this environment. A POSIX locale (LANG=C.UTF-8, usual in containers)
// makes WebKit's default locale en-US-POSIX, whose collation sorts "Z" before "a"; Chromium
// and Firefox say en-US there. Give WebKit the same default unless a real locale is set.
if (!/^[a-z]{2,3}_/i.test(env.LC_ALL || env.LANG || '')) {
  env.LANG = 'en_US.UTF-8';
  delete env.LC_ALL;
}

const driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`], {
  detached: true,
  stdio: ['ignore', 'inherit', 'inherit'],
  env,
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  const signalGroup = (signal) => {
    try {
      process.kill(-driver.pid, signal);
    } catch {
      // the group is gone
    }
  };
  signalGroup('SIGTERM');
  setTimeout(() => {
    signalGroup('SIGKILL');
    process.exit(0);
  }, 2000).unref();
}

driver.once('exit', (code, signal) => {
  if (!stopping) console.error(`WebKitWebDriver exited (${code ?? signal}).`);
  stopping = true;
  // Xvfb and MiniBrowser may outlive xvfb-run: end the rest of the group too.
  try {
    process.kill(-driver.pid, 'SIGKILL');
  } catch {
    // already gone
  }
  process.exit(code ?? 0);
});
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.once(signal, stop);
// Only a pipe from a parent process ties our life to it (not a terminal, not /dev/null).
const stdin = fstatSync(0);
if (stdin.isFIFO() || stdin.isSocket()) {
  process.stdin.on('end', stop).on('close', stop).on('error', stop);
  process.stdin.resume();
}

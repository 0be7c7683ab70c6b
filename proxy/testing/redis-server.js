// @ts-check
// A real `redis-server` (Debian's package) for the proxy's scale-out tests and bench: started on a
// free port of 127.0.0.1 with persistence off, ready once the port answers PING, stopped by its
// own pid. `stop()` then `start()` again on the same port is Redis going away and coming back.
// Without redis-server this fails, saying what to install: a test that needs Redis never skips.

import { spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';

/** @returns {string} */
export function findRedisServer() {
  const candidates = [process.env['REDIS_SERVER_PATH'], 'redis-server', '/usr/bin/redis-server'].filter((path) => path !== undefined && path !== '');
  const found = candidates.find((path) => spawnSync(/** @type {string} */ (path), ['--version'], { stdio: 'ignore' }).status === 0);
  if (found === undefined) {
    throw new Error(
      'The proxy\'s Redis tests need a real redis-server and none was found.\n' +
        '  Debian/Ubuntu: `node scripts/ensure.js` as root (or `apt-get install redis-server`), then run the tests again.\n' +
        '  Elsewhere: install Redis 6 or later, or set REDIS_SERVER_PATH.',
    );
  }
  return found;
}

/** @returns {Promise<number>} a port nobody listens on right now */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/** Whether a PING on `port` gets an answer from Redis (PONG, or NOAUTH when it wants a password). @param {number} port @returns {Promise<boolean>} */
function pong(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\r\n')) done(text.startsWith('+PONG') || text.startsWith('-NOAUTH'));
    });
  });
}

/**
 * @param {{ password?: string }} [options]  a password Redis asks for (it is then in `url`)
 * @returns {Promise<{ url: string, port: number, pid(): number | undefined, stop(): Promise<void>, start(): Promise<void> }>}
 */
export async function startRedisServer({ password } = {}) {
  const binary = findRedisServer();
  const port = await freePort();
  /** @type {import('node:child_process').ChildProcess | undefined} */
  let child;
  let output = '';

  async function start() {
    output = '';
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...(password === undefined ? [] : ['--requirepass', password])];
    const started = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    started.stdout?.on('data', (chunk) => (output += chunk));
    started.stderr?.on('data', (chunk) => (output += chunk));
    child = started;
    // Never left behind, even when a test file ends without stopping it.
    const orphanGuard = () => started.kill('SIGKILL');
    process.once('exit', orphanGuard);
    started.once('exit', () => process.removeListener('exit', orphanGuard));
    const deadline = Date.now() + 15_000;
    while (!(await pong(port))) {
      if (started.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function stop() {
    const running = child;
    child = undefined;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  await start();
  return {
    url: `redis://${password === undefined ? '' : `:${encodeURIComponent(password)}@`}127.0.0.1:${port}`,
    port,
    pid: () => child?.pid,
    stop,
    start,
  };
}

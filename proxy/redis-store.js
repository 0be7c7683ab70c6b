// @ts-check
// The store that instances of the proxy share through Redis (node-redis, an optional peer loaded
// only when `redisUrl` is set): the answers each one fetched, and a lock per resource with an
// expiry, so that one request per resource goes to Huawei across all of them and a crashed holder
// never blocks the rest for longer than the lock lives.
//
// Redis is an optimisation that may vanish, never a dependency: every call answers within
// `commandTimeoutMs`, and any failure (refused, dropped, hung, a reply of the wrong shape) makes
// it answer `unavailable`, log one line, and stay out of the way for `retryDelayMs` before it
// tries again; the first call that works logs that the instances share again. The log names Redis
// by protocol, host, port and database only: never a password of the URL.

import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

/**
 * @typedef {{ kind: 'hit', value: string, leftMs: number } | { kind: 'locked' } | { kind: 'held' } | { kind: 'garbage' } | { kind: 'unavailable' }} Claim
 *   hit: an answer is stored (still to be validated); locked: the lock is now yours;
 *   held: another instance holds it; garbage: something not an answer sits under the name
 */

// The answer if one is stored; else the lock if it is free. Atomic, so an answer stored between
// a look and a lock can never send a second request upstream.
const CLAIM = `
local kind = redis.call('TYPE', KEYS[1])['ok']
if kind == 'string' then return {'hit', redis.call('GET', KEYS[1]), redis.call('PTTL', KEYS[1])} end
if kind ~= 'none' then return {'garbage'} end
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {'locked'} end
return {'held'}`;

// Takes the lock if it is free, and then clears what sits under the answer's name (garbage, or a
// hand-off too old to serve): whoever comes next waits for this holder's answer, not that one.
const LOCK = `
if redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then redis.call('DEL', KEYS[1]) return 1 end
return 0`;

// Stores the answer (when there is one to keep), then frees the lock only if it is still ours:
// a holder slower than its lock must not free the lock of the instance that took over.
const PUBLISH = `
if ARGV[2] ~= '' then redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end
if redis.call('GET', KEYS[2]) == ARGV[1] then redis.call('DEL', KEYS[2]) end
return 1`;

const UNAVAILABLE = /** @type {const} */ ({ kind: 'unavailable' });

/** @returns {{ createClient: (options: object) => any }} */
function loadRedis() {
  try {
    return createRequire(import.meta.url)('redis');
  } catch {
    throw new Error('huaweiDnsProxy: redisUrl needs the official Redis client: run `npm install redis` (an optional peer dependency).');
  }
}

/** `redis://host:port/db`, without user or password. @param {URL} url */
export function describeRedisUrl(url) {
  return `${url.protocol}//${url.host}${url.pathname.length > 1 ? url.pathname : ''}`;
}

/** @param {unknown} url @returns {URL} */
export function parseRedisUrl(url) {
  /** @type {URL | undefined} */
  let parsed;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  // The URL itself is never quoted: it may hold a password.
  if (parsed === undefined || (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:')) throw new Error('huaweiDnsProxy: redisUrl must be a redis:// or rediss:// URL.');
  return parsed;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {object} options
 * @param {URL} options.url
 * @param {(line: string) => void} options.log
 * @param {number} [options.commandTimeoutMs]
 * @param {number} [options.retryDelayMs]
 */
export function redisStore({ url, log, commandTimeoutMs = 500, retryDelayMs = 1000 }) {
  const { createClient } = loadRedis();
  const where = `Redis at ${describeRedisUrl(url)}`;
  // Commands go through sendCommand, the same in every major version of the client.
  const client = createClient({
    url: url.href,
    // A command while disconnected fails at once instead of waiting in memory for Redis.
    disableOfflineQueue: true,
    socket: { connectTimeout: 1000, reconnectStrategy: (/** @type {number} */ retries) => Math.min(100 * (retries + 1), 1000) },
  });
  // Failures reach the callers through their commands; the event only has to be listened to.
  client.on('error', () => {});
  /** @type {Promise<unknown>} */
  const connected = client.connect().catch(() => undefined);
  let closed = false;
  let waitedForFirstConnection = false;
  /** @type {boolean | undefined} */
  let shared;
  let retryAt = 0;

  /**
   * @template T
   * @param {() => Promise<T>} command
   * @returns {Promise<T | typeof UNAVAILABLE>}
   */
  async function call(command) {
    if (closed || Date.now() < retryAt) return UNAVAILABLE;
    if (!waitedForFirstConnection) {
      await Promise.race([connected, sleep(commandTimeoutMs)]);
      waitedForFirstConnection = true;
    }
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    try {
      const reply = await Promise.race([
        command(),
        new Promise((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'timeout' })), commandTimeoutMs))),
      ]);
      if (shared === false) log(`dns-import-status-proxy: ${where} is back: instances share again.`);
      shared = true;
      return reply;
    } catch (error) {
      retryAt = Date.now() + retryDelayMs;
      // A code or a class name, never a message: it could quote the URL.
      const cause = /** @type {{ code?: unknown, constructor?: { name?: unknown } }} */ (error);
      const reason = typeof cause.code === 'string' ? cause.code : String(cause.constructor?.name ?? 'Error');
      if (shared !== false && !closed) log(`dns-import-status-proxy: ${where} is unavailable (${reason}): this instance goes on alone until it is back.`);
      shared = false;
      return UNAVAILABLE;
    } finally {
      clearTimeout(timer);
    }
  }

  /** @param {string} name */
  const keys = (name) => [`${name}:answer`, `${name}:lock`];

  return {
    where,
    /** Whether the last call to Redis worked (before the first: whether it is connected). */
    get shared() {
      return shared ?? Boolean(client.isReady);
    },
    newToken: () => randomBytes(16).toString('hex'),

    /** @param {string} name @param {string} token @param {number} lockMs @returns {Promise<Claim>} */
    async claim(name, token, lockMs) {
      const reply = await call(() => client.sendCommand(['EVAL', CLAIM, '2', ...keys(name), token, String(lockMs)]));
      if (reply === UNAVAILABLE) return UNAVAILABLE;
      if (!Array.isArray(reply)) return { kind: 'garbage' };
      const [kind, value, leftMs] = reply;
      if (kind === 'hit' && typeof value === 'string' && typeof leftMs === 'number') return { kind, value, leftMs };
      if (kind === 'locked' || kind === 'held') return { kind };
      return { kind: 'garbage' };
    },

    /** Takes the lock if it is free, clearing whatever sits under the answer's name. @param {string} name @param {string} token @param {number} lockMs */
    async lock(name, token, lockMs) {
      const reply = await call(() => client.sendCommand(['EVAL', LOCK, '2', ...keys(name), token, String(lockMs)]));
      if (reply === UNAVAILABLE) return 'unavailable';
      return reply === 1 ? 'locked' : 'held';
    },

    /**
     * Stores `value` for `holdMs` (none when `value` is ''), and frees the lock if `token` still holds it.
     * @param {string} name @param {string} token @param {string} value @param {number} holdMs
     */
    async publish(name, token, value, holdMs) {
      const reply = await call(() => client.sendCommand(['EVAL', PUBLISH, '2', ...keys(name), token, value, String(Math.max(1, Math.ceil(holdMs)))]));
      return reply !== UNAVAILABLE;
    },

    async close() {
      closed = true;
      client.destroy();
      await connected;
    },
  };
}

/** @typedef {ReturnType<typeof redisStore>} RedisStore */

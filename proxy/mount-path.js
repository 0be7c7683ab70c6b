// @ts-check
// Where the API's root is for one request. Express, Connect and Vite mount a middleware at a path
// with `use('/api/dns', fn)`: they strip that path from `req.url` and keep the whole target in
// `req.originalUrl`. Mounted so, the mount path is the root. Called at the root (a plain
// `node:http` server, or `use(fn)`), the root is `prefix`. A `prefix` given explicitly always
// names the whole path the browser requested, mounted or not.

/** @typedef {import('node:http').IncomingMessage & { originalUrl?: string }} MountedRequest */

/** The element's usual `endpoint`. */
export const DEFAULT_PREFIX = '/api/dns';

/**
 * The request target (path and query) below the API's root, or undefined when it is not under it.
 * @param {MountedRequest} req
 * @param {string | undefined} prefix  the explicit prefix, without a trailing slash (`''` for the root)
 * @returns {string | undefined}
 */
export function targetBelowApiRoot(req, prefix) {
  const target = req.url ?? '/';
  const whole = req.originalUrl ?? target;
  if (prefix === undefined && whole !== target) return target;
  const root = prefix ?? DEFAULT_PREFIX;
  if (root === '') return whole;
  return whole.startsWith(`${root}/`) ? whole.slice(root.length) : undefined;
}

/**
 * The `prefix` option as a root path: undefined (not given), `''`, or `/a/b` without a trailing slash.
 * @param {unknown} prefix @param {string} owner the function named in the error
 * @returns {string | undefined}
 */
export function normalizePrefix(prefix, owner) {
  if (prefix === undefined) return undefined;
  if (typeof prefix !== 'string' || (prefix !== '' && !prefix.startsWith('/')) || /[?#]/.test(prefix)) {
    throw new TypeError(`${owner}: prefix must be a path starting with "/" (or "" for the root).`);
  }
  return prefix.replace(/\/+$/, '');
}

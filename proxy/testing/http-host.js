// @ts-check
// What the proxy's tests share: a host server mounting a middleware (what falls through to
// next() answers 418), raw HTTP requests (no URL normalisation, unlike fetch) that can be
// abandoned half-way, a bounded wait for a condition, and the proxy's own counters.

import { createServer, request } from 'node:http';

/**
 * @typedef {{ status: number, headers: import('node:http').IncomingHttpHeaders, body: Buffer, text: string, json(): any }} RawAnswer
 */

/**
 * A host server that calls `middleware` for every request. `closedEarly` counts the responses
 * whose viewer left before the answer (seen before the middleware's own listener runs).
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} middleware
 */
export async function startHost(middleware) {
  const state = { closedEarly: 0 };
  const server = createServer((req, res) => {
    res.on('close', () => {
      if (!res.writableFinished) state.closedEarly += 1;
    });
    middleware(req, res, () => res.writeHead(418).end('next'));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      }),
  };
}

/**
 * A raw GET: the body as it came (never decoded: a gzipped answer stays gzipped). `signal` abandons it (the socket is destroyed), as a browser that navigates away.
 * @param {string} base @param {string} path @param {Record<string, string>} [headers]
 * @param {{ method?: string, signal?: AbortSignal }} [options]
 * @returns {Promise<RawAnswer>}
 */
export function rawGet(base, path, headers = {}, { method = 'GET', signal } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method, headers, agent: false, signal }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = body.toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/**
 * Waits until `condition()` holds, checking every 10 ms, for at most `ms` (a bound against a
 * hang, not a timing: a busy machine only makes it take longer).
 * @param {() => unknown} condition @param {string} what @param {number} [ms]
 */
export async function waitUntil(condition, what, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Waited ${ms} ms for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * One sample of the proxy's Prometheus text, e.g. `metric(proxy, 'cache_hits_total{store="memory"}')`.
 * @param {{ metricsText(): string }} proxy @param {string} sample
 */
export function metric(proxy, sample) {
  const line = proxy.metricsText().split('\n').find((text) => text.startsWith(`dns_import_status_proxy_${sample} `));
  if (line === undefined) throw new Error(`No sample ${sample}`);
  return Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** A promise with its resolve function outside, to hold an upstream answer until a test lets it go. */
export function gate() {
  /** @type {(value?: any) => void} */
  let open = () => {};
  /** @type {Promise<any>} */
  const opened = new Promise((resolve) => (open = resolve));
  return { opened, open };
}

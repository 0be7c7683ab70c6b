#!/usr/bin/env node
// @ts-check
// `npx dns-import-status-proxy --port 8787 [--static ./public]`: the signing proxy as a server of
// its own, for internal tools that have none. Reads HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK (and
// HUAWEICLOUD_SDK_PROJECT_ID), the official SDK's own variable names, and DNS_IMPORT_STATUS_REDIS_URL
// (as --redis-url). Listens on 127.0.0.1 unless --host says otherwise: it has no user
// authentication of its own. Beside the API it answers GET /healthz and GET /metrics (Prometheus).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { huaweiDnsProxy } from './huawei-dns-proxy.js';

const USAGE = `Usage: HUAWEICLOUD_SDK_AK=... HUAWEICLOUD_SDK_SK=... dns-import-status-proxy [options]
  --port <n>            port (default 8787)
  --host <addr>         interface (default 127.0.0.1; anything else exposes your key's read access)
  --static <dir>        also serve this folder (your page with <dns-import-status endpoint="/api/dns">)
  --prefix <path>       where the API is served (default /api/dns)
  --region <id>         Huawei Cloud region of the DNS endpoint (default cn-north-4)
  --endpoint <url>      DNS endpoint URL (wins over --region)
  --timeout <ms>        wait for Huawei at most this long (default 10000)
  --min-interval <ms>   share each answer with every viewer this long (default 1000)
  --zones <id,id>       serve only these zone ids (others get 403)
  --redis-url <url>     share requests, answers and waits with other instances through this Redis
                        (or DNS_IMPORT_STATUS_REDIS_URL; needs \`npm install redis\`)
Beside the API: GET /healthz (200, and whether Redis is shared) and GET /metrics (Prometheus text).`;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

/** @param {string} message */
function fail(message) {
  console.error(`dns-import-status-proxy: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = /** @type {const} */ ({
  port: { type: 'string', default: '8787' },
  host: { type: 'string', default: '127.0.0.1' },
  static: { type: 'string' },
  prefix: { type: 'string', default: '/api/dns' },
  region: { type: 'string' },
  endpoint: { type: 'string' },
  timeout: { type: 'string' },
  'min-interval': { type: 'string' },
  zones: { type: 'string' },
  'redis-url': { type: 'string' },
  help: { type: 'boolean', default: false },
});

/** Static files under `root` only: the resolved path must stay inside it. */
function staticFiles(/** @type {string} */ root) {
  const base = resolve(root) + sep;
  /** @param {import('node:http').IncomingMessage} req @param {import('node:http').ServerResponse} res */
  return async (req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return res.writeHead(400).end();
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    let file = resolve(base, `.${path}`);
    if (!file.startsWith(base) && `${file}${sep}` !== base) return res.writeHead(404).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': TYPES[/** @type {keyof TYPES} */ (extname(file))] ?? 'application/octet-stream' });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
    }
  };
}

function main() {
  /** @type {ReturnType<typeof parseArgs<{ options: typeof OPTIONS, strict: true }>>['values']} */
  let values;
  try {
    ({ values } = parseArgs({ options: OPTIONS, strict: true }));
  } catch (error) {
    return fail(/** @type {Error} */ (error).message);
  }
  if (values.help) return console.log(USAGE);
  const ak = process.env['HUAWEICLOUD_SDK_AK'];
  const sk = process.env['HUAWEICLOUD_SDK_SK'];
  if (!ak || !sk) return fail('set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (an access key of an IAM user allowed dns:publicRecordset:getImport).');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail('--port must be a port number.');

  const redisUrl = values['redis-url'] ?? process.env['DNS_IMPORT_STATUS_REDIS_URL'];
  let proxy;
  try {
    proxy = huaweiDnsProxy({
      ak,
      sk,
      prefix: String(values.prefix),
      ...(values.region !== undefined && { region: String(values.region) }),
      ...(values.endpoint !== undefined && { endpoint: String(values.endpoint) }),
      ...(values.timeout !== undefined && { timeout: Number(values.timeout) }),
      ...(values['min-interval'] !== undefined && { minInterval: Number(values['min-interval']) }),
      ...(values.zones !== undefined && { zones: String(values.zones).split(',').map((zone) => zone.trim()).filter(Boolean) }),
      ...(redisUrl && { redisUrl }),
      ...(process.env['HUAWEICLOUD_SDK_PROJECT_ID'] && { projectId: process.env['HUAWEICLOUD_SDK_PROJECT_ID'] }),
    });
  } catch (error) {
    // The proxy's own messages never quote the key.
    return fail(/** @type {Error} */ (error).message);
  }
  const files = values.static === undefined ? undefined : staticFiles(String(values.static));

  const server = createServer((req, res) => {
    const started = Date.now();
    // One line per request: method, path without query, status, time. Never a header.
    res.on('finish', () => console.log(`${req.method} ${(req.url ?? '').split('?')[0]} ${res.statusCode} ${Date.now() - started} ms`));
    if (req.method === 'GET' && req.url === '/healthz') return void res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify({ status: 'ok', ...proxy.health() }));
    if (req.method === 'GET' && req.url === '/metrics') return void res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' }).end(proxy.metricsText());
    proxy(req, res, () => (files ? void files(req, res) : res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found')));
  });
  server.on('error', (error) => fail(`cannot listen: ${/** @type {NodeJS.ErrnoException} */ (error).code ?? 'error'}`));
  server.listen(port, String(values.host), () => {
    const address = /** @type {import('node:net').AddressInfo} */ (server.address());
    console.log(`dns-import-status-proxy on http://${address.address}:${address.port}${values.prefix}/v2/zones/{zone_id}/import/recordsets and ${values.prefix}/v2.1/zones/{zone_id}/recordsets/batch-create-task${files ? ` (and ${values.static})` : ''}${redisUrl ? ', sharing through Redis' : ''}`);
  });
  const stop = () => server.close(() => void proxy.close().finally(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();

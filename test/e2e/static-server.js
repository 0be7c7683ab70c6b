// A plain node:http server for the end-to-end tests: fixed pages, static files from one
// folder, optional connect-style middleware (the simulated DNS API), and the same response
// headers (e.g. a Content-Security-Policy) on everything. No dev server, no transforms: what a
// console serving the built files would do.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * @param {object} options
 * @param {string} options.root                   folder served at /
 * @param {Record<string, string>} [options.pages] path -> HTML, served before files
 * @param {Record<string, string>} [options.headers] added to every response
 * @param {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} [options.middleware]
 */
export async function startStaticServer({ root, pages = {}, headers = {}, middleware }) {
  /** Every request path, in order, for assertions. */
  const requests = [];
  const rootDir = normalize(root + sep);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    const serveFile = async () => {
      if (path === '/favicon.ico') return res.writeHead(204).end();
      if (pages[path] !== undefined) return res.writeHead(200, { 'Content-Type': TYPES['.html'] }).end(pages[path]);
      const file = normalize(join(rootDir, path));
      if (!file.startsWith(rootDir)) return res.writeHead(403).end();
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' }).end(body);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    };
    if (middleware) middleware(req, res, () => void serveFile());
    else void serveFile();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

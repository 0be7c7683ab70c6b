// The simulator on a host's own Vite dev server, mounted as docs/development.md shows (a plugin whose
// configureServer adds the middleware), and mounted at a path with Connect's `use(path, fn)`.
// Run: node --test simulator/
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { createServer } from 'vite';
import { simulatedDnsApi } from './simulated-dns-api.js';

let root = '';

before(() => {
  root = mkdtempSync(join(tmpdir(), 'simulator-vite-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>host page</title><p>the host’s own page</p>');
});

after(() => rmSync(root, { recursive: true, force: true }));

/**
 * A Vite dev server for a host project at `root`, with `plugin`.
 * @param {import('vite').Plugin} plugin @param {(base: string) => Promise<void>} run
 */
async function withVite(plugin, run) {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    plugins: [plugin],
    server: { host: '127.0.0.1', port: 0, open: false, hmr: false, watch: null },
  });
  await server.listen();
  try {
    const address = /** @type {import('node:net').AddressInfo} */ (server.httpServer?.address());
    await run(`http://127.0.0.1:${address.port}`);
  } finally {
    await server.close();
  }
}

it('in configureServer: serves the import path and /__sim/, and leaves the host’s pages to Vite', async () => {
  const plugin = { name: 'simulated-dns-api', configureServer: (/** @type {import('vite').ViteDevServer} */ server) => void server.middlewares.use(simulatedDnsApi()) };
  await withVite(plugin, async (base) => {
    const res = await fetch(`${base}/api/dns/v2/zones/zone-flaky/import/recordsets`);
    assert.equal(res.status, 503);
    assert.equal((await res.json()).code, 'APIG.0201');
    const done = await fetch(`${base}/api/dns/v2/zones/zone-clean/import/recordsets`);
    assert.equal(done.status, 200);
    assert.equal((await done.json()).data.status, 'DONE');
    assert.deepEqual((await (await fetch(`${base}/__sim/stats`)).json()).requests, { 'zone-flaky': 1, 'zone-clean': 1 });

    const page = await fetch(`${base}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /the host’s own page/);

    const wrong = await fetch(`${base}/api/dns/v2/zones/zone-clean/import/recordsets`, { method: 'POST' });
    assert.equal(wrong.status, 405);
    assert.equal((await wrong.json()).error_code, 'APIG.0101');
  });
});

it('mounted at a path (Connect strips it from req.url): the same URLs answer', async () => {
  const plugin = { name: 'simulated-dns-api-at-path', configureServer: (/** @type {import('vite').ViteDevServer} */ server) => void server.middlewares.use('/api/dns', simulatedDnsApi()) };
  await withVite(plugin, async (base) => {
    const res = await fetch(`${base}/api/dns/v2/zones/zone-clean/import/recordsets`);
    assert.equal(res.status, 200);
    assert.equal((await res.json()).data.zone_id, 'zone-clean');
    assert.equal((await fetch(`${base}/api/dns/v2/zones//import/recordsets`)).status, 404);
    assert.match(await (await fetch(`${base}/index.html`)).text(), /the host’s own page/);
  });
});

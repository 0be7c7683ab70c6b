// The front door: `npm start` prints the dev server's root URL, which must lead to the demo.
// Run: node --test test/dev-server/
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createServer } from 'vite';

let server;
let base = '';

before(async () => {
  server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, open: false, hmr: false, watch: null } });
  await server.listen();
  base = `http://127.0.0.1:${server.httpServer.address().port}`;
});

after(() => server.close());

it('redirects the root URL to the demo, which answers', async () => {
  for (const path of ['/', '/index.html']) {
    const res = await fetch(`${base}${path}`, { redirect: 'manual' });
    assert.equal(res.status, 302, path);
    assert.equal(res.headers.get('location'), '/demo/');
  }
  const demo = await fetch(`${base}/`);
  assert.equal(demo.status, 200);
  assert.match(await demo.text(), /<dns-import-status/);
});

it('keeps the demo pages and the API where they were', async () => {
  assert.equal((await fetch(`${base}/demo/gallery.html`)).status, 200);
  assert.equal((await fetch(`${base}/api/dns/v2/zones/zone-clean/import/recordsets`)).status, 200);
});

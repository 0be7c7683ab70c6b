// `npm start` with and without HUAWEICLOUD_SDK_AK/SK: the demo is as it was without them; with
// them, your own zone ids go through the signing proxy (here to the local stub) while the
// simulated zones stay simulated, and the demo shows the field for your zone id.
// Run: node --test proxy/
import assert from 'node:assert/strict';
import { after, it } from 'node:test';
import { createServer } from 'vite';
import { startHuaweiDnsStub } from './testing/huawei-dns-stub.js';

const AK = 'DEVAKEXAMPLE0000';
const SK = 'dev-secret-0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';
const VARIABLES = ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'DNS_PROXY_ENDPOINT'];
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

after(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

async function withDevServer(run) {
  const server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, open: false, hmr: false, watch: null } });
  await server.listen();
  try {
    await run(`http://127.0.0.1:${server.httpServer.address().port}`);
  } finally {
    await server.close();
  }
}

it('without the variables: the demo is as it was, and every zone is simulated', async () => {
  for (const name of VARIABLES) delete process.env[name];
  await withDevServer(async (base) => {
    assert.match(await (await fetch(`${base}/demo/`)).text(), /<form id="own-zone" hidden/);
    const res = await fetch(`${base}/api/dns/v2/zones/${ZONE}/import/recordsets`);
    assert.equal(res.status, 404, 'the simulator answers an unknown zone');
  });
});

it('with the variables: your zone goes signed to Huawei (the stub), the simulated zones stay simulated', async () => {
  const task = { code: 200, data: { task_id: 'real', status: 'DONE', total_count: 3, success_count: 3, error_count: 0, error_items: [] } };
  const stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer: () => ({ body: task }) });
  Object.assign(process.env, { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK, DNS_PROXY_ENDPOINT: stub.url });
  try {
    await withDevServer(async (base) => {
      const html = await (await fetch(`${base}/demo/`)).text();
      assert.match(html, /<form id="own-zone"(?! hidden)/);
      assert.ok(!html.includes(SK));
      const own = await fetch(`${base}/api/dns/v2/zones/${ZONE}/import/recordsets`);
      assert.equal(own.status, 200);
      assert.equal((await own.json()).data.task_id, 'real');
      assert.equal(stub.requests.length, 1);
      assert.equal(stub.requests[0].verified, true);
      const simulated = await fetch(`${base}/api/dns/v2/zones/zone-clean/import/recordsets`);
      assert.equal(simulated.status, 200);
      assert.notEqual((await simulated.json()).data.task_id, 'real');
      assert.equal(stub.requests.length, 1, 'the simulated zone did not reach Huawei');
    });
  } finally {
    await stub.close();
  }
});

// `dns-import-status-proxy`, the command: started as a user would, against the local stub.
// Run: node --test proxy/
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, it } from 'node:test';
import { startHuaweiDnsStub } from './testing/huawei-dns-stub.js';

const CLI = new URL('./cli.js', import.meta.url).pathname;
const AK = 'CLIAKEXAMPLE0000';
const SK = 'cli-secret-4c1d9e0f7a6b5c4d3e2f1a0b9c8d7e6f';
const ZONE = 'ff8080825b8fc86c015b94bc6f8712c3';

let stub;
let child;
let output = '';
let base = '';
let folder;

before(async () => {
  stub = await startHuaweiDnsStub({ credentials: { [AK]: SK }, answer: () => ({ body: { code: 200, data: { task_id: 't1', status: 'PENDING' } } }) });
  folder = mkdtempSync(join(tmpdir(), 'dns-proxy-static-'));
  writeFileSync(join(folder, 'index.html'), '<!doctype html><dns-import-status endpoint="/api/dns"></dns-import-status>');
  child = spawn(process.execPath, [CLI, '--port', '0', '--endpoint', stub.url, '--static', folder], {
    env: { ...process.env, HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`the command exited (${code}): ${output}`)));
    const check = () => {
      const match = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) resolve((base = match[1]));
      else setTimeout(check, 20);
    };
    check();
  });
});

after(async () => {
  child?.kill();
  await stub?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

it('listens on 127.0.0.1 and serves the signed import API and the static folder', async () => {
  const api = await fetch(`${base}/api/dns/v2/zones/${ZONE}/import/recordsets`);
  assert.equal(api.status, 200);
  assert.equal((await api.json()).data.status, 'PENDING');
  assert.equal(stub.requests.at(-1).verified, true);
  const page = await fetch(`${base}/`);
  assert.match(await page.text(), /dns-import-status/);
  const hostile = await fetch(`${base}/api/dns/v2/zones/${ZONE}%2F..%2Fx/import/recordsets`);
  assert.equal(hostile.status, 400);
});

it('answers GET /healthz (Redis off without --redis-url) and GET /metrics in Prometheus text', async () => {
  const health = await fetch(`${base}/healthz`);
  assert.equal(health.status, 200);
  assert.deepEqual(await health.json(), { status: 'ok', redis: 'off' });
  const metrics = await fetch(`${base}/metrics`);
  assert.match(metrics.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  assert.match(await metrics.text(), /^# TYPE dns_import_status_proxy_requests_total counter$/m);
});

it('serves nothing outside the static folder', async () => {
  const { request } = await import('node:http');
  const status = await new Promise((resolve, reject) => {
    const { port } = new URL(base);
    request({ host: '127.0.0.1', port, path: '/../../etc/passwd' }, (res) => (res.resume(), resolve(res.statusCode))).on('error', reject).end();
  });
  assert.equal(status, 404);
});

it('logs one line per request and never the key', async () => {
  await fetch(`${base}/api/dns/v2/zones/${ZONE}/import/recordsets?x=1`);
  // The log line is written when the response finishes: wait for it, bounded.
  for (let waited = 0; !/import\/recordsets 400/.test(output) && waited < 5000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.match(output, new RegExp(`GET /api/dns/v2/zones/${ZONE}/import/recordsets 200 \\d+ ms`));
  assert.match(output, /GET \/api\/dns\/v2\/zones\/\S+\/import\/recordsets 400/);
  assert.ok(!output.includes(SK), 'the SK is not in the output');
  assert.ok(!output.includes('x=1'), 'query strings are not logged');
});

it('refuses to start without the key variables, saying which', () => {
  const env = { ...process.env };
  delete env.HUAWEICLOUD_SDK_AK;
  delete env.HUAWEICLOUD_SDK_SK;
  const run = spawnSync(process.execPath, [CLI, '--port', '0'], { env, encoding: 'utf8', timeout: 10_000 });
  assert.equal(run.status, 2);
  assert.match(run.stderr, /HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/);
});

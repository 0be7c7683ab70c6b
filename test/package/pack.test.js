// The published package, as a consumer gets it: `npm pack`, install the tarball into a fresh
// project (dependencies from the npm cache when they are there), then
//   - the tarball holds what `files` allows and nothing else,
//   - the `exports` map resolves (and hides everything else),
//   - a strict TypeScript consumer type-checks, both with `moduleResolution: bundler` and
//     `nodenext`, and `querySelector('dns-import-status')` / `addEventListener('import-done')`
//     are typed (the `@ts-expect-error` lines fail the check if they become `any`),
//   - a bundler (esbuild) honours `sideEffects`: a bare `import 'dns-import-status'` keeps the
//     registration, and the element works in Chromium,
//   - Node imports the element module without a DOM (server rendering); the bundle is a browser file,
//   - `dns-import-status/react`: react and @lit/react are optional peers (not installed with the
//     package); once they are, a strict React 19 TSX project type-checks against it, and an app
//     bundled with it works in Chromium with one copy of the element.
//   - `dns-import-status/proxy` and the `dns-import-status-proxy` command: the Huawei SDK and the
//     Redis client are optional peers (not installed with the package); once the SDK is, Node
//     imports the proxy, a strict TypeScript consumer type-checks against its typings, and the
//     command starts; `redisUrl` without the Redis client says what to install.
//   - `dns-import-status/simulator`: Node imports it from the tarball, mounts it on a plain
//     node:http server that answers the scenarios, and a strict TypeScript consumer type-checks.
// Needs `npm run build` first.
//
//   node --test test/package/pack.test.js
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { launchChromium } from '../../scripts/lib/chromium.js';

const repo = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const tsc = join(repo, 'node_modules/typescript/bin/tsc');
let work;
let project;
let tarball;
let packed;

const npm = (args, cwd) =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_update_notifier: 'false' } });

before(() => {
  assert.ok(existsSync('dist/dns-import-status.js') && existsSync('dist/dns-import-status.bundle.js'), 'dist/ is missing: run `npm run build` first.');
  work = mkdtempSync(join(tmpdir(), 'dns-import-status-pack-'));
  [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], repo));
  tarball = join(work, packed.filename);
  project = join(work, 'consumer');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2));
  // The dependencies come from the npm cache that `npm ci` filled; the registry only for what is missing.
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', tarball], project);
});

after(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball holds the built files, the manifest and the typings, and nothing else', () => {
  const files = packed.files.map((f) => f.path).sort();
  for (const wanted of [
    'package.json',
    'custom-elements.json',
    'dist/dns-import-status.js',
    'dist/dns-import-status.bundle.js',
    'dist/dns-import-status.d.ts',
    'dist/types/index.d.ts',
    'dist/types/watcher/events.d.ts',
    'dist/react.js',
    'dist/react.d.ts',
    'dist/types/react.d.ts',
    'dist/proxy/huawei-dns-proxy.js',
    'dist/proxy/huawei-dns-proxy.d.ts',
    'dist/proxy/cli.js',
    'dist/simulator/simulated-dns-api.js',
    'dist/simulator/simulated-dns-api.d.ts',
    'dist/simulator/simulated-zones.js',
    'dist/simulator/simulated-batch-create.js',
    'dist/simulator/simulated-records.js',
  ]) {
    assert.ok(files.includes(wanted), `${wanted} is in the tarball`);
  }
  const unexpected = files.filter((f) => !/^(package\.json|custom-elements\.json|README\.md|LICENSE(\.\w+)?|dist\/.+\.(js|d\.ts))$/.test(f));
  assert.deepEqual(unexpected, [], 'only the allowlisted files');
  assert.ok(!files.some((f) => f.startsWith('dist/') && f.endsWith('.map')), 'no source maps pointing at unpublished sources');
});

test('package.json: exports (types first), sideEffects, customElements', () => {
  for (const [key, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'object') assert.equal(Object.keys(target)[0], 'types', `exports["${key}"] lists types first`);
  }
  assert.deepEqual([...pkg.sideEffects].sort(), ['./dist/dns-import-status.bundle.js', './dist/dns-import-status.js']);
  assert.equal(pkg.customElements, 'custom-elements.json');
  const manifest = JSON.parse(readFileSync(join(project, 'node_modules/dns-import-status/custom-elements.json'), 'utf8'));
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []);
  assert.ok(declarations.some((d) => d.tagName === 'dns-import-status'), 'the manifest describes the element');
});

test('the exports map resolves the entry points and hides the rest', () => {
  const root = join(project, 'node_modules/dns-import-status');
  // Node's own ESM resolver, from inside the consumer project.
  writeFileSync(
    join(project, 'resolve.mjs'),
    `const out = {};
     for (const s of process.argv.slice(2)) { try { out[s] = import.meta.resolve(s); } catch (e) { out[s] = e.code; } }
     console.log(JSON.stringify(out));`,
  );
  const specifiers = [
    'dns-import-status',
    'dns-import-status/bundle',
    'dns-import-status/react',
    'dns-import-status/proxy',
    'dns-import-status/simulator',
    'dns-import-status/custom-elements.json',
    'dns-import-status/dist/types/index.js',
    'dns-import-status/src/index.ts',
  ];
  const resolved = JSON.parse(execFileSync(process.execPath, ['resolve.mjs', ...specifiers], { cwd: project, encoding: 'utf8' }));
  assert.deepEqual(resolved, {
    'dns-import-status': pathToFileURL(join(root, 'dist/dns-import-status.js')).href,
    'dns-import-status/bundle': pathToFileURL(join(root, 'dist/dns-import-status.bundle.js')).href,
    'dns-import-status/react': pathToFileURL(join(root, 'dist/react.js')).href,
    'dns-import-status/proxy': pathToFileURL(join(root, 'dist/proxy/huawei-dns-proxy.js')).href,
    'dns-import-status/simulator': pathToFileURL(join(root, 'dist/simulator/simulated-dns-api.js')).href,
    'dns-import-status/custom-elements.json': pathToFileURL(join(root, 'custom-elements.json')).href,
    'dns-import-status/dist/types/index.js': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    'dns-import-status/src/index.ts': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  });
  // The element module leaves lit external: lit is a dependency, installed with it.
  for (const dependency of Object.keys(pkg.dependencies)) assert.ok(existsSync(join(project, 'node_modules', dependency, 'package.json')), `${dependency} installed`);
  assert.match(readFileSync(join(root, 'dist/dns-import-status.js'), 'utf8'), /from\s*"lit"/);
  assert.doesNotMatch(readFileSync(join(root, 'dist/dns-import-status.bundle.js'), 'utf8'), /from\s*"(lit|@lit\/)/);
  // The React entry leaves React, @lit/react and the element module external.
  const reactEntry = readFileSync(join(root, 'dist/react.js'), 'utf8');
  assert.deepEqual([...reactEntry.matchAll(/from\s*"([^"]+)"/g)].map((m) => m[1]).sort(), ['./dns-import-status.js', '@lit/react', 'react']);
});

test('react, @lit/react, the Huawei SDK and the Redis client are optional peers: not installed with the package', () => {
  assert.deepEqual(pkg.peerDependenciesMeta, { '@huaweicloud/huaweicloud-sdk-core': { optional: true }, '@lit/react': { optional: true }, react: { optional: true }, redis: { optional: true } });
  for (const peer of Object.keys(pkg.peerDependencies)) assert.ok(!existsSync(join(project, 'node_modules', peer)), `${peer} not installed`);
});

test('Node imports the element module without a DOM (lit registers it in its server shim); the bundle is a browser file', () => {
  const run = (code) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  const defined = run(`import { DnsImportStatus } from 'dns-import-status';
    console.log(typeof document, customElements.get('dns-import-status') === DnsImportStatus);`);
  assert.equal(defined.trim(), 'undefined true');
  assert.throws(() => run(`await import('dns-import-status/bundle');`), /is not defined/, 'the bundle needs a browser (it carries lit’s browser build)');
});

const CONSUMER = `
import { DnsImportStatus, ImportStatusError, createHttpFetcher } from 'dns-import-status';
import type { ImportDoneEvent, ImportTask, ImportTaskFetcher } from 'dns-import-status';
const onDone = (e: ImportDoneEvent): string => e.detail.task.status;

const el = document.querySelector('dns-import-status');
if (el) {
  const typed: DnsImportStatus = el;
  typed.zoneId = 'ff8080';
  typed.interval = 5000;
  typed.fetcher = createHttpFetcher({ endpoint: '/api/dns', headers: { 'X-Auth-Token': 't' } });
  el.addEventListener('import-done', (e) => {
    const task: ImportTask = e.detail.task;
    console.log(task.task_id.toUpperCase(), task.error_items.map((item) => item.value.join(' ')));
    // @ts-expect-error - detail is typed, not any
    console.log(e.detail.nope);
  });
  el.addEventListener('import-progress', (e) => console.log(e.detail.task.status));
  el.addEventListener('import-done', onDone);
  el.addEventListener('import-error', (e) => {
    const error: ImportStatusError = e.detail.error;
    const retrying: boolean = e.detail.willRetry;
    console.log(error.kind, error.status, retrying);
  });
  // @ts-expect-error - zoneId is a string
  el.zoneId = 42;
  void el.refresh();
  const last: ImportTask | undefined = el.task;
  console.log(last);
}
const created = document.createElement('dns-import-status');
const fetcher: ImportTaskFetcher = async (zoneId, { signal }) => (await fetch('/x/' + zoneId, { signal })).json();
created.fetcher = fetcher;
console.log(created instanceof DnsImportStatus);
`;

const BUNDLE_CONSUMER = `
import 'dns-import-status/bundle';
const el = document.querySelector('dns-import-status');
el?.addEventListener('import-done', (e) => console.log(e.detail.task.success_count.toFixed(0)));
`;

for (const moduleResolution of ['bundler', 'nodenext']) {
  test(`a strict TypeScript consumer type-checks (moduleResolution: ${moduleResolution})`, () => {
    const dir = join(project, `ts-${moduleResolution}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'consumer.ts'), CONSUMER);
    writeFileSync(join(dir, 'bundle-consumer.ts'), BUNDLE_CONSUMER);
    const module = moduleResolution === 'bundler' ? 'esnext' : 'nodenext';
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module,
          moduleResolution,
          lib: ['es2022', 'dom', 'dom.iterable'],
          strict: true,
          noEmit: true,
          // The shipped declarations themselves are checked too.
          skipLibCheck: false,
          types: [],
        },
        files: ['consumer.ts', 'bundle-consumer.ts'],
      }),
    );
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
    }
  });
}

/** Runs an ES module in Chromium; resolves once `ready()` holds in the page. */
async function inChromium(code, ready) {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => (message.type() === 'error' || message.type() === 'warning') && errors.push(message.text()));
    await page.setContent('<!doctype html><body><div id="root"></div></body>');
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(ready, null, { timeout: 10_000 });
    return { page, errors, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

const REACT_CONSUMER = `
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { DnsImportStatus, type DnsImportStatusProps } from 'dns-import-status/react';
import { createHttpFetcher, type DnsImportStatus as DnsImportStatusElement, type ImportTask } from 'dns-import-status';

export function Panel({ zoneId }: { zoneId: string }) {
  const ref = useRef<DnsImportStatusElement>(null);
  const [done, setDone] = useState<ImportTask>();
  return (
    <>
      <DnsImportStatus
        ref={ref}
        zoneId={zoneId}
        fetcher={createHttpFetcher({ endpoint: '/api/dns' })}
        interval={5000}
        giveUpAfter={60_000}
        theme="dark"
        className="status"
        onImportProgress={(e) => console.log(e.detail.task.status)}
        onImportDone={(e) => {
          const watched: boolean = e.detail.sawPending;
          setDone(e.detail.task);
          console.log(watched, ref.current?.state);
        }}
        onImportError={(e) => console.log(e.detail.error.kind, e.detail.error.requestId, e.detail.willRetry)}
        onImportStalled={(e) => console.log(e.detail.since.toFixed(0))}
      />
      {done && <p>{done.success_count.toFixed(0)} imported</p>}
    </>
  );
}

const props: DnsImportStatusProps = { zoneId: 'z' };
// @ts-expect-error - zoneId is a string
const wrongType = <DnsImportStatus zoneId={42} />;
// @ts-expect-error - an event's detail is typed, not any
const untyped = <DnsImportStatus onImportDone={(e) => e.detail.nope} />;
// @ts-expect-error - no such event
const unknownEvent = <DnsImportStatus onImportFinished={() => undefined} />;
console.log(props, wrongType, untyped, unknownEvent);
createRoot(document.body).render(<Panel zoneId="z" />);
`;

test('dns-import-status/react: a strict React 19 TypeScript project type-checks, and the app works in Chromium', async () => {
  const version = (name) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;
  const peers = ['react', 'react-dom', '@lit/react', '@types/react', '@types/react-dom'].map((name) => `${name}@${version(name)}`);
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...peers], project);
  assert.equal(JSON.parse(readFileSync(join(project, 'node_modules/react/package.json'), 'utf8')).version.split('.')[0], '19');

  // `bundler` only, as React apps are built (the nodenext checks above cover the exports map).
  for (const moduleResolution of ['bundler']) {
    const dir = join(project, `react-${moduleResolution}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'app.tsx'), REACT_CONSUMER);
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'es2022',
          module: moduleResolution === 'bundler' ? 'esnext' : 'nodenext',
          moduleResolution,
          jsx: 'react-jsx',
          lib: ['es2022', 'dom', 'dom.iterable'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
        },
        files: ['app.tsx'],
      }),
    );
    try {
      execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      assert.fail(`tsc (${moduleResolution}) failed:\n${error.stdout}${error.stderr}`);
    }
  }

  const entry = join(project, 'react-app.jsx');
  writeFileSync(
    entry,
    `import { createElement } from 'react';
     import { createRoot } from 'react-dom/client';
     import { DnsImportStatus } from 'dns-import-status/react';
     import { DnsImportStatus as ElementClass } from 'dns-import-status';
     const fetcher = async () => ({ code: 200, data: { task_id: 't1', status: 'DONE', total_count: 2, success_count: 2, error_count: 0, error_items: [] } });
     window.oneCopy = customElements.get('dns-import-status') === ElementClass;
     createRoot(document.getElementById('root')).render(
       createElement(DnsImportStatus, { zoneId: 'z1', fetcher, onImportDone: (e) => { window.done = e.detail.task.task_id; } }),
     );`,
  );
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    absWorkingDir: project,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const { page, errors, close } = await inChromium(result.outputFiles[0].text, () => /** @type {any} */ (window).done === 't1');
  try {
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).oneCopy), true, 'the React entry uses the package’s element module, not a copy');
    assert.equal(await page.locator('dns-import-status').getAttribute('zone-id'), null, 'zoneId is set as a property');
    assert.equal(await page.locator('dns-import-status').getAttribute('state'), 'done');
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});

test('a bundler keeps the registering import (sideEffects) and the element works', async () => {
  const entry = join(project, 'app.js');
  writeFileSync(
    entry,
    `import 'dns-import-status';
     const el = document.createElement('dns-import-status');
     el.fetcher = async () => ({ code: 200, data: { task_id: 't1', status: 'DONE', total_count: 2, success_count: 2, error_count: 0, error_items: [] } });
     el.addEventListener('import-done', (e) => { window.done = e.detail.task.task_id; });
     el.setAttribute('zone-id', 'z1');
     document.body.append(el);`,
  );
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', minify: true, absWorkingDir: project, logLevel: 'silent' });
  const code = result.outputFiles[0].text;
  assert.ok(code.includes('customElements'), 'the registration survived tree shaking');
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent('<!doctype html><body></body>');
    await page.addScriptTag({ content: code, type: 'module' });
    await page.waitForFunction(() => /** @type {any} */ (window).done === 't1', null, { timeout: 10_000 });
    assert.equal(await page.locator('dns-import-status').getAttribute('state'), 'done');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('dns-import-status/proxy: without the optional peer it says what to install; with it, it imports, type-checks and its command starts', async () => {
  const run = (code) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: project, encoding: 'utf8', stdio: 'pipe' });
  assert.ok(!existsSync(join(project, 'node_modules/@huaweicloud')), 'no Huawei SDK installed with the element');
  assert.throws(() => run(`import { huaweiDnsProxy } from 'dns-import-status/proxy'; huaweiDnsProxy({ ak: 'a', sk: 'b' });`), /npm install @huaweicloud\/huaweicloud-sdk-core/);

  const version = JSON.parse(readFileSync(join(repo, 'node_modules/@huaweicloud/huaweicloud-sdk-core/package.json'), 'utf8')).version;
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `@huaweicloud/huaweicloud-sdk-core@${version}`, `@types/node@${JSON.parse(readFileSync(join(repo, 'node_modules/@types/node/package.json'), 'utf8')).version}`], project);
  assert.equal(run(`import { huaweiDnsProxy } from 'dns-import-status/proxy'; console.log(typeof huaweiDnsProxy({ ak: 'a', sk: 'b' }));`).trim(), 'function');
  // Redis is an optional peer too: only `redisUrl` needs it, and then says what to install.
  assert.ok(!existsSync(join(project, 'node_modules/redis')), 'no Redis client installed with the element');
  assert.equal(run(`import { huaweiDnsProxy } from 'dns-import-status/proxy'; const p = huaweiDnsProxy({ ak: 'a', sk: 'b', zones: ['z1'], minInterval: 500 }); console.log(JSON.stringify(p.health()));`).trim(), '{"redis":"off"}');
  assert.throws(() => run(`import { huaweiDnsProxy } from 'dns-import-status/proxy'; huaweiDnsProxy({ ak: 'a', sk: 'b', redisUrl: 'redis://127.0.0.1:1' });`), /npm install redis/);

  const dir = join(project, 'ts-proxy');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'server.ts'),
    `import { createServer } from 'node:http';
     import { huaweiDnsProxy, type HuaweiDnsProxyOptions } from 'dns-import-status/proxy';
     const options: HuaweiDnsProxyOptions = { ak: 'a', sk: 'b', region: 'ap-southeast-1', timeout: 5000 };
     const proxy = huaweiDnsProxy(options);
     createServer((req, res) => proxy(req, res, () => res.end()));
     const team = huaweiDnsProxy({ ak: 'a', sk: 'b', minInterval: 1000, zones: ['z1'], maxCacheEntries: 100, log: (line: string) => void line });
     const health: 'off' | 'shared' | 'alone' = team.health().redis;
     const text: string = team.metricsText();
     void team.close().then(() => [health, text]);
     // @ts-expect-error - zones is a list of zone ids
     huaweiDnsProxy({ ak: 'a', sk: 'b', zones: 'z1' });
     // @ts-expect-error - ak and sk are required
     huaweiDnsProxy({ region: 'cn-north-4' });
     // @ts-expect-error - timeout is a number
     huaweiDnsProxy({ ak: 'a', sk: 'b', timeout: '5' });`,
  );
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['server.ts'] }));
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }

  // The command, as `npx dns-import-status-proxy` runs it from the installed package.
  const bin = join(project, 'node_modules/.bin/dns-import-status-proxy');
  assert.ok(existsSync(bin), 'npm linked the command');
  const help = execFileSync(bin, ['--help'], { cwd: project, encoding: 'utf8' });
  assert.match(help, /--port <n>/);
});

test('dns-import-status/simulator: Node imports it from the tarball, a plain node:http server answers through it, and its typings check', async () => {
  const script = `
    import { createServer } from 'node:http';
    import { simulatedDnsApi } from 'dns-import-status/simulator';
    const api = simulatedDnsApi({ progressMs: 0 });
    const server = createServer((req, res) => api(req, res, () => res.writeHead(404, { 'Content-Type': 'text/plain' }).end('host')));
    server.listen(0, '127.0.0.1', async () => {
      const base = 'http://127.0.0.1:' + server.address().port;
      const get = async (path, init) => { const r = await fetch(base + path, init); return [r.status, await r.text()]; };
      const out = {
        progress: JSON.parse((await get('/api/dns/v2/zones/zone-progress/import/recordsets'))[1]).data.status,
        flaky: (await get('/api/dns/v2/zones/zone-flaky/import/recordsets'))[0],
        post: JSON.parse((await get('/api/dns/v2/zones/zone-clean/import/recordsets', { method: 'POST' }))[1]).error_code,
        other: await get('/index.html'),
        stats: JSON.parse((await get('/__sim/stats'))[1]).total,
      };
      console.log(JSON.stringify(out));
      server.close();
    });`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8', stdio: 'pipe', timeout: 30_000 });
  assert.deepEqual(JSON.parse(out), { progress: 'DONE', flaky: 503, post: 'APIG.0101', other: [404, 'host'], stats: 2 });

  if (!existsSync(join(project, 'node_modules/@types/node'))) {
    const version = JSON.parse(readFileSync(join(repo, 'node_modules/@types/node/package.json'), 'utf8')).version;
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `@types/node@${version}`], project);
  }
  const dir = join(project, 'ts-simulator');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'server.ts'),
    `import { createServer } from 'node:http';
     import { simulatedDnsApi, type SimulatedDnsApiOptions } from 'dns-import-status/simulator';
     const options: SimulatedDnsApiOptions = { prefix: '/api/dns', progressMs: 5000, slowMs: 100, now: Date.now };
     const api = simulatedDnsApi(options);
     createServer((req, res) => api(req, res, () => res.end()));
     simulatedDnsApi();
     // @ts-expect-error - progressMs is a number
     simulatedDnsApi({ progressMs: '5' });`,
  );
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['server.ts'] }));
  try {
    execFileSync(process.execPath, [tsc, '-p', dir], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    assert.fail(`tsc failed:\n${error.stdout}${error.stderr}`);
  }
});

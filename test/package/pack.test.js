// The published package, as a consumer gets it: `npm pack`, install the tarball into a fresh
// project (dependencies from the npm cache when they are there), then
//   - the tarball holds what `files` allows and nothing else,
//   - the `exports` map resolves (and hides everything else),
//   - a strict TypeScript consumer type-checks, both with `moduleResolution: bundler` and
//     `nodenext`, and `querySelector('dns-import-status')` / `addEventListener('import-done')`
//     are typed (the `@ts-expect-error` lines fail the check if they become `any`),
//   - a bundler (esbuild) honours `sideEffects`: a bare `import 'dns-import-status'` keeps the
//     registration, and the element works in Chromium.
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
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/engines.js';

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
    'dist/types/events.d.ts',
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
  const specifiers = ['dns-import-status', 'dns-import-status/bundle', 'dns-import-status/custom-elements.json', 'dns-import-status/dist/types/index.js', 'dns-import-status/src/index.ts'];
  const resolved = JSON.parse(execFileSync(process.execPath, ['resolve.mjs', ...specifiers], { cwd: project, encoding: 'utf8' }));
  assert.deepEqual(resolved, {
    'dns-import-status': pathToFileURL(join(root, 'dist/dns-import-status.js')).href,
    'dns-import-status/bundle': pathToFileURL(join(root, 'dist/dns-import-status.bundle.js')).href,
    'dns-import-status/custom-elements.json': pathToFileURL(join(root, 'custom-elements.json')).href,
    'dns-import-status/dist/types/index.js': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    'dns-import-status/src/index.ts': 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  });
  // The element module leaves lit external: lit is a dependency, installed with it.
  for (const dependency of Object.keys(pkg.dependencies)) assert.ok(existsSync(join(project, 'node_modules', dependency, 'package.json')), `${dependency} installed`);
  assert.match(readFileSync(join(root, 'dist/dns-import-status.js'), 'utf8'), /from\s*"lit"/);
  assert.doesNotMatch(readFileSync(join(root, 'dist/dns-import-status.bundle.js'), 'utf8'), /from\s*"(lit|@lit\/)/);
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
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
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

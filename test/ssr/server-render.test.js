// Server rendering in Node 20 with @lit-labs/ssr, on the BUILT element module (Node cannot
// import the .ts sources): declarative shadow DOM with the initial state, and nothing started
// on the server (no timer, no request, no fetcher call). The browser half, hydration, is
// test/ssr/hydrate.test.ts. Needs `npm run build` first.
//
//   node --test test/ssr/server-render.test.js
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';

const MODULE = new URL('../../dist/dns-import-status.js', import.meta.url);

/** What the server started: every timer, interval, fetch and fetcher call. */
const started = [];
const originals = { setTimeout, setInterval, setImmediate, fetch: globalThis.fetch };
let render;
let collectResult;
let html;

before(async () => {
  assert.ok(existsSync(MODULE), 'dist/ is missing: run `npm run build` first.');
  globalThis.setTimeout = (...args) => (started.push('setTimeout'), originals.setTimeout(...args));
  globalThis.setInterval = (...args) => (started.push('setInterval'), originals.setInterval(...args));
  globalThis.fetch = (...args) => (started.push(`fetch ${args[0]}`), Promise.reject(new Error('no requests on the server')));
  ({ render } = await import('@lit-labs/ssr'));
  ({ collectResult } = await import('@lit-labs/ssr/lib/render-result.js'));
  ({ html } = await import('lit'));
  await import(MODULE.href);
});

after(() => {
  Object.assign(globalThis, originals);
});

const ssr = (template) => collectResult(render(template));

/** The host's opening tag, its shadow root's template, and the notice's text. */
function parse(output) {
  const host = /<dns-import-status\b([^>]*)>/.exec(output);
  assert.ok(host, 'the element is in the output');
  const attributes = Object.fromEntries([...host[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const shadow = /<template shadowroot="open" shadowrootmode="open">([\s\S]*)<\/template><\/dns-import-status>/.exec(output);
  const messages = [...output.matchAll(/<p part="message"([^>]*)>((?:<!--[^>]*-->|[^<])*)<\/p>/g)].map((m) => ({
    attributes: m[1],
    text: m[2].replace(/<!--[^>]*-->/g, '').trim(),
  }));
  return { attributes, shadow: shadow?.[1], messages };
}

test('importing the module in Node defines the element (lit provides the customElements shim)', () => {
  assert.equal(typeof document, 'undefined', 'no DOM in this process');
  const ElementClass = customElements.get('dns-import-status');
  assert.equal(typeof ElementClass, 'function');
  assert.equal(typeof ElementClass.prototype.refresh, 'function');
});

test('with a zone id: declarative shadow DOM with the styles and the loading notice', async () => {
  const output = await ssr(html`<dns-import-status zone-id="ff8080826bd6b3a4016be3a1d4f10001"></dns-import-status>`);
  const { attributes, shadow, messages } = parse(output);
  assert.equal(attributes['zone-id'], 'ff8080826bd6b3a4016be3a1d4f10001');
  assert.equal(attributes.state, 'loading', 'the reflected state is in the markup, for host styling before hydration');
  assert.ok(shadow, 'an open declarative shadow root');
  assert.match(shadow, /^<style>[\s\S]*--dns-import-status-accent-color[\s\S]*<\/style>/, 'the styles, inline');
  assert.equal(messages.length, 1, 'one notice');
  assert.match(messages[0].attributes, /aria-busy="true"/, 'the loading notice');
  assert.notEqual(messages[0].text, '');
  assert.match(shadow, /role="status" aria-live="polite"/, 'the live region is there from the start');
  assert.doesNotMatch(shadow, /part="summary"|part="error-list"/, 'no task yet');
  assert.deepEqual(started, [], 'no timer, no request');
});

test('without a zone id: the configuration hint, and no request', async () => {
  const { attributes, messages } = parse(await ssr(html`<dns-import-status endpoint="/api/dns"></dns-import-status>`));
  assert.equal(attributes.state, 'idle');
  assert.equal(messages.length, 1);
  assert.doesNotMatch(messages[0].attributes, /aria-busy/);
  assert.match(messages[0].text, /zone-id/, 'the hint names the attribute to set');
  assert.deepEqual(started, []);
});

test('a fetcher given as a property is never called on the server', async () => {
  const calls = [];
  const fetcher = async (zoneId) => (calls.push(zoneId), { status: 'DONE' });
  const output = await ssr(html`<dns-import-status zone-id="z1" interval="500" .fetcher=${fetcher}></dns-import-status>`);
  assert.equal(parse(output).attributes.state, 'loading');
  assert.deepEqual(calls, []);
  assert.deepEqual(started, []);
});

test("the element's own lang is followed on the server (it cannot see the page's)", async () => {
  const en = parse(await ssr(html`<dns-import-status zone-id="z1"></dns-import-status>`)).messages[0].text;
  const zh = parse(await ssr(html`<dns-import-status zone-id="z1" lang="zh-CN"></dns-import-status>`)).messages[0].text;
  assert.match(zh, /[\u4e00-\u9fff]/, 'Chinese');
  assert.notEqual(zh, en);
  assert.deepEqual(started, []);
});

test('nothing is left running after the renders', () => {
  assert.deepEqual(started, []);
  const resources = process.getActiveResourcesInfo().filter((r) => r === 'Timeout' || r === 'Immediate');
  assert.deepEqual(resources, [], 'no timer keeps the server process busy');
});

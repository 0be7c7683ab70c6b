// Lighthouse on the demo page and the API page: accessibility, best practices and SEO, each of
// which should be 100. Not performance: the pages come from Vite's dev server, unbundled, which
// says nothing about what a console ships (see docs/size.md and bench/ for that).
//
// Starts the dev server (vite.config.ts: the demo with its simulated DNS API) on a free port,
// runs the Lighthouse CLI (the devDependency, pinned at 12.2.3: 13 needs Node 22) on each page
// in Debian's Chromium (found, and given its flags, by scripts/lib/chromium.js; CHROME_PATH
// overrides), prints the scores and every audit that failed, and exits 1 when a score is under
// 100. Slow (half a minute a page on a busy machine), so not part of `npm test`.
//
//   npm run lighthouse              the table and the failing audits
//   npm run lighthouse -- --json    the same as JSON
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from './lib/chromium.js';

const CATEGORIES = ['accessibility', 'best-practices', 'seo'];

/** The pages, the demo in the states whose markup matters most: failed records (headings), and the host's empty-slot content. */
const PAGES = [
  ['demo, as it opens (import in progress)', '/demo/'],
  ['demo, done with failures', '/demo/?zone=zone-total-failure'],
  // The 200-with-empty-data zone: the 404 zone shows the same, but Chromium logs every 404 answer
  // as a console error, which Lighthouse counts against best practices.
  ['demo, no import (empty slot)', '/demo/?zone=zone-empty-data'],
  ['API page', '/demo/api.html'],
];

// Lighthouse starts Chrome itself: headless, with the flags every other run uses.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

async function audit(url) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      'node_modules/lighthouse/cli/index.js',
      url,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: findChromium() }, maxBuffer: 256 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout);
  const scores = Object.fromEntries(CATEGORIES.map((id) => [id, Math.round((report.categories[id]?.score ?? 0) * 100)]));
  // An audit that counts (weight > 0) and did not pass: what keeps a score under 100.
  const failing = CATEGORIES.flatMap((id) =>
    report.categories[id].auditRefs
      .filter((ref) => ref.weight > 0 && report.audits[ref.id].score !== null && report.audits[ref.id].score < 1)
      .map((ref) => ({
        category: id,
        audit: ref.id,
        title: report.audits[ref.id].title,
        // Where: the nodes (with their explanation) or the console lines it found.
        items: (report.audits[ref.id].details?.items ?? []).map((item) => item.node ? `${item.node.snippet} ${item.node.explanation ?? ''}` : item.description ?? item.url ?? JSON.stringify(item)),
      })),
  );
  return { scores, failing, runtimeError: report.runtimeError?.message };
}

const server = await createServer({ server: { port: 0, open: false }, logLevel: 'warn' });
await server.listen();
const origin = server.resolvedUrls.local[0].replace(/\/$/, '');
const results = [];
try {
  for (const [name, path] of PAGES) results.push({ name, url: `${origin}${path}`, ...(await audit(`${origin}${path}`)) });
} finally {
  await server.close();
}

if (process.argv.includes('--json')) {
  console.log(JSON.stringify(results, null, 2));
} else {
  console.log(`\nLighthouse (${CATEGORIES.join(', ')})\n`);
  console.log(`| page | ${CATEGORIES.join(' | ')} |`);
  console.log(`| --- |${CATEGORIES.map(() => ' ---: |').join('')}`);
  for (const r of results) console.log(`| ${r.name} | ${CATEGORIES.map((id) => r.scores[id]).join(' | ')} |`);
  for (const r of results) {
    if (r.runtimeError) console.log(`\n${r.name}: Lighthouse could not run: ${r.runtimeError}`);
    for (const f of r.failing) console.log(`\n${r.name}: ${f.category} fails "${f.audit}": ${f.title}\n${f.items.map((item) => `  - ${item}`).join('\n')}`);
  }
}
process.exit(results.every((r) => !r.runtimeError && CATEGORIES.every((id) => r.scores[id] === 100)) ? 0 : 1);

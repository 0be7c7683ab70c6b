// `npm run size` (a build, then this; `npm test` runs it too): the published files against
// their budgets (scripts/lib/size.js, measured on the real build output):
//   dist/dns-import-status.bundle.js  self-contained, lit included      ≤ 27.5 KB gzip -9
//   dist/dns-import-status.js         the element module, lit external  ≤ 21.5 KB gzip -9
//   dist/react.js                     the React entry (react, @lit/react, element external) ≤ 1 KB gzip -9
// (1 KB = 1024 bytes; measured with the `gzip -9 -n` command itself, whose deflate packs
// about 1 % tighter than Node's zlib, falling back to zlib where gzip is missing.) Prints the
// figures and where the bytes go, by module, and exits 1 over budget or if Lit's dev-mode build
// slipped in.
//
//   node scripts/check-size.js [--json]
import { breakdown, kb, measureFiles } from './lib/size.js';

async function main() {
  const files = measureFiles();
  const [bundleParts, moduleParts] = await Promise.all([breakdown({ externalLit: false }), breakdown({ externalLit: true })]);
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify({ files, breakdown: { bundle: bundleParts, module: moduleParts } }, null, 2));
  } else {
    console.log('\nSize budget (gzip -9; 1 KB = 1024 bytes)\n');
    console.log('| file | minified | gzip -9 | brotli | budget (gzip) | verdict |');
    console.log('| --- | ---: | ---: | ---: | ---: | --- |');
    for (const f of files) {
      const over = f.gzip - f.gzipLimit;
      const verdict = over > 0 ? `OVER by ${kb(over)}` : `ok, ${kb(-over)} to spare`;
      console.log(`| ${f.file} (${f.label}) | ${kb(f.minified)} | ${kb(f.gzip)} | ${kb(f.brotli)} | ${kb(f.gzipLimit)} | ${verdict} |`);
    }
    console.log('\nWhere the bytes go (lit included; gzip share in proportion to minified bytes)\n');
    console.log('| module | minified | ≈ gzip |');
    console.log('| --- | ---: | ---: |');
    for (const p of bundleParts) console.log(`| ${p.module} | ${p.minified} | ${p.gzipShare} |`);
    const ours = moduleParts.reduce((sum, p) => sum + p.minified, 0);
    console.log(`\n(The element module is the src/ rows alone: ${kb(ours)} minified.)`);
  }
  let failed = false;
  for (const f of files) {
    if (f.devMode.length > 0) {
      console.error(`${f.file} contains Lit's development build (${f.devMode.join(', ')}): build with the "production" condition.`);
      failed = true;
    }
    if (f.gzip > f.gzipLimit) {
      console.error(`${f.file}: ${kb(f.gzip)} gzip is over its budget of ${kb(f.gzipLimit)}.`);
      failed = true;
    }
  }
  process.exit(failed ? 1 : 0);
}

await main();

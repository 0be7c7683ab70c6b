// `npm run bench`: runs every bench/*.bench.js in turn (or those named on the command line,
// e.g. `npm run bench -- polling`) and prints their tables.
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const wanted = process.argv.slice(2);
const files = readdirSync('bench')
  .filter((name) => name.endsWith('.bench.js'))
  .filter((name) => wanted.length === 0 || wanted.some((w) => name.includes(w)))
  .sort();
for (const file of files) {
  console.log(`\n## ${file}`);
  const module = await import(pathToFileURL(resolve('bench', file)).href);
  await module.run();
}

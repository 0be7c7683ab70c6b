// Fails when custom-elements.json no longer describes src/: regenerate it into a temporary
// folder with the same command as `npm run manifest` and compare.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/**
 * The manifest as text to compare: its modules in path order. `cem analyze` lists them in the
 * order it happens to finish reading them, which differs from run to run.
 */
function canonical(text) {
  const manifest = JSON.parse(text);
  manifest.modules?.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return JSON.stringify(manifest);
}

const outdir = mkdtempSync(join(tmpdir(), 'cem-'));
try {
  // cem joins --outdir to the working directory, even an absolute one: pass it relative.
  execFileSync('node_modules/.bin/cem', ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', relative(process.cwd(), outdir)], { stdio: 'ignore' });
  const fresh = canonical(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  let committed = '';
  try {
    committed = canonical(readFileSync('custom-elements.json', 'utf8'));
  } catch {
    // missing or unreadable: reported as stale below
  }
  if (fresh !== committed) {
    console.error('custom-elements.json is stale: run `npm run manifest` and commit the result.');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date.');
} finally {
  rmSync(outdir, { recursive: true, force: true });
}

// Sizes of the published files, as `npm run bench` tables (the budget itself is enforced by
// scripts/check-size.js in `npm test`). Builds first when dist/ is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BUDGETS, breakdown, kb, measureFiles } from '../scripts/lib/size.js';
import { printTable } from './support.js';

export async function run() {
  if (!BUDGETS.every(({ file }) => existsSync(file))) execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
  printTable(
    'Published files (gzip -9, brotli 11; 1 KB = 1024 bytes)',
    measureFiles().map((f) => ({
      file: `${f.file} (${f.label})`,
      minified: kb(f.minified),
      'gzip -9': kb(f.gzip),
      brotli: kb(f.brotli),
      budget: kb(f.gzipLimit),
      within: f.gzip <= f.gzipLimit ? 'yes' : `no (+${kb(f.gzip - f.gzipLimit)})`,
    })),
  );
  const parts = await breakdown({ externalLit: false });
  printTable(
    'Bundle by module (gzip share in proportion to minified bytes)',
    parts.map((p) => ({ module: p.module, minified: p.minified, '≈ gzip': p.gzipShare })),
  );
}

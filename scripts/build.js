// Builds the two published files from src/index.ts, plus the type declarations:
//   dist/dns-import-status.js         ES module, lit and @lit/task external (for bundlers)
//   dist/dns-import-status.bundle.js  one self-contained ES module (for a plain <script type="module">)
//   dist/dns-import-status.d.ts       typings (re-exporting dist/types/)
// Two Vite builds because the two outputs differ in what they leave external.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { build } from 'vite';

const external = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id.startsWith('@lit-labs/');

async function buildOne({ fileName, externalize }) {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => `${fileName}.js` },
      rolldownOptions: { external: externalize ? external : [] },
    },
  });
  // Vite leaves whitespace in ES library output; esbuild removes it without touching the module shape.
  const path = `dist/${fileName}.js`;
  const { code } = await transform(readFileSync(path, 'utf8'), { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
  writeFileSync(path, code);
}

rmSync('dist', { recursive: true, force: true });
await buildOne({ fileName: 'dns-import-status', externalize: true });
await buildOne({ fileName: 'dns-import-status.bundle', externalize: false });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
writeFileSync('dist/dns-import-status.d.ts', "export * from './types/index.js';\n");
console.log('built dist/dns-import-status.js, dist/dns-import-status.bundle.js and typings');

// Builds the published files, plus the type declarations:
//   dist/dns-import-status.js         src/index.ts as an ES module, lit and @lit/task external (for bundlers)
//   dist/dns-import-status.bundle.js  src/index.ts as one self-contained ES module (for a plain <script type="module">)
//   dist/react.js                     src/react.ts, the React component (`dns-import-status/react`), with
//                                     react, @lit/react and the element module external
//   dist/dns-import-status.d.ts, dist/react.d.ts   typings (re-exporting dist/types/)
//   dist/proxy/                       proxy/ (Node: `dns-import-status/proxy` and its command) as written,
//                                     with typings from its JSDoc, strictly type-checked on the way
//   dist/simulator/                   simulator/ (Node: `dns-import-status/simulator`), the same way
// Two Vite builds because the two element outputs differ in what they leave external; the
// React entry has no templates or styles, so esbuild alone builds it.
// Size (scripts/check-size.js holds the budget): Lit's production build (the `production`
// export condition, no dev-mode checks or warnings), the static text of css`` and html``
// templates minified (scripts/lib/minify-templates.js), comments and legal comments dropped.
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { build as esbuild, transform } from 'esbuild';
import { minify } from 'terser';
import { build } from 'vite';
import { minifyTemplatesPlugin } from './lib/minify-templates.js';

// Collapsing whitespace in html`` text is only safe where CSS does not preserve it.
const preservesWhitespace = readdirSync('src', { recursive: true })
  .filter((name) => name.endsWith('.ts'))
  .some((name) => /white-space\s*:\s*(pre|break-spaces)/.test(readFileSync(`src/${name}`, 'utf8')));
if (preservesWhitespace) console.warn('build: a style preserves white-space, so html`` templates are left as written.');

const external = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || id.startsWith('@lit-labs/');

async function buildOne({ fileName, externalize }) {
  await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    resolve: { conditions: ['production', 'module', 'browser'] },
    plugins: [minifyTemplatesPlugin({ html: !preservesWhitespace })],
    build: {
      outDir: 'dist',
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => `${fileName}.js` },
      rolldownOptions: { external: externalize ? external : [] },
    },
  });
  // Vite leaves whitespace in ES library output. terser then minifies the whole file again: two
  // compress passes find about 450 B gzip more than esbuild's single pass (only safe transforms;
  // `#private` names are shortened by the mangler, public names are kept).
  const path = `dist/${fileName}.js`;
  const { code } = await transform(readFileSync(path, 'utf8'), { minify: true, format: 'esm', target: 'es2022', legalComments: 'none' });
  const minified = await minify(code, { module: true, ecma: 2022, compress: { passes: 2 }, mangle: true, format: { ascii_only: true, comments: false } });
  writeFileSync(path, minified.code);
}

/**
 * The React entry imports the element through './index.js', which becomes the published element
 * module: one copy of the element whether an app imports 'dns-import-status', its React entry or
 * both. Besides it, only the events' names (watcher/events.ts, which imports nothing at run time
 * and defines no element) are bundled into it; any other module of src/ would be a second copy,
 * so it is refused.
 */
const elementModuleExternal = {
  name: 'element-module-external',
  setup(b) {
    b.onResolve({ filter: /^\./ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      const fromEntry = args.importer.endsWith('react.ts');
      if (fromEntry && args.path === './index.js') return { path: './dns-import-status.js', external: true };
      if (fromEntry && args.path === './watcher/events.js') return undefined;
      return { errors: [{ text: `${args.path}: src/react.ts may import the element only through './index.js'` }] };
    });
  },
};

async function buildReact() {
  await esbuild({
    entryPoints: ['src/react.ts'],
    outfile: 'dist/react.js',
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    tsconfig: 'tsconfig.json',
    external: ['react', '@lit/react'],
    plugins: [elementModuleExternal],
    logLevel: 'warning',
  });
}

rmSync('dist', { recursive: true, force: true });
await buildOne({ fileName: 'dns-import-status', externalize: true });
await buildOne({ fileName: 'dns-import-status.bundle', externalize: false });
await buildReact();
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
writeFileSync('dist/dns-import-status.d.ts', "export * from './types/index.js';\n");
writeFileSync('dist/react.d.ts', "export * from './types/react.js';\n");
// The signing proxy and the simulated DNS API are Node code with no build step of their own:
// published as written, with typings generated from their JSDoc (strictly type-checked here).
const nodeModules = {
  proxy: readdirSync('proxy').filter((name) => name.endsWith('.js') && !name.endsWith('.node-test.js')).map((name) => `proxy/${name}`),
  simulator: ['simulator/simulated-dns-api.js', 'simulator/simulated-zones.js', 'simulator/simulated-batch-create.js', 'simulator/simulated-records.js'],
};
for (const [folder, files] of Object.entries(nodeModules)) {
  execFileSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '--ignoreConfig', ...files, '--allowJs', '--checkJs', '--strict', '--declaration', '--emitDeclarationOnly', '--outDir', `dist/${folder}`, '--module', 'nodenext', '--target', 'es2022', '--skipLibCheck', '--types', 'node'],
    { stdio: 'inherit' },
  );
  for (const file of files) copyFileSync(file, `dist/${file}`);
}
rmSync('dist/proxy/cli.d.ts');
console.log('built dist/dns-import-status.js, dist/dns-import-status.bundle.js, dist/react.js, dist/proxy/, dist/simulator/ and typings');

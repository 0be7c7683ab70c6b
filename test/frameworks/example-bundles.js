// Serves the framework examples to the browser tests as one ES module each, bundled on request
// with esbuild (React ships CommonJS, Vue's template compiler needs its bundler build):
//   /__examples/react.js   examples/react/* + react, react-dom
//   /__examples/vue.js     examples/vue/*   + vue (with the runtime template compiler)
//   /__examples/angular.js examples/angular/* + Angular, compiled just in time: @angular/compiler
//                          is in the bundle and compiles the component's template (and Angular's
//                          own partially compiled declarations) in the browser. Its decorators are
//                          TypeScript's legacy kind (examples/angular/tsconfig.json), compiled by esbuild.
// `dns-import-status` stays external and maps to /src/index.ts, so the examples drive the
// very element module the other tests load (and coverage counts it). `dns-import-status/react`
// is src/react.ts, bundled (it needs React, which ships CommonJS), with its element import
// external in the same way.
import { build } from 'esbuild';

const ENTRIES = {
  react: `
    export { ImportStatusPanel } from './examples/react/ImportStatusPanel.tsx';
    export { ImportStatusCard } from './examples/react/ImportStatusCard.tsx';
    export { DnsImportStatus as DnsImportStatusReact } from 'dns-import-status/react';
    export { createElement, StrictMode } from 'react';
    export { flushSync } from 'react-dom';
    export { createRoot } from 'react-dom/client';
  `,
  vue: `
    export { mountImportStatus } from './examples/vue/main.ts';
    export { reactive, nextTick } from 'vue';
  `,
  // The JIT compiler first: Angular's packages register their declarations with it on load.
  angular: `
    import '@angular/compiler';
    export { mountConsolePage } from './examples/angular/main.ts';
  `,
};

const TSCONFIGS = { angular: 'examples/angular/tsconfig.json' };

const elementFromSource = {
  name: 'element-from-source',
  setup(b) {
    b.onResolve({ filter: /^dns-import-status$/ }, () => ({ path: '/src/index.ts', external: true }));
    b.onResolve({ filter: /^dns-import-status\/react$/ }, () => ({ path: `${process.cwd()}/src/react.ts` }));
    b.onResolve({ filter: /^\.\/index\.js$/ }, (args) => (args.importer.endsWith('/src/react.ts') ? { path: '/src/index.ts', external: true } : undefined));
  },
};

/** @param {keyof typeof ENTRIES} name */
export async function bundleExample(name) {
  const result = await build({
    stdin: { contents: ENTRIES[name], resolveDir: process.cwd(), loader: 'ts', sourcefile: `examples-${name}.ts` },
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    tsconfig: TSCONFIGS[name] ?? 'examples/tsconfig.json',
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: {
      'process.env.NODE_ENV': '"development"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [elementFromSource],
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** web-test-runner (dev server) plugin. */
export function frameworkExamplesPlugin() {
  const cache = new Map();
  return {
    name: 'framework-examples',
    async serve(context) {
      const match = /^\/__examples\/(react|vue|angular)\.js$/.exec(context.path);
      if (!match) return undefined;
      if (!cache.has(match[1])) cache.set(match[1], bundleExample(match[1]));
      return { body: await cache.get(match[1]), type: 'js' };
    },
  };
}

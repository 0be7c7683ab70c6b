// Serves the framework examples to the browser tests as one ES module each, bundled on request
// with esbuild (React ships CommonJS, Vue's template compiler needs its bundler build):
//   /__examples/react.js   examples/react/* + react, react-dom
//   /__examples/vue.js     examples/vue/*   + vue (with the runtime template compiler)
// `dns-import-status` stays external and maps to /src/index.ts, so the examples drive the
// very element module the other tests load (and coverage counts it).
import { build } from 'esbuild';

const ENTRIES = {
  react: `
    export { ImportStatusPanel } from './examples/react/ImportStatusPanel.tsx';
    export { DnsImportStatusReact } from './examples/react/wrapper.ts';
    export { createElement, StrictMode } from 'react';
    export { flushSync } from 'react-dom';
    export { createRoot } from 'react-dom/client';
  `,
  vue: `
    export { mountImportStatus } from './examples/vue/main.ts';
    export { reactive, nextTick } from 'vue';
  `,
};

const elementFromSource = {
  name: 'element-from-source',
  setup(b) {
    b.onResolve({ filter: /^dns-import-status$/ }, () => ({ path: '/src/index.ts', external: true }));
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
    tsconfig: 'examples/tsconfig.json',
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
      const match = /^\/__examples\/(react|vue)\.js$/.exec(context.path);
      if (!match) return undefined;
      if (!cache.has(match[1])) cache.set(match[1], bundleExample(match[1]));
      return { body: await cache.get(match[1]), type: 'js' };
    },
  };
}

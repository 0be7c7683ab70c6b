// Mounting with Vue's runtime template compiler (the `vue/dist/vue.esm-bundler.js` build).
// With single-file components and Vite, set the same option in vite.config:
//   vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'dns-import-status' } } })
import type { ImportTask, ImportTaskFetcher } from 'dns-import-status';
import { createApp, h } from 'vue';
import { ImportStatusPanel } from './ImportStatusPanel.js';

export interface ImportStatusProps {
  zoneId: string;
  fetcher: ImportTaskFetcher;
  onDone?: (task: ImportTask) => void;
}

/** Mounts the panel; pass a `reactive()` object to change its props later. */
export function mountImportStatus(container: Element, props: ImportStatusProps) {
  const app = createApp({ render: () => h(ImportStatusPanel, { ...props }) });
  app.config.compilerOptions.isCustomElement = (tag) => tag === 'dns-import-status';
  app.mount(container);
  return app;
}

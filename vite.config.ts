// Vite: the demo dev server (`npx vite` → http://127.0.0.1:5173/demo/, the API page at
// /demo/api.html, rendered from /custom-elements.json), with the simulated
// Huawei Cloud DNS API mounted at /api/dns (and its /__sim/ control endpoints).
// src/ uses no decorators (the element declares `static properties`), so Vite's Oxc compiles it
// as plain TypeScript; no decorators plugin is needed.
import { defineConfig, type Plugin } from 'vite';
import { simulatedDnsApi } from './server/simulated-dns-api.js';

/** Serves the simulated DNS API from the dev server and from `vite preview`. */
function simulatedDnsApiPlugin(): Plugin {
  return {
    name: 'simulated-dns-api',
    configureServer(server) {
      server.middlewares.use(simulatedDnsApi());
    },
    configurePreviewServer(server) {
      server.middlewares.use(simulatedDnsApi());
    },
  };
}

export default defineConfig({
  plugins: [simulatedDnsApiPlugin()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    open: '/demo/',
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    open: '/demo/',
  },
});

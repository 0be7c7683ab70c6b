// Vite: the demo dev server (`npx vite` → http://127.0.0.1:5173/demo/, the API page at
// /demo/api.html, rendered from /custom-elements.json), with the simulated
// Huawei Cloud DNS API mounted at /api/dns (and its /__sim/ control endpoints).
// The element declares its properties statically (no decorators), so Vite's Oxc needs no
// decorator setting or plugin.
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

/** `npm start` prints the server's root URL: lead it to the demo instead of a 404. */
function rootToDemoPlugin(): Plugin {
  const redirect = (req: { url?: string }, res: { statusCode: number; setHeader(name: string, value: string): void; end(): void }, next: () => void) => {
    if (req.url !== '/' && req.url !== '/index.html') return next();
    res.statusCode = 302;
    res.setHeader('Location', '/demo/');
    res.end();
  };
  return {
    name: 'root-to-demo',
    configureServer: (server) => void server.middlewares.use(redirect),
    configurePreviewServer: (server) => void server.middlewares.use(redirect),
  };
}

export default defineConfig({
  plugins: [rootToDemoPlugin(), simulatedDnsApiPlugin()],
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

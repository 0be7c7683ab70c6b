// Vite: the demo dev server (`npx vite` → http://127.0.0.1:5173/demo/, the API page at
// /demo/api.html, rendered from /custom-elements.json), with the simulated
// Huawei Cloud DNS API mounted at /api/dns (and its /__sim/ control endpoints).
// With HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK set, /api/dns also reaches your own Huawei Cloud
// account through the signing proxy (dns-import-status/proxy), and the demo shows a field for
// your zone id; the simulated zones (ids starting `zone-`) stay simulated.
// The element declares its properties statically (no decorators), so Vite's Oxc needs no
// decorator setting or plugin.
import { defineConfig, type Plugin } from 'vite';
import { huaweiDnsProxy, type ConnectMiddleware } from './proxy/huawei-dns-proxy.js';
import { simulatedDnsApi } from './simulator/simulated-dns-api.js';

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

/** Mounts the signing proxy in front of the simulator when the official SDK's variables are set. */
function huaweiDnsProxyPlugin(env: NodeJS.ProcessEnv = process.env): Plugin {
  const ak = env['HUAWEICLOUD_SDK_AK'];
  const sk = env['HUAWEICLOUD_SDK_SK'];
  if (!ak || !sk) return { name: 'huawei-dns-proxy-off' };
  const proxy = huaweiDnsProxy({
    ak,
    sk,
    ...(env['HUAWEICLOUD_SDK_PROJECT_ID'] && { projectId: env['HUAWEICLOUD_SDK_PROJECT_ID'] }),
    // Another region's DNS endpoint, or a local stand-in in the tests.
    ...(env['DNS_PROXY_ENDPOINT'] && { endpoint: env['DNS_PROXY_ENDPOINT'] }),
  });
  const simulated = /^\/api\/dns\/v2\/zones\/zone-/;
  const middleware: ConnectMiddleware = (req, res, next) => (simulated.test(req.url ?? '') ? next() : proxy(req, res, next));
  return {
    name: 'huawei-dns-proxy',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
    // The demo's "your own zone" field is there only when the proxy is.
    transformIndexHtml: (html) => html.replace('<form id="own-zone" hidden', '<form id="own-zone"'),
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
  plugins: [rootToDemoPlugin(), huaweiDnsProxyPlugin(), simulatedDnsApiPlugin()],
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

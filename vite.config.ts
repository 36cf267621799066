// Builds the web app into dist/web with two pages: the public portal (index.html, served at /) and the
// signed-in workspace (app.html, served at /app/*). The server serves dist/web and falls back to those pages.
// Every text file also gets .br and .gz copies, which the server picks by the browser's Accept-Encoding.
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { precompressPlugin } from './scripts/precompress';

const webRoot = resolve(import.meta.dirname, 'src/web');

/** In `vite dev`, answers /app/* with app.html as the server does in production. */
function workspaceFallback(): Plugin {
  return {
    name: 'huiqi-workspace-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        if (/^\/app(\/[^.]*)?(\?.*)?$/.test(url)) req.url = '/app.html';
        next();
      });
    },
  };
}

export default defineConfig({
  root: webRoot,
  publicDir: false,
  plugins: [workspaceFallback(), precompressPlugin()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(import.meta.dirname, 'dist/web'),
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // antd marks its modules "use client" for React Server Components; a browser bundle has no use for it.
      checks: { moduleLevelDirective: false },
      input: {
        portal: resolve(webRoot, 'index.html'),
        workspace: resolve(webRoot, 'app.html'),
      },
    },
  },
  server: {
    proxy: { '/api': process.env.HUIQI_API_URL ?? 'http://localhost:3000' },
  },
  preview: {
    proxy: { '/api': process.env.HUIQI_API_URL ?? 'http://localhost:3000' },
  },
});

// Builds the provincial console (src/console) to static files the central serves at /console:
// index.html and content-hashed assets under /console/assets. `npm run build` writes them to
// out/console (what a central run from source serves); the central's own build
// (src/central/build.mjs) writes them beside its dist/cli.js, so a production install ships them.
// `npm run console:dev` serves the pages with hot reload on http://127.0.0.1:5182/console/ and
// passes /console/api to the central at CENTRAL_URL (default http://127.0.0.1:8787).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/console'),
  base: '/console/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5182,
    strictPort: true,
    proxy: { '/console/api': process.env.CENTRAL_URL ?? 'http://127.0.0.1:8787' },
  },
  build: {
    outDir: resolve(import.meta.dirname, 'out/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    // No inline script or style of its own: the central's Content-Security-Policy allows none.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});

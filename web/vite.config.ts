// Builds the reference viewer into web/dist, which the API server serves at `/`.
// Everything is bundled (no CDN, no web fonts): the viewer must work on offline intranets.
import path from 'node:path';
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

const webRoot = path.resolve(__dirname);

export default defineConfig({
  root: webRoot,
  base: './',
  plugins: [preact({ devToolsEnabled: false, prerender: { enabled: false } })],
  build: {
    outDir: path.join(webRoot, 'dist'),
    emptyOutDir: true,
    target: 'es2020',
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `npx vite --config web/vite.config.ts` during development: proxy the API of a local server.
    proxy: {
      '/graphql': { target: 'http://127.0.0.1:4000', ws: true },
    },
  },
});

/**
 * The demo pages (demo/). `npm start` builds them into build/demo/, which the reference server
 * serves next to its API. `npm run dev` serves them from source with Vite on
 * http://127.0.0.1:5173/, forwarding /api (HTTP and WebSocket) to a server running on
 * ATENTO_API (default http://127.0.0.1:3000); `?backend=memory` needs no server at all.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));
const api = process.env['ATENTO_API'] ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  publicDir: false,
  base: './',
  build: {
    outDir: fileURLToPath(new URL('./build/demo', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./demo/index.html', import.meta.url)),
        shop: fileURLToPath(new URL('./demo/shop.html', import.meta.url)),
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    open: false,
    // demo/ is the root; the pages also load ../src/ and node_modules/.
    fs: { allow: [repo] },
    proxy: { '/api': { target: api, ws: true } },
  },
});

/**
 * `npm start`: Vite's dev server over demo/ (http://127.0.0.1:5173/), until the reference server
 * serves the demo pages. Pages import the elements straight from ../src/ (TypeScript, no build).
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const repo = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./demo', import.meta.url)),
  publicDir: false,
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: true,
    open: false,
    // demo/ is the root; the pages also load ../src/ and node_modules/.
    fs: { allow: [repo] },
  },
});

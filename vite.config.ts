/**
 * Library build: one ES module per public entry in dist/, lit bundled in as ONE shared chunk
 * (dist/chunks/lit-*.js) so every element shares a copy and a plain HTML page can load
 * dist/quick-replies.js without an import map. Other shared code lands in dist/chunks/ too.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Public entry points: output path in dist/ (without `.js`) → source file.
 * Add one line per element; keep package.json `exports` in step.
 */
export const entries: Record<string, string> = {
  index: 'src/index.ts',
  adapter: 'src/adapters/adapter.ts',
  'adapters/memory': 'src/adapters/memory/index.ts',
  'quick-replies': 'src/components/quick-replies/quick-replies.ts',
  'mail-thread': 'src/components/mail-thread/mail-thread.ts',
  'mail-composer': 'src/components/mail-composer/mail-composer.ts',
  'chat-widget': 'src/components/chat-widget/chat-widget.ts',
  'conversation-list': 'src/components/conversation-list/conversation-list.ts',
  'agent-panel': 'src/components/agent-panel/agent-panel.ts',
  react: 'src/react.ts',
};

const root = fileURLToPath(new URL('.', import.meta.url));

/** lit, lit-html, lit-element and @lit/reactive-element: the one shared `chunks/lit-*.js`. */
const litCore = /[\\/]node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/]/;

// Storybook also loads this file, but keeps only its plugins and settings outside `build`.
export default defineConfig({
  // Asset URLs (the emoji data) relative to the module that uses them, wherever dist/ is served.
  base: './',
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    copyPublicDir: false,
    reportCompressedSize: true,
    lib: {
      entry: Object.fromEntries(Object.entries(entries).map(([n, f]) => [n, root + f])),
      formats: ['es'],
    },
    rolldownOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
        // Lib mode keeps ES output unminified in layout (for downstream bundlers); ship it minified
        // (pure annotations stay).
        minify: true,
        codeSplitting: {
          groups: [{ name: 'lit', test: litCore, priority: 10 }],
        },
      },
    },
  },
});

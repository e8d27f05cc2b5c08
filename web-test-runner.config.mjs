// Browser tests: @web/test-runner in Debian's Chromium (never a downloaded browser).
// `npx wtr` runs everything; `npx wtr --files test/foo.test.ts` one file; add `--watch` to iterate.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeArgs, chromePath } from './scripts/chromium.mjs';
import { summaryReporter } from './test/reporters/summary-reporter.mjs';
import { reactEsmPlugin } from './test/support/react-esm-plugin.mjs';
import { realServerPlugin } from './test/support/real-server-plugin.mjs';

const mockServiceWorkerPath = fileURLToPath(
  new URL('./node_modules/msw/lib/mockServiceWorker.js', import.meta.url),
);

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: fileURLToPath(new URL('.', import.meta.url)),
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: true,
  // msw's service worker must be served from the site root, or its scope would not cover the test
  // pages (test/adapters/http, test/conformance/msw.test.ts).
  middleware: [
    async function mockServiceWorker(context, next) {
      if (context.path !== '/mockServiceWorker.js') return next();
      context.type = 'application/javascript';
      context.body = await readFile(mockServiceWorkerPath, 'utf8');
    },
  ],
  // One page at a time: keyboard tests need the focused tab, and a background tab stalls.
  concurrency: 1,
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath, args: chromeArgs } })],
  plugins: [
    // `startRealServer()` (test/support/real-server.ts): reference servers for browser tests.
    realServerPlugin(),
    // React 19 as an ES module for the interop test (test/interop/react.test.ts).
    reactEsmPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  // Only real mocha options here: an unknown key crashes mocha and the run hangs.
  testFramework: { config: { timeout: 5000 } },
  // Lit's dev build (the `development` export condition) warns once per page that it is in dev
  // mode; silence only that warning.
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html>
      <head><script>globalThis.litIssuedWarnings = new Set(['dev-mode']);</script></head>
      <body><script type="module" src="${testFramework}"></script></body>
    </html>`,
  testsFinishTimeout: Number(process.env.WTR_TIMEOUT ?? 120_000),
  reporters: [defaultReporter(), summaryReporter()],
};

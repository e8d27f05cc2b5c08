// What every browser benchmark starts from: a Vite dev server over the project (serving
// bench/pages/*) and headless Chromium (Debian's, never a downloaded one).
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromeArgs, chromePath } from '../scripts/chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Starts the server and the browser; the caller closes both (`browser.close()`, `server.close()`). */
export async function startBrowser() {
  process.env.NODE_ENV ??= 'production';
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    server: { host: '127.0.0.1', port: 0, hmr: false },
  });
  await server.listen();
  const { port } = server.httpServer.address();
  const browser = await chromium.launch({
    executablePath: chromePath,
    headless: true,
    args: chromeArgs,
  });
  return { server, port, browser };
}

/** Middle value of `values` (the upper one of an even count). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

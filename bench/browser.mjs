/* global window */
// What every browser benchmark starts from: a Vite dev server over the project (serving
// bench/pages/*) and headless Chromium (Debian's, never a downloaded one).
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';
import { chromeArgs, chromePath } from '../scripts/chromium.mjs';
import { benchRows } from './rows.mjs';

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

/**
 * Runs a benchmark page: starts the server and the browser, opens bench/pages/<page>.ts (through
 * bench/pages/index.html, its `#host` sized `host` when given) in a page of `viewport` size, waits
 * for `window.benchReady`, and calls `measure(page, row)`; closes both at the end. Returns the
 * rows `row` added (see `benchRows`).
 */
export async function benchPage(page, { viewport, host = {} }, measure) {
  const { server, port, browser } = await startBrowser();
  const { rows, row } = benchRows();
  try {
    const tab = await browser.newPage(viewport ? { viewport } : {});
    tab.on('pageerror', (e) => console.error(`bench page error: ${e.message}`));
    const query = new URLSearchParams({ page, ...host });
    await tab.goto(`http://127.0.0.1:${port}/bench/pages/index.html?${query}`);
    await tab.waitForFunction(() => window.benchReady === true, null, { timeout: 60_000 });
    await measure(tab, row);
  } finally {
    await browser.close();
    await server.close();
  }
  return rows;
}

/** Middle value of `values` (the upper one of an even count). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

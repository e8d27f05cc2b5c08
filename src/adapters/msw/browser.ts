/**
 * Starts msw's service worker in a page with the contract served from a memory backend — for
 * Storybook, the demo and browser tests. The worker must be served from the site root
 * (`/mockServiceWorker.js`, see web-test-runner.config.mjs), or its scope misses the page.
 * `msw/browser` is imported on demand, so this module also loads (unused) under Node.
 */
import type { SetupWorker } from 'msw/browser';
import type { MemoryBackend } from '../memory/index.js';
import { createMswHandlers, type MswHandlers, type MswHandlersOptions } from './handlers.js';

export interface StartMockBackendOptions extends MswHandlersOptions {
  /** Log every mocked request to the console (msw's default); default `false`. */
  log?: boolean;
  /** Where the worker script is served; default `/mockServiceWorker.js`. */
  serviceWorkerUrl?: string;
  /** What to do with requests no handler serves; default `bypass` (modules, assets). */
  onUnhandledRequest?: 'bypass' | 'warn' | 'error';
}

export interface MockBackend extends MswHandlers {
  worker: SetupWorker;
  /** Closes the sockets and stops the worker (the backend itself stays usable). */
  stop(): void;
}

export async function startMockBackend(
  backend: MemoryBackend,
  options: StartMockBackendOptions = {},
): Promise<MockBackend> {
  const { setupWorker } = await import('msw/browser');
  const mock = createMswHandlers(backend, options);
  const worker = setupWorker(...mock.handlers);
  await worker.start({
    quiet: !options.log,
    onUnhandledRequest: options.onUnhandledRequest ?? 'bypass',
    serviceWorker: { url: options.serviceWorkerUrl ?? '/mockServiceWorker.js' },
  });
  let running = true;
  return {
    ...mock,
    worker,
    stop() {
      if (!running) return;
      running = false;
      mock.dispose();
      worker.stop();
    },
  };
}

/**
 * One msw service worker per test page, shared by every backend a test file creates: each
 * backend's handlers live under their own base URL and are swapped in and out, so backends of
 * one test (`ctx.extraBackend`) never answer each other's requests.
 */
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { MswHandlers } from '../../src/adapters/msw/index.js';

let worker: Promise<SetupWorker> | undefined;
/** Anything with handlers: a `createMswHandlers` set, or a test's own scripted ones. */
type HandlerSet = Pick<MswHandlers, 'handlers'>;

const active = new Set<HandlerSet>();
let counter = 0;

async function start(): Promise<SetupWorker> {
  const w = setupWorker();
  await w.start({ quiet: true, onUnhandledRequest: 'bypass' });
  return w;
}

/** A base URL no other backend of this page uses. */
export function uniqueBaseUrl(): string {
  counter += 1;
  return `${location.origin}/mock-${counter}`;
}

/** Serves a handler set until `releaseHandlers`. */
export async function useHandlers(mock: HandlerSet): Promise<void> {
  worker ??= start();
  const w = await worker;
  active.add(mock);
  w.resetHandlers(...[...active].flatMap((m) => m.handlers));
}

export async function releaseHandlers(mock: HandlerSet): Promise<void> {
  if (!active.delete(mock) || !worker) return;
  (await worker).resetHandlers(...[...active].flatMap((m) => m.handlers));
}

/** Stops the worker and unregisters it, so later test files load without it. */
export async function stopWorker(): Promise<void> {
  if (!worker) return;
  const w = await worker;
  worker = undefined;
  active.clear();
  w.stop();
  for (const registration of await navigator.serviceWorker.getRegistrations()) {
    await registration.unregister();
  }
}

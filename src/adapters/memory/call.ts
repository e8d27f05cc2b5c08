import { AdapterError, type CallOptions } from '../adapter.js';
import type { Store } from './store.js';
import { copy } from './copy.js';

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms`, rejecting with the signal's reason as soon as it is (or already was) aborted. */
export function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const done = () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs one adapter call the way a remote backend would behave: asynchronously, after the
 * artificial latency, refusing when aborted (with the signal's reason) or when a fault is
 * injected, and returning a deep copy so callers never hold the store's records.
 */
export async function run<T>(
  s: Store,
  options: CallOptions | undefined,
  op: () => T | Promise<T>,
): Promise<T> {
  const signal = options?.signal;
  if (signal?.aborted) throw abortReason(signal);
  if (s.options.latencyMs > 0) await delay(s.options.latencyMs, signal);
  else await Promise.resolve();
  if (signal?.aborted) throw abortReason(signal);
  if (s.disposed) throw new AdapterError('unavailable', 'This memory backend was disposed.');
  if (s.fault) {
    throw new AdapterError(
      s.fault,
      s.fault === 'offline' ? 'The backend cannot be reached.' : 'The backend cannot serve now.',
    );
  }
  return copy(await op());
}

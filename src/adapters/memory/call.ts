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
 *
 * A call is a unit of work: what it changed is written to the persistence (if any) in one
 * transaction when it ends — also when it throws. Operations validate before they mutate, so a
 * refused call has changed nothing; the one deliberate exception is `cancelSend` after the undo
 * window, which commits the send and then reports `committed`, and that commit must be kept. A
 * write the persistence refuses fails a call that succeeded with `unavailable` (the change stays
 * journaled for the next write); a call that failed keeps its own error.
 */
/** Refuses as a remote backend would when it is disposed or a fault is injected. */
export function refuseWhenDown(s: Store): void {
  if (s.disposed) throw new AdapterError('unavailable', 'This memory backend was disposed.');
  if (s.fault) {
    throw new AdapterError(
      s.fault,
      s.fault === 'offline' ? 'The backend cannot be reached.' : 'The backend cannot serve now.',
    );
  }
}

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
  refuseWhenDown(s);
  let result: T;
  try {
    result = await op();
  } catch (error) {
    try {
      s.flush();
    } catch {
      // reported by `flush`; the call's own error is the answer
    }
    throw error;
  }
  s.flush();
  return copy(result);
}

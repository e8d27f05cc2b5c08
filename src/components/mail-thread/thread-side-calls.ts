import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The calls `<mail-thread>` makes beside loading messages: marking the case read, looking the
 * customer up in the block list, refreshing the header after a live event.
 */
export type SideCall = 'markRead' | 'blocked' | 'refresh';

export interface SideCallError {
  call: SideCall;
  error: unknown;
  /** Makes the same call again. */
  retry: () => void;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Runs the side calls and keeps the last failure of each, so the thread shows it as a small
 * inline alert with a retry (adapter errors are shown, never swallowed). A success clears it.
 */
export class SideCalls implements ReactiveController {
  private readonly failures = new Map<SideCall, SideCallError>();

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected() {}

  get errors(): SideCallError[] {
    return [...this.failures.values()];
  }

  /** Runs `fn` as `call`; resolves with its result, or `undefined` when it failed. */
  async run<T>(call: SideCall, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const result = await fn();
      if (this.failures.delete(call)) this.host.requestUpdate();
      return result;
    } catch (error) {
      if (isAbort(error)) return undefined;
      this.failures.set(call, { call, error, retry: () => void this.run(call, fn) });
      this.host.requestUpdate();
      return undefined;
    }
  }

  /** Forgets every failure (another case was opened). */
  clear() {
    if (this.failures.size === 0) return;
    this.failures.clear();
    this.host.requestUpdate();
  }
}

import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface TypingSignalOptions {
  /** Tells the case's visitor whether the agent is typing (`AgentAdapter.setTyping`). */
  send: (conversationId: string, typing: boolean) => Promise<unknown>;
  /** `true` is repeated at most this often while typing continues; default 3 s. */
  throttleMs?: number;
  /** `false` follows this long after the last keystroke; default 4 s. */
  idleMs?: number;
}

/**
 * The agent's typing indicator as the visitor sees it (F-5.4): `true` when typing starts and
 * again at most every `throttleMs` while it goes on (so a visitor who connects meanwhile learns
 * it), `false` after `idleMs` without a keystroke, when the text is emptied, on send, on blur and
 * when the host leaves the page. The signal is best effort: a failed call is not shown to the
 * agent (the next keystroke or the send itself reports a dead connection).
 */
export class TypingSignal implements ReactiveController {
  private target?: string;
  private lastTrue = 0;
  private idle?: ReturnType<typeof setTimeout>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: TypingSignalOptions,
  ) {
    host.addController(this);
  }

  /** Whether `true` was sent and no `false` since. */
  get typing(): boolean {
    return this.target !== undefined;
  }

  /** A keystroke in the case's composer; `hasText` is whether the field still holds text. */
  input(conversationId: string | undefined, hasText: boolean) {
    if (!conversationId || !hasText) {
      this.stop();
      return;
    }
    if (this.target !== undefined && this.target !== conversationId) this.stop();
    const now = Date.now();
    if (this.target === undefined || now - this.lastTrue >= (this.options.throttleMs ?? 3000)) {
      this.target = conversationId;
      this.lastTrue = now;
      this.call(conversationId, true);
    }
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.stop(), this.options.idleMs ?? 4000);
  }

  /** Sends `false` if `true` was the last thing sent. */
  stop() {
    clearTimeout(this.idle);
    this.idle = undefined;
    const target = this.target;
    if (target === undefined) return;
    this.target = undefined;
    this.lastTrue = 0;
    this.call(target, false);
  }

  hostDisconnected() {
    this.stop();
  }

  private call(conversationId: string, typing: boolean) {
    // Best effort by design (see the class comment): nothing to show for a lost indicator.
    this.options.send(conversationId, typing).catch(() => {});
  }
}

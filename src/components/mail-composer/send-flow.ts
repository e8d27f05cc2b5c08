/**
 * Send with an undo window (F-2.9): `send` hands the message to the adapter, which schedules it
 * until `cancellableUntil`; the composer counts down and offers "Cancel", which asks the adapter
 * to restore the draft. The window is the adapter's: the countdown only shows it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AdapterError, type AgentAdapter, type SendReceipt } from '../../adapters/adapter.js';
import type { Draft, Message, OutgoingMessage } from '../../model/index.js';

/** `editing` → `sending` → `countdown` (undo window) → `sent`; `cancelling` back to `editing`. */
export type SendPhase = 'editing' | 'sending' | 'countdown' | 'cancelling' | 'sent';

export interface SendFlowOptions {
  adapter: () => AgentAdapter | undefined;
  /** The message is committed (at once, or when the window closed). */
  onSent: (message: Message) => void;
}

export class SendFlow implements ReactiveController {
  phase: SendPhase = 'editing';
  /** Whole seconds left in the undo window while `countdown`. */
  remaining = 0;
  /** The window's length, for the progress bar. */
  windowSeconds = 0;
  receipt?: SendReceipt;

  private timer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: SendFlowOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    // The adapter commits on its own; the composer only stops counting.
    this.stopTimer();
  }

  /** Sends; rejects with the adapter's error (nothing changed, the composer stays editable). */
  async send(message: OutgoingMessage): Promise<void> {
    const adapter = this.options.adapter();
    if (!adapter) throw new AdapterError('unavailable', 'No adapter.');
    this.set('sending');
    let receipt: SendReceipt;
    try {
      receipt = await adapter.send(message);
    } catch (error) {
      this.set('editing');
      throw error;
    }
    this.receipt = receipt;
    if (!receipt.cancellableUntil) return this.finish();
    const until = Date.parse(receipt.cancellableUntil);
    this.windowSeconds = Math.max(1, Math.round((until - Date.now()) / 1000));
    this.tick(until);
    this.timer = setInterval(() => this.tick(until), 250);
  }

  /**
   * "Cancel" inside the window: resolves with the restored draft. When the window already
   * closed (`committed`), the message counts as sent and `null` is returned.
   */
  async cancel(): Promise<Draft | null> {
    const adapter = this.options.adapter();
    const message = this.receipt?.message;
    if (!adapter || !message || this.phase !== 'countdown') return null;
    this.stopTimer();
    this.set('cancelling');
    try {
      const draft = await adapter.cancelSend(message.id);
      this.receipt = undefined;
      this.set('editing');
      return draft;
    } catch (error) {
      if (error instanceof AdapterError && error.code === 'committed') {
        this.finish();
        return null;
      }
      // Offline or unavailable: the window may still be open; keep counting.
      this.set('countdown');
      this.tick(Date.parse(this.receipt!.cancellableUntil!));
      this.timer = setInterval(() => this.tick(Date.parse(this.receipt!.cancellableUntil!)), 250);
      throw error;
    }
  }

  /** Back to editing after `sent` (the host reuses the composer). */
  reset() {
    this.stopTimer();
    this.receipt = undefined;
    this.set('editing');
  }

  private tick(until: number) {
    const left = Math.ceil((until - Date.now()) / 1000);
    if (left <= 0) return this.finish();
    if (left !== this.remaining || this.phase !== 'countdown') {
      this.remaining = left;
      this.set('countdown');
    }
  }

  private finish() {
    this.stopTimer();
    this.remaining = 0;
    this.set('sent');
    if (this.receipt) this.options.onSent(this.receipt.message);
  }

  private stopTimer() {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private set(phase: SendPhase) {
    this.phase = phase;
    this.host.requestUpdate();
  }
}

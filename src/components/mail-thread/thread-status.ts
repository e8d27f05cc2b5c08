/**
 * Complete / Reopen (F-4.3) of `<mail-thread>`: the header button's call, its pending state and
 * its inline error with a retry.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { AgentAdapter } from '../../adapters/adapter.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { ConversationStatus, ConversationSummary, Id } from '../../model/index.js';
import { emit } from '../internal/atento-element.js';
import { errorMessage } from '../internal/error-message.js';

export interface MailStatusChangeDetail {
  conversationId: Id;
  /** The status asked for. */
  status: ConversationStatus;
}

export interface MailStatusChangedDetail {
  /** The case after the change, as the adapter answered. */
  conversation: ConversationSummary;
}

export interface StatusActionOptions {
  adapter(): AgentAdapter | undefined;
  /** The case shown, if any. */
  summary(): ConversationSummary | undefined;
  /** The adapter answered: show it. */
  applied(summary: ConversationSummary): void;
}

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/**
 * Runs `setStatus` for the shown case after a cancelable `mail-status-change`, and fires
 * `mail-status-changed` once the adapter answered. One call at a time; a failure stays shown
 * (with a retry) until the next attempt or another case.
 */
export class StatusAction implements ReactiveController {
  pending = false;
  private failure?: { status: ConversationStatus; error: unknown };
  private controller?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: StatusActionOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected() {
    this.controller?.abort();
  }

  /** Completes an open case or reopens a completed one. */
  toggle(): Promise<ConversationSummary | undefined> {
    const summary = this.options.summary();
    if (!summary) return Promise.resolve(undefined);
    return this.set(summary.status === 'completed' ? 'open' : 'completed');
  }

  /** Resolves with the updated case, or `undefined` when cancelled, busy or failed. */
  async set(status: ConversationStatus): Promise<ConversationSummary | undefined> {
    const adapter = this.options.adapter();
    const summary = this.options.summary();
    if (!adapter || !summary || this.pending) return undefined;
    const detail = { conversationId: summary.id, status };
    if (!emit(this.host, 'mail-status-change', detail, { cancelable: true })) return undefined;
    const controller = (this.controller = new AbortController());
    this.pending = true;
    this.failure = undefined;
    this.host.requestUpdate();
    try {
      const next = await adapter.setStatus(summary.id, status, { signal: controller.signal });
      if (this.options.summary()?.id !== next.id) return undefined;
      this.options.applied(next);
      emit(this.host, 'mail-status-changed', { conversation: next });
      return next;
    } catch (error) {
      if (!isAbort(error) && this.options.summary()?.id === summary.id)
        this.failure = { status, error };
      return undefined;
    } finally {
      if (this.controller === controller) {
        this.pending = false;
        this.host.requestUpdate();
      }
    }
  }

  /** Another case is shown: forget the pending call and the failure. */
  clear() {
    this.controller?.abort();
    this.controller = undefined;
    this.pending = false;
    this.failure = undefined;
  }

  /** The inline alert of a failed change, with a retry (the side-error pattern of the thread). */
  renderError(i18n: LocalizeController) {
    const failure = this.failure;
    if (!failure) return nothing;
    const what = failure.status === 'completed' ? 'thread.completeError' : 'thread.reopenError';
    return html`<div class="side-errors">
      <div part="side-error" class="side-error" role="alert" data-call="status">
        <span>${i18n.t(what)} ${errorMessage(i18n, failure.error)}</span>
        <button
          part="side-retry"
          class="button small"
          type="button"
          @click=${() => void this.set(failure.status)}
        >
          ${i18n.t('common.retry')}
        </button>
      </div>
    </div>`;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mail-status-change': CustomEvent<MailStatusChangeDetail>;
    'mail-status-changed': CustomEvent<MailStatusChangedDetail>;
  }
}

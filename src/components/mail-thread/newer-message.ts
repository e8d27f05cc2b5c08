/**
 * The newer-message warning: a reply started on a case, then a message from someone else
 * (the customer, another agent) arrived there; the first send is held once and the agent is
 * asked "Llegó un mensaje nuevo mientras escribía. ¿Enviar de todas formas?". Used by
 * `<mail-thread>` for its composer and by `<agent-panel>` for its reply area.
 */
import { css, html } from 'lit';
import type { AgentEvent } from '../../adapters/adapter.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { Id, Message } from '../../model/index.js';
import '../internal/atento-dialog.js';

/** Follows the messages of one case from the moment a reply starts. */
export class NewerMessageWatch {
  private conversationId?: Id;
  private since?: number;
  private me?: Id;
  private newest?: Message;

  /** Whether a reply is being watched. */
  get active(): boolean {
    return this.conversationId !== undefined;
  }

  /** The case watched, if any. */
  get watching(): Id | undefined {
    return this.conversationId;
  }

  /**
   * A reply starts on `conversationId`; `shownUntil` is the registration date of the newest
   * message the agent could see then (older arrivals do not count); `me` is the agent's id (their
   * own messages never count).
   */
  start(conversationId: Id, shownUntil: string | undefined, me: Id | undefined) {
    this.conversationId = conversationId;
    this.since = shownUntil ? Date.parse(shownUntil) : undefined;
    this.me = me;
    this.newest = undefined;
  }

  /** The reply is over (sent, closed, another case). */
  stop() {
    this.conversationId = this.since = this.me = this.newest = undefined;
  }

  /** Feeds a live event. */
  observe(event: AgentEvent) {
    if (event.type !== 'message.created') return;
    const message = event.message;
    if (message.conversationId !== this.conversationId) return;
    if (message.from.kind === 'agent' && message.from.id === this.me) return;
    if (message.from.kind === 'system') return;
    if (this.since !== undefined && Date.parse(message.registeredAt) <= this.since) return;
    this.newest = message;
  }

  /** The message that arrived since the reply started and was not acknowledged, if any. */
  get pending(): Message | undefined {
    return this.newest;
  }

  /** The agent saw the warning: the next send goes through unless yet another message arrives. */
  acknowledge() {
    if (!this.newest) return;
    this.since = Date.parse(this.newest.registeredAt);
    this.newest = undefined;
  }

  /**
   * A send event (`mail-send`, `reply-send`) is on its way: while a newer message is pending, it
   * is cancelled and returned held, for `renderNewerConfirm`; otherwise it goes on.
   */
  hold(event: Event): HeldSend | undefined {
    const message = this.newest;
    if (!message || event.defaultPrevented || !event.cancelable) return undefined;
    event.preventDefault();
    return { message, resend: resender(event) };
  }
}

/** A send held by `NewerMessageWatch.hold`: the newer message, and how to send again. */
export interface HeldSend {
  message: Message;
  resend?: () => void;
}

/**
 * How to send again what a cancelled send event was about to send: the `send()` of the composer
 * that fired it (`<mail-composer>`, the chat composer), found on the event's path.
 */
function resender(event: Event): (() => void) | undefined {
  for (const node of event.composedPath()) {
    const send = (node as { send?: unknown }).send;
    if (typeof send === 'function') return () => void (send as () => unknown).call(node);
  }
  return undefined;
}

export interface NewerConfirmActions {
  /** "Ver mensaje": show the new message (the watch is acknowledged first). */
  show(): void;
  /** The dialog closed (either button, Escape, the close button). */
  closed(): void;
}

/**
 * The confirm for a held send: the new message's author and first line, "Ver mensaje" and
 * "Enviar" (which sends what was held); both acknowledge the watch first. Rendered with `open`, so
 * it shows as soon as it is in the document (focus starts on its close button, not on "Enviar",
 * so a second Enter does not send); focus returns to where it was. Styled by
 * `newerConfirmStyles`.
 */
export function renderNewerConfirm(
  i18n: LocalizeController,
  watch: NewerMessageWatch,
  held: HeldSend,
  actions: NewerConfirmActions,
) {
  const message = held.message;
  const preview = message.text.trim().split('\n')[0]?.slice(0, 140) ?? '';
  const close = (event: Event, then: () => void) => {
    (event.target as HTMLElement).closest('atento-dialog')?.close();
    watch.acknowledge();
    then();
  };
  return html`<atento-dialog
    part="newer-confirm"
    label=${i18n.t('thread.newerTitle')}
    open
    @atento-dialog-close=${actions.closed}
  >
    <p class="newer-question">${i18n.t('thread.newerBody')}</p>
    <blockquote class="newer-message">
      <strong dir="auto">${message.from.name || message.from.address || ''}</strong>
      <span dir="auto">${preview}</span>
    </blockquote>
    <button
      slot="footer"
      class="button"
      type="button"
      @click=${(e: Event) => close(e, actions.show)}
    >
      ${i18n.t('thread.newerShow')}
    </button>
    <button
      slot="footer"
      class="button primary"
      type="button"
      @click=${(e: Event) => close(e, () => held.resend?.())}
    >
      ${i18n.t('thread.newerSend')}
    </button>
  </atento-dialog>`;
}

/** The question and the quoted message of `renderNewerConfirm`'s dialog. */
export const newerConfirmStyles = css`
  .newer-question {
    margin: 0 0 var(--_space);
  }
  .newer-message {
    display: grid;
    gap: 2px;
    margin: 0;
    padding: var(--_space);
    border-inline-start: 3px solid var(--_color-accent);
    background: var(--_color-surface-sunken);
    overflow-wrap: anywhere;
  }
`;

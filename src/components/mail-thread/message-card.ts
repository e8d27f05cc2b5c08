import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Message } from '../../model/index.js';
import { AtentoElement, emit } from '../internal/atento-element.js';
import type { MenuItem as MenuButtonItem, MenuSelectDetail } from '../internal/menu-button.js';
import { renderChat } from './chat-bubble.js';
import './mail-body.js';
import { styles } from './message-card.styles.js';
import { renderActions, renderOpenSummary } from './message-header.js';
import { FULL_DATE, senderLabel } from './message-meta.js';
import { renderRecipients } from './message-recipients.js';
import { isToMe, renderClosedSummary } from './message-summary.js';

export type MailReplyMode = 'reply' | 'replyAll' | 'forward';

export interface MailReplyDetail {
  mode: MailReplyMode;
  message: Message;
}

export type MailMessageActionName = 'detail' | 'addContact' | 'block';

export interface MailMessageActionDetail {
  action: MailMessageActionName;
  message: Message;
}

export interface MailMessageToggleDetail {
  messageId: string;
  expanded: boolean;
}

/** One entry of the "More options" menu. */
interface MenuItem extends MenuButtonItem {
  id: MailReplyMode | MailMessageActionName;
}

/**
 * One message of `<mail-thread>`, rendered by the thread as an `article` of its `feed`.
 *
 * An email is a one-line summary (sender or "(Agent)", "to me" or the recipient's local part, a
 * snippet, attachment mark, status, channel tag and date) that is a disclosure button; expanded,
 * it shows the sender's address, the To and CC lines, "Reply" and a "More options" menu in place
 * of the date, the sanitized body (`<atento-mail-body>`, whose frame exists only while expanded)
 * and, while `composing`, the `composer` slot. A chat message is a compact bubble instead (F-1.11).
 *
 * The host takes `role="article"`, `tabindex="-1"` (the feed moves focus between articles) and an
 * `aria-label` of sender and date; the thread sets `aria-posinset`/`aria-setsize` through
 * `posinset`/`setsize`.
 *
 * @summary A message of the thread: email card with disclosure and actions, or chat bubble.
 *
 * @fires {CustomEvent<MailMessageToggleDetail>} mail-message-toggle - The summary was clicked (or
 *   Enter/Space): `expanded` has already flipped to `detail.expanded`.
 * @fires {CustomEvent<MailReplyDetail>} mail-reply - "Reply", "Reply all" or "Forward" was chosen.
 *   Cancelable: unless cancelled, the thread opens the composer under the message.
 * @fires {CustomEvent<MailMessageActionDetail>} mail-message-action - "Detail", "Add contact" or
 *   "Add to block list" was chosen: the thread opens the matching dialog.
 *
 * @slot composer - The reply editor, shown under the body while `composing`.
 *
 * @csspart card - The email card's frame.
 * @csspart header - The row holding the summary and the actions.
 * @csspart summary - The disclosure button (the whole one-line summary).
 * @csspart sender - The sender's name, or "(Agent)".
 * @csspart sender-address - The sender's address (expanded).
 * @csspart agent-tag - "(Agent)" next to an agent's name (expanded).
 * @csspart recipient - "to me" or the recipient's local part (collapsed).
 * @csspart snippet - The first line of the text (collapsed).
 * @csspart attachment-mark - Paperclip and count of attachments (collapsed).
 * @csspart status - Delivery status of an outbound message.
 * @csspart channel-tag - "Email" or "Web chat".
 * @csspart date - The `<time>` of the message.
 * @csspart actions - Date, "Reply" and "More options" (expanded).
 * @csspart reply-button - The "Reply" button.
 * @csspart more-button - The "More options" menu button.
 * @csspart recipients - The To and CC lines (expanded).
 * @csspart recipients-toggle - The "and N more" / "show fewer" button.
 * @csspart error - Why an outbound message failed (expanded).
 * @csspart body - The region holding `<atento-mail-body>`.
 * @csspart composer - The wrapper of the `composer` slot.
 * @csspart bubble - A chat message's bubble.
 * @csspart author - The agent's name above a chat bubble.
 * @csspart text - A chat message's text.
 * @csspart attachment - A chat attachment link.
 * @csspart meta - Channel tag, time and status under a chat bubble.
 *
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-color-text-muted - Secondary text (recipient, snippet, date).
 * @cssprop --atento-color-surface - Card background.
 * @cssprop --atento-color-surface-sunken - Inbound chat bubble and tag background.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-accent - Links, reply button.
 * @cssprop --atento-color-accent-soft - Outbound chat bubble tint.
 * @cssprop --atento-color-danger - Failed status.
 * @cssprop --atento-color-warning - Scheduled status.
 * @cssprop --atento-color-warning-soft - Scheduled status background.
 * @cssprop --atento-color-focus - Focus ring.
 * @cssprop --atento-radius - Card corner radius.
 * @cssprop --atento-radius-small - Button and tag corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('mail-message')
export class MailMessage extends AtentoElement {
  static override styles = [...AtentoElement.styles, styles];

  /** The message to show. */
  @property({ attribute: false }) message?: Message;

  /** Whether the email shows its body and actions (ignored for chat). */
  @property({ type: Boolean, reflect: true }) expanded = false;

  /**
   * The signed-in agent's own addresses (and the shared mailboxes they answer): an inbound email
   * to or copying one of them shows "to me". When empty, every inbound email counts as "to me"
   * (it reached the agent's inbox).
   */
  @property({ attribute: false }) agentAddresses: string[] = [];

  /** Let the body load remote images (passed to `<atento-mail-body>`). */
  @property({ type: Boolean, reflect: true, attribute: 'show-remote' }) showRemote = false;

  /** Show the `composer` slot under the body. */
  @property({ type: Boolean, reflect: true }) composing = false;

  /** Position in the feed, reflected as `aria-posinset` (set by the thread). */
  @property({ type: Number, reflect: true, attribute: 'aria-posinset' }) posinset?: number;

  /** Size of the feed, reflected as `aria-setsize` (set by the thread; -1 when unknown). */
  @property({ type: Number, reflect: true, attribute: 'aria-setsize' }) setsize?: number;

  /** Whether the expanded header lists every recipient. */
  @state() private allRecipients = false;

  override connectedCallback() {
    super.connectedCallback();
    if (!this.hasAttribute('role')) this.setAttribute('role', 'article');
    if (!this.hasAttribute('tabindex')) this.setAttribute('tabindex', '-1');
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('message') && changed.get('message')?.id !== this.message?.id) {
      this.allRecipients = false;
    }
  }

  protected override updated() {
    const message = this.message;
    if (!message) {
      this.removeAttribute('aria-label');
      return;
    }
    const label = this.i18n.t('message.label', {
      sender: senderLabel(this.i18n, message, true),
      date: this.i18n.date(message.registeredAt, FULL_DATE),
    });
    if (this.getAttribute('aria-label') !== label) this.setAttribute('aria-label', label);
  }

  /** Expands or collapses the email (or sets `force`) and fires `mail-message-toggle`. */
  toggle(force?: boolean) {
    const next = force ?? !this.expanded;
    if (next === this.expanded || !this.message) return;
    this.expanded = next;
    emit(this, 'mail-message-toggle', { messageId: this.message.id, expanded: next });
  }

  /** Fires `mail-reply`; returns `false` when a listener cancelled it. */
  reply(mode: MailReplyMode): boolean {
    const message = this.message;
    if (!message) return false;
    return emit(this, 'mail-reply', { mode, message }, { cancelable: true });
  }

  private action(action: MailMessageActionName) {
    const message = this.message;
    if (message) emit(this, 'mail-message-action', { action, message });
  }

  private onMenuSelect(event: CustomEvent<MenuSelectDetail>) {
    event.stopPropagation();
    const id = event.detail.id as MenuItem['id'];
    if (id === 'reply' || id === 'replyAll' || id === 'forward') this.reply(id);
    else if (id === 'detail' || id === 'addContact' || id === 'block') this.action(id);
  }

  /** The "More options" items: four for every message, six for a customer's. */
  get menuItems(): MenuItem[] {
    const t = this.i18n;
    const items: MenuItem[] = [
      { id: 'reply', label: t.t('message.reply') },
      { id: 'replyAll', label: t.t('message.replyAll') },
      { id: 'forward', label: t.t('message.forward') },
      { id: 'detail', label: t.t('message.detail') },
    ];
    if (this.message?.from.kind === 'contact') {
      items.push(
        { id: 'addContact', label: t.t('message.addContact') },
        { id: 'block', label: t.t('message.block'), danger: true },
      );
    }
    return items;
  }

  // ——— render ———

  override render() {
    const message = this.message;
    if (!message) return nothing;
    return message.channel === 'chat' ? renderChat(this.i18n, message) : this.renderEmail(message);
  }

  private renderEmail(message: Message) {
    const expanded = this.expanded;
    const t = this.i18n;
    return html`<div part="card" class="card ${expanded ? 'expanded' : 'collapsed'}">
      <div part="header" class="header">
        <button
          part="summary"
          class="summary"
          type="button"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="body"
          @click=${() => this.toggle()}
        >
          ${
            expanded
              ? renderOpenSummary(t, message)
              : renderClosedSummary(t, message, isToMe(message, this.agentAddresses))
          }
        </button>
        ${
          expanded
            ? renderActions(t, message, {
                items: this.menuItems,
                onReply: () => this.reply('reply'),
                onSelect: this.onMenuSelect,
              })
            : nothing
        }
      </div>
      ${
        expanded
          ? renderRecipients(t, message, this.allRecipients, () => {
              this.allRecipients = !this.allRecipients;
            })
          : nothing
      }
      ${
        expanded && message.status === 'failed' && message.error
          ? html`<p part="error" class="error" role="status">
              ${t.t('message.failedReason', { error: message.error })}
            </p>`
          : nothing
      }
      <div id="body" part="body" class="body" ?hidden=${!expanded}>
        ${
          expanded
            ? html`<atento-mail-body
                .message=${message}
                ?show-remote=${this.showRemote}
              ></atento-mail-body>`
            : nothing
        }
      </div>
      ${
        this.composing
          ? html`<div part="composer" class="composer"><slot name="composer"></slot></div>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mail-message': MailMessage;
  }
  interface GlobalEventHandlersEventMap {
    'mail-reply': CustomEvent<MailReplyDetail>;
    'mail-message-action': CustomEvent<MailMessageActionDetail>;
    'mail-message-toggle': CustomEvent<MailMessageToggleDetail>;
  }
}

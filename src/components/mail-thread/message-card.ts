import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  formatAddress,
  localPart,
  normalizeAddress,
  type Attachment,
  type DeliveryStatus,
  type EmailAddress,
  type Message,
} from '../../model/index.js';
import { AtentoElement, emit } from '../internal/atento-element.js';
import { linkify } from '../internal/linkify.js';
import '../internal/menu-button.js';
import { isSafeAttachmentUrl } from './email-html.js';
import './mail-body.js';
import { styles } from './message-card.styles.js';

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

/** One entry of the "More options" menu (the shape `<atento-menu-button>` takes). */
interface MenuItem {
  id: MailReplyMode | MailMessageActionName;
  label: string;
  danger?: boolean;
}

/** Outbound statuses worth a badge (`sent` is the normal case and stays quiet). */
const BADGED: ReadonlySet<DeliveryStatus> = new Set([
  'scheduled',
  'sending',
  'failed',
  'cancelled',
]);

/** How many To (and CC) addresses the expanded header lists before "and N more". */
const RECIPIENTS_SHOWN = 3;

const PAPERCLIP = svg`<path d="m21 11-8.6 8.6a5 5 0 0 1-7-7L14 4a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4L15.6 7"/>`;

const ATTRIBUTION = /(?:wrote|escribió|escribio|a écrit|schrieb|scrisse|escreveu)\s*:\s*$/i;

/**
 * The summary's snippet: the text from its first meaningful line, on one line. Blank lines,
 * quoted lines (`>`), the attribution above a quote and a signature (`-- `) are left out.
 */
export function snippetOf(text: string, max = 200): string {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '--' || raw.startsWith('-- ') || ATTRIBUTION.test(line)) break;
    if (!line || line.startsWith('>') || !/[\p{L}\p{N}]/u.test(line)) continue;
    lines.push(line);
    if (lines.join(' ').length >= max) break;
  }
  const joined = lines.join(' ').replace(/\s+/g, ' ');
  return joined.length > max ? joined.slice(0, max) : joined;
}

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/** Today: the time; this year: day, month and time; before: the full date and time. */
export function dateStyleFor(date: Date, now = new Date()): Intl.DateTimeFormatOptions {
  if (sameDay(date, now)) return { hour: 'numeric', minute: '2-digit' };
  if (date.getFullYear() === now.getFullYear())
    return { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
  return { dateStyle: 'medium', timeStyle: 'short' };
}

const FULL_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

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
      sender: this.senderLabel(message, true),
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

  private onMenuSelect(event: CustomEvent<{ id: string }>) {
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

  // ——— texts ———

  /** Name, else address, else "(no sender)"; agents are "(Agent)" in the summary. */
  private senderLabel(message: Message, full = false): string {
    const { kind, name, address } = message.from;
    const who = name?.trim() || address?.trim();
    if (kind === 'agent') {
      return full && who ? `${who} ${this.i18n.t('message.agent')}` : this.i18n.t('message.agent');
    }
    if (who) return who;
    return message.channel === 'chat' && message.direction === 'inbound'
      ? this.i18n.t('message.visitor')
      : this.i18n.t('message.noSender');
  }

  private isToMe(message: Message): boolean {
    if (message.direction !== 'inbound') return false;
    if (this.agentAddresses.length === 0) return true;
    const mine = new Set(this.agentAddresses.map(normalizeAddress));
    return [...message.to, ...message.cc].some((r) => mine.has(normalizeAddress(r.address)));
  }

  private renderDate(message: Message, small = false) {
    const date = new Date(message.registeredAt);
    if (Number.isNaN(date.getTime())) return nothing;
    return html`<time
      part="date"
      class="date ${small ? 'small' : ''}"
      datetime=${message.registeredAt}
      title=${this.i18n.date(date, FULL_DATE)}
      >${this.i18n.date(date, dateStyleFor(date))}</time
    >`;
  }

  private renderStatus(message: Message, all = false) {
    if (message.direction !== 'outbound') return nothing;
    if (!all && !BADGED.has(message.status)) return nothing;
    const title =
      message.status === 'failed' && message.error
        ? this.i18n.t('message.failedReason', { error: message.error })
        : nothing;
    return html`<span part="status" class="status status-${message.status}" title=${title}
      >${this.i18n.t(`message.status.${message.status}` as const)}</span
    >`;
  }

  private renderChannelTag(message: Message) {
    return html`<span part="channel-tag" class="channel-tag"
      >${this.i18n.t(message.channel === 'chat' ? 'message.channel.chat' : 'message.channel.email')}</span
    >`;
  }

  // ——— render ———

  override render() {
    const message = this.message;
    if (!message) return nothing;
    return message.channel === 'chat' ? this.renderChat(message) : this.renderEmail(message);
  }

  private renderEmail(message: Message) {
    const expanded = this.expanded;
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
          ${expanded ? this.renderOpenSummary(message) : this.renderClosedSummary(message)}
        </button>
        ${expanded ? this.renderActions(message) : nothing}
      </div>
      ${expanded ? this.renderRecipients(message) : nothing}
      ${
        expanded && message.status === 'failed' && message.error
          ? html`<p part="error" class="error" role="status">
              ${this.i18n.t('message.failedReason', { error: message.error })}
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

  private renderClosedSummary(message: Message) {
    const listed = message.attachments.filter((a) => !a.inline).length;
    return html`<span part="sender" class="sender" dir="auto">${this.senderLabel(message)}</span>
      ${this.renderRecipientSummary(message)}
      <span part="snippet" class="snippet" dir="auto">${snippetOf(message.text)}</span>
      <span class="marks">
        ${
          listed > 0
            ? html`<span part="attachment-mark" class="attachment-mark">
                ${this.renderPaperclip()}<span aria-hidden="true">${listed}</span>
                <span class="visually-hidden"
                  >${this.i18n.t('message.attachments', { count: listed })}</span
                >
              </span>`
            : nothing
        }
        ${this.renderStatus(message)} ${this.renderChannelTag(message)} ${this.renderDate(message)}
      </span>`;
  }

  private renderRecipientSummary(message: Message) {
    if (this.isToMe(message)) {
      return html`<span part="recipient" class="recipient">${this.i18n.t('message.toMe')}</span>`;
    }
    const all = [...message.to, ...message.cc];
    const first = all[0];
    if (!first) {
      return html`<span part="recipient" class="recipient"
        >${this.i18n.t('message.noRecipient')}</span
      >`;
    }
    const more = all.length - 1;
    return html`<span part="recipient" class="recipient"
      ><span class="recipient-name" dir="auto">${localPart(first.address)}</span>${
        more > 0
          ? html` <span class="more-count" aria-hidden="true"
                >${this.i18n.t('message.moreCount', { count: more })}</span
              ><span class="visually-hidden"
                >${this.i18n.t('message.moreCountLabel', { count: more })}</span
              >`
          : nothing
      }</span
    >`;
  }

  private renderOpenSummary(message: Message) {
    const { kind, name, address } = message.from;
    const shownName = name?.trim() || address?.trim() || this.i18n.t('message.noSender');
    return html`<span part="sender" class="sender strong" dir="auto">${shownName}</span>
      ${
        kind === 'agent'
          ? html`<span part="agent-tag" class="agent-tag">${this.i18n.t('message.agent')}</span>`
          : nothing
      }
      ${
        name?.trim() && address
          ? html`<span part="sender-address" class="sender-address" dir="ltr"
              >&lt;${address}&gt;</span
            >`
          : nothing
      }
      <span class="marks">${this.renderStatus(message)} ${this.renderChannelTag(message)}</span>`;
  }

  private renderActions(message: Message) {
    return html`<div part="actions" class="actions">
      ${this.renderDate(message, true)}
      <button
        part="reply-button"
        class="button reply"
        type="button"
        @click=${() => this.reply('reply')}
      >
        <svg
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          stroke-width="1.8"
          stroke-linecap="round"
          stroke-linejoin="round"
          aria-hidden="true"
        >
          <path d="M9 14 4 9l5-5" />
          <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
        </svg>
        ${this.i18n.t('message.reply')}
      </button>
      <atento-menu-button
        part="more-button"
        class="more"
        label=${this.i18n.t('message.more')}
        .items=${this.menuItems}
        @atento-menu-select=${this.onMenuSelect}
      ></atento-menu-button>
    </div>`;
  }

  private renderRecipients(message: Message) {
    const lines: Array<[string, EmailAddress[]]> = [
      [this.i18n.t('message.to'), message.to],
      [this.i18n.t('message.cc'), message.cc],
    ];
    let hidden = 0;
    const rendered = lines
      .filter(([, list]) => list.length > 0)
      .map(([label, list]) => {
        const shown = this.allRecipients ? list : list.slice(0, RECIPIENTS_SHOWN);
        hidden += list.length - shown.length;
        return html`<div class="recipient-line">
          <span class="recipient-label">${label}:</span>
          <span class="recipient-list" dir="auto"
            >${shown.map(formatAddress).join(', ')}${list.length > shown.length ? ', …' : ''}</span
          >
        </div>`;
      });
    if (rendered.length === 0) return nothing;
    const expandable = hidden > 0 || this.allRecipients;
    return html`<div part="recipients" class="recipients">
      ${rendered}
      ${
        expandable
          ? html`<button
              part="recipients-toggle"
              class="link-button"
              type="button"
              aria-expanded=${this.allRecipients ? 'true' : 'false'}
              @click=${() => (this.allRecipients = !this.allRecipients)}
            >
              ${
                this.allRecipients
                  ? this.i18n.t('message.showFewerRecipients')
                  : this.i18n.t('message.showMoreRecipients', { count: hidden })
              }
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderPaperclip() {
    return html`<svg
      class="icon"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
    >
      ${PAPERCLIP}
    </svg>`;
  }

  private renderChat(message: Message) {
    const outbound = message.direction === 'outbound';
    const showAuthor = message.from.kind === 'agent' && message.from.name.trim();
    return html`<div class="chat ${outbound ? 'outbound' : 'inbound'}">
      ${
        showAuthor
          ? html`<span part="author" class="author" dir="auto">${message.from.name}</span>`
          : nothing
      }
      <div part="bubble" class="bubble">
        ${
          message.text.trim()
            ? html`<p part="text" class="text" dir="auto">${linkify(message.text)}</p>`
            : nothing
        }
        ${
          message.attachments.length
            ? html`<ul class="chat-attachments">
                ${message.attachments.map((a) => this.renderChatAttachment(a))}
              </ul>`
            : nothing
        }
      </div>
      <div part="meta" class="meta">
        ${this.renderChannelTag(message)} ${this.renderDate(message)}
        ${outbound ? this.renderStatus(message, true) : nothing}
      </div>
    </div>`;
  }

  private renderChatAttachment(attachment: Attachment) {
    const text = this.i18n.t('message.attachmentLink', {
      name: attachment.name,
      size: this.i18n.fileSize(attachment.size),
    });
    return html`<li>
      ${this.renderPaperclip()}
      ${
        isSafeAttachmentUrl(attachment.url)
          ? html`<a
              part="attachment"
              href=${attachment.url}
              target="_blank"
              rel="noopener noreferrer"
              download=${attachment.name}
              dir="auto"
              >${text}</a
            >`
          : html`<span part="attachment" dir="auto">${text}</span>`
      }
    </li>`;
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

import { html, LitElement, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isValidAddress } from '../../../model/address.js';
import { acceptAttribute, checkFile } from '../../../model/attachment.js';
import { resolveTemplate } from '../../../model/personalization.js';
import { reset, tokens } from '../../../styles/tokens.js';
import { linkify } from '../../internal/linkify.js';
import { chatLocale, t, type ChatLocale, type ChatStringKey } from '../strings.js';
import { styles } from './chat-window.styles.js';
import type { ChatFailure, ChatMessage, ChatSessionLike, ChatStateLike } from './session-like.js';

/** A file chosen in the composer: uploading, uploaded (with its id) or failed. */
interface PendingFile {
  key: number;
  name: string;
  progress: number;
  id?: string;
  controller: AbortController;
}

type Field = 'name' | 'email';

const TYPING_IDLE_MS = 4000;
/** The visitor message schema's limit (contract `visitorMessage.text`). */
const MAX_TEXT = 20_000;
/** Pixels from the top of the log that start loading older messages. */
const TOP_MARGIN = 48;

const icon = (content: TemplateResult<2>) =>
  html`<svg
    viewBox="0 0 24 24"
    width="20"
    height="20"
    fill="none"
    stroke="currentColor"
    stroke-width="1.8"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    ${content}
  </svg>`;

const CLOSE = svg`<path d="M7 7l10 10M17 7 7 17"/>`;
const CLIP = svg`<path d="m21 11-8.6 8.6a5 5 0 0 1-7-7L14 4a3.3 3.3 0 0 1 4.7 4.7l-8.6 8.6a1.7 1.7 0 0 1-2.4-2.4L15.6 7"/>`;
const SMILE = svg`<circle cx="12" cy="12" r="9"/><path d="M8.5 14.5a4.5 4.5 0 0 0 7 0"/><path d="M9 9.5v.01M15 9.5v.01" stroke-width="2.6"/>`;
const SEND = svg`<path d="M4 12 20 4l-6 16-3-7z"/><path d="m11 13 9-9"/>`;

const DELIVERY_MARK: Record<ChatMessage['delivery'], string> = {
  sending: '◷',
  sent: '✓',
  read: '✓✓',
  failed: '!',
};

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? '') + (words.length > 1 ? words[words.length - 1]![0] : ''))
    .toUpperCase()
    .slice(0, 2);
}

function dayKey(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/**
 * The opened visitor chat (F-5.1, F-5.3, F-5.4, F-5.7): a non-modal dialog with a header (brand,
 * agents' presence, expected reply time), the conversation as a polite live log with day
 * separators and delivery states, the email capture form when the campaign requires it, and a
 * composer with attachments (campaign limits) and a lazily loaded emoji picker. It renders a chat
 * session and calls it; it keeps no copy of the conversation.
 *
 * @summary The chat window of `<chat-widget>`, loaded on first open.
 *
 * @fires {CustomEvent<null>} chat-window-close - The visitor asked to close the window (close button
 *   or Escape).
 *
 * @csspart window - The dialog.
 * @csspart header - Brand, presence and close button.
 * @csspart close - The close button.
 * @csspart log - The message list.
 * @csspart message - One message bubble row (also `visitor-message` or `agent-message`).
 * @csspart capture - The email capture form.
 * @csspart composer - The composer.
 * @csspart input - The message textarea.
 * @csspart send - The send button.
 *
 * @cssprop --atento-color-accent - Brand colour: header, visitor bubbles, send button.
 * @cssprop --atento-color-on-accent - Text on the brand colour.
 * @cssprop --atento-color-surface - Window background.
 * @cssprop --atento-color-surface-sunken - Agent bubbles.
 * @cssprop --atento-color-warning-soft - Offline and storage notes.
 * @cssprop --atento-radius - Window and bubble corners.
 */
@customElement('atento-chat-window')
export class ChatWindow extends LitElement {
  static override styles = [tokens, reset, styles];

  /** The chat session to render (`chat-session.ts`, or anything shaped like `ChatSessionLike`). */
  @property({ attribute: false }) session?: ChatSessionLike;

  /** Interface language: `es` (default) or `en`. */
  @property({ reflect: true }) locale: ChatLocale = 'es';

  /** Name shown in the header; the campaign's name when unset. */
  @property({ attribute: 'brand-name' }) brandName?: string;

  @state() private chat?: ChatStateLike;
  @state() private pending: PendingFile[] = [];
  @state() private notice = '';
  @state() private emojiLoaded = false;
  @state() private offerDismissed = false;
  /** The offered (optional) capture card shows its fields. */
  @state() private offerOpen = false;
  @state() private fieldErrors: Partial<Record<Field, ChatStringKey>> = {};
  @state() private identifying = false;
  @state() private identifyError = '';
  @state() private identified = '';
  @state() private loadingOlder = false;

  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('[part~=log]') private log?: HTMLElement;
  @query('input[type=file]') private fileInput?: HTMLInputElement;

  private unsubscribe?: () => void;
  private typingOn = false;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private fileKey = 0;
  /** After a send: the message count to scroll past (the visitor's own message shows at once). */
  private stickAt = -1;
  /** Scroll facts measured before an update, to keep the reader's place after it. */
  private scrollMemo?: { atBottom: boolean; height: number; top: number; firstId?: string };

  override connectedCallback() {
    super.connectedCallback();
    this.subscribe();
    this.addEventListener('keydown', this.onHostKeydown);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.stopTyping();
    this.removeEventListener('keydown', this.onHostKeydown);
    for (const file of this.pending) file.controller.abort();
  }

  /** Focuses the first field the visitor needs: the capture form's or the message box. */
  override focus(options?: FocusOptions) {
    const target =
      this.renderRoot.querySelector<HTMLElement>('form[data-required] input') ?? this.textarea;
    target?.focus(options);
  }

  private subscribe() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const session = this.session;
    this.chat = session?.state;
    if (!session || !this.isConnected) return;
    this.unsubscribe = session.subscribe((next) => {
      this.chat = next;
      this.requestUpdate();
    });
  }

  private text(key: ChatStringKey, params?: Record<string, string | number>) {
    return t(chatLocale(this.locale), key, params);
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('session')) this.subscribe();
    const log = this.log;
    if (log)
      this.scrollMemo = {
        atBottom: log.scrollHeight - log.scrollTop - log.clientHeight < 40,
        height: log.scrollHeight,
        top: log.scrollTop,
        firstId: log.querySelector<HTMLElement>('[data-id]')?.dataset['id'],
      };
  }

  protected override updated(changed: PropertyValues) {
    const log = this.log;
    if (!log) return;
    const before = this.scrollMemo;
    this.scrollMemo = undefined;
    const firstId = log.querySelector<HTMLElement>('[data-id]')?.dataset['id'];
    if (!before || before.height === 0) {
      log.scrollTop = log.scrollHeight;
    } else if (before.firstId && firstId !== before.firstId && !before.atBottom) {
      // Older messages were added above: keep what the reader was looking at in place.
      log.scrollTop = before.top + (log.scrollHeight - before.height);
    } else if (before.atBottom || changed.has('session') || this.stickAt >= 0) {
      log.scrollTop = log.scrollHeight;
    }
    if (this.stickAt >= 0 && (this.chat?.messages.length ?? 0) > this.stickAt) this.stickAt = -1;
  }

  private onHostKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.close();
  };

  private close() {
    this.stopTyping();
    this.dispatchEvent(
      new CustomEvent('chat-window-close', { detail: null, bubbles: true, composed: true }),
    );
  }

  private restart() {
    const session = this.session;
    if (session?.start) void session.start();
    else void session?.open();
  }

  // ——— Older messages ———

  private onScroll() {
    const log = this.log;
    if (log && log.scrollTop < TOP_MARGIN) void this.loadOlder();
  }

  private async loadOlder() {
    if (!this.session || !this.chat?.hasMore || this.loadingOlder) return;
    this.loadingOlder = true;
    try {
      await this.session.loadOlder();
    } catch (error) {
      this.notice = error instanceof Error ? error.message : String(error);
    } finally {
      this.loadingOlder = false;
    }
  }

  // ——— Composer ———

  private onInput() {
    const area = this.textarea;
    if (!area) return;
    this.grow(area);
    if (!this.session) return;
    if (area.value.trim()) {
      if (!this.typingOn) {
        this.typingOn = true;
        void this.session.typing(true);
      }
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
    } else {
      this.stopTyping();
    }
  }

  /** Auto-grows the textarea up to its CSS max-height (about five lines). */
  private grow(area: HTMLTextAreaElement) {
    area.style.height = 'auto';
    area.style.height = `${area.scrollHeight + 2}px`;
  }

  private stopTyping() {
    clearTimeout(this.typingTimer);
    if (!this.typingOn) return;
    this.typingOn = false;
    void this.session?.typing(false);
  }

  private onComposerKeydown(event: KeyboardEvent) {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.send();
  }

  private get uploading() {
    return this.pending.some((file) => !file.id);
  }

  private send() {
    const area = this.textarea;
    const session = this.session;
    if (!area || !session || this.uploading) return;
    const text = area.value.trim();
    const ids = this.pending.map((file) => file.id!);
    if (!text && ids.length === 0) return;
    this.stopTyping();
    area.value = '';
    this.grow(area);
    this.pending = [];
    this.notice = '';
    Promise.resolve(ids.length ? session.send(text, ids) : session.send(text)).catch(
      (error: unknown) => {
        this.notice = error instanceof Error ? error.message : String(error);
      },
    );
    this.stickAt = this.chat?.messages.length ?? 0;
    area.focus();
  }

  private onFiles(event: Event) {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    const rule = this.chat?.campaign?.attachments.attachment;
    if (!rule || !this.session) return;
    const refusals: string[] = [];
    for (const file of files) {
      const check = checkFile(file, rule);
      if (!check.ok) {
        refusals.push(
          check.reason === 'too-large'
            ? this.text('tooLarge', {
                name: file.name,
                size: this.size(check.size),
                max: this.size(check.maxBytes),
              })
            : check.reason === 'empty'
              ? this.text('empty', { name: file.name })
              : this.text('unsupported', {
                  ext: check.extension || '?',
                  accepted: check.accepted.join(', '),
                }),
        );
        continue;
      }
      void this.upload(file);
    }
    this.notice = refusals.join(' ');
  }

  private async upload(file: File) {
    const entry: PendingFile = {
      key: ++this.fileKey,
      name: file.name,
      progress: 0,
      controller: new AbortController(),
    };
    this.pending = [...this.pending, entry];
    const update = (change: Partial<PendingFile>) => {
      this.pending = this.pending.map((item) =>
        item.key === entry.key ? { ...item, ...change } : item,
      );
    };
    try {
      const attachment = await this.session!.adapter.upload(file, {
        purpose: 'attachment',
        signal: entry.controller.signal,
        onProgress: (loaded, total) => update({ progress: total ? loaded / total : 0 }),
      });
      update({ id: attachment.id, progress: 1 });
    } catch (error) {
      this.pending = this.pending.filter((item) => item.key !== entry.key);
      if (entry.controller.signal.aborted) return;
      this.notice = this.text('uploadFailed', {
        name: file.name,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private removeFile(key: number) {
    const file = this.pending.find((item) => item.key === key);
    file?.controller.abort();
    this.pending = this.pending.filter((item) => item.key !== key);
    this.textarea?.focus();
  }

  private size(bytes: number) {
    const mb = bytes >= 1024 * 1024;
    return new Intl.NumberFormat(this.locale, {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      maximumFractionDigits: 1,
    }).format(bytes / (mb ? 1024 * 1024 : 1024));
  }

  private async openEmoji() {
    await import('../../mail-composer/emoji-button.js');
    this.emojiLoaded = true;
    await this.updateComplete;
    const picker = this.renderRoot.querySelector('atento-emoji-button');
    await picker?.updateComplete;
    await picker?.show();
  }

  private onEmojiPick(event: CustomEvent<{ unicode: string }>) {
    const area = this.textarea;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end } = area;
    area.setRangeText(event.detail.unicode, start, end, 'end');
    this.onInput();
    // Unless cancelled the picker returns focus to its button; the visitor wants to keep typing.
    event.preventDefault();
    this.renderRoot.querySelector('atento-emoji-button')?.hide(false);
    area.focus();
  }

  // ——— Email capture ———

  private async expandOffer() {
    this.offerOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#capture-name')?.focus();
  }

  private async onIdentify(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const email = String(data.get('email') ?? '').trim();
    const errors: Partial<Record<Field, ChatStringKey>> = {};
    if (!name) errors.name = 'nameMissing';
    if (!email) errors.email = 'emailMissing';
    else if (!isValidAddress(email)) errors.email = 'emailInvalid';
    this.fieldErrors = errors;
    this.identifyError = '';
    if (errors.name || errors.email) {
      await this.updateComplete;
      form.querySelector<HTMLInputElement>('[aria-invalid=true]')?.focus();
      return;
    }
    if (!this.session) return;
    this.identifying = true;
    try {
      await this.session.identify({ name, email });
      this.identified = email;
      await this.updateComplete;
      this.textarea?.focus();
    } catch (error) {
      this.identifyError = this.text('identifyFailed', {
        reason: error instanceof Error ? error.message : String(error),
      });
    } finally {
      this.identifying = false;
    }
  }

  // ——— Rendering ———

  override render() {
    const chat = this.chat;
    const campaign = chat?.campaign;
    const brand = this.brandName || campaign?.name || this.text('dialog');
    const status = chat?.status ?? 'idle';
    const loading = status === 'loading' || status === 'idle';
    const presence = chat?.agentsOnline ? this.text('online') : this.text('offlineAgents');
    return html`<section part="window" class="window" role="dialog" aria-labelledby="title">
      <header part="header">
        <span class="avatar brand" aria-hidden="true">${initials(brand)}</span>
        <div class="heading">
          <h2 id="title">${brand}</h2>
          <p class="presence">
            <span class="dot ${chat?.agentsOnline ? 'on' : ''}" aria-hidden="true"></span>
            ${presence}${
              campaign?.replyTime
                ? html` · ${this.text('replyTime', { time: campaign.replyTime })}`
                : nothing
            }
          </p>
        </div>
        <button
          part="close"
          class="icon-button close"
          type="button"
          aria-label=${this.text('close')}
          title=${this.text('close')}
          @click=${this.close}
        >
          ${icon(CLOSE)}
        </button>
      </header>
      ${
        status === 'offline'
          ? html`<p class="banner offline" role="status">${this.text('offline')}</p>`
          : nothing
      }
      ${
        chat && !chat.persistent && !loading
          ? html`<p class="banner note">${this.text('notPersistent')}</p>`
          : nothing
      }
      ${
        status === 'error'
          ? html`<div class="banner error" role="alert">
              <span>${this.text('error')} ${chat?.error ?? ''}</span>
              <button class="text-button" type="button" @click=${this.restart}>
                ${this.text('tryAgain')}
              </button>
            </div>`
          : nothing
      }
      ${loading ? this.renderSkeleton() : this.renderLog(chat!)}
      ${!loading && chat ? this.renderBottom(chat) : nothing}
    </section>`;
  }

  private renderSkeleton() {
    return html`<div class="skeleton" role="status" aria-busy="true">
      <span class="visually-hidden">${this.text('loading')}</span>
      <span class="bone"></span><span class="bone mine"></span><span class="bone"></span>
    </div>`;
  }

  private renderLog(chat: ChatStateLike) {
    // The campaign's greeting may hold personalization tags ({{contact.first_name|cliente}}).
    const greeting = chat.campaign?.greeting
      ? resolveTemplate(chat.campaign.greeting, {
          contact: { name: chat.visitor?.name ?? undefined },
          campaign: { name: chat.campaign.name },
        }).text
      : '';
    let lastDay = '';
    let lastAuthor: string | null = null;
    const today = new Date();
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    const rows: Array<[string, TemplateResult]> = [];
    for (const message of chat.messages) {
      const date = new Date(message.registeredAt);
      const day = dayKey(date);
      if (day !== lastDay) {
        lastDay = day;
        lastAuthor = null;
        const label =
          day === dayKey(today)
            ? this.text('today')
            : day === dayKey(yesterday)
              ? this.text('yesterday')
              : new Intl.DateTimeFormat(this.locale, {
                  weekday: 'long',
                  day: 'numeric',
                  month: 'long',
                  year: date.getFullYear() === today.getFullYear() ? undefined : 'numeric',
                }).format(date);
        rows.push([`day:${day}`, html`<div class="day"><span>${label}</span></div>`]);
      }
      const author = message.direction === 'outbound' ? message.authorName || '' : null;
      rows.push([
        message.clientId ?? message.id,
        this.renderMessage(message, date, author !== lastAuthor),
      ]);
      lastAuthor = author;
    }
    return html`<div
      part="log"
      class="log"
      role="log"
      aria-live="polite"
      aria-label=${this.text('log')}
      tabindex="0"
      @scroll=${this.onScroll}
    >
      ${
        chat.hasMore
          ? html`<button
              class="text-button older"
              type="button"
              ?disabled=${this.loadingOlder}
              @click=${this.loadOlder}
            >
              ${this.loadingOlder ? this.text('loadingOlder') : this.text('loadOlder')}
            </button>`
          : nothing
      }
      ${
        chat.messages.length === 0 && greeting
          ? html`<div class="row agent greeting" part="message agent-message">
              <span class="avatar" aria-hidden="true">
                ${initials(this.brandName || chat.campaign?.name || '')}
              </span>
              <div class="bubble"><div class="text">${linkify(greeting)}</div></div>
            </div>`
          : nothing
      }
      ${repeat(
        rows,
        ([key]) => key,
        ([, row]) => row,
      )}
      ${
        chat.agentTyping
          ? html`<div class="typing" role="status">
              <span class="dots" aria-hidden="true"><i></i><i></i><i></i></span>
              ${this.text('typing', { name: chat.agentTyping.name || this.text('someone') })}
            </div>`
          : nothing
      }
    </div>`;
  }

  private renderMessage(message: ChatMessage, date: Date, showAuthor: boolean) {
    const mine = message.direction === 'inbound';
    const author = mine ? this.text('you') : message.authorName || this.text('agent');
    const time = new Intl.DateTimeFormat(this.locale, { timeStyle: 'short' }).format(date);
    const delivery = message.delivery;
    return html`<div
      class="row ${mine ? 'mine' : 'agent'} ${showAuthor ? 'first' : ''}"
      part="message ${mine ? 'visitor-message' : 'agent-message'}"
      data-id=${message.clientId ?? message.id}
    >
      ${
        mine
          ? nothing
          : html`<span class="avatar ${showAuthor ? '' : 'spacer'}" aria-hidden="true">
              ${showAuthor ? initials(author) : ''}
            </span>`
      }
      <div class="bubble ${delivery === 'failed' ? 'failed' : ''}">
        ${
          mine
            ? html`<span class="visually-hidden">${author}:</span>`
            : showAuthor
              ? html`<span class="author">${author}</span>`
              : html`<span class="visually-hidden">${author}:</span>`
        }
        ${message.text ? html`<div class="text">${linkify(message.text)}</div>` : nothing}
        ${
          message.attachments.length
            ? html`<ul class="files">
                ${message.attachments.map(
                  (file) =>
                    html`<li>
                      <a href=${file.url} target="_blank" rel="noopener noreferrer">${file.name}</a>
                      <span class="size">${this.size(file.size)}</span>
                    </li>`,
                )}
              </ul>`
            : nothing
        }
        <span class="meta">
          <time datetime=${message.registeredAt}>${time}</time>
          ${
            mine
              ? html`<span
                  class="delivery ${delivery}"
                  role="img"
                  aria-label=${this.text(delivery)}
                  title=${this.text(delivery)}
                  >${DELIVERY_MARK[delivery]}</span
                >`
              : nothing
          }
        </span>
      </div>
      ${
        mine && delivery === 'failed' && message.clientId
          ? this.renderFailed(message.clientId, message.error)
          : nothing
      }
    </div>`;
  }

  private renderFailed(clientId: string, error?: ChatFailure) {
    return html`<div class="actions">
      <span class="failed-text">${this.text('failed')}${error ? `: ${error.message}` : ''}</span>
      <button class="text-button" type="button" @click=${() => this.session?.retry(clientId)}>
        ${this.text('retry')}
      </button>
      <button class="text-button" type="button" @click=${() => this.session?.discard(clientId)}>
        ${this.text('discard')}
      </button>
    </div>`;
  }

  private renderBottom(chat: ChatStateLike) {
    if (chat.needsEmail && !this.identified) return this.renderCapture(true);
    const offer =
      chat.agentsOnline && !chat.visitor?.email && !this.identified && !this.offerDismissed;
    return html`${offer ? this.renderCapture(false) : nothing}
    ${
      this.identified
        ? html`<p class="banner saved" role="status">
            ${this.text('saved', { email: this.identified })}
          </p>`
        : nothing
    }
    ${this.renderComposer(chat)}`;
  }

  private renderCapture(required: boolean) {
    const errors = this.fieldErrors;
    const field = (name: Field, type: string, autocomplete: string, max: number) =>
      html`<label for="capture-${name}">${this.text(name)}</label>
        <input
          id="capture-${name}"
          name=${name}
          type=${type}
          autocomplete=${autocomplete}
          maxlength=${max}
          aria-invalid=${errors[name] ? 'true' : 'false'}
          aria-describedby=${errors[name] ? `capture-${name}-error` : nothing}
          ?disabled=${this.identifying}
        />
        ${
          errors[name]
            ? html`<span class="field-error" id="capture-${name}-error"
                >${this.text(errors[name])}</span
              >`
            : nothing
        }`;
    return html`<form
      part="capture"
      class="capture ${required ? 'required' : 'offer'}"
      aria-labelledby="capture-title"
      ?data-required=${required}
      novalidate
      @submit=${this.onIdentify}
    >
      <div class="capture-head">
        <h3 id="capture-title">
          ${required ? this.text('captureTitle') : this.text('captureOffer')}
        </h3>
        ${
          required || this.offerOpen
            ? nothing
            : html`<button class="text-button" type="button" @click=${this.expandOffer}>
                ${this.text('leaveEmail')}
              </button>`
        }
        ${
          required
            ? nothing
            : html`<button
                class="icon-button small"
                type="button"
                aria-label=${this.text('dismiss')}
                title=${this.text('dismiss')}
                @click=${() => {
                  this.offerDismissed = true;
                  this.textarea?.focus();
                }}
              >
                ${icon(CLOSE)}
              </button>`
        }
      </div>
      ${required ? html`<p class="hint">${this.text('captureRequired')}</p>` : nothing}
      ${
        required || this.offerOpen
          ? html`${field('name', 'text', 'name', 200)} ${field('email', 'email', 'email', 320)}
              ${
                this.identifyError
                  ? html`<p class="field-error" role="alert">${this.identifyError}</p>`
                  : nothing
              }
              <button class="primary" type="submit" ?disabled=${this.identifying}>
                ${
                  this.identifying
                    ? this.text('saving')
                    : required
                      ? this.text('start')
                      : this.text('save')
                }
              </button>`
          : nothing
      }
    </form>`;
  }

  private renderComposer(chat: ChatStateLike) {
    const rule = chat.campaign?.attachments.attachment;
    return html`<div part="composer" class="composer">
      ${this.notice ? html`<p class="notice" role="alert">${this.notice}</p>` : nothing}
      ${
        this.pending.length
          ? html`<ul class="pending">
              ${repeat(
                this.pending,
                (file) => file.key,
                (file) =>
                  html`<li>
                    <span class="name">${file.name}</span>
                    ${
                      file.id
                        ? nothing
                        : html`<progress
                            max="1"
                            .value=${file.progress}
                            aria-label=${this.text('uploading', {
                              name: file.name,
                              percent: Math.round(file.progress * 100),
                            })}
                          ></progress>`
                    }
                    <button
                      class="icon-button small"
                      type="button"
                      aria-label=${this.text('removeFile', { name: file.name })}
                      @click=${() => this.removeFile(file.key)}
                    >
                      ${icon(CLOSE)}
                    </button>
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="row-input">
        <textarea
          part="input"
          rows="1"
          maxlength=${MAX_TEXT}
          aria-label=${this.text('message')}
          placeholder=${this.text('placeholder')}
          enterkeyhint="send"
          @input=${this.onInput}
          @keydown=${this.onComposerKeydown}
          @blur=${() => this.stopTyping()}
        ></textarea>
        ${
          rule
            ? html`<input
                  type="file"
                  multiple
                  hidden
                  accept=${acceptAttribute(rule)}
                  @change=${this.onFiles}
                /><button
                  class="icon-button"
                  type="button"
                  aria-label=${this.text('attach')}
                  title=${this.text('attach')}
                  @click=${() => this.fileInput?.click()}
                >
                  ${icon(CLIP)}
                </button>`
            : nothing
        }
        ${
          this.emojiLoaded
            ? html`<atento-emoji-button
                locale=${this.locale}
                @emoji-pick=${this.onEmojiPick}
              ></atento-emoji-button>`
            : html`<button
                class="icon-button"
                type="button"
                aria-label=${this.text('emoji')}
                title=${this.text('emoji')}
                aria-haspopup="dialog"
                aria-expanded="false"
                @click=${this.openEmoji}
              >
                ${icon(SMILE)}
              </button>`
        }
        <button
          part="send"
          class="icon-button send"
          type="button"
          aria-label=${this.text('send')}
          title=${this.text('send')}
          ?disabled=${this.uploading}
          @click=${this.send}
        >
          ${icon(SEND)}
        </button>
      </div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-chat-window': ChatWindow;
  }
  interface GlobalEventHandlersEventMap {
    'chat-window-close': CustomEvent<null>;
  }
}

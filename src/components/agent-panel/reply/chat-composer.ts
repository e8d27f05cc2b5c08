import { Task } from '@lit/task';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import {
  acceptAttribute,
  chatReply,
  DEFAULT_ATTACHMENT_LIMITS,
  type Attachment,
  type CampaignSettings,
  type DraftKey,
} from '../../../model/index.js';
import { buttons, iconButtons, linkButtons } from '../../../styles/controls.js';
import { AdapterElement } from '../../internal/adapter-element.js';
import { emit } from '../../internal/atento-element.js';
import { errorMessage, MissingAdapterError } from '../../internal/error-message.js';
import { icon, PAPERCLIP } from '../../internal/icons.js';
import '../../mail-composer/attachment-list.js';
import { PopupController, supportsPopover } from '../../internal/popup-controller.js';
import { LIGHTNING } from '../../mail-composer/composer-icons.js';
import { DraftSync, type DraftContent } from '../../mail-composer/draft-sync.js';
import { dropOverlayStyles, FileDrop, takeFiles } from '../../mail-composer/file-drop.js';
import { UploadQueue } from '../../mail-composer/upload-queue.js';
import type { QuickReplies, QuickReplySelectDetail } from '../../quick-replies/quick-replies.js';
import { styles } from './chat-composer.styles.js';
import './reply-events.js';
import { slashAt, type SlashMatch } from './slash.js';
import { TypingSignal } from './typing-signal.js';

/** What `take()` hands over when the reply moves to another channel. */
export interface ChatContent {
  text: string;
  /** Files already uploaded (uploads still running are dropped). */
  attachments: Attachment[];
}

const SEND = svg`<path d="M4 12 20 4l-6 16-3-7z"/><path d="m11 13 9-9"/>`;

/**
 * The agent's chat reply (F-4.4): a light text field that grows from one to six lines, where
 * Enter sends and Shift+Enter starts a new line; saved replies with `/` at the start of a word
 * (filtered by what follows; ↑/↓ choose, Enter inserts, Escape closes) or the ⚡ button; emoji;
 * files within the campaign's limits. The text is kept as a draft (mode `chat`) while typing, so a
 * reload keeps it; a failed send keeps it too, with the reason and a retry (the retry cannot
 * duplicate the message: it carries the same client id). While the agent types, the visitor sees
 * the typing indicator (repeated at most every 3 s; off after 4 s idle, on send and on blur).
 *
 * @summary Chat reply field with saved replies, emoji and files (internal part of
 *   `<atento-reply-area>`).
 *
 * @fires {CustomEvent<ReplySendDetail>} reply-send - A message is about to be sent. Cancelable:
 *   when cancelled nothing is sent and the text stays.
 * @fires {CustomEvent<ReplySentDetail>} reply-sent - The message was sent; the field is empty again.
 *
 * @csspart base - The frame holding the field and its tools.
 * @csspart input - The `<textarea>`.
 * @csspart tools - The row of buttons under the field.
 * @csspart attach - The attach button.
 * @csspart emoji - The emoji button.
 * @csspart quick-replies-button - The ⚡ button.
 * @csspart send - The send button.
 * @csspart attachments - The list of attached files.
 * @csspart problems - Refused files, a failed draft save, why a send is not possible.
 * @csspart send-error - Why the last send failed, with `retry`.
 * @csspart retry - The retry button of a failed send.
 * @csspart quick-replies - The popover holding `<quick-replies>`.
 *
 * @cssprop --atento-color-surface - Field background.
 * @cssprop --atento-color-border - Frame border.
 * @cssprop --atento-color-accent - Send button and focus.
 * @cssprop --atento-color-danger - Errors.
 * @cssprop --atento-radius - Corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('atento-chat-composer')
export class ChatComposer extends AdapterElement {
  static override styles = [
    ...AdapterElement.styles,
    buttons,
    iconButtons,
    linkButtons,
    styles,
    dropOverlayStyles,
  ];

  /** The case the message is for. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /** The case's campaign (its attachment limits), when the host has it; loaded otherwise. */
  @property({ attribute: false }) campaign?: CampaignSettings;

  /** Nothing can be typed or sent. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private text = '';
  @state() private sending = false;
  @state() private sendError?: unknown;
  @state() private problems: string[] = [];
  @state() private status = '';
  /** The quick replies popover: opened by `/` (with the range it replaces) or by ⚡. */
  @state() private picker: { slash?: SlashMatch } | null = null;

  @query('textarea') private area?: HTMLTextAreaElement;
  @query('quick-replies') private quickReplies?: QuickReplies;
  @query('#quick-replies') private pickerPopup?: HTMLElement;
  @query('.base') private frame?: HTMLElement;

  private readonly popup = new PopupController(this, {
    open: () => this.picker !== null,
    popup: () => this.pickerPopup,
    place: () => this.position(),
    outside: () => (this.picker = null),
  });

  /** Keeps a retry idempotent: the same id until the content changes. */
  private clientId?: string;
  /** The draft's key, fixed once the case's draft is loaded (a pending save never moves cases). */
  private draftKey?: DraftKey;
  /** The previous case's last save, which a newly loaded case waits for. */
  private flushing: Promise<void> = Promise.resolve();
  /** Where ⚡ inserts: the selection when the popover opened. */
  private insertAt: [number, number] = [0, 0];

  private readonly uploads = new UploadQueue(this, {
    i18n: this.i18n,
    adapter: () => this.effectiveAdapter,
    conversationId: () => this.conversationId,
    limits: () => (this.settings?.attachments ?? DEFAULT_ATTACHMENT_LIMITS).attachment,
  });

  private readonly drafts = new DraftSync(this, {
    adapter: () => (this.disabled ? undefined : this.effectiveAdapter),
    key: () => this.draftKey,
    snapshot: () => this.snapshot(),
    beforeSave: () => true,
  });

  private readonly drop = new FileDrop(this, {
    enabled: () => !this.disabled,
    drop: (files) => this.addFiles(files),
  });

  private readonly typing = new TypingSignal(this, {
    send: (id, on) => this.effectiveAdapter?.setTyping(id, on) ?? Promise.resolve(),
  });

  /** The campaign (unless given) and the saved draft of the case. */
  private readonly load = new Task(this, {
    task: async ([adapter, conversationId], { signal }) => {
      if (!adapter) throw new MissingAdapterError();
      if (!conversationId) return null;
      await this.flushing;
      signal.throwIfAborted();
      this.draftKey = { conversationId, mode: 'chat' };
      const [campaign, draft] = await Promise.all([
        this.campaign ?? adapter.campaign(conversationId, { signal }),
        this.drafts.load(signal),
      ]);
      return { campaign, draft };
    },
    args: () => [this.effectiveAdapter, this.conversationId] as const,
    onComplete: (loaded) => {
      if (loaded?.draft && !this.hasContent) this.fill(loaded.draft);
    },
  });

  /** Whether there is text or a file to send. */
  get hasContent(): boolean {
    return this.text.trim() !== '' || this.uploads.items.length > 0;
  }

  /** The text in the field. */
  get value(): string {
    return this.text;
  }

  override focus(options?: FocusOptions) {
    this.area?.focus(options);
  }

  override connectedCallback() {
    super.connectedCallback();
    // The emoji button's module (its picker loads on first use) stays out of this one.
    void import('../../mail-composer/emoji-button.js');
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('conversationId') && changed.get('conversationId') !== undefined) {
      // The previous case's text is saved under its own key before the new case loads.
      this.typing.stop();
      this.flushing = this.drafts.flush().catch(() => {});
      this.text = '';
      this.uploads.clear();
      this.picker = null;
      this.sendError = undefined;
      this.problems = [];
      this.clientId = undefined;
    }
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('text')) this.grow();
    // A new slash query may have grown the field: the open popover follows it.
    if (changed.has('picker')) this.position();
  }

  /**
   * Hands the message over to another channel: returns the text and the uploaded files, then
   * empties the field and deletes the chat draft.
   */
  async take(): Promise<ChatContent> {
    const content: ChatContent = {
      text: this.text,
      attachments: this.uploads.items.flatMap((i) => (i.attachment ? [i.attachment] : [])),
    };
    this.typing.stop();
    this.text = '';
    this.uploads.clear();
    this.clientId = undefined;
    this.sendError = undefined;
    this.picker = null;
    try {
      await this.drafts.discard();
    } catch (error) {
      this.problems = [errorMessage(this.i18n, error)];
    }
    return content;
  }

  /** Sends the text and files (what Enter and the send button do). */
  async send(): Promise<void> {
    const conversationId = this.conversationId;
    if (this.disabled || this.sending || !conversationId) return;
    if (this.uploads.pending) {
      this.problems = [this.i18n.t('composer.error.uploading')];
      return;
    }
    if (this.uploads.failed) {
      this.problems = [this.i18n.t('composer.error.failedUploads')];
      return;
    }
    const text = this.text.trim();
    const attachmentIds = this.uploads.attachmentIds;
    if (!text && attachmentIds.length === 0) return;
    if (!emit(this, 'reply-send', { conversationId, channel: 'chat', text }, { cancelable: true }))
      return;
    this.typing.stop();
    this.problems = [];
    this.sendError = undefined;
    this.status = '';
    const adapter = this.effectiveAdapter;
    if (!adapter) {
      this.sendError = new MissingAdapterError();
      return;
    }
    this.clientId ??= crypto.randomUUID();
    this.sending = true;
    await this.drafts.pause();
    try {
      const receipt = await adapter.send(
        chatReply(conversationId, text, { clientId: this.clientId, attachmentIds }),
      );
      this.drafts.forget();
      this.text = '';
      this.uploads.clear();
      this.clientId = undefined;
      this.status = this.i18n.t('reply.chat.sent');
      emit(this, 'reply-sent', { message: receipt.message });
    } catch (error) {
      this.sendError = error;
    } finally {
      this.sending = false;
      this.drafts.resume();
    }
    await this.updateComplete;
    this.area?.focus();
  }

  // ── content ───────────────────────────────────────────────────────────────────────────────

  private get settings(): CampaignSettings | undefined {
    return this.campaign ?? this.load.value?.campaign;
  }

  private snapshot(): DraftContent {
    return {
      ...this.draftKey!,
      channel: 'chat',
      to: [],
      cc: [],
      bcc: [],
      subject: '',
      html: '',
      text: this.text,
      attachments: this.uploads.items.flatMap((i) => (i.attachment ? [i.attachment] : [])),
    };
  }

  private fill(draft: DraftContent) {
    this.text = draft.text;
    this.uploads.clear();
    this.uploads.restore(draft.attachments.filter((a) => !a.inline));
  }

  /** The content changed: a new send id, a draft save, the typing indicator. */
  private changed() {
    this.clientId = undefined;
    if (!this.disabled) this.drafts.changed();
    this.typing.input(this.conversationId, this.text.trim() !== '');
  }

  /** One to six lines: the height follows the content, then the field scrolls. */
  private grow() {
    const area = this.area;
    if (!area) return;
    area.style.blockSize = 'auto';
    area.style.blockSize = `${area.scrollHeight + (area.offsetHeight - area.clientHeight)}px`;
  }

  private onInput() {
    const area = this.area!;
    this.text = area.value;
    this.changed();
    this.detectSlash();
  }

  /** Opens, filters or closes the `/` quick replies from the word before the caret. */
  private detectSlash() {
    const area = this.area;
    if (!area) return;
    const match =
      area.selectionStart === area.selectionEnd ? slashAt(area.value, area.selectionStart) : null;
    if (match) {
      this.loadQuickReplies();
      this.picker = { slash: match };
    } else if (this.picker?.slash) this.picker = null;
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.isComposing) return;
    if (this.picker?.slash && this.onSlashKey(event)) return;
    if (event.key === 'Enter' && !event.shiftKey && !event.altKey) {
      event.preventDefault();
      void this.send();
    }
  }

  /** ↑/↓/Enter/Escape drive the picker while `/word` is active; returns whether it took the key. */
  private onSlashKey(event: KeyboardEvent): boolean {
    const picker = this.quickReplies;
    const keys = ['ArrowUp', 'ArrowDown', 'Enter', 'Escape'];
    if (!keys.includes(event.key) || (event.key === 'Enter' && event.shiftKey)) return false;
    event.preventDefault();
    if (event.key === 'Escape') this.picker = null;
    else if (!picker || !customElements.get('quick-replies')) return true;
    else if (event.key === 'Enter') {
      if (!picker.selectActive()) this.picker = null;
    } else picker.moveActive(event.key === 'ArrowDown' ? 1 : -1);
    return true;
  }

  // ── quick replies ─────────────────────────────────────────────────────────────────────────

  /** `<quick-replies>` loads on first use, outside this module. */
  private loadQuickReplies() {
    void import('../../quick-replies/quick-replies.js');
  }

  private async toggleQuickReplies() {
    if (this.picker) {
      this.closeQuickReplies();
      return;
    }
    const area = this.area;
    this.insertAt = area ? [area.selectionStart, area.selectionEnd] : [0, 0];
    this.loadQuickReplies();
    this.picker = {};
    await customElements.whenDefined('quick-replies');
    await this.updateComplete;
    this.quickReplies?.focus();
  }

  private closeQuickReplies() {
    this.picker = null;
    this.area?.focus();
  }

  private onQuickReply(event: CustomEvent<QuickReplySelectDetail>) {
    event.preventDefault();
    const slash = this.picker?.slash;
    const [from, to] = slash ? [slash.from, slash.to] : this.insertAt;
    this.picker = null;
    this.insertText(event.detail.text, from, to);
  }

  /** Replaces `from..to` with `text`, leaves the caret after it and counts as typing. */
  private insertText(text: string, from: number, to: number) {
    const area = this.area;
    if (!area) return;
    area.setRangeText(text, from, to, 'end');
    this.text = area.value;
    this.changed();
    area.focus();
  }

  private onEmoji(event: CustomEvent<{ unicode: string }>) {
    // Unless cancelled the picker returns focus to its button; the agent keeps typing instead.
    event.preventDefault();
    const area = this.area;
    if (!area) return;
    this.renderRoot.querySelector('atento-emoji-button')?.hide(false);
    this.insertText(event.detail.unicode, area.selectionStart, area.selectionEnd);
  }

  /**
   * The popover opens above the field (it grows upwards as its content loads), or below it when
   * there is more room there; as wide as the field, never taller than the room it has.
   */
  private position() {
    const popup = this.pickerPopup;
    const frame = this.frame;
    if (!popup || !frame || !this.picker) return;
    const rect = frame.getBoundingClientRect();
    const margin = 8;
    const above = rect.top - margin;
    const below = window.innerHeight - rect.bottom - margin;
    const style = popup.style;
    style.inlineSize = `${Math.round(Math.min(rect.width, 720))}px`;
    style.left = `${Math.round(Math.max(margin, rect.left))}px`;
    if (above >= below) {
      style.top = 'auto';
      style.bottom = `${Math.round(window.innerHeight - rect.top + 4)}px`;
      style.maxBlockSize = `min(24rem, ${Math.round(above - 4)}px)`;
    } else {
      style.bottom = 'auto';
      style.top = `${Math.round(rect.bottom + 4)}px`;
      style.maxBlockSize = `min(24rem, ${Math.round(below - 4)}px)`;
    }
  }

  // ── files ─────────────────────────────────────────────────────────────────────────────────

  private addFiles(files: File[]) {
    if (files.length === 0 || this.disabled) return;
    this.problems = this.uploads.add(files).map((p) => p.message);
    this.changed();
  }

  private onPaste(event: ClipboardEvent) {
    const files = [...(event.clipboardData?.files ?? [])];
    if (!files.length) return;
    event.preventDefault();
    this.addFiles(files);
  }

  // ── render ────────────────────────────────────────────────────────────────────────────────

  override render() {
    const locked = this.disabled || this.sending;
    const limits = (this.settings?.attachments ?? DEFAULT_ATTACHMENT_LIMITS).attachment;
    const canSend = this.hasContent && !locked;
    return html`<div
        part="base"
        class="base ${this.drop.dragging ? 'dragging' : ''}"
        @dragover=${this.drop.onDragOver}
        @dragleave=${this.drop.onDragLeave}
        @drop=${this.drop.onDrop}
      >
        <textarea
          part="input"
          rows="1"
          aria-label=${this.i18n.t('reply.chat.label')}
          aria-describedby="hint"
          placeholder=${this.i18n.t('reply.chat.placeholder')}
          .value=${live(this.text)}
          ?disabled=${this.disabled}
          ?readonly=${this.sending}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
          @keyup=${(e: KeyboardEvent) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) this.detectSlash();
          }}
          @click=${this.detectSlash}
          @blur=${() => this.typing.stop()}
          @paste=${this.onPaste}
        ></textarea>
        <span id="hint" class="visually-hidden">${this.i18n.t('reply.chat.hint')}</span>
        <div part="tools" class="tools">
          <button
            part="attach"
            type="button"
            class="icon-button"
            aria-label=${this.i18n.t('composer.attach')}
            title=${this.i18n.t('composer.attach')}
            ?disabled=${locked}
            @click=${() => this.renderRoot.querySelector<HTMLInputElement>('#file-input')?.click()}
          >
            ${icon(PAPERCLIP)}
          </button>
          <atento-emoji-button
            part="emoji"
            ?disabled=${locked}
            @emoji-pick=${this.onEmoji}
          ></atento-emoji-button>
          <button
            part="quick-replies-button"
            type="button"
            class="icon-button"
            aria-label=${this.i18n.t('composer.quickReplies')}
            title=${`${this.i18n.t('composer.quickReplies')} (/)`}
            aria-expanded=${this.picker ? 'true' : 'false'}
            aria-controls="quick-replies"
            ?disabled=${locked}
            @click=${() => void this.toggleQuickReplies()}
          >
            ${icon(LIGHTNING)}
          </button>
          <span class="spacer"></span>
          <button
            part="send"
            type="button"
            class="button primary send"
            title=${this.i18n.t('reply.chat.hint')}
            aria-keyshortcuts="Enter"
            ?disabled=${!canSend}
            @click=${() => void this.send()}
          >
            ${icon(SEND)}
            <span
              >${this.sending ? this.i18n.t('composer.sending') : this.i18n.t('composer.send')}</span
            >
          </button>
        </div>
        <input
          id="file-input"
          type="file"
          multiple
          hidden
          accept=${acceptAttribute(limits)}
          @change=${(e: Event) => this.addFiles(takeFiles(e))}
        />
        ${this.drop.renderOverlay(this.i18n.t('composer.dropFiles'))}
      </div>
      <atento-attachment-list
        part="attachments"
        .items=${this.uploads.items}
        ?readonly=${locked}
        @attachment-remove=${(e: CustomEvent<{ key: string }>) => {
          this.uploads.remove(e.detail.key);
          this.changed();
        }}
        @attachment-retry=${(e: CustomEvent<{ key: string }>) => this.uploads.retry(e.detail.key)}
      ></atento-attachment-list>
      ${this.renderProblems()}
      <div
        id="quick-replies"
        part="quick-replies"
        class="quick-replies"
        popover=${supportsPopover ? 'manual' : nothing}
        ?hidden=${!this.picker}
      >
        ${
          this.picker
            ? html`<quick-replies
                .adapter=${this.effectiveAdapter}
                conversation-id=${ifDefined(this.conversationId)}
                .query=${this.picker.slash ? `/${this.picker.slash.query}` : ''}
                @quick-reply-select=${this.onQuickReply}
                @quick-reply-dismiss=${this.closeQuickReplies}
              ></quick-replies>`
            : nothing
        }
      </div>`;
  }

  private renderProblems() {
    const d = this.drafts;
    return html`<div part="problems" class="problems">
      ${
        this.load.error
          ? html`<p class="error" role="alert">
              ${this.i18n.t('reply.chat.loadError')} ${errorMessage(this.i18n, this.load.error)}
              <button type="button" class="link" @click=${() => void this.load.run()}>
                ${this.i18n.t('common.retry')}
              </button>
            </p>`
          : nothing
      }
      ${
        d.state === 'conflict'
          ? html`<p class="error" role="alert">
              ${this.i18n.t('composer.conflict')}
              <button
                type="button"
                class="link"
                @click=${() => void this.drafts.resolveConflict('mine')}
              >
                ${this.i18n.t('composer.keepMine')}
              </button>
              <button type="button" class="link" @click=${() => void this.takeTheirs()}>
                ${this.i18n.t('composer.takeTheirs')}
              </button>
            </p>`
          : d.state === 'retrying'
            ? html`<p class="error" role="status">
                ${this.i18n.t('composer.saveFailed', { error: errorMessage(this.i18n, d.error) })}
              </p>`
            : nothing
      }
      <div role="alert" class="alerts">
        ${this.problems.map((p) => html`<p class="error">${p}</p>`)}
        ${
          this.sendError
            ? html`<p part="send-error" class="error">
                ${this.i18n.t('composer.error.send', {
                  error: errorMessage(this.i18n, this.sendError),
                })}
                <button
                  part="retry"
                  type="button"
                  class="button small"
                  ?disabled=${this.sending}
                  @click=${() => void this.send()}
                >
                  ${this.i18n.t('common.retry')}
                </button>
              </p>`
            : nothing
        }
      </div>
      <p class="visually-hidden" role="status">${this.status}</p>
    </div>`;
  }

  private async takeTheirs() {
    const draft = await this.drafts.resolveConflict('theirs');
    if (draft) this.fill(draft);
    else this.text = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-chat-composer': ChatComposer;
  }
}

import { html, nothing, type PropertyValues, type SVGTemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Task } from '@lit/task';
import { TextSelection } from 'prosemirror-state';
import { AdapterError } from '../../adapters/adapter.js';
import {
  acceptAttribute,
  checkFile,
  DEFAULT_ATTACHMENT_LIMITS,
  isValidAddress,
  type Attachment,
  type ComposeMode,
  type DraftKey,
  type EmailAddress,
  type Message,
  type OutgoingMessage,
} from '../../model/index.js';
import { buttons, linkButtons } from '../../styles/controls.js';
import { AdapterElement } from '../internal/adapter-element.js';
import { emit } from '../internal/atento-element.js';
import { errorMessage, MissingAdapterError } from '../internal/error-message.js';
import { CHECK, CLOSE, icon, PAPERCLIP } from '../internal/icons.js';
import '../internal/atento-dialog.js';
import type { AtentoDialog } from '../internal/atento-dialog.js';
import type { QuickReplies, QuickReplySelectDetail } from '../quick-replies/quick-replies.js';
import './attachment-list.js';
import './editor/rich-editor.js';
import type { RichEditor } from './editor/rich-editor.js';
import './emoji-button.js';
import './recipient-field.js';
import type { RecipientEntry } from './recipient-field.js';
import {
  composeSubject,
  forwardBlockHtml,
  initialRecipients,
  newMessageDefaults,
  textToHtml,
} from './compose-defaults.js';
import {
  campaignHtml,
  loadComposerContext,
  ownAddresses,
  type ComposerContext,
} from './composer-load.js';
import { DraftSync, type DraftContent } from './draft-sync.js';
import { dropOverlayStyles, FileDrop, takeFiles } from './file-drop.js';
import { refusalMessage, uploadErrorMessage } from './file-refusal.js';
import { IMAGE, LIGHTNING } from './composer-icons.js';
import { styles } from './mail-composer.styles.js';
import { SendFlow } from './send-flow.js';
import { UploadQueue, type FileProblem } from './upload-queue.js';

/** The message as the composer holds it (the `value` property). */
export interface ComposerValue {
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  subject: string;
  html: string;
  text: string;
  /** Attached files and inline images, uploaded. */
  attachments: Attachment[];
}

export interface MailSendDetail {
  message: OutgoingMessage;
}
export interface MailSentDetail {
  message: Message;
}
export interface MailDraftSaveDetail {
  draft: DraftContent & { baseRevision?: number };
}
export interface MailDiscardDetail {
  key: DraftKey;
}
export interface MailCloseDetail {
  reason: 'sent' | 'discarded' | 'closed';
}

/** Ctrl+Enter, or ⌘+Enter on Apple keyboards. */
const SEND_KEYS = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '')
  ? '⌘+Enter'
  : 'Ctrl+Enter';

/**
 * The agent's email editor (F-2): Reply, Reply all, Forward or a new message on a case, with
 * To/CC/BCC comboboxes, a rich-text body (ProseMirror) with inline images, attachments within the
 * campaign's limits, emoji, quick replies (toolbar or `/shortcut`), the campaign's greeting and
 * signature, drafts saved as you type, and send with the campaign's undo window.
 *
 * Drafts: one per case, mode and answered message, saved through the adapter 0.8 s after typing
 * stops and when the composer closes; a copy stays in `localStorage` until the backend has it, so
 * a failed save survives a reload. Reopening the same reply restores it.
 *
 * Keyboard: Ctrl/⌘+Enter sends; in the body, `/` at the start of a word opens the quick replies
 * filtered by what follows (↑/↓ choose, Enter inserts, Escape closes).
 *
 * @summary Email composer: recipients, rich text, files, drafts, send with undo.
 *
 * @fires {CustomEvent<MailSendDetail>} mail-send - Send was pressed and the message is valid.
 *   Cancelable: when cancelled, the composer does not call the adapter (the host sends).
 * @fires {CustomEvent<MailSentDetail>} mail-sent - The message left the undo window (or was sent
 *   at once): it is committed.
 * @fires {CustomEvent<MailDraftSaveDetail>} mail-draft-save - A draft save is due. Cancelable:
 *   when cancelled, the composer does not save it through the adapter.
 * @fires {CustomEvent<MailDiscardDetail>} mail-discard - "Delete message" was confirmed.
 *   Cancelable: when cancelled, the draft is kept.
 * @fires {CustomEvent<MailCloseDetail>} mail-close - The composer is done (sent, discarded, or the
 *   close button): the host removes it. `<mail-thread>` does so on its own.
 *
 * @csspart base - The composer frame.
 * @csspart header - Title, save state and close button.
 * @csspart title - The title.
 * @csspart save-state - "Saving…" / "Saved 10:42".
 * @csspart fields - Recipients and subject.
 * @csspart subject - The subject input.
 * @csspart editor - The rich-text editor.
 * @csspart attachments - The attachment list.
 * @csspart problems - Messages about refused files and failed sends.
 * @csspart actions - Send, delete, and the undo countdown.
 * @csspart send - The send button.
 * @csspart discard - The "Delete message" button.
 * @csspart countdown - The undo countdown.
 * @csspart undo - The "Cancel sending" button.
 * @csspart quick-replies - The quick replies popover.
 *
 * @cssprop --atento-color-accent - Send button and focus.
 * @cssprop --atento-color-surface - Background.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-danger - Errors.
 * @cssprop --atento-radius - Corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('mail-composer')
export class MailComposer extends AdapterElement {
  static override styles = [
    ...AdapterElement.styles,
    buttons,
    linkButtons,
    styles,
    dropOverlayStyles,
  ];

  /** The case the message belongs to. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /**
   * `reply`, `replyAll`, `forward` or `new` (addressed to the case's contact, with the case's
   * subject, when they are known).
   */
  @property() mode: ComposeMode = 'reply';

  /** The message answered or forwarded (required for every mode but `new`). */
  @property({ attribute: false }) message?: Message;

  /** Nothing can be edited or sent; nothing is saved. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** The message is shown but cannot be edited; actions are hidden. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /**
   * Moves focus in once the content shows: the body, or To when it is empty (`<mail-thread>` sets
   * it on the composer it opens for a reply).
   */
  @property({ type: Boolean, attribute: 'focus-on-open' }) focusOnOpen = false;

  @state() private to: RecipientEntry[] = [];
  @state() private cc: RecipientEntry[] = [];
  @state() private bcc: RecipientEntry[] = [];
  @state() private showCc = false;
  @state() private showBcc = false;
  @state() private subject = '';
  @state() private problems: string[] = [];
  @state() private notice = '';
  @state() private quickReplies: { slash?: { from: number; to: number } } | null = null;
  @state() private slashQuery = '';
  @state() private inlineUploads = 0;

  @query('atento-rich-editor') private editor?: RichEditor;
  @query('quick-replies') private picker?: QuickReplies;
  @query('#discard-dialog') private discardDialog?: AtentoDialog;

  /** Inline images uploaded in this session or restored, by attachment id. */
  private readonly inlineImages = new Map<string, Attachment>();
  private readonly inlineAborts = new Set<AbortController>();
  /** Keeps a send retry idempotent: the same key until the content changes. */
  private clientId?: string;
  private filled = false;
  /** Content set through `value` before the composer was ready; wins over defaults and drafts. */
  private preset?: DraftContent;
  private markReady!: () => void;
  private readonly readyPromise = new Promise<void>((resolve) => (this.markReady = resolve));

  private readonly uploads = new UploadQueue(this, {
    i18n: this.i18n,
    adapter: () => this.effectiveAdapter,
    conversationId: () => this.conversationId,
    limits: () =>
      (this.context.value?.campaign.attachments ?? DEFAULT_ATTACHMENT_LIMITS).attachment,
  });

  private readonly drafts = new DraftSync(this, {
    adapter: () => (this.disabled || this.readonly ? undefined : this.effectiveAdapter),
    key: () => this.key,
    snapshot: () => ({ ...this.key!, channel: 'email', ...this.content() }),
    beforeSave: (draft) => emit(this, 'mail-draft-save', { draft }, { cancelable: true }),
  });

  private readonly drop = new FileDrop(this, {
    enabled: () => !this.locked,
    drop: (files) => this.addAttachments(files),
  });

  private readonly sending = new SendFlow(this, {
    adapter: () => this.effectiveAdapter,
    onSent: (message) => {
      this.drafts.forget();
      emit(this, 'mail-sent', { message });
      emit(this, 'mail-close', { reason: 'sent' });
    },
  });

  private readonly context = new Task(this, {
    task: ([adapter], { signal }) => {
      const key = this.key;
      if (!adapter) throw new MissingAdapterError();
      if (!key) throw new AdapterError('invalid', 'conversation-id is required.');
      this.filled = false;
      return loadComposerContext(adapter, key, this.drafts, signal);
    },
    args: () => [this.effectiveAdapter, this.conversationId, this.mode, this.message?.id] as const,
  });

  /** The draft key: case, mode and answered message. */
  private get key(): DraftKey | undefined {
    if (!this.conversationId) return undefined;
    const key: DraftKey = { conversationId: this.conversationId, mode: this.mode };
    if (this.message && this.mode !== 'new') key.inReplyToMessageId = this.message.id;
    return key;
  }

  /** The current message. Setting it replaces recipients, subject, body and attachments. */
  get value(): ComposerValue {
    const { html: body, text } = this.editor?.getValue() ?? { html: '', text: '' };
    return {
      to: valid(this.to),
      cc: valid(this.cc),
      bcc: valid(this.bcc),
      subject: this.subject,
      html: body,
      text,
      attachments: this.attachments(),
    };
  }
  set value(value: ComposerValue) {
    const content: DraftContent = {
      ...value,
      conversationId: this.conversationId ?? '',
      mode: this.mode,
      channel: 'email',
    };
    if (this.filled && this.editor) {
      this.fill(content);
      this.changed();
    } else this.preset = content;
  }

  /** Resolves once the composer shows its content (defaults, draft or `value`). */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** Attaches files as the toolbar button and the drop zone do (refusals are shown). */
  attach(files: Iterable<File>) {
    this.addAttachments([...files]);
  }

  /** Focuses the first empty recipient field when there is none yet, else the body. */
  override focus(options?: FocusOptions) {
    const field = this.renderRoot.querySelector<HTMLElement>('atento-recipient-field');
    if (this.to.length === 0 && field) field.focus(options);
    else this.editor?.focus();
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    const context = this.context.value;
    if (context && !this.filled && this.editor) {
      this.filled = true;
      // Filled once this update is over: the fields it sets render in an update of their own.
      void this.updateComplete.then(() => {
        if (this.preset) this.fill(this.preset);
        else if (context.draft) this.fill(context.draft);
        else this.fillDefaults(context);
        this.preset = undefined;
        if (this.focusOnOpen) void this.updateComplete.then(() => this.focus());
        void this.updateComplete.then(() => this.markReady());
      });
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    for (const abort of this.inlineAborts) abort.abort();
  }

  // ── content ───────────────────────────────────────────────────────────────────────────────

  private content(): Omit<DraftContent, 'conversationId' | 'mode' | 'channel'> {
    const { html: body, text } = this.editor?.getValue() ?? { html: '', text: '' };
    const content = {
      to: entriesToAddresses(this.to),
      cc: entriesToAddresses(this.cc),
      bcc: entriesToAddresses(this.bcc),
      subject: this.subject,
      html: body,
      text,
      attachments: this.attachments(),
    };
    return this.message && this.mode !== 'new'
      ? { ...content, inReplyToMessageId: this.message.id }
      : content;
  }

  private attachments(): Attachment[] {
    const files = this.uploads.items.flatMap((i) => (i.attachment ? [i.attachment] : []));
    const inline = (this.editor?.imageAttachmentIds() ?? []).flatMap((id) => {
      const image = this.inlineImages.get(id);
      return image ? [image] : [];
    });
    return [...files, ...inline];
  }

  /** Shows stored content (a draft, a cancelled send, or `value`). */
  private fill(content: DraftContent) {
    this.to = content.to.map(toEntry);
    this.cc = content.cc.map(toEntry);
    this.bcc = content.bcc.map(toEntry);
    this.showCc ||= this.cc.length > 0;
    this.showBcc ||= this.bcc.length > 0;
    this.subject = content.subject;
    this.editor?.setHtml(content.html || textToHtml(content.text));
    this.uploads.clear();
    this.uploads.restore(content.attachments.filter((a) => !a.inline));
    for (const a of content.attachments) if (a.inline) this.inlineImages.set(a.id, a);
  }

  /** Recipients, subject, greeting, signature and (forward) the original, per mode. */
  private fillDefaults(context: ComposerContext) {
    const { to, cc } = initialRecipients(this.mode, this.message, ownAddresses(context));
    const fresh =
      this.mode === 'new'
        ? newMessageDefaults(context.personalization.contact, context.personalization.conversation)
        : undefined;
    this.to = (fresh?.to ?? to).map(toEntry);
    this.cc = cc.map(toEntry);
    this.showCc = cc.length > 0;
    this.subject = this.message
      ? composeSubject(this.mode, this.message.subject, {
          reply: this.i18n.t('composer.subjectReply'),
          forward: this.i18n.t('composer.subjectForward'),
        })
      : fresh?.subject ||
        // A case without a subject (one that began as a chat) gets one naming the campaign.
        (this.mode === 'new'
          ? this.i18n.t('composer.subjectNew', { campaign: context.campaign.name })
          : '');
    const { greeting, signature } = context.campaign;
    const p = context.personalization;
    const parts: string[] = [];
    if (this.mode !== 'forward' && greeting) parts.push(campaignHtml(greeting, p));
    parts.push('<p></p>');
    if (signature) parts.push(campaignHtml(signature, p));
    if (this.mode === 'forward' && this.message) {
      parts.push(forwardBlockHtml(this.message, this.forwardLabels(), (d) => this.i18n.date(d)));
      this.uploads.restore(this.message.attachments.filter((a) => !a.inline));
    }
    this.editor!.setHtml(parts.join(''));
    this.placeCaretInFirstEmptyParagraph();
  }

  private forwardLabels() {
    const t = (k: 'heading' | 'from' | 'date' | 'subject' | 'to' | 'cc') =>
      this.i18n.t(`composer.forward.${k}`);
    return {
      heading: t('heading'),
      from: t('from'),
      date: t('date'),
      subject: t('subject'),
      to: t('to'),
      cc: t('cc'),
    };
  }

  /** The caret goes where the agent writes: the empty line between greeting and signature. */
  private placeCaretInFirstEmptyParagraph() {
    const view = this.editor?.view;
    if (!view) return;
    let target: number | undefined;
    view.state.doc.descendants((node, pos) => {
      if (target !== undefined) return false;
      if (node.type.name === 'paragraph' && node.content.size === 0) target = pos + 1;
      return true;
    });
    if (target === undefined) return;
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, target)));
  }

  private changed() {
    this.clientId = undefined;
    if (!this.disabled && !this.readonly) this.drafts.changed();
  }

  // ── files ─────────────────────────────────────────────────────────────────────────────────

  private addAttachments(files: File[]) {
    const refused = this.uploads.add(files);
    this.showProblems(refused);
    this.changed();
  }

  private showProblems(refused: readonly FileProblem[]) {
    this.problems = refused.map((p) => p.message);
  }

  private async addInlineImages(files: File[]) {
    const adapter = this.effectiveAdapter;
    const editor = this.editor;
    if (!adapter || !editor) return;
    const rule = (this.context.value?.campaign.attachments ?? DEFAULT_ATTACHMENT_LIMITS)
      .inlineImage;
    const problems: string[] = [];
    const jobs = files.map(async (file) => {
      const check = checkFile(file, rule);
      if (!check.ok) {
        problems.push(refusalMessage(this.i18n, file.name, check, rule));
        return;
      }
      const uploadId = `upload-${crypto.randomUUID()}`;
      const preview = URL.createObjectURL(file);
      const abort = new AbortController();
      this.inlineAborts.add(abort);
      this.inlineUploads++;
      editor.insertImage({ src: preview, alt: altFromName(file.name), uploadId });
      editor.updateImage(uploadId, { progress: 0 });
      try {
        const attachment = await adapter.upload(file, {
          purpose: 'inline',
          conversationId: this.conversationId,
          signal: abort.signal,
          onProgress: (loaded, total) =>
            editor.updateImage(uploadId, { progress: total ? loaded / total : 1 }),
        });
        this.inlineImages.set(attachment.id, attachment);
        editor.updateImage(uploadId, {
          src: attachment.url,
          attachmentId: attachment.id,
          progress: null,
        });
      } catch (error) {
        editor.removeImage(uploadId);
        if (!abort.signal.aborted) problems.push(uploadErrorMessage(this.i18n, file, error, rule));
      } finally {
        URL.revokeObjectURL(preview);
        this.inlineAborts.delete(abort);
        this.inlineUploads--;
      }
    });
    await Promise.all(jobs);
    this.problems = [...this.problems, ...problems];
    this.changed();
  }

  private onEditorFiles(event: CustomEvent<{ files: File[]; inline: boolean }>) {
    const { files, inline } = event.detail;
    if (inline) void this.addInlineImages(files);
    else this.addAttachments(files);
  }

  private pickFiles(event: Event, inline: boolean) {
    const files = takeFiles(event);
    if (inline) void this.addInlineImages(files);
    else this.addAttachments(files);
  }

  // ── quick replies ─────────────────────────────────────────────────────────────────────────

  /** `<quick-replies>` loads on first use (toolbar or `/`), outside the composer's own module. */
  private loadQuickReplies() {
    void import('../quick-replies/quick-replies.js');
  }

  private toggleQuickReplies() {
    this.loadQuickReplies();
    this.quickReplies = this.quickReplies ? null : {};
    this.slashQuery = '';
    if (this.quickReplies) {
      void customElements
        .whenDefined('quick-replies')
        .then(() => this.updateComplete)
        .then(() => this.picker?.focus());
    }
  }

  private onSlash(event: CustomEvent<{ query: string; from: number; to: number }>) {
    const { query: q, from, to } = event.detail;
    this.loadQuickReplies();
    this.quickReplies = { slash: { from, to } };
    this.slashQuery = `/${q}`;
  }

  private onSlashEnd() {
    if (this.quickReplies?.slash) this.quickReplies = null;
  }

  private onSlashKey(event: CustomEvent<{ key: 'ArrowUp' | 'ArrowDown' | 'Enter' | 'Escape' }>) {
    const picker = this.picker;
    if (!this.quickReplies?.slash || !picker || !customElements.get('quick-replies')) return;
    event.preventDefault();
    const { key } = event.detail;
    if (key === 'Escape') this.quickReplies = null;
    else if (key === 'Enter') picker.selectActive();
    else picker.moveActive(key === 'ArrowDown' ? 1 : -1);
  }

  private onQuickReply(event: CustomEvent<QuickReplySelectDetail>) {
    event.preventDefault();
    const range = this.quickReplies?.slash;
    this.quickReplies = null;
    this.editor?.insertText(event.detail.text, range);
    this.editor?.focus();
  }

  private closeQuickReplies() {
    this.quickReplies = null;
    this.editor?.focus();
  }

  // ── send, undo, discard ───────────────────────────────────────────────────────────────────

  private get locked(): boolean {
    return this.disabled || this.readonly || this.sending.phase !== 'editing';
  }

  /** Why the message cannot be sent yet, or an empty list. */
  private validate(): string[] {
    const fields = [...this.renderRoot.querySelectorAll('atento-recipient-field')];
    for (const field of fields) field.commitPending();
    const all = [...this.to, ...this.cc, ...this.bcc];
    const errors: string[] = [];
    if (all.some((e) => e.invalid)) errors.push(this.i18n.t('composer.error.invalidRecipients'));
    else if (all.length === 0) errors.push(this.i18n.t('composer.error.noRecipient'));
    if (this.uploads.pending || this.inlineUploads > 0)
      errors.push(this.i18n.t('composer.error.uploading'));
    if (this.uploads.failed) errors.push(this.i18n.t('composer.error.failedUploads'));
    if (this.editor?.isEmpty() && this.attachments().length === 0)
      errors.push(this.i18n.t('composer.error.emptyBody'));
    return errors;
  }

  /** Validates and sends; the undo countdown follows when the campaign has a window. */
  async send(): Promise<void> {
    if (this.locked) return;
    const errors = this.validate();
    if (errors.length) {
      this.problems = errors;
      const firstInvalid = this.renderRoot.querySelector<HTMLElement>(
        'atento-recipient-field[data-invalid], atento-recipient-field',
      );
      if (errors[0] !== this.i18n.t('composer.error.emptyBody')) firstInvalid?.focus();
      else this.editor?.focus();
      return;
    }
    const key = this.key!;
    const { html: body, text } = this.editor!.getValue();
    this.clientId ??= crypto.randomUUID();
    const message: OutgoingMessage = {
      conversationId: key.conversationId,
      mode: key.mode,
      channel: 'email',
      to: valid(this.to),
      cc: valid(this.cc),
      bcc: valid(this.bcc),
      subject: this.subject,
      html: body,
      text,
      attachmentIds: this.attachments().map((a) => a.id),
      clientId: this.clientId,
    };
    if (key.inReplyToMessageId) message.inReplyToMessageId = key.inReplyToMessageId;
    if (!emit(this, 'mail-send', { message }, { cancelable: true })) return;
    this.problems = [];
    await this.drafts.pause();
    try {
      await this.sending.send(message);
      this.quickReplies = null;
    } catch (error) {
      this.drafts.resume();
      this.drafts.changed();
      this.problems = [
        this.i18n.t('composer.error.send', { error: errorMessage(this.i18n, error) }),
      ];
    }
  }

  /** "Cancel sending" inside the undo window: the message comes back as the draft. */
  async undo(): Promise<void> {
    try {
      const draft = await this.sending.cancel();
      if (!draft) return;
      this.fill(draft);
      this.drafts.adopt(draft);
      this.drafts.resume();
      this.clientId = undefined;
      this.notice = this.i18n.t('composer.restored');
      this.editor?.focus();
    } catch (error) {
      this.problems = [
        this.i18n.t('composer.error.undo', { error: errorMessage(this.i18n, error) }),
      ];
    }
  }

  private async confirmDiscard() {
    this.discardDialog?.close();
    const key = this.key;
    if (!key || !emit(this, 'mail-discard', { key }, { cancelable: true })) return;
    try {
      await this.drafts.discard();
      this.uploads.clear();
      emit(this, 'mail-close', { reason: 'discarded' });
    } catch (error) {
      this.problems = [errorMessage(this.i18n, error)];
    }
  }

  /** Saves what is unsaved and asks the host to close the composer. */
  async close(): Promise<void> {
    if (!this.disabled && !this.readonly) await this.drafts.flush();
    emit(this, 'mail-close', { reason: 'closed' });
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      void this.send();
    }
  }

  // ── render ────────────────────────────────────────────────────────────────────────────────

  private heading(): string {
    switch (this.mode) {
      case 'reply':
        return this.i18n.t('composer.title.reply', {
          name: this.to[0]?.name || this.to[0]?.address || this.message?.from.name || '',
        });
      case 'replyAll':
        return this.i18n.t('composer.title.replyAll');
      case 'forward':
        return this.i18n.t('composer.title.forward');
      default:
        return this.i18n.t('composer.title.new');
    }
  }

  override render() {
    return html`<section
      part="base"
      class="base ${this.drop.dragging ? 'dragging' : ''}"
      aria-labelledby="title"
      @keydown=${this.onKeydown}
      @dragover=${this.drop.onDragOver}
      @dragleave=${this.drop.onDragLeave}
      @drop=${this.drop.onDrop}
    >
      <header part="header" class="header">
        <h2 id="title" part="title" class="title">${this.heading()}</h2>
        ${this.renderSaveState()}
        <button
          type="button"
          class="icon-button close"
          aria-label=${this.i18n.t('common.close')}
          title=${this.i18n.t('common.close')}
          @click=${() => void this.close()}
        >
          ${icon(CLOSE)}
        </button>
      </header>
      ${this.context.render({
        pending: () =>
          html`<p class="loading" role="status">${this.i18n.t('composer.loading')}</p>`,
        error: (error) =>
          html`<div class="load-error" role="alert">
            <p>${this.i18n.t('composer.loadError')} ${errorMessage(this.i18n, error)}</p>
            <button type="button" class="button" @click=${() => void this.context.run()}>
              ${this.i18n.t('common.retry')}
            </button>
          </div>`,
        complete: () => nothing,
      })}
      <div class="body" ?hidden=${!this.context.value}>
        ${this.renderFields()} ${this.renderEditor()}
        ${this.quickReplies ? this.renderQuickReplies() : nothing}
        <atento-attachment-list
          part="attachments"
          .items=${this.uploads.items}
          ?readonly=${this.locked}
          @attachment-remove=${(e: CustomEvent<{ key: string }>) => {
            this.uploads.remove(e.detail.key);
            this.changed();
          }}
          @attachment-retry=${(e: CustomEvent<{ key: string }>) => this.uploads.retry(e.detail.key)}
        ></atento-attachment-list>
        ${this.renderProblems()} ${this.readonly ? nothing : this.renderActions()}
      </div>
      ${this.drop.renderOverlay(this.i18n.t('composer.dropFiles'))}
      <atento-dialog id="discard-dialog" label=${this.i18n.t('composer.discardTitle')}>
        <p>${this.i18n.t('composer.discardBody')}</p>
        <button
          slot="footer"
          type="button"
          class="button"
          @click=${() => this.discardDialog?.close()}
        >
          ${this.i18n.t('common.cancel')}
        </button>
        <button
          slot="footer"
          type="button"
          class="button danger"
          @click=${() => void this.confirmDiscard()}
        >
          ${this.i18n.t('composer.discardConfirm')}
        </button>
      </atento-dialog>
    </section>`;
  }

  private renderSaveState() {
    const d = this.drafts;
    if (this.sending.phase !== 'editing') return nothing;
    let text = '';
    if (d.state === 'saving') text = this.i18n.t('composer.saving');
    else if (d.state === 'pending') text = this.i18n.t('composer.unsaved');
    else if (d.state === 'saved' && d.savedAt)
      text = this.i18n.t('composer.savedAt', {
        time: this.i18n.date(d.savedAt, { timeStyle: 'short' }),
      });
    else if (d.state === 'retrying')
      text = this.i18n.t('composer.saveFailed', { error: errorMessage(this.i18n, d.error) });
    return html`<span part="save-state" class="save-state ${d.state}" role="status">
      ${d.state === 'saved' ? icon(CHECK) : nothing}${text}
      ${
        d.state === 'retrying'
          ? html`<button type="button" class="link" @click=${() => void this.drafts.flush()}>
              ${this.i18n.t('composer.saveNow')}
            </button>`
          : nothing
      }
    </span>`;
  }

  private renderFields() {
    const search = (q: string, signal: AbortSignal) =>
      this.effectiveAdapter?.searchRecipients(q, { signal }) ?? Promise.resolve([]);
    const field = (which: 'to' | 'cc' | 'bcc', label: string, end: unknown = nothing) =>
      html`<atento-recipient-field
        class="recipients ${which}"
        label=${label}
        .entries=${this[which]}
        .search=${search}
        ?data-invalid=${this[which].some((e) => e.invalid)}
        ?disabled=${this.disabled}
        ?readonly=${this.locked && !this.disabled}
        ?required=${which === 'to' && this.cc.length + this.bcc.length === 0}
        @recipients-change=${(e: CustomEvent<{ entries: RecipientEntry[] }>) => {
          this[which] = e.detail.entries;
          this.changed();
        }}
        >${end}</atento-recipient-field
      >`;
    const reveal = (which: 'showCc' | 'showBcc', label: string) =>
      this[which]
        ? nothing
        : html`<button
            type="button"
            class="link reveal"
            ?disabled=${this.locked}
            @click=${async () => {
              this[which] = true;
              await this.updateComplete;
              this.renderRoot
                .querySelector<HTMLElement>(
                  `atento-recipient-field.${which === 'showCc' ? 'cc' : 'bcc'}`,
                )
                ?.focus();
            }}
          >
            ${label}
          </button>`;
    return html`<div part="fields" class="fields">
      ${field(
        'to',
        this.i18n.t('composer.to'),
        html`<span slot="end" class="reveals">
          ${reveal('showCc', this.i18n.t('composer.showCc'))}
          ${reveal('showBcc', this.i18n.t('composer.showBcc'))}
        </span>`,
      )}
      ${this.showCc ? field('cc', this.i18n.t('composer.cc')) : nothing}
      ${this.showBcc ? field('bcc', this.i18n.t('composer.bcc')) : nothing}
      <label class="subject-row">
        <span class="subject-label">${this.i18n.t('composer.subject')}</span>
        <input
          part="subject"
          class="subject"
          .value=${this.subject}
          ?disabled=${this.disabled}
          ?readonly=${this.locked && !this.disabled}
          @input=${(e: InputEvent) => {
            this.subject = (e.target as HTMLInputElement).value;
            this.changed();
          }}
        />
      </label>
    </div>`;
  }

  private renderEditor() {
    const limits = this.context.value?.campaign.attachments ?? DEFAULT_ATTACHMENT_LIMITS;
    return html`<atento-rich-editor
        part="editor"
        label=${this.i18n.t('composer.body')}
        placeholder=${this.i18n.t('composer.placeholder')}
        ?disabled=${this.disabled}
        ?readonly=${this.locked && !this.disabled}
        @editor-input=${() => this.changed()}
        @editor-files=${this.onEditorFiles}
        @editor-slash=${this.onSlash}
        @editor-slash-end=${this.onSlashEnd}
        @editor-slash-key=${this.onSlashKey}
        @editor-submit=${() => void this.send()}
        @editor-notice=${() => (this.notice = this.i18n.t('composer.pastedAsText'))}
      >
        <span slot="tools" class="tools">
          ${this.renderFileButton('composer.attach', PAPERCLIP, '#file-input')}
          ${this.renderFileButton('composer.insertImage', IMAGE, '#image-input')}
          <atento-emoji-button
            ?disabled=${this.locked}
            @emoji-pick=${(e: CustomEvent<{ unicode: string }>) => {
              this.editor?.insertText(e.detail.unicode);
              this.editor?.focus();
            }}
          ></atento-emoji-button>
          <button
            type="button"
            class="tool"
            aria-label=${this.i18n.t('composer.quickReplies')}
            title=${`${this.i18n.t('composer.quickReplies')} (/)`}
            aria-expanded=${this.quickReplies ? 'true' : 'false'}
            aria-controls="quick-replies"
            ?disabled=${this.locked}
            @click=${this.toggleQuickReplies}
          >
            ${icon(LIGHTNING)}
          </button>
        </span>
      </atento-rich-editor>
      <input
        id="file-input"
        type="file"
        multiple
        hidden
        accept=${acceptAttribute(limits.attachment)}
        @change=${(e: Event) => this.pickFiles(e, false)}
      />
      <input
        id="image-input"
        type="file"
        multiple
        hidden
        accept=${acceptAttribute(limits.inlineImage)}
        @change=${(e: Event) => this.pickFiles(e, true)}
      />`;
  }

  /** A toolbar button opening one of the hidden file inputs. */
  private renderFileButton(
    label: 'composer.attach' | 'composer.insertImage',
    shape: SVGTemplateResult,
    input: string,
  ) {
    const text = this.i18n.t(label);
    return html`<button
      type="button"
      class="tool"
      aria-label=${text}
      title=${text}
      ?disabled=${this.locked}
      @click=${() => this.renderRoot.querySelector<HTMLInputElement>(input)?.click()}
    >
      ${icon(shape)}
    </button>`;
  }

  private renderQuickReplies() {
    return html`<div id="quick-replies" part="quick-replies" class="quick-replies">
      <quick-replies
        conversation-id=${ifDefined(this.conversationId)}
        .query=${this.slashQuery}
        @quick-reply-select=${this.onQuickReply}
        @quick-reply-dismiss=${this.closeQuickReplies}
      ></quick-replies>
    </div>`;
  }

  private renderProblems() {
    const d = this.drafts;
    const items = [...this.problems];
    return html`<div part="problems" class="problems">
      ${
        d.state === 'conflict'
          ? html`<div class="conflict" role="alert">
              <span>${this.i18n.t('composer.conflict')}</span>
              <button
                type="button"
                class="button small"
                @click=${() => void this.drafts.resolveConflict('mine')}
              >
                ${this.i18n.t('composer.keepMine')}
              </button>
              <button type="button" class="button small" @click=${() => void this.takeTheirs()}>
                ${this.i18n.t('composer.takeTheirs')}
              </button>
            </div>`
          : nothing
      }
      <div role="alert" class="alerts">
        ${
          items.length
            ? html`<ul class="errors">
                  ${items.map((p) => html`<li>${p}</li>`)}
                </ul>
                <button type="button" class="link" @click=${() => (this.problems = [])}>
                  ${this.i18n.t('composer.dismiss')}
                </button>`
            : nothing
        }
      </div>
      <p role="status" class="notice">${this.notice}</p>
    </div>`;
  }

  private async takeTheirs() {
    const draft = await this.drafts.resolveConflict('theirs');
    if (draft) this.fill(draft);
  }

  private renderActions() {
    const phase = this.sending.phase;
    if (phase === 'countdown' || phase === 'cancelling') {
      const left = this.sending.remaining;
      const total = this.sending.windowSeconds;
      return html`<footer part="actions" class="actions countdown-row">
        <div part="countdown" class="countdown">
          <span aria-hidden="true">${this.i18n.t('composer.countdown', { seconds: left })}</span>
          <span class="visually-hidden" role="status"
            >${this.i18n.t('composer.countdownStart', { seconds: total })}</span
          >
          <progress max=${total} .value=${total - left} aria-hidden="true"></progress>
        </div>
        <button
          part="undo"
          type="button"
          class="button primary undo"
          ?disabled=${phase === 'cancelling'}
          @click=${() => void this.undo()}
        >
          ${phase === 'cancelling' ? this.i18n.t('composer.cancelling') : this.i18n.t('composer.undo')}
        </button>
      </footer>`;
    }
    if (phase === 'sent')
      return html`<footer part="actions" class="actions">
        <p role="status">${this.i18n.t('composer.sent')}</p>
      </footer>`;
    return html`<footer part="actions" class="actions">
      <button
        part="send"
        type="button"
        class="button primary send"
        title=${this.i18n.t('composer.sendHint', { keys: SEND_KEYS })}
        aria-keyshortcuts="Control+Enter Meta+Enter"
        ?disabled=${this.disabled || phase === 'sending'}
        @click=${() => void this.send()}
      >
        ${phase === 'sending' ? this.i18n.t('composer.sending') : this.i18n.t('composer.send')}
      </button>
      <span class="spacer"></span>
      <button
        part="discard"
        type="button"
        class="button discard"
        ?disabled=${this.locked}
        @click=${() => void this.discardDialog?.show()}
      >
        ${this.i18n.t('composer.discard')}
      </button>
    </footer>`;
  }
}

function toEntry(a: EmailAddress): RecipientEntry {
  const entry: RecipientEntry = { address: a.address };
  if (a.name) entry.name = a.name;
  if (!isValidAddress(a.address)) entry.invalid = true;
  return entry;
}

function entriesToAddresses(entries: RecipientEntry[]): EmailAddress[] {
  return entries.map((e) =>
    e.name ? { name: e.name, address: e.address } : { address: e.address },
  );
}

function valid(entries: RecipientEntry[]): EmailAddress[] {
  return entriesToAddresses(entries.filter((e) => !e.invalid));
}

function altFromName(name: string): string {
  return name.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ');
}

declare global {
  interface HTMLElementTagNameMap {
    'mail-composer': MailComposer;
  }
  interface GlobalEventHandlersEventMap {
    'mail-send': CustomEvent<MailSendDetail>;
    'mail-sent': CustomEvent<MailSentDetail>;
    'mail-draft-save': CustomEvent<MailDraftSaveDetail>;
    'mail-discard': CustomEvent<MailDiscardDetail>;
    'mail-close': CustomEvent<MailCloseDetail>;
  }
}

import { Task } from '@lit/task';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AgentEvent } from '../../../adapters/adapter.js';
import {
  firstName,
  type CampaignSettings,
  type Channel,
  type ConversationDetail,
  type ConversationSummary,
} from '../../../model/index.js';
import { buttons } from '../../../styles/controls.js';
import { AdapterElement } from '../../internal/adapter-element.js';
import { emit } from '../../internal/atento-element.js';
import { errorMessage, MissingAdapterError } from '../../internal/error-message.js';
import { CHANNEL_ICONS, icon } from '../../internal/icons.js';
import type {
  MailCloseDetail,
  MailComposer,
  MailSentDetail,
} from '../../mail-composer/mail-composer.js';
import { withCarriedContent } from './carry.js';
import './channel-menu.js';
import type { ChannelSelectDetail } from './channel-menu.js';
import './chat-composer.js';
import type { ChatComposer } from './chat-composer.js';
import {
  emailDraftKey,
  findEmailTarget,
  isInboundEmail,
  type EmailTarget,
} from './email-target.js';
import { styles } from './reply-area.styles.js';
import './reply-events.js';
import {
  automaticChannel,
  hasChatMessages,
  replyChannels,
  visitorOnline,
  type ReplyChannels,
} from './reply-channels.js';

/** How long a visitor's "typing" shows without news (the `false` may never come). */
const TYPING_TIMEOUT_MS = 8000;

const INFO = svg`<circle cx="12" cy="12" r="9"/><path d="M12 11v5M12 8v.01"/>`;

type Notice = 'offline' | 'offline-no-email' | 'online';

/**
 * Where the agent answers a case (F-4.4, F-4.5): a channel dropdown "Chat web" / "Correo
 * electrónico" above a light chat composer or the email composer.
 *
 * The channel is chosen automatically: chat while the visitor is online, email otherwise. Email is
 * only offered when an address is known (and the campaign answers chats by email); chat only when
 * the case has a website visitor; the dropdown says why a channel is unavailable. Live events
 * keep the case fresh (presence, the contact's addresses, new messages, the visitor typing).
 *
 * A visitor going offline while the agent has typed a chat reply never switches the channel
 * silently: a notice asks "Cambiar a correo" (the text moves into the email) or "Seguir en chat"
 * (the message still reaches the widget's history). With nothing typed, the area follows the
 * visitor: email when they leave, chat when they come back. Choosing email in the dropdown with
 * text typed carries it over too.
 *
 * The email channel starts collapsed into one line ("Escribir un correo…") so the thread keeps its
 * height; expanded, it is a `<mail-composer>` (loaded on first use) replying to the newest inbound
 * email of the case, or a new email to the case's address when there is none. On a case with chat
 * messages, a note says that the server adds the chat transcript under the reply (F-4.5).
 *
 * @summary Reply area of the agent panel: channel switch, chat composer, email composer.
 *
 * @fires {CustomEvent<ReplySendDetail>} reply-send - A chat message is about to be sent.
 *   Cancelable: when cancelled nothing is sent and the text stays (call `send()` to try again).
 * @fires {CustomEvent<ReplySentDetail>} reply-sent - A reply was sent: a chat message at once, an
 *   email once it left its undo window.
 * @fires {CustomEvent<ReplyChannelChangeDetail>} reply-channel-change - The channel is about to
 *   change (the agent's choice, or `automatic` when the visitor's presence changed). Cancelable:
 *   when cancelled the channel stays.
 *
 * @csspart base - The whole area.
 * @csspart bar - The row holding the channel dropdown and the typing indicator.
 * @csspart channel-menu - The `<atento-channel-menu>` (its own parts: `button`, `menu`, `item`…).
 * @csspart typing - "Jorge está escribiendo…".
 * @csspart notice - The visitor went offline (or came back) while a reply was under way.
 * @csspart notice-action - A button of the notice.
 * @csspart chat-composer - The `<atento-chat-composer>`.
 * @csspart transcript-note - "Se incluirá la transcripción del chat debajo de su respuesta".
 * @csspart email-open - The collapsed email composer ("Escribir un correo…").
 * @csspart email-composer - The `<mail-composer>`.
 * @csspart state - Loading and error states.
 *
 * @cssprop --atento-color-surface - Background.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-text-muted - Typing indicator and notes.
 * @cssprop --atento-color-warning-soft - Notice background.
 * @cssprop --atento-color-warning - Notice text.
 * @cssprop --atento-color-accent - Accent.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('atento-reply-area')
export class ReplyArea extends AdapterElement {
  static override styles = [...AdapterElement.styles, buttons, styles];

  /** The case being answered. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /**
   * The case as the host already has it; loaded with `getConversation` when absent. Either way
   * live events keep the area's copy fresh.
   */
  @property({ attribute: false }) detail?: ConversationDetail;

  @state() private current?: ConversationDetail;
  @state() private campaign?: CampaignSettings;
  @state() private active: Channel = 'chat';
  /** Whether `active` was set for the current case (automatically or by the agent). */
  @state() private chosen = false;
  @state() private notice: Notice | null = null;
  @state() private emailOpen = false;
  /** The email target while the email composer is open (a newer email does not replace it). */
  @state() private openTarget?: EmailTarget;
  /** A newer inbound email than the loaded target, from a live event. */
  @state() private liveTarget?: EmailTarget;
  @state() private hasEmailDraft = false;
  /** Set once the email channel is used on the case: the email target loads from then on. */
  @state() private emailWanted = false;
  @state() private visitorTyping: string | null = null;
  @state() private carryError?: unknown;
  /** Reloading the case after missed live events failed. */
  @state() private refreshError?: unknown;

  /** Whether the agent picked the channel in the dropdown (presence still moves an empty reply). */
  private manual = false;
  private typingTimer?: ReturnType<typeof setTimeout>;
  private readonly live = this.subscribeLive((event) => this.onLive(event));

  /** The case (unless given) and its campaign. */
  private readonly load = new Task(this, {
    task: async ([adapter, conversationId], { signal }) => {
      if (!adapter) throw new MissingAdapterError();
      if (!conversationId) return null;
      const given = this.given;
      const [detail, campaign] = await Promise.all([
        given ?? adapter.getConversation(conversationId, { signal }),
        adapter.campaign(conversationId, { signal }),
      ]);
      return { detail, campaign };
    },
    args: () => [this.effectiveAdapter, this.conversationId] as const,
    onComplete: (loaded) => {
      if (!loaded) return;
      // A case already shown (given, then kept fresh by live events) is not replaced.
      this.current ??= loaded.detail;
      this.campaign = loaded.campaign;
      this.settle();
    },
  });

  /** The newest inbound email (or a new email) and whether a draft for it exists. */
  private readonly target = new Task(this, {
    task: async ([adapter, conversationId, key], { signal }) => {
      const detail = this.current;
      if (!adapter || !conversationId || key === null || !detail) return null;
      const target = await findEmailTarget(adapter, detail, signal);
      const draft = await adapter.getDraft(emailDraftKey(conversationId, target), { signal });
      return { target, hasDraft: draft !== null };
    },
    args: () => [this.effectiveAdapter, this.conversationId, this.emailKey] as const,
    onComplete: (found) => {
      if (found) this.hasEmailDraft = found.hasDraft;
    },
  });

  /** The channel in use. */
  get channel(): Channel {
    return this.active;
  }

  /** Moves focus into the active composer (the collapsed email line when email is closed). */
  override focus(options?: FocusOptions) {
    const root = this.renderRoot;
    if (this.active === 'chat') root.querySelector<ChatComposer>('atento-chat-composer')?.focus();
    else if (this.emailOpen) root.querySelector<MailComposer>('mail-composer')?.focus(options);
    else root.querySelector<HTMLElement>('.email-open')?.focus(options);
  }

  /**
   * Sends what the active composer holds (chat at once; email through its undo window). Fires
   * `reply-send` again for chat.
   */
  async send(): Promise<void> {
    if (this.active === 'chat') await this.chatComposer?.send();
    else if (this.emailOpen) await this.renderRoot.querySelector('mail-composer')?.send();
  }

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.typingTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('conversationId')) this.reset();
    if (changed.has('detail') || changed.has('conversationId')) {
      const given = this.given;
      if (given) {
        this.current = given;
        this.settle();
      }
    }
  }

  /** A new case: nothing carried over from the previous one. */
  private reset() {
    this.current = undefined;
    this.campaign = undefined;
    this.chosen = false;
    this.manual = false;
    this.notice = null;
    this.emailOpen = false;
    this.openTarget = undefined;
    this.liveTarget = undefined;
    this.hasEmailDraft = false;
    this.emailWanted = false;
    this.carryError = undefined;
    this.refreshError = undefined;
    this.showTyping(null);
  }

  // ── derived state ─────────────────────────────────────────────────────────────────────────

  /** The `detail` property when it is the case shown. */
  private get given(): ConversationDetail | undefined {
    const d = this.detail;
    return d && d.conversation.id === this.conversationId ? d : undefined;
  }

  private get channels(): ReplyChannels | undefined {
    return this.current && replyChannels(this.current, this.campaign);
  }

  private get chatComposer(): ChatComposer | null {
    return this.renderRoot.querySelector('atento-chat-composer');
  }

  /** What the email target depends on; `null` while email is not in use. */
  private get emailKey(): string | null {
    if (!this.emailWanted || !this.current) return null;
    return this.current.interactions
      .filter((i) => i.channel === 'email')
      .map((i) => i.id)
      .join(' ');
  }

  /** The email the composer answers (or `new`), once known. */
  private get emailTarget(): EmailTarget | undefined {
    return this.openTarget ?? this.liveTarget ?? this.target.value?.target;
  }

  /** Whether the active composer holds nothing the agent wrote. */
  private get activeEmpty(): boolean {
    return this.active === 'chat' ? !this.chatComposer?.hasContent : !this.emailOpen;
  }

  // ── channel rules ─────────────────────────────────────────────────────────────────────────

  /**
   * After the case or its campaign changed: the first time, the automatic channel; later, a
   * channel that became unusable is left, and an untouched reply follows the automatic choice.
   */
  private settle() {
    const channels = this.channels;
    if (!channels) return;
    const auto = automaticChannel(channels);
    if (!this.chosen) {
      this.chosen = true;
      this.active = auto;
      if (auto === 'email') this.emailWanted = true;
      return;
    }
    if (auto === this.active) return;
    if (channels[this.active].blocked || (!this.manual && this.activeEmpty))
      this.switchTo(auto, true);
  }

  /** Fires the cancelable `reply-channel-change`, then switches; returns whether it did. */
  private switchTo(channel: Channel, automatic: boolean): boolean {
    if (channel === this.active) return true;
    if (!emit(this, 'reply-channel-change', { channel, automatic }, { cancelable: true }))
      return false;
    this.active = channel;
    this.notice = null;
    if (channel === 'email') {
      this.emailWanted = true;
      void import('../../mail-composer/mail-composer.js');
    }
    return true;
  }

  /** The visitor came or went. */
  private presenceChanged(online: boolean) {
    const channels = this.channels;
    if (!channels || !this.chosen) return;
    if (!online) {
      if (this.notice === 'online') this.notice = null;
      if (this.active !== 'chat') return;
      if (this.chatComposer?.hasContent) {
        this.notice = channels.email.blocked ? 'offline-no-email' : 'offline';
        return;
      }
      if (!channels.email.blocked) this.switchTo('email', true);
      return;
    }
    if (this.notice === 'offline' || this.notice === 'offline-no-email') this.notice = null;
    if (this.active !== 'email' || channels.chat.blocked) return;
    if (this.emailOpen) this.notice = 'online';
    else this.switchTo('chat', true);
  }

  private async onChannelSelect(event: CustomEvent<ChannelSelectDetail>) {
    const { channel } = event.detail;
    this.manual = true;
    if (channel === 'email' && this.chatComposer?.hasContent) {
      await this.moveChatToEmail();
      return;
    }
    if (!this.switchTo(channel, false)) return;
    await this.updateComplete;
    this.focus();
  }

  /**
   * Opens the email composer, then moves the chat text and files into it (the chat field and its
   * draft are emptied only once the email holds them).
   */
  private async moveChatToEmail() {
    this.carryError = undefined;
    if (!this.switchTo('email', false)) return;
    try {
      const composer = await this.openEmail();
      if (!composer) return;
      const chat = this.chatComposer;
      if (chat?.hasContent) composer.value = withCarriedContent(composer.value, await chat.take());
      composer.focus();
    } catch (error) {
      this.carryError = error;
    }
  }

  /** Expands the email composer and resolves once it shows its content. */
  private async openEmail(): Promise<MailComposer | null> {
    this.emailWanted = true;
    const module = import('../../mail-composer/mail-composer.js');
    await this.updateComplete;
    await this.target.taskComplete;
    await module;
    if (!this.emailTarget) return null;
    this.openTarget = this.emailTarget;
    this.emailOpen = true;
    await this.updateComplete;
    const composer = this.renderRoot.querySelector('mail-composer');
    if (!composer) return null;
    await composer.ready;
    return composer;
  }

  /** "Escribir un correo…": the email composer opens and takes focus. */
  private async expandEmail() {
    this.carryError = undefined;
    try {
      await this.openEmail();
    } catch (error) {
      this.carryError = error;
    }
  }

  private onMailClose(event: CustomEvent<MailCloseDetail>) {
    event.stopPropagation();
    this.emailOpen = false;
    this.openTarget = undefined;
    this.hasEmailDraft = event.detail.reason === 'closed';
    if (this.notice === 'online') this.notice = null;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('.email-open')?.focus(),
    );
  }

  private onMailSent(event: CustomEvent<MailSentDetail>) {
    emit(this, 'reply-sent', { message: event.detail.message });
  }

  // ── live ──────────────────────────────────────────────────────────────────────────────────

  private onLive = (event: AgentEvent) => {
    const id = this.conversationId;
    if (!id || !this.current) return;
    switch (event.type) {
      case 'conversation.updated':
        if (event.conversation.id === id) this.applySummary(event.conversation);
        break;
      case 'message.created':
        if (event.message.conversationId !== id) return;
        if (isInboundEmail(event.message, id))
          this.liveTarget = { mode: 'reply', message: event.message };
        if (event.message.direction === 'inbound' && event.message.channel === 'chat')
          this.showTyping(null);
        this.applySummary(event.conversation);
        break;
      case 'presence':
        if (event.conversationId === id) this.applyOnline(event.online);
        break;
      case 'typing':
        if (event.conversationId === id && event.who === 'visitor')
          this.showTyping(event.typing ? event.name : null);
        break;
      case 'resync':
        void this.refresh();
        break;
      default:
        break;
    }
  };

  /** Live events were missed: the case again, from the adapter. */
  private async refresh() {
    const adapter = this.effectiveAdapter;
    const id = this.conversationId;
    if (!adapter || !id) return;
    this.refreshError = undefined;
    try {
      const detail = await adapter.getConversation(id);
      if (id !== this.conversationId || !this.current) return;
      const was = visitorOnline(this.current);
      this.current = detail;
      if (visitorOnline(detail) !== was) this.presenceChanged(visitorOnline(detail));
      else this.settle();
    } catch (error) {
      if (id === this.conversationId) this.refreshError = error;
    }
  }

  private applySummary(summary: ConversationSummary) {
    const detail = this.current;
    if (!detail) return;
    const was = visitorOnline(detail);
    const visitor = detail.visitor && { ...detail.visitor, online: summary.visitorOnline };
    this.current = { ...detail, conversation: summary, visitor };
    if (summary.visitorOnline !== was) this.presenceChanged(summary.visitorOnline);
    else this.settle();
  }

  private applyOnline(online: boolean) {
    const detail = this.current;
    if (!detail) return;
    const was = visitorOnline(detail);
    this.current = {
      ...detail,
      conversation: { ...detail.conversation, visitorOnline: online },
      visitor: detail.visitor && { ...detail.visitor, online },
    };
    if (online !== was) this.presenceChanged(online);
  }

  private showTyping(name: string | null) {
    clearTimeout(this.typingTimer);
    this.visitorTyping = name;
    if (name !== null)
      this.typingTimer = setTimeout(() => (this.visitorTyping = null), TYPING_TIMEOUT_MS);
  }

  // ── render ────────────────────────────────────────────────────────────────────────────────

  override render() {
    if (!this.conversationId) return nothing;
    const detail = this.current;
    const channels = this.channels;
    if (!detail || !channels) {
      return this.load.render({
        error: (error) => this.renderError('reply.loadError', error, () => void this.load.run()),
        pending: () =>
          html`<p part="state" class="state" role="status">${this.i18n.t('common.loading')}</p>`,
      });
    }
    const loadError = this.load.error ?? this.refreshError;
    return html`<section part="base" class="base" aria-label=${this.i18n.t('reply.label')}>
      <div part="bar" class="bar">
        <atento-channel-menu
          part="channel-menu"
          .value=${this.active}
          .options=${[channels.chat, channels.email]}
          ?online=${channels.online}
          @channel-select=${this.onChannelSelect}
        ></atento-channel-menu>
        <span part="typing" class="typing" role="status"
          >${
            this.visitorTyping === null
              ? ''
              : this.i18n.t('reply.typing', {
                  name: firstName(this.visitorTyping) || this.i18n.t('reply.visitor'),
                })
          }</span
        >
      </div>
      ${this.renderNotice()}
      ${
        loadError
          ? this.renderError('reply.loadError', loadError, () =>
              this.refreshError ? void this.refresh() : void this.load.run(),
            )
          : nothing
      }
      ${keyed(
        this.conversationId,
        html`${
          channels.chat.blocked
            ? nothing
            : html`<atento-chat-composer
                part="chat-composer"
                conversation-id=${this.conversationId}
                .adapter=${this.effectiveAdapter}
                .campaign=${this.campaign}
                ?hidden=${this.active !== 'chat'}
              ></atento-chat-composer>`
        }
        ${this.active === 'email' ? this.renderEmail(detail, channels) : nothing}`,
      )}
    </section>`;
  }

  private renderError(
    key: 'reply.loadError' | 'reply.email.loadError',
    error: unknown,
    retry: () => void,
  ) {
    return html`<div part="state" class="state error" role="alert">
      <p>${this.i18n.t(key)} ${errorMessage(this.i18n, error)}</p>
      <button type="button" class="button small" @click=${retry}>
        ${this.i18n.t('common.retry')}
      </button>
    </div>`;
  }

  private renderNotice() {
    const notice = this.notice;
    if (!notice) return html`<div class="notice-slot" role="alert"></div>`;
    const action = (label: string, run: () => void, primary = false) =>
      html`<button
        part="notice-action"
        type="button"
        class="button small ${primary ? 'primary' : ''}"
        @click=${run}
      >
        ${label}
      </button>`;
    const text = {
      offline: this.i18n.t('reply.offline.notice'),
      'offline-no-email': this.i18n.t('reply.offline.noEmail'),
      online: this.i18n.t('reply.online.notice'),
    }[notice];
    const actions =
      notice === 'offline'
        ? [
            action(this.i18n.t('reply.offline.switch'), () => void this.moveChatToEmail(), true),
            action(this.i18n.t('reply.offline.stay'), () => this.stayInChat()),
          ]
        : notice === 'online'
          ? [
              action(this.i18n.t('reply.online.switch'), () => this.backToChat(), true),
              action(this.i18n.t('reply.online.stay'), () => (this.notice = null)),
            ]
          : [action(this.i18n.t('composer.dismiss'), () => this.stayInChat())];
    return html`<div class="notice-slot" role="alert">
      <div part="notice" class="notice">
        <span class="notice-text">${text}</span>
        <span class="notice-actions">${actions}</span>
      </div>
    </div>`;
  }

  private stayInChat() {
    this.notice = null;
    this.manual = true;
    this.chatComposer?.focus();
  }

  private backToChat() {
    this.manual = true;
    if (this.switchTo('chat', false)) void this.updateComplete.then(() => this.focus());
  }

  private renderEmail(detail: ConversationDetail, channels: ReplyChannels) {
    const note = hasChatMessages(detail)
      ? html`<p part="transcript-note" class="note">
          ${icon(INFO)}<span>${this.i18n.t('reply.email.transcript')}</span>
        </p>`
      : nothing;
    if (channels.email.blocked) {
      return html`<p class="note blocked">
        ${this.i18n.t(
          channels.email.blocked === 'no-fallback'
            ? 'reply.channel.noFallback'
            : 'reply.channel.noEmail',
        )}
      </p>`;
    }
    const target = this.emailTarget;
    const failed = this.target.error ?? this.carryError;
    return html`${note}
    ${
      failed
        ? this.renderError('reply.email.loadError', failed, () => {
            this.carryError = undefined;
            void this.target.run();
          })
        : nothing
    }
    ${
      this.emailOpen && target
        ? html`<mail-composer
            part="email-composer"
            conversation-id=${this.conversationId!}
            mode=${target.mode}
            .message=${target.mode === 'reply' ? target.message : undefined}
            .adapter=${this.effectiveAdapter}
            focus-on-open
            @mail-close=${this.onMailClose}
            @mail-sent=${this.onMailSent}
          ></mail-composer>`
        : html`<button
            part="email-open"
            type="button"
            class="email-open"
            ?disabled=${!target}
            @click=${() => void this.expandEmail()}
          >
            ${icon(CHANNEL_ICONS.email)}
            <span
              >${this.i18n.t(this.hasEmailDraft ? 'reply.email.continue' : 'reply.email.open')}</span
            >
          </button>`
    }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-reply-area': ReplyArea;
  }
}

import { consume, provide } from '@lit/context';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AgentAdapter, AgentEvent } from '../../adapters/adapter.js';
import { agentAdapterContext, currentAgentContext, localeContext } from '../../context/keys.js';
import { toLocale, type Locale } from '../../i18n/locale.js';
import {
  formatCaseNumber,
  type Agent,
  type ConversationSummary,
  type Id,
} from '../../model/index.js';
import { buttons } from '../../styles/controls.js';
import { AdapterElement } from '../internal/adapter-element.js';
import type { AtentoDialog } from '../internal/atento-dialog.js';
import { emit } from '../internal/atento-element.js';
import {
  newerConfirmStyles,
  NewerMessageWatch,
  renderNewerConfirm,
  type HeldSend,
} from '../mail-thread/newer-message.js';
import type { MailStatusChangedDetail } from '../mail-thread/thread-status.js';
import '../mail-thread/mail-thread.js';
import type { MailThread } from '../mail-thread/mail-thread.js';
import '../conversation-list/conversation-list.js';
import type {
  ConversationList,
  ConversationSelectDetail,
} from '../conversation-list/conversation-list.js';
import './reply/reply-area.js';
import type { ReplyArea } from './reply/reply-area.js';
import { styles } from './agent-panel.styles.js';
import { panelShortcutOf, renderShortcutHelp, type PanelShortcut } from './panel-keys.js';
import { PanelWidth } from './panel-width.js';

export interface PanelNavigateDetail {
  /** The case now shown, or `null` when none is (back to the list). */
  conversationId: Id | null;
}

/** At most this many cases are skipped looking for the next open one (`complete-moves-next`). */
const MAX_SKIP = 200;

/** How long a dropped live connection lasts before the panel says so. */
const LIVE_DOWN_GRACE_MS = 1500;

/**
 * The whole agent inbox (F-4): `<conversation-list>` beside the case — `<mail-thread>` with the
 * reply area (`<atento-reply-area>`) under it — on wide panels; on narrow ones (under 900 px of
 * the panel's own width) the list, then the case with a "Volver" button. The panel provides its
 * adapter to everything inside it.
 *
 * Deep links without a router: the host sets `conversation-id` from its URL; the panel fires
 * `panel-navigate` whenever the agent changes the case shown, for the host to push history.
 * Setting `conversation-id` does not fire it.
 *
 * Keyboard (outside text fields): `j` / `k` next / previous case, `e` complete or reopen, `r`
 * reply, `/` search, `?` the shortcut help; the thread's `p` / `n` work too. Changes are
 * announced politely. With `complete-moves-next`, completing a case opens the next open one.
 *
 * The list's "new chat" indicator is mirrored as `has-new` on the panel, and its
 * `conversation-new-chat` event bubbles out of it (host apps put a dot on their navigation).
 * While the browser reports no network, or the adapter's live connection has been down for 1.5 s, a
 * banner says live updates are retrying; it goes once the connection is back.
 *
 * @summary The unified inbox: list, case and reply area in a responsive layout.
 *
 * @fires {CustomEvent<PanelNavigateDetail>} panel-navigate - The agent opened another case or
 *   went back to the list (not fired when the host sets `conversation-id`).
 * @fires {CustomEvent<{conversation: ConversationSummary}>} conversation-new-chat - Bubbles up
 *   from the list: a new chat arrived while the agent was elsewhere.
 *
 * @csspart base - The layout grid.
 * @csspart connection - The "Sin conexión en vivo. Reintentando…" banner.
 * @csspart list-pane - The pane holding the list.
 * @csspart list - The `<conversation-list>`.
 * @csspart shortcuts-button - The button opening the shortcut help.
 * @csspart case-pane - The pane holding the case.
 * @csspart back - The "Volver" button (narrow layout).
 * @csspart thread - The `<mail-thread>`.
 * @csspart reply - The `<atento-reply-area>`.
 * @csspart empty - The "Seleccione una conversación" state.
 * @csspart shortcuts - The shortcut help dialog.
 * @csspart newer-confirm - The dialog asking to send anyway when a newer message arrived.
 *
 * @cssprop --atento-panel-height - Height of the panel (default 100% of its container).
 * @cssprop --atento-panel-list-width - Width of the list pane on wide panels (default 340px).
 * @cssprop --atento-color-surface - Pane backgrounds.
 * @cssprop --atento-color-surface-sunken - Background behind the empty state.
 * @cssprop --atento-color-border - Borders between the panes.
 * @cssprop --atento-color-warning - Text of the connection banner.
 * @cssprop --atento-color-warning-soft - Background of the connection banner.
 * @cssprop --atento-color-accent - Buttons.
 * @cssprop --atento-radius - Corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('agent-panel')
export class AgentPanel extends AdapterElement {
  static override styles = [...AdapterElement.styles, buttons, styles, newerConfirmStyles];

  /** The case shown (a deep link); `null`/unset shows the list and an empty case pane. */
  @property({ attribute: 'conversation-id' }) conversationId?: string | null;

  /** After the agent completes a case, open the next open one in the list. */
  @property({ type: Boolean, attribute: 'complete-moves-next' }) completeMovesNext = false;

  /**
   * Read only: a new chat arrived while the agent looked elsewhere (the list's indicator,
   * reflected). Cleared by the list, or by `clearNewIndicator()`.
   */
  @property({ type: Boolean, reflect: true, attribute: 'has-new' }) hasNew = false;

  @consume({ context: currentAgentContext, subscribe: true })
  @state()
  private providedAgent?: Agent;

  @consume({ context: localeContext, subscribe: true })
  @state()
  private providedLocale?: Locale;

  /** Passed on to the list, the thread and the reply area. */
  @provide({ context: agentAdapterContext }) protected adapterForParts?: AgentAdapter;
  @provide({ context: localeContext }) protected localeForParts?: Locale;

  @state() private offline = typeof navigator !== 'undefined' && navigator.onLine === false;
  private liveDownTimer: ReturnType<typeof setTimeout> | undefined;
  @state() private announcement = '';
  @state() private replyFocused = false;
  /** A reply-area send held because a newer message arrived, and how to send it anyway. */
  @state() private newerHeld?: HeldSend;

  @query('conversation-list') private list?: ConversationList;
  @query('mail-thread') private thread?: MailThread;
  @query('atento-reply-area') private replyArea?: ReplyArea;
  @query('#shortcuts') private help?: AtentoDialog;

  private readonly width = new PanelWidth(this);
  private readonly newer = new NewerMessageWatch();
  /** The summary of the case shown, as the list and live events last told it. */
  private summary?: ConversationSummary;
  private me?: Agent;
  private meFor?: AgentAdapter;
  private readonly live = this.subscribeLive((event) => this.onLive(event));
  private hasNewObserver?: MutationObserver;
  /** Set while `complete-moves-next` walks the list: selections are collected, not shown. */
  private skipping?: ConversationSelectDetail[];

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener('keydown', this.onKeydown);
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (this.hasUpdated) this.watchHasNew();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onKeydown);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    clearTimeout(this.liveDownTimer);
    this.hasNewObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    this.adapterForParts = this.effectiveAdapter;
    // The panel's `locale` wins for everything inside it; else what was provided above it.
    this.localeForParts = toLocale(this.locale) ?? this.providedLocale;
    if (changed.has('conversationId')) {
      const id = this.conversationId ?? null;
      // The reply area stays (same element) from case to case, or leaves with the last case.
      this.replyFocused = id !== null && (this.replyArea?.matches(':focus-within') ?? false);
      if (this.summary?.id !== id) this.summary = undefined;
      if (this.newer.watching !== id) this.newer.stop();
      this.newerHeld = undefined;
    }
  }

  protected override firstUpdated() {
    this.watchHasNew();
  }

  /** Mirrors the list's `has-new` (the list element is rendered once and kept). */
  private watchHasNew() {
    const list = this.list;
    if (!list) return;
    this.hasNewObserver ??= new MutationObserver(() => {
      this.hasNew = list.hasAttribute('has-new');
    });
    this.hasNewObserver.observe(list, { attributes: true, attributeFilter: ['has-new'] });
    this.hasNew = list.hasAttribute('has-new');
  }

  // ── public API ──────────────────────────────────────────────────────────────────────────────

  /** Opens the shortcut help dialog (what `?` does). */
  showShortcuts(): Promise<void> {
    return this.help?.show() ?? Promise.resolve();
  }

  /** Moves focus to the list's search box (what `/` does). */
  focusSearch() {
    this.list?.focusSearch();
  }

  /** Clears the list's "new chat" indicator (and `has-new`). */
  clearNewIndicator() {
    this.list?.clearNewIndicator();
  }

  /** Reloads the list and the case shown. */
  refresh() {
    this.list?.refresh();
    this.thread?.reload();
  }

  // ── selection ───────────────────────────────────────────────────────────────────────────────

  private onSelect(event: CustomEvent<ConversationSelectDetail>) {
    const detail = event.detail;
    if (this.skipping) {
      this.skipping.push(detail);
      return;
    }
    // Acts after every listener (the host's included) had the chance to cancel the event.
    queueMicrotask(() => {
      if (!event.defaultPrevented) this.open(detail, true);
    });
  }

  /**
   * Shows a case chosen by the agent: history entry for the host, announcement (after `said`,
   * what was announced just before), focus.
   */
  private open(
    { conversationId, conversation }: ConversationSelectDetail,
    moveFocus: boolean,
    said = '',
  ) {
    const changed = conversationId !== this.conversationId;
    this.conversationId = conversationId;
    if (conversation) this.summary = conversation;
    if (changed) emit(this, 'panel-navigate', { conversationId });
    const opened = conversation
      ? this.i18n.t('panel.opened', {
          number: formatCaseNumber(conversation.number),
          subject: conversation.subject,
        })
      : '';
    this.announce([said, opened].filter(Boolean).join(' '));
    if (moveFocus && this.width.narrow)
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('.back')?.focus(),
      );
  }

  private back() {
    this.conversationId = null;
    emit(this, 'panel-navigate', { conversationId: null });
    void this.updateComplete.then(() => this.list?.focus());
  }

  /**
   * After completing: the next case of the list that is open, shown once (`complete-moves-next`).
   * `said` is the completion announcement, said first.
   */
  private moveToNextOpen(said: string) {
    const list = this.list;
    if (!list) return;
    const seen: ConversationSelectDetail[] = (this.skipping = []);
    let found: ConversationSelectDetail | undefined;
    try {
      for (let i = 0; i < MAX_SKIP; i++) {
        const before = seen.length;
        const id = list.selectNext();
        const chosen = seen[seen.length - 1];
        if (id === null || seen.length === before || !chosen) break;
        if (chosen.conversation?.status !== 'completed') {
          found = chosen;
          break;
        }
      }
    } finally {
      this.skipping = undefined;
    }
    if (found) this.open(found, false, said);
    else {
      list.selected = this.conversationId ?? null;
      this.announce(`${said} ${this.i18n.t('panel.noNextOpen')}`);
    }
  }

  private onStatusChanged(event: CustomEvent<MailStatusChangedDetail>) {
    const { conversation } = event.detail;
    this.summary = conversation;
    const number = formatCaseNumber(conversation.number);
    const completed = conversation.status === 'completed';
    const said = this.i18n.t(completed ? 'panel.completed' : 'panel.reopened', { number });
    if (completed && this.completeMovesNext && conversation.id === this.conversationId)
      this.moveToNextOpen(`${said}.`);
    else this.announce(said);
  }

  // ── keyboard ────────────────────────────────────────────────────────────────────────────────

  private readonly onKeydown = (event: KeyboardEvent) => {
    const shortcut = panelShortcutOf(event);
    if (!shortcut || !this.run(shortcut)) return;
    event.preventDefault();
  };

  /** Runs a shortcut; `false` when it does not apply now (the key then does what it would). */
  private run(shortcut: PanelShortcut): boolean {
    switch (shortcut) {
      case 'next':
        this.list?.selectNext();
        return true;
      case 'previous':
        this.list?.selectPrevious();
        return true;
      case 'complete':
        if (!this.thread) return false;
        void this.thread.toggleStatus();
        return true;
      case 'reply':
        if (!this.replyArea) return false;
        this.replyArea.focus();
        return true;
      case 'search':
        this.focusSearch();
        return true;
      case 'help':
        void this.showShortcuts();
        return true;
    }
  }

  /** Says `text` in the polite live region (again, even when it is the same text). */
  private announce(text: string) {
    if (!text) return;
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  // ── live events: the case summary, the newer-message watch, resync ─────────────────────────

  private readonly onLive = (event: AgentEvent) => {
    this.newer.observe(event);
    if (event.type === 'connection') this.liveConnection(event.live);
    if (event.type === 'resync' && this.offline) this.onOnline();
    const summary =
      event.type === 'conversation.updated' || event.type === 'message.created'
        ? event.conversation
        : undefined;
    if (summary && summary.id === this.conversationId) this.summary = summary;
  };

  /**
   * The adapter's live connection dropped or came back. A drop shows the banner only once it has
   * lasted `LIVE_DOWN_GRACE_MS` (a reconnect within it is not worth a flash).
   */
  private liveConnection(live: boolean) {
    clearTimeout(this.liveDownTimer);
    this.liveDownTimer = undefined;
    if (live) this.onOnline();
    else this.liveDownTimer = setTimeout(this.onOffline, LIVE_DOWN_GRACE_MS);
  }

  private readonly onOnline = () => {
    clearTimeout(this.liveDownTimer);
    this.liveDownTimer = undefined;
    if (!this.offline) return;
    this.offline = false;
    this.announce(this.i18n.t('panel.liveBack'));
  };

  private readonly onOffline = () => {
    this.offline = true;
  };

  // ── the reply area: collision hint and newer-message warning ───────────────────────────────

  private async agentId(): Promise<Id | undefined> {
    if (this.providedAgent) return this.providedAgent.id;
    const adapter = this.effectiveAdapter;
    if (this.me && this.meFor === adapter) return this.me.id;
    if (!adapter) return undefined;
    try {
      this.me = await adapter.me();
      this.meFor = adapter;
      return this.me.id;
    } catch {
      // Without the agent's id every arrival counts as newer, the agent's own included: the
      // warning errs on the side of asking.
      return undefined;
    }
  }

  private onReplyFocusIn() {
    this.replyFocused = true;
    const id = this.conversationId;
    if (!id || this.newer.watching === id) return;
    const since = this.summary?.lastMessage?.at;
    this.newer.start(id, since, undefined);
    void this.agentId().then((me) => {
      if (this.newer.watching === id) this.newer.start(id, since, me);
    });
  }

  private onReplyFocusOut() {
    void this.updateComplete.then(() => {
      this.replyFocused = this.replyArea?.matches(':focus-within') ?? false;
    });
  }

  /** The reply area is about to send (an email's `mail-send`, a chat's `reply-send`). */
  private onReplySend(event: Event) {
    const held = this.newer.hold(event);
    if (held) this.newerHeld = held;
  }

  private onReplySent() {
    const id = this.conversationId;
    this.newer.stop();
    if (id && this.replyFocused) this.onReplyFocusIn();
  }

  private renderNewerHeld() {
    const held = this.newerHeld;
    if (!held) return nothing;
    return renderNewerConfirm(this.i18n, this.newer, held, {
      show: () => {
        // The thread's deep link to a message: its interaction opens, the message expands in view.
        if (this.thread) this.thread.messageId = held.message.id;
      },
      closed: () => {
        if (this.newerHeld === held) this.newerHeld = undefined;
      },
    });
  }

  // ── rendering ───────────────────────────────────────────────────────────────────────────────

  override render() {
    const id = this.conversationId ?? null;
    const narrow = this.width.narrow;
    const showCase = !narrow || id !== null;
    const showList = !narrow || !showCase;
    return html`<div part="base" class="base ${narrow ? 'narrow' : 'wide'}">
      ${
        this.offline
          ? html`<div part="connection" class="connection" role="alert">
              ${this.i18n.t('panel.offline')}
            </div>`
          : nothing
      }
      <div part="list-pane" class="list-pane" ?hidden=${!showList}>
        <conversation-list
          part="list"
          .selected=${id}
          @conversation-select=${this.onSelect}
        ></conversation-list>
        <div class="list-footer">
          <button
            part="shortcuts-button"
            class="link-button"
            type="button"
            @click=${() => void this.showShortcuts()}
          >
            ${this.i18n.t('panel.shortcutsButton')}
          </button>
        </div>
      </div>
      <section
        part="case-pane"
        class="case-pane"
        aria-label=${this.i18n.t('panel.case')}
        ?hidden=${!showCase}
        @mail-status-changed=${this.onStatusChanged}
      >
        ${
          narrow
            ? html`<div class="case-bar">
                <button part="back" class="button back" type="button" @click=${this.back}>
                  <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor">
                    <path d="M15 5l-7 7 7 7" stroke-width="2" stroke-linecap="round" />
                  </svg>
                  ${this.i18n.t('panel.back')}
                </button>
              </div>`
            : nothing
        }
        ${id ? this.renderCase(id) : this.renderEmpty()}
      </section>
      ${renderShortcutHelp(this.i18n)} ${this.renderNewerHeld()}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }

  private renderCase(id: Id) {
    return html`<mail-thread
        part="thread"
        conversation-id=${id}
        ?replying=${this.replyFocused}
      ></mail-thread>
      <atento-reply-area
        part="reply"
        .conversationId=${id}
        @focusin=${this.onReplyFocusIn}
        @focusout=${this.onReplyFocusOut}
        @mail-send=${this.onReplySend}
        @reply-send=${this.onReplySend}
        @reply-sent=${this.onReplySent}
      ></atento-reply-area>`;
  }

  private renderEmpty() {
    return html`<div part="empty" class="empty">
      <p class="empty-title">${this.i18n.t('panel.empty')}</p>
      <p class="empty-hint">${this.i18n.t('panel.emptyHint')}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agent-panel': AgentPanel;
  }
  interface GlobalEventHandlersEventMap {
    'panel-navigate': CustomEvent<PanelNavigateDetail>;
  }
}

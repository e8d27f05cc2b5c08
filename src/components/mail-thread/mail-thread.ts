import { consume, provide } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { AdapterError, type AgentAdapter, type AgentEvent } from '../../adapters/adapter.js';
import { agentAdapterContext, currentAgentContext } from '../../context/keys.js';
import {
  blockMatches,
  type Agent,
  type BlockListEntry,
  type ConversationSummary,
  type Id,
  type Message,
} from '../../model/index.js';
import { AdapterElement } from '../internal/adapter-element.js';
import { emit } from '../internal/atento-element.js';
import { MissingAdapterError } from '../internal/error-message.js';
import type { MailShowImagesDetail } from './mail-body.js';
import type {
  MailMessageActionDetail,
  MailMessageToggleDetail,
  MailReplyDetail,
  MailReplyMode,
} from './message-card.js';
import { styles } from './mail-thread.styles.js';
import { shimmer } from '../../styles/controls.js';
import {
  loadedView,
  loadOlder,
  loadSegment,
  loadThread,
  olderKind,
  openInteractions,
  type ThreadData,
} from './thread-data.js';
import { openActionDialog, openBlockDialog, renderDialogs } from './thread-dialogs.js';
import { renderFeed } from './thread-feed.js';
import { renderHeader } from './thread-header.js';
import { fromEditable, shortcutOf, tabbableAfter } from './thread-keys.js';
import { appendInteraction, liveChange, viewsNewest } from './thread-live.js';
import { ThreadScroll } from './thread-scroll.js';
import { SideCalls } from './thread-side-calls.js';
import {
  renderEmpty,
  renderError,
  renderLoading,
  renderNoCase,
  renderOperationError,
  renderSideErrors,
} from './thread-states.js';
import { renderToolbar } from './thread-toolbar.js';
import { StatusAction } from './thread-status.js';
import { CaseViewers } from './thread-viewers.js';
import {
  newerConfirmStyles,
  NewerMessageWatch,
  renderNewerConfirm,
  type HeldSend,
} from './newer-message.js';

export type { MailReplyMode as ReplyMode } from './message-card.js';
export type { MailStatusChangeDetail, MailStatusChangedDetail } from './thread-status.js';

/** The message whose composer slot is open, and why. */
export interface ThreadComposing {
  messageId: Id;
  mode: MailReplyMode;
}

export interface MailInteractionChangeDetail {
  interactionId: Id;
  /** Position among the open interactions, oldest = 1 (0 when the interaction is closed). */
  index: number;
  /** Number of open interactions. */
  total: number;
}

/**
 * The agent's view of one customer case (SPEC F-1): header with subject, case number, customer
 * and channels; "Load history" and the "1 of 14" counter with previous/next over the open
 * interactions; the messages of the current interaction as a WAI-ARIA feed of `<mail-message>`
 * cards (email cards and chat bubbles in one timeline), newest at the bottom and expanded.
 * Data comes from the `AgentAdapter` provided through context (or the `adapter` property); live
 * events (`subscribe`) add and update messages without reload, and the case is marked read when
 * opened. Long cases are paged (the newest 20 messages of an interaction, then 50 per call) and
 * the rendered rows are windowed (at most 300 at once).
 *
 * Live: a new message of the shown interaction appears under the newest one; a message opening a
 * new interaction of the case is appended below (with its divider, and the counter moves to it)
 * when the agent is on the newest interaction, else only the counter changes and the "N new
 * messages" button offers to go to it. Either way the view scrolls to it only when the agent was
 * at the bottom. Failures of the side calls (marking read, the block-list lookup, refreshing the
 * header) show as small inline alerts with a retry.
 *
 * Complete / Reopen (F-4.3): the header's "Completar" button (or `toggleStatus()`) completes an
 * open case for every agent, "Reabrir" reopens a completed one; a new inbound message reopening
 * it shows live. Collision hint: the thread tells the other agents (`announce`) that this one is
 * viewing the case, or replying while its composer is open (or `replying` is set), and shows who
 * else is on it under the header. When the agent sends a reply and a message from someone else
 * arrived in the case since the composer opened, the send is held once and a confirm offers
 * "Ver mensaje" or "Enviar".
 *
 * Keyboard: `p` / `n` (or Alt+↑ / Alt+↓) go to the previous / next open interaction when focus is
 * not in a text field; in the feed, PageDown / PageUp move between messages and Ctrl+End /
 * Ctrl+Home leave the feed.
 *
 * @summary A customer case: header, history, interaction navigation and the message feed.
 *
 * @fires {CustomEvent<MailInteractionChangeDetail>} mail-interaction-change - Another interaction
 *   is shown (previous/next, keyboard shortcut, `goToInteraction`, or a new interaction appended
 *   live).
 * @fires {CustomEvent<MailReplyDetail>} mail-reply - Bubbles up from a message's Reply, Reply
 *   all or Forward. Cancelable: unless cancelled, the thread opens its `composer` slot under that
 *   message (`composing` is set).
 * @fires {CustomEvent<MailShowImagesDetail>} mail-show-images - Bubbles up from a message's
 *   "Show images". Unless cancelled, remote images stay shown for that sender in this thread.
 * @fires {CustomEvent<MailStatusChangeDetail>} mail-status-change - "Completar" / "Reabrir" (or
 *   `toggleStatus()`) is about to call the adapter. Cancelable: when cancelled, nothing is called.
 * @fires {CustomEvent<MailStatusChangedDetail>} mail-status-changed - The adapter completed or
 *   reopened the case.
 *
 * @slot composer - Replaces the built-in `<mail-composer>` shown under the message being
 *   answered while `composing` is set (loaded on the first reply). The thread closes it on its
 *   `mail-close`.
 *
 * @csspart header - The case header.
 * @csspart subject - The subject heading.
 * @csspart case-number - The case number (`#6597`).
 * @csspart status - The open/completed mark.
 * @csspart status-button - The "Completar" / "Reabrir" button.
 * @csspart viewers - The line naming the other agents viewing or replying to the case.
 * @csspart newer-confirm - The dialog asking to send anyway when a newer message arrived.
 * @csspart customer - Customer name and address; also `customer-name`, `customer-address`.
 * @csspart channels - The list of channel marks; each is `channel` and `channel-email|chat`.
 * @csspart blocked - The "sender blocked" mark.
 * @csspart verified - "Identidad verificada": the website proved the chat visitor's email.
 * @csspart toolbar - History and navigation bar.
 * @csspart load-history - The "Load history" button.
 * @csspart previous - The previous-interaction button.
 * @csspart counter - The "1 of 14" counter.
 * @csspart next - The next-interaction button.
 * @csspart expand-all - The "Expand all" button.
 * @csspart collapse-all - The "Collapse all" button.
 * @csspart scroller - The scrolling area holding the feed.
 * @csspart feed - The `role=feed` list of messages.
 * @csspart divider - The line naming an interaction before its first message.
 * @csspart message - Each `<mail-message>`.
 * @csspart new-messages - The "N new messages" button.
 * @csspart state - Loading, empty, error and offline states.
 * @csspart retry-button - The retry button of the error and offline states.
 * @csspart side-error - An inline alert for a failed side call (mark read, block list, refresh).
 * @csspart side-retry - The retry button of a `side-error`.
 *
 * @cssprop --atento-thread-height - Height of the element (default 100% of its container).
 * @cssprop --atento-font-family - Font family.
 * @cssprop --atento-font-size - Base font size.
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-color-text-muted - Secondary text colour.
 * @cssprop --atento-color-surface - Header and toolbar background.
 * @cssprop --atento-color-surface-sunken - Background behind the messages.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-accent - Accent.
 * @cssprop --atento-color-success - The completed mark.
 * @cssprop --atento-color-warning - The blocked mark.
 * @cssprop --atento-color-danger - Error text.
 * @cssprop --atento-color-focus - Focus ring.
 * @cssprop --atento-radius - Corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('mail-thread')
export class MailThread extends AdapterElement {
  static override styles = [...AdapterElement.styles, styles, newerConfirmStyles, shimmer];

  /**
   * The case to show. Changing it cancels pending calls and loads the other case. Without it the
   * element shows a neutral "Choose a case" state.
   */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /**
   * The interaction shown. Defaults to the newest open one; set it to open another (a deep
   * link); it follows navigation.
   */
  @property({ attribute: 'interaction-id' }) interactionId?: string;

  /**
   * A message to reveal (a deep link): the interaction holding it opens (searched newest first,
   * or first in `interaction-id` when that is set too — cheaper on long cases), the message is
   * expanded and scrolled into view. Unknown ids open the case as usual.
   */
  @property({ attribute: 'message-id' }) messageId?: string;

  /** The message whose `composer` slot is open, or `null`. Set by `mail-reply` unless cancelled. */
  @property({ attribute: false }) composing: ThreadComposing | null = null;

  /**
   * The host's own reply editor for this case is in use (`<agent-panel>` sets it while its reply
   * area has focus): other agents are told this one is replying, as while the composer is open.
   */
  @property({ type: Boolean }) replying = false;

  @consume({ context: currentAgentContext, subscribe: true })
  @state()
  private providedAgent?: Agent;

  /** Passed on to the dialogs in the shadow root. */
  @provide({ context: agentAdapterContext }) protected adapterForParts?: AgentAdapter;
  @provide({ context: currentAgentContext }) protected agentForParts?: Agent;

  /** The loaded case; changes with navigation, history and live events. */
  @state() private thread?: ThreadData;
  @state() private expandedIds = new Set<Id>();
  @state() private olderLoading = false;
  @state() private navigating = false;
  @state() private opError?: unknown;
  /** Messages arrived out of view; with `newTarget`, in an interaction that is not shown. */
  @state() private newCount = 0;
  @state() private newTarget?: Id;
  @state() private blocked?: BlockListEntry;
  @state() private showImagesFor = new Set<string>();
  /** A send held because a newer message arrived, and how to send it anyway. */
  @state() private newerHeld?: HeldSend;

  private readonly scrolling = new ThreadScroll(this, {
    ids: () => this.messageIds,
    nearTop: () => void this.loadHistory(),
    reachedBottom: () => {
      if (this.newCount && !this.newTarget) this.newCount = 0;
    },
  });
  private readonly sideCalls = new SideCalls(this);
  private readonly status = new StatusAction(this, {
    adapter: () => this.effectiveAdapter,
    summary: () => this.thread?.detail.conversation,
    applied: (summary) => this.updateConversation(summary),
  });
  private readonly viewers = new CaseViewers(this, {
    adapter: () => this.effectiveAdapter,
    me: () => this.thread?.agent.id ?? this.providedAgent?.id,
  });
  private readonly newer = new NewerMessageWatch();
  private opController?: AbortController;
  private readonly live = this.subscribeLive((event) => this.onLive(event));

  private readonly load = new Task(this, {
    task: async ([adapter, conversationId, agent], { signal }) => {
      if (!adapter) throw new MissingAdapterError();
      if (!conversationId) return undefined;
      return loadThread(adapter, conversationId, agent, signal, {
        interactionId: this.interactionId,
        messageId: this.messageId,
      });
    },
    args: () => [this.effectiveAdapter, this.conversationId, this.providedAgent] as const,
    onComplete: (data) => this.opened(data),
    onError: () => {
      this.thread = undefined;
    },
  });

  // ── lifecycle ───────────────────────────────────────────────────────────────────────────────

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener('keydown', this.onHostKeydown);
    this.addEventListener('mail-close', this.onComposerClose);
    this.addEventListener('mail-send', this.onMailSend);
    window.addEventListener('online', this.onOnline);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onHostKeydown);
    this.removeEventListener('mail-close', this.onComposerClose);
    this.removeEventListener('mail-send', this.onMailSend);
    window.removeEventListener('online', this.onOnline);
    this.opController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('conversationId') && changed.get('conversationId') !== undefined) {
      this.opController?.abort();
      this.thread = undefined;
      this.composing = null;
      this.status.clear();
      this.newerHeld = undefined;
      if (!changed.has('interactionId')) this.interactionId = undefined;
      if (!changed.has('messageId')) this.messageId = undefined;
    } else if (changed.has('messageId') && this.messageId && this.thread) {
      if (this.messageIds.includes(this.messageId)) this.revealMessage(this.messageId);
      else void this.load.run();
    } else if (
      changed.has('interactionId') &&
      this.interactionId &&
      this.thread &&
      this.thread.currentId !== this.interactionId
    )
      void this.goToInteraction(this.interactionId);
    this.adapterForParts = this.effectiveAdapter;
    this.agentForParts = this.thread?.agent ?? this.providedAgent;
    if (this.thread) this.scrolling.clamp();
    this.watchReply();
  }

  protected override updated() {
    const id = this.thread?.detail.conversation.id;
    this.viewers.sync(
      id
        ? { conversationId: id, activity: this.composing || this.replying ? 'replying' : 'viewing' }
        : undefined,
    );
  }

  /** The newer-message watch runs while the composer is open on the case shown. */
  private watchReply() {
    const summary = this.thread?.detail.conversation;
    if (!this.composing || !summary) this.newer.stop();
    else if (this.newer.watching !== summary.id)
      this.newer.start(summary.id, summary.lastMessage?.at, this.thread!.agent.id);
  }

  /**
   * A case finished loading: expand its newest message (and the deep-linked one), show it, mark
   * the case read, look the customer up in the block list.
   */
  private opened(data: ThreadData | undefined) {
    this.thread = data;
    this.newCount = 0;
    this.newTarget = undefined;
    this.opError = undefined;
    this.sideCalls.clear();
    this.scrolling.reset();
    if (!data) return;
    const ids = this.messageIds;
    const newest = ids[ids.length - 1];
    this.expandedIds = new Set(newest ? [newest] : []);
    this.interactionId = data.currentId ?? undefined;
    if (this.messageId && ids.includes(this.messageId)) this.revealMessage(this.messageId);
    else this.scrolling.showNewest();
    if (!data.detail.conversation.read) void this.markRead();
    void this.refreshBlocked();
  }

  // ── public API ──────────────────────────────────────────────────────────────────────────────

  /** Loads the case again (what the retry buttons do). */
  reload() {
    void this.load.run();
  }

  /** Loads older messages: the previous page of the oldest shown interaction, else the previous interaction. */
  async loadHistory(): Promise<void> {
    const adapter = this.effectiveAdapter;
    const thread = this.thread;
    if (!adapter || !thread || this.olderLoading || !olderKind(thread)) return;
    const controller = this.newOperation();
    this.olderLoading = true;
    const anchor = this.scrolling.anchor();
    try {
      const segments = await loadOlder(adapter, thread, controller.signal);
      if (controller.signal.aborted || this.thread !== thread) return;
      const before = this.messageIds.length;
      this.thread = { ...thread, segments };
      this.scrolling.prepended(this.messageIds.length - before, anchor);
    } catch (error) {
      if (!controller.signal.aborted) this.opError = error;
    } finally {
      if (this.opController === controller) this.olderLoading = false;
    }
  }

  /** Shows the open interaction before the current one. */
  previousInteraction() {
    return this.goToOpen(this.openIndex - 1);
  }

  /** Shows the open interaction after the current one. */
  nextInteraction() {
    return this.goToOpen(this.openIndex + 1);
  }

  /** Loads and shows one interaction of the case (its newest page), and fires `mail-interaction-change`. */
  async goToInteraction(interactionId: Id): Promise<void> {
    const adapter = this.effectiveAdapter;
    const thread = this.thread;
    const interaction = thread?.detail.interactions.find((i) => i.id === interactionId);
    if (!adapter || !thread || !interaction) return;
    const controller = this.newOperation();
    this.navigating = true;
    try {
      const segment = await loadSegment(adapter, interaction, controller.signal);
      if (controller.signal.aborted || this.thread !== thread) return;
      this.thread = { ...thread, segments: [segment], currentId: interaction.id };
      this.scrolling.reset();
      this.newCount = 0;
      this.newTarget = undefined;
      this.composing = null;
      const newest = segment.messages[segment.messages.length - 1];
      this.expandedIds = new Set(newest ? [newest.id] : []);
      this.scrolling.showNewest();
      this.interactionShown();
    } catch (error) {
      if (!controller.signal.aborted) this.opError = error;
    } finally {
      if (this.opController === controller) this.navigating = false;
    }
  }

  /** Expands every loaded message. */
  expandAll() {
    this.expandedIds = new Set(this.messageIds);
  }

  /** Collapses every message. */
  collapseAll() {
    this.expandedIds = new Set();
  }

  /** Closes the composer slot opened by `mail-reply`. */
  closeComposer() {
    this.composing = null;
  }

  /**
   * Completes the case shown when it is open, reopens it when completed (the header button,
   * F-4.3), after a cancelable `mail-status-change`. Resolves with the updated case, or
   * `undefined` when there is none, it was cancelled, or the call failed (shown inline).
   */
  toggleStatus(): Promise<ConversationSummary | undefined> {
    return this.status.toggle();
  }

  // ── derived state ───────────────────────────────────────────────────────────────────────────

  private get messages(): Message[] {
    return this.thread ? loadedView(this.thread).messages : [];
  }

  private get messageIds(): Id[] {
    return this.thread ? loadedView(this.thread).ids : [];
  }

  /** 1-based position of the current interaction among the open ones (0 when closed or none). */
  private get openIndex(): number {
    if (!this.thread) return 0;
    return (
      openInteractions(this.thread.detail).findIndex((i) => i.id === this.thread!.currentId) + 1
    );
  }

  private goToOpen(index: number) {
    const open = this.thread ? openInteractions(this.thread.detail) : [];
    const target = open[index - 1];
    return target && !this.navigating ? this.goToInteraction(target.id) : Promise.resolve();
  }

  private newOperation(): AbortController {
    this.opController?.abort();
    this.opError = undefined;
    return (this.opController = new AbortController());
  }

  /** Follows the shown interaction and tells the host. */
  private interactionShown() {
    const thread = this.thread;
    if (!thread?.currentId) return;
    this.interactionId = thread.currentId;
    const open = openInteractions(thread.detail);
    emit(this, 'mail-interaction-change', {
      interactionId: thread.currentId,
      index: open.findIndex((i) => i.id === thread.currentId) + 1,
      total: open.length,
    });
  }

  private revealMessage(id: Id) {
    this.expandedIds = new Set([...this.expandedIds, id]);
    this.scrolling.reveal(id);
  }

  // ── side calls: errors shown inline with a retry ────────────────────────────────────────────

  private updateConversation(summary: ConversationSummary) {
    const thread = this.thread;
    if (!thread || thread.detail.conversation.id !== summary.id) return;
    this.thread = { ...thread, detail: { ...thread.detail, conversation: summary } };
  }

  private markRead() {
    const adapter = this.effectiveAdapter;
    const id = this.thread?.detail.conversation.id;
    if (!adapter || !id) return Promise.resolve();
    return this.sideCalls.run('markRead', async () => {
      this.updateConversation(await adapter.markRead(id));
    });
  }

  private readonly refreshBlocked = () =>
    this.sideCalls.run('blocked', async () => {
      const adapter = this.effectiveAdapter;
      const thread = this.thread;
      if (!adapter || !thread) return;
      const entries = await adapter.listBlocked();
      const addresses = thread.detail.contact.emails;
      this.blocked = entries.find((e) => addresses.some((a) => blockMatches(e, a)));
    });

  /** Reloads the header and interactions; resolves with the thread it updated, if any. */
  private refreshDetail(): Promise<ThreadData | undefined> {
    return this.sideCalls.run('refresh', async () => {
      const adapter = this.effectiveAdapter;
      const id = this.thread?.detail.conversation.id;
      if (!adapter || !id) return undefined;
      const detail = await adapter.getConversation(id);
      const thread = this.thread;
      if (thread?.detail.conversation.id !== detail.conversation.id) return undefined;
      return (this.thread = { ...thread, detail });
    });
  }

  // ── live events (F-4.7) ─────────────────────────────────────────────────────────────────────

  private readonly onLive = (event: AgentEvent) => {
    this.viewers.onLive(event);
    this.newer.observe(event);
    // Back after a drop: the server may have let this agent's announcement go meanwhile.
    if (event.type === 'connection' && event.live) this.viewers.reannounce();
    const thread = this.thread;
    if (!thread) return;
    if (event.type === 'resync') {
      // The live stream missed events (a long disconnection): load the case again, and tell the
      // other agents again that this one is here (the backend may have dropped it meanwhile).
      void this.load.run();
      this.viewers.reannounce();
      return;
    }
    const change = liveChange(thread, event);
    if (change.kind === 'none') return;
    if (change.kind === 'summary' || change.kind === 'updated') {
      this.thread = change.thread;
      return;
    }
    const atBottom = this.scrolling.isAtBottom();
    this.thread = change.thread;
    if (change.kind === 'added') {
      this.messageArrived(change.message.id, atBottom);
      void this.refreshDetail();
    } else void this.interactionArrived(change.message, atBottom, viewsNewest(thread));
  };

  /** A message is in the feed: expanded, and in view if the agent was at the bottom. */
  private messageArrived(id: Id, atBottom: boolean) {
    this.expandedIds = new Set([...this.expandedIds, id]);
    if (atBottom && !this.newTarget) this.scrolling.showNewest();
    else this.newCount++;
  }

  /** A message of an interaction not loaded: a new interaction is appended if the agent is on the newest. */
  private async interactionArrived(message: Message, atBottom: boolean, onNewest: boolean) {
    const known = this.thread!.detail.interactions.some((i) => i.id === message.interactionId);
    const thread = await this.refreshDetail();
    if (!thread || known || this.thread !== thread) return;
    if (onNewest && !this.newTarget) {
      const next = appendInteraction(thread, thread.detail, message);
      if (!next) return;
      this.thread = next;
      this.messageArrived(message.id, atBottom);
      this.interactionShown();
    } else {
      this.newTarget = message.interactionId;
      this.newCount++;
    }
  }

  private readonly onNewMessagesClick = () => {
    if (this.newTarget) void this.goToInteraction(this.newTarget);
    else {
      this.newCount = 0;
      this.scrolling.showNewest('bottom');
    }
  };

  // ── events from the cards and the keyboard ──────────────────────────────────────────────────

  private onToggle(event: CustomEvent<MailMessageToggleDetail>) {
    const next = new Set(this.expandedIds);
    if (event.detail.expanded) next.add(event.detail.messageId);
    else next.delete(event.detail.messageId);
    this.expandedIds = next;
  }

  /** Acts after every listener (the host's included) had the chance to cancel the event. */
  private afterListeners(event: Event, action: () => void) {
    queueMicrotask(() => {
      if (!event.defaultPrevented) action();
    });
  }

  private onReply(event: CustomEvent<MailReplyDetail>) {
    const { mode, message } = event.detail;
    this.afterListeners(event, () => {
      this.composing = { messageId: message.id, mode };
      // The built-in composer's module (ProseMirror included) loads on the first reply.
      void import('../mail-composer/mail-composer.js');
    });
  }

  private readonly onComposerClose = () => this.closeComposer();

  /** A reply is being sent: held once when a newer message arrived since the composer opened. */
  private readonly onMailSend = (event: Event) => {
    const held = this.newer.hold(event);
    if (held) this.newerHeld = held;
  };

  private renderNewerHeld() {
    const held = this.newerHeld;
    if (!held) return nothing;
    return renderNewerConfirm(this.i18n, this.newer, held, {
      show: () => {
        if (this.messageIds.includes(held.message.id)) this.revealMessage(held.message.id);
        else this.scrolling.showNewest('bottom');
      },
      closed: () => {
        if (this.newerHeld === held) this.newerHeld = undefined;
      },
    });
  }

  /** The built-in composer under the answered message (its module loads on the first reply). */
  private readonly renderComposer = (message: Message) =>
    html`<mail-composer
      conversation-id=${this.conversationId ?? ''}
      mode=${this.composing?.mode ?? 'reply'}
      .message=${message}
      focus-on-open
    ></mail-composer>`;

  private onShowImages(event: CustomEvent<MailShowImagesDetail>) {
    const sender = event.detail.sender ?? event.detail.message.from.address;
    if (!sender) return;
    this.afterListeners(event, () => {
      this.showImagesFor = new Set([...this.showImagesFor, sender.toLowerCase()]);
    });
  }

  private onAction(event: CustomEvent<MailMessageActionDetail>) {
    openActionDialog(this.renderRoot, event.detail);
  }

  private readonly onHostKeydown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || fromEditable(event)) return;
    const shortcut = shortcutOf(event);
    if (!shortcut || !this.thread) return;
    event.preventDefault();
    void (shortcut === 'previous' ? this.previousInteraction() : this.nextInteraction());
  };

  private onFeedKeydown(event: KeyboardEvent) {
    if (fromEditable(event)) return;
    const cards = [...this.renderRoot.querySelectorAll<HTMLElement>('mail-message')];
    const path = event.composedPath();
    const current = cards.findIndex((c) => path.includes(c));
    const focusCard = (index: number) => {
      const card = cards[index];
      if (!card) return;
      event.preventDefault();
      card.focus();
    };
    if (event.key === 'PageDown' && !event.ctrlKey) focusCard(current + 1);
    else if (event.key === 'PageUp' && !event.ctrlKey) focusCard(Math.max(0, current - 1));
    else if (event.key === 'End' && event.ctrlKey) {
      event.preventDefault();
      (
        tabbableAfter(this) ?? this.renderRoot.querySelector<HTMLElement>('[part=collapse-all]')
      )?.focus();
    } else if (event.key === 'Home' && event.ctrlKey) {
      event.preventDefault();
      this.renderRoot.querySelector<HTMLElement>('[part=collapse-all]')?.focus();
    }
  }

  private onOnline = () => {
    if (AdapterError.is(this.load.error, 'offline') || AdapterError.is(this.opError, 'offline'))
      this.reload();
  };

  // ── rendering ───────────────────────────────────────────────────────────────────────────────

  override render() {
    if (!this.conversationId && this.load.status !== TaskStatus.ERROR)
      return renderNoCase(this.i18n);
    const loading = () => renderLoading(this.i18n);
    return this.load.render({
      initial: loading,
      pending: loading,
      complete: () => (this.thread ? this.renderThread(this.thread) : loading()),
      error: (error) => renderError(this.i18n, error, () => this.reload()),
    });
  }

  private renderThread(thread: ThreadData) {
    const view = loadedView(thread);
    const open = openInteractions(thread.detail);
    const address = this.blocked?.address;
    return html`
      ${renderHeader(
        this.i18n,
        thread.detail,
        { blocked: this.blocked, statusPending: this.status.pending },
        {
          blockedClick: () => (address ? openBlockDialog(this.renderRoot, address) : undefined),
          toggleStatus: () => void this.toggleStatus(),
        },
      )}
      ${this.viewers.render(this.i18n)}
      ${renderToolbar(
        this.i18n,
        {
          older: Boolean(olderKind(thread)),
          olderLoading: this.olderLoading,
          busy: this.navigating || this.olderLoading,
          index: this.openIndex,
          total: open.length,
        },
        {
          loadHistory: () => void this.loadHistory(),
          previous: () => void this.previousInteraction(),
          next: () => void this.nextInteraction(),
          expandAll: () => this.expandAll(),
          collapseAll: () => this.collapseAll(),
        },
      )}
      ${renderSideErrors(this.i18n, this.sideCalls.errors)} ${this.status.renderError(this.i18n)}
      ${this.opError ? renderOperationError(this.i18n, this.opError) : nothing}
      <div part="scroller" class="scroller" @scroll=${this.scrolling.onScroll}>
        ${
          view.messages.length === 0 && !this.navigating
            ? renderEmpty(this.i18n)
            : renderFeed(
                this.i18n,
                {
                  ...view,
                  segments: thread.segments,
                  agentAddresses: thread.agent.addresses,
                  range: this.scrolling.range,
                  heights: this.scrolling.heights,
                  expandedIds: this.expandedIds,
                  showImagesFor: this.showImagesFor,
                  composingId: this.composing?.messageId,
                  composer: this.renderComposer,
                  busy: this.olderLoading || this.navigating,
                  olderLoading: this.olderLoading,
                },
                {
                  keydown: (e) => this.onFeedKeydown(e),
                  toggle: (e) => this.onToggle(e),
                  reply: (e) => this.onReply(e),
                  action: (e) => this.onAction(e),
                  showImages: (e) => this.onShowImages(e),
                },
              )
        }
        ${
          this.newCount
            ? html`<div class="pill-wrap">
                <button
                  part="new-messages"
                  class="button"
                  type="button"
                  @click=${this.onNewMessagesClick}
                >
                  ${this.i18n.t('thread.newMessages', { count: this.newCount })}
                </button>
              </div>`
            : nothing
        }
      </div>
      ${renderDialogs(this.effectiveAdapter, this.refreshBlocked)} ${this.renderNewerHeld()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mail-thread': MailThread;
  }
  interface GlobalEventHandlersEventMap {
    'mail-interaction-change': CustomEvent<MailInteractionChangeDetail>;
  }
}

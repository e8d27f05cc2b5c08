import { consume, provide } from '@lit/context';
import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
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
import { AtentoElement, emit } from '../internal/atento-element.js';
import { errorMessage, MissingAdapterError } from '../internal/error-message.js';
import type { MailShowImagesDetail } from './mail-body.js';
import './block-dialog.js';
import './contact-dialog.js';
import './detail-dialog.js';
import './message-card.js';
import type {
  MailMessageActionDetail,
  MailMessageToggleDetail,
  MailReplyDetail,
  MailReplyMode,
} from './message-card.js';
import { styles } from './mail-thread.styles.js';
import {
  allMessages,
  loadOlder,
  loadSegment,
  loadThread,
  olderKind,
  openInteractions,
  positionsOf,
  upsertMessage,
  type Segment,
  type ThreadData,
} from './thread-data.js';
import { channelIcon, channelLabel, renderHeader } from './thread-header.js';
import { fromEditable, shortcutOf, tabbableAfter } from './thread-keys.js';
import {
  indexAt,
  MAX_RENDERED,
  needsShift,
  rangeAround,
  span,
  type Range,
} from './thread-window.js';

export type { MailReplyMode as ReplyMode } from './message-card.js';

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

/** The dialogs' shared shape (`<mail-detail-dialog>`, `<mail-contact-dialog>`, `<mail-block-dialog>`). */
type Dialog = HTMLElement & {
  show?: () => void;
  message?: Message;
  address?: string;
  name?: string;
};

/** Distance from the top (px) under which scrolling up loads older messages. */
const LOAD_OLDER_AT = 120;
/** Distance from the bottom (px) under which the user counts as reading the newest message. */
const AT_BOTTOM = 48;

/**
 * The agent's view of one customer case (SPEC F-1): header with subject, case number, customer
 * and channels; "Load history" and the "1 of 14" counter with previous/next over the open
 * interactions; the messages of the current interaction as a WAI-ARIA feed of `<mail-message>`
 * cards (email cards and chat bubbles in one timeline), newest at the bottom and expanded.
 * Data comes from the `AgentAdapter` provided through context (or the `adapter` property); live
 * events (`subscribe`) add and update messages without reload, and the case is marked read when
 * opened. Long cases are paged (50 messages per call) and the rendered rows are windowed.
 *
 * Keyboard: `p` / `n` (or Alt+↑ / Alt+↓) go to the previous / next open interaction when focus is
 * not in a text field; in the feed, PageDown / PageUp move between messages and Ctrl+End /
 * Ctrl+Home leave the feed.
 *
 * @summary A customer case: header, history, interaction navigation and the message feed.
 *
 * @fires {CustomEvent<MailInteractionChangeDetail>} mail-interaction-change - Another interaction
 *   is shown (previous/next, keyboard shortcut or `goToInteraction`).
 * @fires {CustomEvent<MailReplyDetail>} mail-reply - Bubbles up from a message's Reply, Reply
 *   all or Forward. Cancelable: unless cancelled, the thread opens its `composer` slot under that
 *   message (`composing` is set).
 * @fires {CustomEvent<MailShowImagesDetail>} mail-show-images - Bubbles up from a message's
 *   "Show images". Unless cancelled, remote images stay shown for that sender in this thread.
 *
 * @slot composer - The host's editor, shown under the message being answered while `composing`
 *   is set (until `<mail-composer>` takes this place).
 *
 * @csspart header - The case header.
 * @csspart subject - The subject heading.
 * @csspart case-number - The case number (`#6597`).
 * @csspart status - The open/completed mark.
 * @csspart customer - Customer name and address; also `customer-name`, `customer-address`.
 * @csspart channels - The list of channel marks; each is `channel` and `channel-email|chat`.
 * @csspart blocked - The "sender blocked" mark.
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
export class MailThread extends AtentoElement {
  static override styles = [...AtentoElement.styles, styles];

  /** Overrides the adapter provided through context. */
  @property({ attribute: false }) adapter?: AgentAdapter;

  /** The case to show. Changing it cancels pending calls and loads the other case. */
  @property({ attribute: 'conversation-id' }) conversationId?: string;

  /**
   * The interaction shown. Defaults to the newest open one; set it to open another (a deep
   * link); it follows navigation.
   */
  @property({ attribute: 'interaction-id' }) interactionId?: string;

  /** The message whose `composer` slot is open, or `null`. Set by `mail-reply` unless cancelled. */
  @property({ attribute: false }) composing: ThreadComposing | null = null;

  @consume({ context: agentAdapterContext, subscribe: true })
  @state()
  private providedAdapter?: AgentAdapter;

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
  @state() private newCount = 0;
  @state() private blocked?: BlockListEntry;
  @state() private showImagesFor = new Set<string>();
  @state() private range: Range = { start: 0, end: 0 };

  @query('.scroller') private scroller?: HTMLElement;

  private readonly heights = new Map<Id, number>();
  private opController?: AbortController;
  private unsubscribe?: () => void;
  private subscribedTo?: AgentAdapter;
  private lastScrollTop = 0;
  private scrollFrame = 0;
  /** What to do with the scroll position after the next render. */
  private pendingScroll?:
    { kind: 'bottom' } | { kind: 'newest' } | { kind: 'anchor'; id: Id; top: number };

  private get effectiveAdapter(): AgentAdapter | undefined {
    return this.adapter ?? this.providedAdapter;
  }

  private readonly load = new Task(this, {
    task: async ([adapter, conversationId, agent], { signal }) => {
      if (!adapter) throw new MissingAdapterError();
      if (!conversationId) return undefined;
      return loadThread(adapter, conversationId, agent, signal, this.interactionId);
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
    window.addEventListener('online', this.onOnline);
    this.resubscribe();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.onHostKeydown);
    window.removeEventListener('online', this.onOnline);
    this.unsubscribe?.();
    this.unsubscribe = this.subscribedTo = undefined;
    this.opController?.abort();
    cancelAnimationFrame(this.scrollFrame);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('conversationId') && changed.get('conversationId') !== undefined) {
      this.opController?.abort();
      this.thread = undefined;
      this.composing = null;
      if (!changed.has('interactionId')) this.interactionId = undefined;
    }
    if (
      changed.has('interactionId') &&
      this.interactionId &&
      this.thread &&
      this.thread.currentId !== this.interactionId
    )
      void this.goToInteraction(this.interactionId);
    this.adapterForParts = this.effectiveAdapter;
    this.agentForParts = this.thread?.agent ?? this.providedAgent;
    if (this.thread) {
      const count = this.messageIds.length;
      if (this.range.end > count || count <= MAX_RENDERED)
        this.range = rangeAround(count, count - 1, count - 1);
    }
  }

  protected override updated() {
    if (this.effectiveAdapter !== this.subscribedTo) this.resubscribe();
    this.measure();
    void this.applyPendingScroll();
  }

  private resubscribe() {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    const adapter = this.effectiveAdapter;
    this.subscribedTo = adapter;
    if (adapter && this.isConnected) this.unsubscribe = adapter.subscribe(this.onLive);
  }

  /** A case finished loading: expand its newest message, show it, mark the case read. */
  private opened(data: ThreadData | undefined) {
    this.thread = data;
    this.newCount = 0;
    this.opError = undefined;
    this.heights.clear();
    if (!data) return;
    const messages = allMessages(data.segments);
    const newest = messages[messages.length - 1];
    this.expandedIds = new Set(newest ? [newest.id] : []);
    this.interactionId = data.currentId ?? undefined;
    this.range = rangeAround(messages.length, messages.length - 1, messages.length - 1);
    this.pendingScroll = { kind: 'newest' };
    const adapter = this.effectiveAdapter;
    if (!adapter) return;
    const id = data.detail.conversation.id;
    if (!data.detail.conversation.read) {
      adapter.markRead(id).then(
        (summary) => this.updateConversation(summary),
        () => undefined, // Read state is best effort: the next open tries again.
      );
    }
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
    const anchor = this.anchor();
    try {
      const segments = await loadOlder(adapter, thread, controller.signal);
      if (controller.signal.aborted || this.thread !== thread) return;
      const added = allMessages(segments).length - allMessages(thread.segments).length;
      this.thread = { ...thread, segments };
      const count = this.messageIds.length;
      if (count > MAX_RENDERED) this.range = rangeAround(count, 0, added + 20);
      if (anchor) this.pendingScroll = anchor;
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
      this.interactionId = interaction.id;
      this.heights.clear();
      this.newCount = 0;
      this.composing = null;
      const newest = segment.messages[segment.messages.length - 1];
      this.expandedIds = new Set(newest ? [newest.id] : []);
      this.pendingScroll = { kind: 'newest' };
      const open = openInteractions(thread.detail);
      emit(this, 'mail-interaction-change', {
        interactionId: interaction.id,
        index: open.findIndex((i) => i.id === interaction.id) + 1,
        total: open.length,
      });
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

  // ── derived state ───────────────────────────────────────────────────────────────────────────

  private get messages(): Message[] {
    return this.thread ? allMessages(this.thread.segments) : [];
  }

  private get messageIds(): Id[] {
    return this.messages.map((m) => m.id);
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

  private updateConversation(summary: ConversationSummary) {
    const thread = this.thread;
    if (!thread || thread.detail.conversation.id !== summary.id) return;
    this.thread = { ...thread, detail: { ...thread.detail, conversation: summary } };
  }

  private async refreshBlocked() {
    const adapter = this.effectiveAdapter;
    const thread = this.thread;
    if (!adapter || !thread) return;
    try {
      const entries = await adapter.listBlocked();
      const addresses = thread.detail.contact.emails;
      this.blocked = entries.find((e) => addresses.some((a) => blockMatches(e, a)));
    } catch {
      this.blocked = undefined; // The mark is informative; the dialogs report their own errors.
    }
  }

  private async refreshDetail() {
    const adapter = this.effectiveAdapter;
    const thread = this.thread;
    if (!adapter || !thread) return;
    try {
      const detail = await adapter.getConversation(thread.detail.conversation.id);
      if (this.thread?.detail.conversation.id === detail.conversation.id)
        this.thread = { ...this.thread, detail };
    } catch {
      // Live refresh only: the header keeps what it has until the next event or open.
    }
  }

  // ── live events (F-4.7) ─────────────────────────────────────────────────────────────────────

  private readonly onLive = (event: AgentEvent) => {
    const thread = this.thread;
    if (!thread) return;
    const id = thread.detail.conversation.id;
    if (event.type === 'conversation.updated') this.updateConversation(event.conversation);
    if (event.type === 'message.updated' && event.message.conversationId === id) {
      const segments = upsertMessage(thread.segments, event.message);
      if (segments && this.messageIds.includes(event.message.id))
        this.thread = { ...thread, segments };
    }
    if (event.type === 'message.created' && event.message.conversationId === id) {
      this.updateConversation(event.conversation);
      const segments = upsertMessage(this.thread!.segments, event.message);
      if (!segments) {
        void this.refreshDetail(); // A new interaction: the counter changes.
        return;
      }
      const atBottom = this.isAtBottom();
      this.thread = { ...this.thread!, segments };
      this.expandedIds = new Set([...this.expandedIds, event.message.id]);
      const count = this.messageIds.length;
      if (atBottom) {
        this.range = rangeAround(count, count - 1, count - 1);
        this.pendingScroll = { kind: 'newest' };
      } else this.newCount++;
      void this.refreshDetail();
    }
  };

  // ── scrolling and windowing ─────────────────────────────────────────────────────────────────

  private isAtBottom(): boolean {
    const s = this.scroller;
    return !s || s.scrollHeight - s.scrollTop - s.clientHeight < AT_BOTTOM;
  }

  /** The first message visible in the scroller and its offset, to keep it in place. */
  private anchor(): { kind: 'anchor'; id: Id; top: number } | undefined {
    const s = this.scroller;
    if (!s) return undefined;
    const top = s.getBoundingClientRect().top;
    for (const row of s.querySelectorAll<HTMLElement>('.row')) {
      const rect = row.getBoundingClientRect();
      if (rect.bottom > top) return { kind: 'anchor', id: row.dataset['id']!, top: rect.top - top };
    }
    return undefined;
  }

  private rowOf(id: Id): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`);
  }

  /** Runs after the cards rendered (their own updates follow ours), before the next paint. */
  private async applyPendingScroll() {
    if (!this.pendingScroll) return;
    const cards = [...this.renderRoot.querySelectorAll('mail-message')];
    await Promise.all(cards.map((c) => c.updateComplete));
    const s = this.scroller;
    const pending = this.pendingScroll;
    if (!s || !pending) return;
    this.pendingScroll = undefined;
    const top = s.getBoundingClientRect().top;
    if (pending.kind === 'anchor') {
      const row = this.rowOf(pending.id);
      if (row) s.scrollTop += row.getBoundingClientRect().top - top - pending.top;
    } else if (pending.kind === 'newest') {
      const ids = this.messageIds;
      const row = ids.length ? this.rowOf(ids[ids.length - 1]!) : null;
      // The newest message in view: its top, or the very bottom when it is short.
      s.scrollTop = row ? s.scrollTop + row.getBoundingClientRect().top - top - 8 : s.scrollHeight;
    } else s.scrollTop = s.scrollHeight;
    this.lastScrollTop = s.scrollTop;
  }

  /** Records the height of rendered rows (only needed once the list is windowed). */
  private measure() {
    if (this.messageIds.length <= MAX_RENDERED) return;
    for (const row of this.renderRoot.querySelectorAll<HTMLElement>('.row')) {
      this.heights.set(row.dataset['id']!, row.offsetHeight + 8);
    }
  }

  private readonly onScroll = () => {
    const s = this.scroller!;
    const goingUp = s.scrollTop < this.lastScrollTop;
    this.lastScrollTop = s.scrollTop;
    if (this.newCount && this.isAtBottom()) this.newCount = 0;
    if (goingUp && s.scrollTop < LOAD_OLDER_AT) void this.loadHistory();
    if (this.scrollFrame) return;
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      this.shiftWindow();
    });
  };

  private shiftWindow() {
    const s = this.scroller;
    const ids = this.messageIds;
    if (!s || ids.length <= MAX_RENDERED) return;
    const first = indexAt(ids, this.heights, s.scrollTop);
    const last = indexAt(ids, this.heights, s.scrollTop + s.clientHeight);
    if (needsShift(this.range, ids.length, first, last)) {
      this.range = rangeAround(ids.length, first, last);
    }
  }

  private showNewest() {
    const count = this.messageIds.length;
    this.range = rangeAround(count, count - 1, count - 1);
    this.newCount = 0;
    this.pendingScroll = { kind: 'bottom' };
  }

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
    this.afterListeners(event, () => (this.composing = { messageId: message.id, mode }));
  }

  private onShowImages(event: CustomEvent<MailShowImagesDetail>) {
    const sender = event.detail.sender ?? event.detail.message.from.address;
    if (!sender) return;
    this.afterListeners(event, () => {
      this.showImagesFor = new Set([...this.showImagesFor, sender.toLowerCase()]);
    });
  }

  private onAction(event: CustomEvent<MailMessageActionDetail>) {
    const { action, message } = event.detail;
    const tag = {
      detail: 'mail-detail-dialog',
      addContact: 'mail-contact-dialog',
      block: 'mail-block-dialog',
    }[action];
    const dialog = this.renderRoot.querySelector<Dialog>(tag);
    if (!dialog || typeof dialog.show !== 'function') return;
    if (action === 'detail') dialog.message = message;
    else {
      dialog.address = message.from.address ?? '';
      if (action === 'addContact') dialog.name = message.from.name;
    }
    dialog.show();
  }

  private openBlockDialog() {
    const dialog = this.renderRoot.querySelector<Dialog>('mail-block-dialog');
    if (!dialog || typeof dialog.show !== 'function' || !this.blocked) return;
    dialog.address = this.blocked.address;
    dialog.show();
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
    return this.load.render({
      initial: () => this.renderLoading(),
      pending: () => this.renderLoading(),
      complete: () => (this.thread ? this.renderThread(this.thread) : this.renderLoading()),
      error: (error) => this.renderError(error),
    });
  }

  private renderLoading() {
    return html`<div part="state" class="state-loading" role="status" aria-busy="true">
      <span class="visually-hidden">${this.i18n.t('thread.loading')}</span>
      <div class="skeleton-wrap" aria-hidden="true">
        <span class="skeleton title"></span>
        <span class="skeleton"></span>
        <span class="skeleton"></span>
        <span class="skeleton tall"></span>
      </div>
    </div>`;
  }

  private renderError(error: unknown) {
    const offline = AdapterError.is(error, 'offline');
    return html`<div part="state" class="state error" role="alert">
      <p>
        <strong>${this.i18n.t(offline ? 'thread.offline' : 'thread.loadError')}</strong>
        ${offline ? nothing : errorMessage(this.i18n, error)}
      </p>
      ${
        error instanceof MissingAdapterError
          ? nothing
          : html`<button part="retry-button" class="button" type="button" @click=${this.reload}>
              ${this.i18n.t('common.retry')}
            </button>`
      }
    </div>`;
  }

  private renderThread(thread: ThreadData) {
    const messages = this.messages;
    return html`
      ${renderHeader(this.i18n, thread.detail, this.blocked, () => this.openBlockDialog())}
      ${this.renderToolbar(thread)}
      ${
        this.opError
          ? html`<div part="state" class="older-status" role="alert">
              ${this.i18n.t('thread.olderError')} ${errorMessage(this.i18n, this.opError)}
            </div>`
          : nothing
      }
      <div part="scroller" class="scroller" @scroll=${this.onScroll}>
        ${
          messages.length === 0 && !this.navigating
            ? html`<div part="state" class="state"><p>${this.i18n.t('thread.empty')}</p></div>`
            : this.renderFeed(thread, messages)
        }
        ${
          this.newCount
            ? html`<div class="pill-wrap">
                <button part="new-messages" class="button" type="button" @click=${this.showNewest}>
                  ${this.i18n.t('thread.newMessages', { count: this.newCount })}
                </button>
              </div>`
            : nothing
        }
      </div>
      <mail-detail-dialog .adapter=${this.effectiveAdapter}></mail-detail-dialog>
      <mail-contact-dialog .adapter=${this.effectiveAdapter}></mail-contact-dialog>
      <mail-block-dialog
        .adapter=${this.effectiveAdapter}
        @mail-sender-blocked=${this.refreshBlocked}
        @mail-sender-unblocked=${this.refreshBlocked}
      ></mail-block-dialog>
    `;
  }

  private renderToolbar(thread: ThreadData) {
    const open = openInteractions(thread.detail);
    const index = this.openIndex;
    const older = olderKind(thread);
    const busy = this.navigating || this.olderLoading;
    return html`<div
      part="toolbar"
      class="toolbar"
      role="group"
      aria-label=${this.i18n.t('thread.toolbar')}
    >
      ${
        older
          ? html`<button
              part="load-history"
              class="button"
              type="button"
              ?disabled=${this.olderLoading}
              @click=${this.loadHistory}
            >
              ${this.i18n.t('thread.loadHistory')}
            </button>`
          : nothing
      }
      ${
        open.length
          ? html`<span class="nav">
              <button
                part="previous"
                class="button icon-only"
                type="button"
                aria-label=${this.i18n.t('thread.previous')}
                title=${this.i18n.t('thread.previous')}
                aria-keyshortcuts="p Alt+ArrowUp"
                ?disabled=${index <= 1 || busy}
                @click=${this.previousInteraction}
              >
                <span aria-hidden="true">‹</span>
              </button>
              <span
                part="counter"
                class="counter"
                role="status"
                title=${this.i18n.t('thread.counterLabel', { index, total: open.length })}
                >${this.i18n.t('thread.counter', { index, total: open.length })}</span
              >
              <button
                part="next"
                class="button icon-only"
                type="button"
                aria-label=${this.i18n.t('thread.next')}
                title=${this.i18n.t('thread.next')}
                aria-keyshortcuts="n Alt+ArrowDown"
                ?disabled=${index === 0 || index >= open.length || busy}
                @click=${this.nextInteraction}
              >
                <span aria-hidden="true">›</span>
              </button>
            </span>`
          : html`<span class="nav"></span>`
      }
      <span class="expand">
        <button part="expand-all" class="button" type="button" @click=${this.expandAll}>
          ${this.i18n.t('thread.expandAll')}
        </button>
        <button part="collapse-all" class="button" type="button" @click=${this.collapseAll}>
          ${this.i18n.t('thread.collapseAll')}
        </button>
      </span>
    </div>`;
  }

  private renderFeed(thread: ThreadData, messages: Message[]) {
    const ids = messages.map((m) => m.id);
    const { start, end } = ids.length > MAX_RENDERED ? this.range : { start: 0, end: ids.length };
    const firstOf = new Map<Id, Segment>(
      thread.segments.filter((s) => s.messages.length).map((s) => [s.messages[0]!.id, s]),
    );
    // Positions in the whole case (stable when older pages are prepended: no card re-renders).
    const positions = positionsOf(thread);
    const setsize = thread.detail.interactions.reduce((n, i) => n + i.messageCount, 0);
    const agentAddresses = thread.agent.addresses;
    const before = span(ids, this.heights, 0, start);
    const after = span(ids, this.heights, end, ids.length);
    return html`
      ${
        this.olderLoading
          ? html`<div class="older-status" role="status">
              ${this.i18n.t('thread.loadingOlder')}
            </div>`
          : nothing
      }
      <div
        part="feed"
        class="feed"
        role="feed"
        aria-busy=${this.olderLoading || this.navigating ? 'true' : 'false'}
        aria-label=${this.i18n.t('thread.feed')}
        @keydown=${this.onFeedKeydown}
        @mail-message-toggle=${this.onToggle}
        @mail-reply=${this.onReply}
        @mail-message-action=${this.onAction}
        @mail-show-images=${this.onShowImages}
      >
        ${start > 0 ? html`<div class="spacer" aria-hidden="true" style="height:${before}px"></div>` : nothing}
        ${repeat(
          messages.slice(start, end),
          (m) => m.id,
          (m, i) =>
            this.renderRow(
              m,
              positions.get(m.id) ?? start + i + 1,
              Math.max(setsize, messages.length),
              firstOf.get(m.id),
              agentAddresses,
            ),
        )}
        ${end < ids.length ? html`<div class="spacer" aria-hidden="true" style="height:${after}px"></div>` : nothing}
      </div>
    `;
  }

  private renderRow(
    message: Message,
    posinset: number,
    setsize: number,
    segment: Segment | undefined,
    agentAddresses: string[],
  ) {
    const composing = this.composing?.messageId === message.id;
    const sender = message.from.address?.toLowerCase();
    return html`<div class="row" data-id=${message.id}>
      ${segment ? this.renderDivider(segment) : nothing}
      <mail-message
        part="message"
        .message=${message}
        .agentAddresses=${agentAddresses}
        .expanded=${this.expandedIds.has(message.id)}
        .showRemote=${sender ? this.showImagesFor.has(sender) : false}
        .composing=${composing}
        .posinset=${posinset}
        .setsize=${setsize}
        >${composing ? html`<slot name="composer" slot="composer"></slot>` : nothing}</mail-message
      >
    </div>`;
  }

  private renderDivider({ interaction }: Segment) {
    const subject = interaction.subject.trim() || this.i18n.t('thread.noSubject');
    return html`<div part="divider" class="divider" role="none">
      <span class="divider-text">
        ${channelIcon(interaction.channel)}
        <span class="visually-hidden">${channelLabel(this.i18n, interaction.channel)}</span>
        <span dir="auto">${subject}</span> ·
        <time datetime=${interaction.startedAt}>${this.i18n.date(interaction.startedAt)}</time>
        ${interaction.status === 'closed' ? html`· ${this.i18n.t('thread.interactionClosed')}` : nothing}
      </span>
    </div>`;
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

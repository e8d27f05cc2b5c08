/**
 * The widget's conversation core (F-5.2 … F-5.6): history, live events, unread count, typing and
 * an outbox that never loses nor duplicates a message. Plain TypeScript over a `VisitorAdapter`;
 * the elements only render its state.
 *
 * Never lose: `send()` stores the message in the outbox (storage) before the first attempt; a
 * reload shows and resends it (`start()`). Never duplicate: every message carries a client id and
 * the server returns the first message for a repeated id, so resending after a lost answer, after a
 * reload or from a second tab is safe; the server's copy replaces the local one by client id.
 * Order: one send at a time, in outbox order; a retryable failure (`offline`, `unavailable`)
 * holds the queue and retries with backoff, so later messages never overtake it.
 *
 * Two tabs of one visitor: both receive the server's live events. The outbox is shared through
 * storage: a tab sends only the entries it wrote or found at start, shows the other tab's pending
 * entries, and drops entries the other tab got delivered (the `storage` event). Both tabs may still
 * send an entry present at both starts; the client-id dedupe makes that harmless.
 *
 * Read state: the adapter has no read receipts; a visitor message counts as `read` once an agent
 * message follows it (the agent answered after it).
 */
import {
  AdapterError,
  type Unsubscribe,
  type VisitorAdapter,
  type VisitorEvent,
} from '../../../adapters/adapter.js';
import { isValidAddress } from '../../../model/address.js';
import type {
  Attachment,
  Visitor,
  VisitorCampaign,
  VisitorConversation,
  VisitorIdentity,
  VisitorMessage,
  VisitorSession,
} from '../../../model/index.js';
import { mergeMessages } from './merge.js';
import { Outbox, parseOutbox, type OutboxEntry, type SendFailure } from './outbox.js';
import { retryDelay } from './retry-delay.js';
import { readItem, storageKeys, usableStorage, writeItem, type SessionStorage } from './storage.js';

export type ChatStatus = 'idle' | 'loading' | 'ready' | 'offline' | 'error';
export type ChatDelivery = 'sending' | 'sent' | 'read' | 'failed';

/** A message as the window shows it: the server's, or a local one not yet confirmed. */
export type ChatMessage = VisitorMessage & {
  delivery: ChatDelivery;
  /** Present on messages still in the outbox (no server id yet: `id` is `local:<clientId>`). */
  local?: true;
  /** Why a `failed` message was refused. */
  error?: SendFailure;
};

export interface ChatState {
  status: ChatStatus;
  /** Why the server cannot be used (status `offline` or `error`), for logs and the error line. */
  error: string | null;
  /** The code of that error (`offline`, `unavailable`, `forbidden`…), else null. */
  errorCode: string | null;
  visitor: Visitor | null;
  conversation: VisitorConversation | null;
  /** Server messages in server order, then local pending ones in the order they were written. */
  messages: ChatMessage[];
  hasMore: boolean;
  agentsOnline: boolean;
  agentTyping: { name: string } | null;
  campaign: VisitorCampaign | null;
  /** Agent messages received while the window is closed. */
  unread: number;
  /** False when storage is unavailable: history and unsent messages will not survive a reload. */
  persistent: boolean;
  /** The campaign requires an email before chatting and none is known (F-5.3). */
  needsEmail: boolean;
}

export interface ChatSessionOptions {
  storage?: SessionStorage | null;
  /** Namespace of the stored outbox and hints, e.g. server URL + campaign id. */
  key: string;
  now?: () => number;
  retry?: { baseMs?: number; capMs?: number };
  /** A number in [0, 1) for jitter; default `Math.random`. */
  random?: () => number;
  /** How long an agent's typing indicator lasts without news; default 6000 ms. */
  typingTimeoutMs?: number;
  /** The visitor's `typing(true)` is sent at most once per this many ms; default 2000. */
  typingThrottleMs?: number;
  /** `typing(false)` is sent after this many ms without a `typing(true)`; default 4000. */
  typingIdleMs?: number;
}

function failure(error: unknown): SendFailure {
  if (error instanceof AdapterError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    };
  }
  return { code: 'unavailable', message: error instanceof Error ? error.message : String(error) };
}

function retryable(error: unknown): boolean {
  // Anything that is not an AdapterError (a bug in a transport, a thrown TypeError) is treated as
  // a network failure: retrying is safe because the server deduplicates by client id.
  return !(error instanceof AdapterError) || error.retryable;
}

function newClientId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

export class ChatSession {
  /** The adapter, for what the session does not wrap (uploads). */
  readonly adapter: VisitorAdapter;
  private readonly storage: SessionStorage;
  private readonly keys: ReturnType<typeof storageKeys>;
  private readonly outbox: Outbox;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly retryOptions: { baseMs?: number; capMs?: number };
  private readonly typingTimeoutMs: number;
  private readonly typingThrottleMs: number;
  private readonly typingIdleMs: number;
  readonly persistent: boolean;

  private server: VisitorMessage[] = [];
  /** This session's unsent entries, in order (it sends these). */
  private own: OutboxEntry[] = [];
  /** Pending entries of other tabs, shown but not sent. */
  private foreign: OutboxEntry[] = [];
  /** Client ids the server confirmed. */
  private readonly delivered = new Set<string>();
  /** Client ids of the messages this session wrote (not announced by `onMessage`). */
  private readonly mine = new Set<string>();

  private status: ChatStatus = 'idle';
  private error: SendFailure | null = null;
  private visitor?: Visitor;
  private conversation: VisitorConversation | null = null;
  private hasMore = false;
  private agentsOnline = false;
  private agentTyping: { name: string } | null = null;
  private campaign?: VisitorCampaign;
  private unread = 0;
  private isOpen = false;
  private emailRefused = false;
  private snapshot: ChatState;

  private readonly listeners = new Set<(state: ChatState) => void>();
  private readonly messageListeners = new Set<(message: VisitorMessage) => void>();
  private unsubscribeLive: Unsubscribe | null = null;
  private started: Promise<void> | null = null;
  private disposed = false;
  private pumping = false;
  private readonly wakers = new Set<() => void>();
  private agentTypingTimer: ReturnType<typeof setTimeout> | undefined;
  private typingIdleTimer: ReturnType<typeof setTimeout> | undefined;
  private typingSentAt = -Infinity;
  private typingOn = false;
  private readonly abort = new AbortController();
  private readonly onStorage = (event: StorageEvent) => {
    if (event.key === this.keys.outbox) this.syncForeign(parseOutbox(event.newValue));
  };

  constructor(adapter: VisitorAdapter, options: ChatSessionOptions) {
    this.adapter = adapter;
    const { storage, persistent } = usableStorage(options.storage);
    this.storage = storage;
    this.persistent = persistent;
    this.keys = storageKeys(options.key);
    this.outbox = new Outbox(storage, this.keys.outbox);
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.retryOptions = options.retry ?? {};
    this.typingTimeoutMs = options.typingTimeoutMs ?? 6000;
    this.typingThrottleMs = options.typingThrottleMs ?? 2000;
    this.typingIdleMs = options.typingIdleMs ?? 4000;
    // Whatever an earlier page left unsent is ours to (re)send: shown at once, sent on start().
    this.own = this.outbox.read();
    for (const e of this.own) this.mine.add(e.clientId);
    this.snapshot = this.build();
  }

  // ---- state ---------------------------------------------------------------------------------

  get state(): ChatState {
    return this.snapshot;
  }
  get messages(): ChatMessage[] {
    return this.snapshot.messages;
  }
  get unreadCount(): number {
    return this.unread;
  }

  /** Calls `listener` on every change (not immediately); returns the unsubscribe function. */
  subscribe(listener: (state: ChatState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Calls `listener` for each new server message that arrives live and was not written by this
   * session: agent replies (chat or email) and messages sent from another tab.
   */
  onMessage(listener: (message: VisitorMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  /** Whether this device had a conversation (or unsent messages) last time. */
  hasHistory(): boolean {
    return (
      readItem(this.storage, this.keys.history) === '1' ||
      this.own.length > 0 ||
      this.server.length > 0
    );
  }

  private build(): ChatState {
    const lastAgent = this.server.findLastIndex((m) => m.direction === 'outbound');
    const messages: ChatMessage[] = this.server.map((m, i) => ({
      ...m,
      delivery:
        m.status === 'failed'
          ? 'failed'
          : m.status === 'sending' || m.status === 'scheduled' || m.status === 'draft'
            ? 'sending'
            : m.direction === 'inbound' && i < lastAgent
              ? 'read'
              : 'sent',
    }));
    const shown = new Set(this.server.map((m) => m.clientId).filter(Boolean));
    const ownIds = new Set(this.own.map((e) => e.clientId));
    const pending = [...this.foreign.filter((e) => !ownIds.has(e.clientId)), ...this.own];
    for (const entry of pending) {
      if (shown.has(entry.clientId) || this.delivered.has(entry.clientId)) continue;
      messages.push({
        id: `local:${entry.clientId}`,
        clientId: entry.clientId,
        channel: 'chat',
        direction: 'inbound',
        authorName: this.visitor?.name ?? '',
        text: entry.text,
        attachments: entry.attachments,
        status: entry.error ? 'failed' : 'sending',
        registeredAt: entry.createdAt,
        delivery: entry.error ? 'failed' : 'sending',
        local: true,
        ...(entry.error ? { error: entry.error } : {}),
      });
    }
    const needsEmail =
      !this.visitor?.email &&
      (this.emailRefused || (!!this.campaign?.requireEmailWhenOffline && !this.agentsOnline));
    return {
      status: this.status,
      error: this.error?.message ?? null,
      errorCode: this.error?.code ?? null,
      visitor: this.visitor ?? null,
      conversation: this.conversation,
      messages,
      hasMore: this.hasMore,
      agentsOnline: this.agentsOnline,
      agentTyping: this.agentTyping,
      campaign: this.campaign ?? null,
      unread: this.unread,
      persistent: this.persistent,
      needsEmail,
    };
  }

  private changed(): void {
    if (this.disposed) return;
    this.snapshot = this.build();
    for (const listener of [...this.listeners]) listener(this.snapshot);
  }

  // ---- lifecycle -----------------------------------------------------------------------------

  /**
   * Subscribes to live events, loads the history and resends what the outbox holds. Idempotent.
   * A `start()` that cannot reach the server sets status `offline` and keeps retrying with
   * backoff; it resolves once the history is loaded (or the session is disposed). After a
   * non-retryable failure (`error`) a new call starts over.
   */
  start(): Promise<void> {
    // After a non-retryable failure (status `error`), calling again starts over ("Reintentar").
    if (this.started && this.status === 'error') {
      this.unsubscribeLive?.();
      this.unsubscribeLive = null;
      this.started = null;
    }
    this.started ??= this.run();
    return this.started;
  }

  private async run(): Promise<void> {
    this.status = 'loading';
    this.changed();
    this.unsubscribeLive = this.adapter.subscribe((event) => this.onEvent(event));
    if (this.persistent && typeof globalThis.addEventListener === 'function') {
      globalThis.addEventListener('storage', this.onStorage);
    }
    for (let attempt = 0; !this.disposed; attempt++) {
      try {
        await this.load();
        break;
      } catch (error) {
        if (this.disposed) return;
        this.error = failure(error);
        if (!retryable(error)) {
          this.status = 'error';
          this.changed();
          return;
        }
        this.status = 'offline';
        this.changed();
        await this.sleep(retryDelay(attempt, this.retryOptions, this.random));
      }
    }
    void this.pump();
  }

  /** Loads (or reloads after a resync) the latest history and merges it: no duplicates. */
  private async load(): Promise<void> {
    const session: VisitorSession = await this.adapter.resume({ signal: this.abort.signal });
    if (this.disposed) return;
    const known = new Set(this.server.map((m) => m.id));
    const firstLoad = this.status === 'loading' || this.server.length === 0;
    this.visitor = session.visitor;
    this.campaign = session.campaign;
    this.agentsOnline = session.agentsOnline;
    if (this.conversation?.id !== session.conversation?.id && this.conversation) {
      // A different conversation (the device was reset): the old messages are not this visitor's.
      this.server = [];
      known.clear();
    }
    this.conversation = session.conversation;
    if (firstLoad) this.hasMore = session.hasMore;
    const page = await this.fillGap(session.messages, session.hasMore, known);
    if (this.disposed) return;
    this.server = mergeMessages(this.server, page);
    writeItem(
      this.storage,
      this.keys.history,
      session.conversation || this.own.length ? '1' : null,
    );
    this.confirm(session.messages);
    if (firstLoad && !known.size) {
      this.unread = this.isOpen ? 0 : this.unseenSince(session.messages);
    } else if (!this.isOpen) {
      this.unread += session.messages.filter(
        (m) => m.direction === 'outbound' && !known.has(m.id),
      ).length;
    }
    if (this.isOpen) this.markSeen();
    this.status = 'ready';
    this.error = null;
    this.changed();
  }

  /**
   * After a long disconnection the newest page may not reach the messages already shown: older
   * pages are fetched until it does, so the list has no hole. Beyond 20 pages the shown list is
   * replaced by what was fetched (the rest stays reachable through `loadOlder()`).
   */
  private async fillGap(
    messages: VisitorMessage[],
    hasMore: boolean,
    known: ReadonlySet<string>,
  ): Promise<VisitorMessage[]> {
    if (!known.size || !messages.length || messages.some((m) => known.has(m.id))) return messages;
    let page = messages;
    let more = hasMore;
    for (let i = 0; i < 20 && more; i++) {
      const older = await this.adapter.history(
        { before: page[0]!.id, limit: 200 },
        { signal: this.abort.signal },
      );
      page = [...older.items, ...page];
      more = older.hasMore;
      if (older.items.some((m) => known.has(m.id))) return page;
    }
    if (more) {
      // Too far behind: start over from the newest page.
      this.server = [];
      this.hasMore = true;
    }
    return page;
  }

  /** Stops everything: live events, retries, timers. Unsent messages stay in storage. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.unsubscribeLive?.();
    this.unsubscribeLive = null;
    if (typeof globalThis.removeEventListener === 'function') {
      globalThis.removeEventListener('storage', this.onStorage);
    }
    clearTimeout(this.agentTypingTimer);
    clearTimeout(this.typingIdleTimer);
    this.abort.abort();
    this.wake();
    this.listeners.clear();
    this.messageListeners.clear();
  }

  /** The window is shown: agent messages count as read. */
  open(): void {
    this.isOpen = true;
    this.markSeen();
    if (this.unread !== 0) {
      this.unread = 0;
      this.changed();
    }
  }

  close(): void {
    this.isOpen = false;
  }

  private markSeen(): void {
    const last = this.server.findLast((m) => m.direction === 'outbound');
    if (last) writeItem(this.storage, this.keys.seen, last.registeredAt);
  }

  private unseenSince(messages: readonly VisitorMessage[]): number {
    const seen = readItem(this.storage, this.keys.seen) ?? '';
    return messages.filter((m) => m.direction === 'outbound' && m.registeredAt > seen).length;
  }

  // ---- live events ---------------------------------------------------------------------------

  private onEvent(event: VisitorEvent): void {
    if (this.disposed) return;
    switch (event.type) {
      case 'message.created':
      case 'message.updated': {
        const isNew = !this.server.some((m) => m.id === event.message.id);
        this.server = mergeMessages(this.server, [event.message]);
        this.confirm([event.message]);
        if (isNew && event.message.direction === 'outbound') {
          if (this.agentTyping) clearTimeout(this.agentTypingTimer);
          this.agentTyping = null;
          if (this.isOpen) this.markSeen();
          else this.unread++;
        }
        if (!this.conversation && isNew) void this.refreshConversation();
        writeItem(this.storage, this.keys.history, '1');
        this.changed();
        const ownMessage = !!event.message.clientId && this.mine.has(event.message.clientId);
        if (isNew && !ownMessage) {
          for (const listener of [...this.messageListeners]) listener(event.message);
        }
        break;
      }
      case 'conversation.updated':
        this.conversation = event.conversation;
        writeItem(this.storage, this.keys.history, '1');
        this.changed();
        break;
      case 'presence':
        this.agentsOnline = event.agentsOnline;
        this.changed();
        this.wake();
        break;
      case 'typing':
        if (event.who !== 'agent') break;
        clearTimeout(this.agentTypingTimer);
        this.agentTyping = event.typing ? { name: event.name } : null;
        if (event.typing) {
          this.agentTypingTimer = setTimeout(() => {
            this.agentTyping = null;
            this.changed();
          }, this.typingTimeoutMs);
        }
        this.changed();
        break;
      case 'resync':
        // Events were missed: reload and merge; a send waiting on backoff retries now.
        this.wake();
        if (this.status !== 'loading' && this.started) {
          this.load().catch((error: unknown) => {
            if (this.disposed) return;
            this.error = failure(error);
            this.status = retryable(error) ? 'offline' : 'error';
            this.changed();
          });
        }
        break;
    }
  }

  private async refreshConversation(): Promise<void> {
    try {
      const session = await this.adapter.resume({ signal: this.abort.signal });
      if (this.disposed || this.conversation) return;
      this.conversation = session.conversation;
      this.changed();
    } catch {
      // The next live event or resync brings it; the messages are already shown.
    }
  }

  /** Server messages carrying a client id settle the matching outbox entries. */
  private confirm(messages: readonly VisitorMessage[]): void {
    const settled: string[] = [];
    for (const m of messages) {
      if (!m.clientId || this.delivered.has(m.clientId)) continue;
      this.delivered.add(m.clientId);
      settled.push(m.clientId);
    }
    if (!settled.length) return;
    const own = this.own.length;
    const foreign = this.foreign.length;
    this.own = this.own.filter((e) => !this.delivered.has(e.clientId));
    this.foreign = this.foreign.filter((e) => !this.delivered.has(e.clientId));
    // Rewrite the stored outbox only when it holds one of them (cheap: most confirmations come
    // for messages already removed by the send answer).
    const raw = readItem(this.storage, this.keys.outbox) ?? '';
    if (
      own !== this.own.length ||
      foreign !== this.foreign.length ||
      settled.some((id) => raw.includes(id))
    ) {
      this.persist();
    }
  }

  private persist(): void {
    this.outbox.write(this.own, this.delivered);
    // Unsent messages count as history for the loader: they must be resent at the next page load.
    if (this.own.length) writeItem(this.storage, this.keys.history, '1');
  }

  /**
   * Another tab changed the outbox: show its pending entries. This tab's own entries are never
   * dropped here (a stale write of the other tab could omit them); they are settled by the
   * server's messages, which both tabs receive live, and written back if missing.
   */
  private syncForeign(stored: OutboxEntry[]): void {
    const storedIds = new Set(stored.map((e) => e.clientId));
    const ownIds = new Set(this.own.map((e) => e.clientId));
    this.foreign = stored.filter((e) => !ownIds.has(e.clientId) && !this.delivered.has(e.clientId));
    if (this.own.some((e) => !storedIds.has(e.clientId))) this.persist();
    this.changed();
  }

  // ---- sending -------------------------------------------------------------------------------

  /**
   * Queues a message: shown at once as `sending`, stored in the outbox, then sent in order (once
   * `start()` was called). `attachments` are uploaded attachment ids or records (records are shown
   * while pending). Returns its client id. Throws `invalid` (field `text`) for an empty message.
   */
  send(text: string, attachments: ReadonlyArray<string | Attachment> = []): string {
    if (this.disposed) throw new AdapterError('unavailable', 'This chat session was disposed.');
    if (text.trim() === '' && attachments.length === 0) {
      throw new AdapterError('invalid', 'The message is empty.', { field: 'text' });
    }
    const entry: OutboxEntry = {
      clientId: newClientId(),
      text,
      attachmentIds: attachments.map((a) => (typeof a === 'string' ? a : a.id)),
      attachments: attachments.filter((a): a is Attachment => typeof a !== 'string'),
      createdAt: new Date(this.now()).toISOString(),
    };
    this.mine.add(entry.clientId);
    this.own = [...this.own, entry];
    this.persist();
    this.changed();
    void this.pump();
    return entry.clientId;
  }

  /** Sends a failed message again (it goes to the end of the queue). */
  retry(clientId: string): boolean {
    const entry = this.own.find((e) => e.clientId === clientId && e.error);
    if (!entry) return false;
    this.own = [...this.own.filter((e) => e !== entry), { ...entry, error: undefined }];
    if (entry.error?.field === 'email') this.emailRefused = false;
    this.persist();
    this.changed();
    void this.pump();
    return true;
  }

  /** Drops a failed message for good. */
  discard(clientId: string): boolean {
    const entry = this.own.find((e) => e.clientId === clientId && e.error);
    if (!entry) return false;
    this.own = this.own.filter((e) => e !== entry);
    this.persist();
    this.changed();
    return true;
  }

  /** Sends the queue one message at a time, in order. */
  private async pump(): Promise<void> {
    if (this.pumping || this.disposed || !this.started) return;
    this.pumping = true;
    try {
      let attempt = 0;
      for (;;) {
        if (this.disposed) return;
        const entry = this.own.find((e) => !e.error);
        if (!entry) return;
        try {
          const message = await this.adapter.send(
            { clientId: entry.clientId, text: entry.text, attachmentIds: entry.attachmentIds },
            { signal: this.abort.signal },
          );
          attempt = 0;
          if (this.disposed) return;
          this.server = mergeMessages(this.server, [message]);
          this.confirm([message]);
          this.own = this.own.filter((e) => e.clientId !== entry.clientId);
          if (this.status === 'offline') this.status = 'ready';
          this.error = null;
          if (!this.conversation) void this.refreshConversation();
          writeItem(this.storage, this.keys.history, '1');
          this.changed();
        } catch (error) {
          if (this.disposed) return;
          if (retryable(error)) {
            this.status = 'offline';
            this.error = failure(error);
            this.changed();
            await this.sleep(retryDelay(attempt++, this.retryOptions, this.random));
            continue;
          }
          attempt = 0;
          const reason = failure(error);
          if (reason.field === 'email') this.emailRefused = true;
          this.own = this.own.map((e) =>
            e.clientId === entry.clientId ? { ...e, error: reason } : e,
          );
          this.persist();
          this.changed();
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  /** Waits `ms`, or less if woken (back online, resync, dispose). */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakers.add(done);
    });
  }

  private wake(): void {
    for (const done of [...this.wakers]) done();
  }

  // ---- identity, typing, history ------------------------------------------------------------

  /**
   * Identifies the visitor (F-5.3). Throws `invalid` with field `email` for a malformed address
   * (checked before any request). Messages refused for lack of an email are sent again.
   */
  async identify(identity: VisitorIdentity): Promise<Visitor> {
    const email = (identity.email ?? '').trim();
    if (!isValidAddress(email)) {
      throw new AdapterError('invalid', 'Please enter a valid email address.', { field: 'email' });
    }
    const name = identity.name?.trim();
    const visitor = await this.adapter.identify(
      { ...identity, email, ...(name ? { name } : {}) },
      { signal: this.abort.signal },
    );
    if (this.disposed) return visitor;
    this.visitor = visitor;
    this.emailRefused = false;
    this.own = this.own.map((e) => (e.error?.field === 'email' ? { ...e, error: undefined } : e));
    this.persist();
    this.changed();
    void this.pump();
    return visitor;
  }

  /**
   * The visitor is (not) typing: at most one `typing(true)` per 2 s while typing, and
   * `typing(false)` after 4 s without a call. Best effort: failures are ignored (an indicator).
   */
  typing(on: boolean): void {
    if (this.disposed) return;
    clearTimeout(this.typingIdleTimer);
    const call = (value: boolean) => {
      this.typingOn = value;
      this.adapter.typing(value).catch(() => {
        // The indicator is advisory; a lost update is corrected by the next one.
      });
    };
    if (!on) {
      if (this.typingOn) call(false);
      return;
    }
    const t = this.now();
    if (!this.typingOn || t - this.typingSentAt >= this.typingThrottleMs) {
      this.typingSentAt = t;
      call(true);
    }
    this.typingIdleTimer = setTimeout(() => {
      if (this.typingOn) call(false);
    }, this.typingIdleMs);
  }

  /** Loads the page before the oldest shown message; resolves to the number added. */
  async loadOlder(): Promise<number> {
    const first = this.server[0];
    if (!first || !this.hasMore) return 0;
    const page = await this.adapter.history({ before: first.id }, { signal: this.abort.signal });
    if (this.disposed) return 0;
    const known = new Set(this.server.map((m) => m.id));
    const added = page.items.filter((m) => !known.has(m.id));
    this.server = mergeMessages(added, this.server);
    this.hasMore = page.hasMore;
    this.changed();
    return added.length;
  }
}

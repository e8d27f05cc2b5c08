import { AdapterError } from '../adapter.js';
import type {
  Agent,
  Attachment,
  BlockListEntry,
  CampaignSettings,
  Channel,
  ComposeMode,
  Contact,
  Conversation,
  Draft,
  DraftKey,
  Id,
  Interaction,
  Message,
  QuickReply,
} from '../../model/index.js';
import type { InboundSource, MailSyncState } from '../../model/index.js';
import { normalizeAddress } from '../../model/index.js';
import { EventHub, type PresenceHooks } from './event-hub.js';
import type { CaseActivity } from '../adapter.js';
import { bareMessageId, IdSource } from './ids.js';
import { InboxOrder } from './inbox-order.js';
import { Journal, RecordMap } from './journal.js';
import type { RecordKind, RecordStore, StoredRecord } from './persistence.js';
import type { CampaignRecord, SeedData, VisitorRecord } from './seed/types.js';
import { copy } from './copy.js';

/** The send-side bookkeeping of an outbound message (undo window, draft restoration). */
export interface OutboxEntry {
  mode: ComposeMode;
  cancellableUntil: string | null;
  /** The pending commit of a scheduled send; run-time only, never persisted. */
  timer?: ReturnType<typeof setTimeout>;
  /** The interaction was opened by this message (removed again if it is cancelled). */
  openedInteraction: boolean;
  /** The message answered or forwarded (`OutgoingMessage.inReplyToMessageId`). */
  answeredId: Id | undefined;
  /**
   * Delivery through a transport (`MemoryBackendOptions.deliver`), persisted so a restart keeps
   * counting: attempts started, when the next one is due after a failure, why the last one failed,
   * and what the transport answered once it took the message.
   */
  attempts?: number;
  retryAt?: string;
  lastError?: string;
  delivered?: { at: string; response?: string; accepted?: string[]; rejected?: string[] };
}

/** An uploaded file and who may attach it: any agent, or only the visitor who uploaded it. */
export interface UploadRecord {
  attachment: Attachment;
  owner: { kind: 'agents' } | { kind: 'visitor'; visitorId: Id };
}

export interface StoreOptions {
  now: () => Date;
  undoSendSeconds?: number;
  latencyMs: number;
  /** Where changed records are written at the end of each unit of work (see `persistence.ts`). */
  persistence?: RecordStore;
  /** The URL of an uploaded file by attachment id; default a `blob:` URL (see `uploads.ts`). */
  fileUrl?: (id: Id) => string;
  /** Checks a visitor's `identityHash` (see `MemoryBackendOptions.verifyIdentity`). */
  verifyIdentity?: (identity: { email: string; identityHash: string; campaignId: Id }) => boolean;
}

/** Reports an error nobody awaits (a timer, a presence hook) without stopping the caller. */
export function reportError(error: unknown): void {
  const report = (globalThis as { reportError?: (e: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else console.error(error);
}

/** Compares messages in list order: `registeredAt`, then `id`. */
function byRegistration(a: Message, b: Message): number {
  if (a.registeredAt !== b.registeredAt) return a.registeredAt < b.registeredAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byStart(a: Interaction, b: Interaction): number {
  if (a.startedAt !== b.startedAt) return a.startedAt < b.startedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const isAgentMessage = (m: Message) =>
  m.direction === 'outbound' && m.from.kind === 'agent' && !!m.from.id;

const draftKey = (k: DraftKey) =>
  `${k.conversationId}\u0000${k.mode}\u0000${k.inReplyToMessageId ?? ''}`;

/**
 * The state of one memory backend: records keyed by id, the indexes the operations need, the
 * event hub and the clock. Records are held by reference; everything leaving the backend is
 * copied (see `backend.ts`). Messages of an interaction are kept sorted in `timeline`; cancelled
 * messages stay in `messages` but leave the timeline (they were never sent). A conversation's
 * `updatedAt` changes only through `inbox.setUpdatedAt`, which keeps the inbox order.
 *
 * Durability (see `persistence.ts`): the record maps are `RecordMap`s, which journal their own
 * `set`/`delete`; code that changes a stored record in place calls `touch`. `flush` writes the
 * journal at the end of each unit of work; the indexes below the record maps are derived and
 * rebuilt by `restore`.
 */
export class Store {
  readonly journal = new Journal();
  /** Every record map by kind (`counter` is the id source), for `flush` and `restore`. */
  private readonly recordMaps: Partial<Record<RecordKind, Map<string, unknown>>> = {};
  readonly agents: Map<Id, Agent> = this.records('agent');
  readonly campaigns: Map<Id, CampaignRecord> = this.records('campaign');
  readonly contacts: Map<Id, Contact> = this.records('contact');
  readonly conversations: Map<Id, Conversation> = this.records('conversation');
  readonly interactions: Map<Id, Interaction> = this.records('interaction');
  readonly messages: Map<Id, Message> = this.records('message');
  private readonly drafts: Map<string, Draft> = this.records('draft');
  readonly quickReplies: Map<Id, QuickReply> = this.records('quickReply');
  readonly blockList: Map<string, BlockListEntry> = this.records('blockList');
  readonly visitors: Map<Id, VisitorRecord> = this.records('visitor');

  /** Mail refused by the block list, by message id; never visible in any inbox. */
  readonly blockedMail: Map<Id, Message> = this.records('blockedMail');
  readonly uploads: Map<Id, UploadRecord> = this.records('upload');
  readonly outbox: Map<Id, OutboxEntry> = this.records('outbox');
  /** `<scope>\u0000<clientId>` → message id, for idempotent sends. */
  readonly clientIds: Map<string, Id> = this.records('clientId');
  /** mail-in: each mailbox's IMAP sync position (UIDVALIDITY, last UID), by mailbox id. */
  readonly mailSync: Map<string, MailSyncState> = this.records('mailSync');
  /** mail-in: where an inbound (or blocked) message came from and its raw source, by message id. */
  readonly mailSources: Map<Id, InboundSource> = this.records('mailSource');
  readonly objectUrls: string[] = [];

  private readonly draftRevisions: Map<string, number> = this.records('draftRevision');
  private readonly contactByEmail = new Map<string, Id>();
  private readonly visitorByDevice = new Map<string, Id>();
  private readonly rfcIndex = new Map<string, Id>();
  private readonly interactionsByConversation = new Map<Id, Interaction[]>();
  private readonly timelines = new Map<Id, Message[]>();
  private readonly conversationsByContact = new Map<Id, Set<Id>>();
  private readonly conversationByVisitor = new Map<Id, Id>();
  /** conversation → agent id → number of outbound messages written (the `mine` filter). */
  private readonly writers = new Map<Id, Map<Id, number>>();
  /** Addresses seen in To/CC (recipient suggestions beyond contacts): address → display name. */
  readonly knownAddresses = new Map<string, string>();

  readonly hub: EventHub;
  /** What each agent is doing on which case (collision hint); live only, never persisted. */
  readonly caseActivity = new Map<Id, { conversationId: Id; activity: CaseActivity }>();
  readonly inbox = new InboxOrder(() => this.conversations.values());
  readonly ids = new IdSource();
  fault: 'offline' | 'unavailable' | null = null;
  disposed = false;
  private maxNumber = 0;
  private firstCampaignId: Id | undefined;

  constructor(
    readonly options: StoreOptions,
    hooks: (store: Store) => PresenceHooks,
  ) {
    this.journal.attach(options.persistence);
    this.hub = new EventHub(hooks(this));
  }

  private records<V>(kind: RecordKind): Map<string, V> {
    const map = new RecordMap<string, V>(this.journal, kind);
    this.recordMaps[kind] = map as Map<string, unknown>;
    return map;
  }

  now(): Date {
    return this.options.now();
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  newId(prefix: string): Id {
    this.journal.touch('counter', 'ids');
    return this.ids.next(
      prefix,
      (id) =>
        this.messages.has(id) ||
        this.conversations.has(id) ||
        this.interactions.has(id) ||
        this.contacts.has(id) ||
        this.visitors.has(id) ||
        this.uploads.has(id) ||
        this.quickReplies.has(id),
    );
  }

  // ---- persistence ---------------------------------------------------------------------------

  /** A stored record was changed in place: it is written when the unit of work ends. */
  touch(kind: RecordKind, key: string): void {
    this.journal.touch(kind, key);
  }

  /**
   * Writes what the current unit of work changed, in one transaction. When the `RecordStore`
   * refuses, the changes stay journaled (the next flush retries them), the cause is reported
   * (it names server paths, so it stays in the server's log) and the call fails with
   * `unavailable`: memory already holds the change, the disk does not yet.
   */
  flush(): void {
    try {
      this.persist();
    } catch (error) {
      reportError(error);
      throw new AdapterError('unavailable', 'The change could not be saved; try again.');
    }
  }

  /** `flush` that lets the `RecordStore`'s own error through (startup: the operator reads it). */
  persist(): void {
    this.journal.flush((kind, key) => this.persistedValue(kind, key));
  }

  /**
   * Runs a synchronous unit of work and writes what it changed, also when it throws (see `run`
   * in `call.ts`): its own error wins over a failed write.
   */
  unit<T>(work: () => T): T {
    let result: T;
    try {
      result = work();
    } catch (error) {
      try {
        this.flush();
      } catch {
        // reported by `flush`; the work's own error is the answer
      }
      throw error;
    }
    this.flush();
    return result;
  }

  /**
   * Runs a unit of work nobody awaits (a timer, a presence change) and writes its changes. Its
   * errors, and a failed write, are reported: there is no caller to tell.
   */
  background(work: () => void): void {
    try {
      work();
    } catch (error) {
      reportError(error);
    }
    try {
      this.flush();
    } catch {
      // reported by `flush`; the changes stay journaled for the next one
    }
  }

  /** The value `flush` writes for a record: plain data, without run-time fields. */
  private persistedValue(kind: RecordKind, key: string): unknown {
    if (kind === 'counter') return key === 'ids' ? this.ids.last : undefined;
    const value = this.recordMaps[kind]?.get(key);
    if (kind === 'outbox' && value !== undefined) {
      const { timer: _timer, ...entry } = value as OutboxEntry;
      return entry;
    }
    return value;
  }

  /**
   * Loads records read back from a `RecordStore` into this (empty) store without journaling them,
   * and rebuilds every index. Records of a kind arrive in their first-write order, which is the
   * order of the maps that wrote them, so iteration order survives a restart.
   */
  restore(records: Iterable<StoredRecord>): void {
    const byKind = new Map<RecordKind, StoredRecord[]>();
    for (const record of records) {
      if (!this.recordMaps[record.kind] && record.kind !== 'counter')
        throw new Error(`Unknown record kind ${String(record.kind)} (key ${record.key}).`);
      let list = byKind.get(record.kind);
      if (!list) byKind.set(record.kind, (list = []));
      list.push(record);
    }
    const values = <T>(kind: RecordKind) => (byKind.get(kind) ?? []).map((r) => r.value as T);
    const fill = (kind: RecordKind) => {
      const map = this.recordMaps[kind]!;
      for (const r of byKind.get(kind) ?? []) map.set(r.key, r.value);
    };
    this.journal.quietly(() => {
      for (const r of byKind.get('counter') ?? [])
        if (r.key === 'ids') this.ids.resume(r.value as number);
      // Before the drafts: `setDraft` then updates these entries in place, keeping their order.
      fill('draftRevision');
      this.loadOwned({
        agents: values('agent'),
        campaigns: values('campaign'),
        contacts: values('contact'),
        conversations: values('conversation'),
        interactions: values('interaction'),
        messages: values('message'),
        drafts: values('draft'),
        quickReplies: values('quickReply'),
        blockList: values('blockList'),
        visitors: values('visitor'),
      });
      for (const kind of ['blockedMail', 'upload', 'outbox', 'clientId'] as const) fill(kind);
      for (const kind of ['mailSync', 'mailSource'] as const) fill(kind);
    });
  }

  // ---- loading -------------------------------------------------------------------------------

  /** Merges records (upsert by id; block list by address; drafts by key). */
  load(input: Partial<SeedData>): void {
    this.loadOwned(copy(input));
  }

  /** `load` of records nobody else holds (no copy). */
  private loadOwned(data: Partial<SeedData>): void {
    for (const a of data.agents ?? []) this.agents.set(a.id, a);
    for (const c of data.campaigns ?? []) {
      this.campaigns.set(c.id, c);
      this.firstCampaignId ??= c.id;
    }
    for (const c of data.contacts ?? []) this.putContact(c);
    if (data.conversations?.length) this.inbox.invalidate();
    for (const c of data.conversations ?? []) this.putConversation(c);
    const conversations = new Set<Id>();
    for (const i of data.interactions ?? []) {
      this.putInteraction(i, false);
      conversations.add(i.conversationId);
    }
    for (const id of conversations) this.interactionsByConversation.get(id)?.sort(byStart);
    const touched = new Set<Id>();
    for (const m of data.messages ?? []) {
      this.putMessage(m, false);
      touched.add(m.interactionId);
    }
    for (const id of touched) {
      this.timelines.get(id)?.sort(byRegistration);
      this.refreshInteraction(id);
    }
    for (const d of data.drafts ?? []) this.setDraft(d);
    for (const q of data.quickReplies ?? []) this.quickReplies.set(q.id, q);
    for (const b of data.blockList ?? []) this.blockList.set(b.address, b);
    for (const v of data.visitors ?? []) this.putVisitor(v);
  }

  // ---- lookups (throwing not-found) ----------------------------------------------------------

  conversation(id: Id): Conversation {
    const c = this.conversations.get(id);
    if (!c) throw new AdapterError('not-found', `No conversation ${id}.`);
    return c;
  }

  interaction(id: Id): Interaction {
    const i = this.interactions.get(id);
    if (!i) throw new AdapterError('not-found', `No interaction ${id}.`);
    return i;
  }

  message(id: Id): Message {
    const m = this.messages.get(id);
    if (!m) throw new AdapterError('not-found', `No message ${id}.`);
    return m;
  }

  contact(id: Id): Contact {
    const c = this.contacts.get(id);
    if (!c) throw new AdapterError('not-found', `No contact ${id}.`);
    return c;
  }

  // ---- campaigns -----------------------------------------------------------------------------

  campaignRecord(id: Id | undefined): CampaignRecord {
    return (id && this.campaigns.get(id)) || this.defaultCampaign();
  }

  /** The campaign of a conversation (`not-found` for an unknown conversation). */
  campaignOfConversation(conversationId: Id): CampaignRecord {
    return this.campaignRecord(this.conversation(conversationId).campaignId);
  }

  defaultCampaign(): CampaignRecord {
    const c = this.firstCampaignId && this.campaigns.get(this.firstCampaignId);
    if (!c) throw new AdapterError('unavailable', 'The backend has no campaign.');
    return c;
  }

  /** The campaign new website visitors chat in. */
  chatCampaign(): CampaignRecord {
    for (const c of this.campaigns.values()) if (c.chatWidget) return c;
    return this.defaultCampaign();
  }

  /** The settings agents see, with the backend's undo-window override applied. */
  settings(record: CampaignRecord): CampaignSettings {
    const { requireEmailWhenOffline: _r, chatWidget: _c, ...settings } = record;
    const override = this.options.undoSendSeconds;
    return override === undefined ? settings : { ...settings, undoSendSeconds: override };
  }

  // ---- contacts ------------------------------------------------------------------------------

  contactByAddress(address: string): Contact | undefined {
    const id = this.contactByEmail.get(normalizeAddress(address));
    return id === undefined ? undefined : this.contacts.get(id);
  }

  /** Inserts or replaces a contact and re-indexes its addresses. */
  putContact(contact: Contact): void {
    const old = this.contacts.get(contact.id);
    for (const e of old?.emails ?? [])
      if (this.contactByEmail.get(e) === contact.id) this.contactByEmail.delete(e);
    contact.emails = contact.emails.map(normalizeAddress);
    this.contacts.set(contact.id, contact);
    for (const e of contact.emails) this.contactByEmail.set(e, contact.id);
  }

  conversationsOfContact(contactId: Id): Conversation[] {
    const ids = this.conversationsByContact.get(contactId) ?? new Set<Id>();
    return [...ids].flatMap((id) => this.conversations.get(id) ?? []);
  }

  // ---- conversations and interactions -------------------------------------------------------

  putConversation(c: Conversation): void {
    const old = this.conversations.get(c.id);
    if (old) this.conversationsByContact.get(old.contactId)?.delete(c.id);
    if (!old) this.inbox.add(c);
    else if (old !== c) this.inbox.invalidate();
    this.conversations.set(c.id, c);
    let set = this.conversationsByContact.get(c.contactId);
    if (!set) this.conversationsByContact.set(c.contactId, (set = new Set()));
    set.add(c.id);
    if (c.visitorId) this.conversationByVisitor.set(c.visitorId, c.id);
    this.maxNumber = Math.max(this.maxNumber, c.number);
    if (!this.interactionsByConversation.has(c.id)) this.interactionsByConversation.set(c.id, []);
  }

  /** Moves a conversation to another contact (a visitor identified as a known contact). */
  setConversationContact(c: Conversation, contactId: Id): void {
    this.conversationsByContact.get(c.contactId)?.delete(c.id);
    c.contactId = contactId;
    this.putConversation(c);
  }

  nextNumber(): number {
    return this.maxNumber + 1;
  }

  conversationOfVisitor(visitorId: Id): Conversation | undefined {
    const id = this.conversationByVisitor.get(visitorId);
    return id === undefined ? undefined : this.conversations.get(id);
  }

  /** Stores an interaction; `sorted` keeps its conversation's list in order (bulk loads sort once). */
  putInteraction(i: Interaction, sorted = true): void {
    const old = this.interactions.get(i.id);
    if (old) this.unlistInteraction(old);
    const list = this.interactionsByConversation.get(i.conversationId) ?? [];
    this.interactionsByConversation.set(i.conversationId, list);
    list.push(i);
    if (sorted) list.sort(byStart);
    this.interactions.set(i.id, i);
    if (!this.timelines.has(i.id)) this.timelines.set(i.id, []);
  }

  removeInteraction(i: Interaction): void {
    this.unlistInteraction(i);
    this.interactions.delete(i.id);
    this.timelines.delete(i.id);
  }

  /** Takes an interaction out of its conversation's list. */
  private unlistInteraction(i: Interaction): void {
    const list = this.interactionsByConversation.get(i.conversationId);
    const at = list?.indexOf(i) ?? -1;
    if (list && at !== -1) list.splice(at, 1);
  }

  /** Interactions of a conversation, oldest first. */
  interactionsOf(conversationId: Id): Interaction[] {
    return this.interactionsByConversation.get(conversationId) ?? [];
  }

  // ---- messages ------------------------------------------------------------------------------

  /** Listed (non-cancelled) messages of an interaction, in order. */
  timeline(interactionId: Id): Message[] {
    return this.timelines.get(interactionId) ?? [];
  }

  messageByRfcId(messageId: string): Message | undefined {
    const id = this.rfcIndex.get(bareMessageId(messageId));
    return id === undefined ? undefined : this.messages.get(id);
  }

  /**
   * Stores a message and its indexes. `sorted` inserts it in place (run time); bulk loads append
   * and sort once afterwards.
   */
  putMessage(m: Message, sorted = true): void {
    const old = this.messages.get(m.id);
    if (old) this.dropFromTimeline(old);
    this.messages.set(m.id, m);
    if (m.messageId) this.rfcIndex.set(m.messageId, m.id);
    for (const r of [...m.to, ...m.cc])
      if (!this.knownAddresses.has(r.address)) this.knownAddresses.set(r.address, r.name ?? '');
    if (m.status === 'cancelled') return;
    if (isAgentMessage(m)) this.countWriter(m, 1);
    let list = this.timelines.get(m.interactionId);
    if (!list) this.timelines.set(m.interactionId, (list = []));
    if (!sorted) list.push(m);
    else {
      let at = list.length;
      while (at > 0 && byRegistration(list[at - 1]!, m) > 0) at--;
      list.splice(at, 0, m);
      this.refreshInteraction(m.interactionId);
    }
  }

  /** Takes a cancelled message out of its interaction's timeline. */
  dropFromTimeline(m: Message): void {
    const list = this.timelines.get(m.interactionId);
    const at = list?.indexOf(m) ?? -1;
    if (!list || at === -1) return;
    list.splice(at, 1);
    if (isAgentMessage(m)) this.countWriter(m, -1);
    this.refreshInteraction(m.interactionId);
  }

  private countWriter(m: Message, delta: number): void {
    let byAgent = this.writers.get(m.conversationId);
    if (!byAgent) this.writers.set(m.conversationId, (byAgent = new Map()));
    const agentId = m.from.id!;
    const n = (byAgent.get(agentId) ?? 0) + delta;
    if (n > 0) byAgent.set(agentId, n);
    else byAgent.delete(agentId);
  }

  wroteIn(conversationId: Id, agentId: Id): boolean {
    return this.writers.get(conversationId)?.has(agentId) ?? false;
  }

  /** Recomputes an interaction's derived fields from its timeline. */
  refreshInteraction(interactionId: Id): void {
    const i = this.interactions.get(interactionId);
    if (!i) return;
    const list = this.timeline(interactionId);
    const lastMessageAt = list[list.length - 1]?.registeredAt ?? i.startedAt;
    if (i.messageCount === list.length && i.lastMessageAt === lastMessageAt) return;
    i.messageCount = list.length;
    i.lastMessageAt = lastMessageAt;
    this.touch('interaction', i.id);
  }

  /** The newest listed message of a conversation, or of one of its channels. */
  lastMessageOf(conversationId: Id, channel?: Channel): Message | undefined {
    let last: Message | undefined;
    for (const i of this.interactionsOf(conversationId)) {
      if (channel !== undefined && i.channel !== channel) continue;
      const list = this.timeline(i.id);
      const m = list[list.length - 1];
      if (m && (!last || byRegistration(m, last) > 0)) last = m;
    }
    return last;
  }

  /** Every listed message of a conversation, in order. */
  messagesOf(conversationId: Id): Message[] {
    return this.interactionsOf(conversationId)
      .flatMap((i) => this.timeline(i.id))
      .sort(byRegistration);
  }

  // ---- drafts --------------------------------------------------------------------------------

  draft(key: DraftKey): Draft | undefined {
    return this.drafts.get(draftKey(key));
  }

  setDraft(d: Draft): void {
    const key = draftKey(d);
    this.drafts.set(key, d);
    this.draftRevisions.set(key, d.revision);
  }

  /** The last revision the draft of a key had, even after it was deleted. */
  lastDraftRevision(key: DraftKey): number {
    return this.draftRevisions.get(draftKey(key)) ?? 0;
  }

  deleteDraft(key: DraftKey): boolean {
    return this.drafts.delete(draftKey(key));
  }

  // ---- visitors ------------------------------------------------------------------------------

  putVisitor(v: VisitorRecord): void {
    this.visitors.set(v.id, v);
    this.visitorByDevice.set(v.deviceId, v.id);
  }

  visitorOfDevice(deviceId: string): VisitorRecord | undefined {
    const id = this.visitorByDevice.get(deviceId);
    return id === undefined ? undefined : this.visitors.get(id);
  }
}

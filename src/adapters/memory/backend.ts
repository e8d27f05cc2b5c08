import {
  AdapterError,
  type AgentAdapter,
  type AgentEvent,
  type Unsubscribe,
  type VisitorAdapter,
} from '../adapter.js';
import type { AgentRole, Attachment, Id, InboundMail, Message } from '../../model/index.js';
import { MemoryAgentAdapter } from './agent-adapter.js';
import {
  drainDeliveries,
  useDelivery,
  type DeliverHook,
  type DeliveryRetry,
} from './operations/delivery.js';
import { mailInbox, receiveEmail, type MailInbox } from './operations/inbound.js';
import { resumeScheduled } from './operations/sending.js';
import { registerStoredFile, type StoredFile } from './operations/uploads.js';
import {
  agentsPresenceChanged,
  campaignOfVisitor,
  visitorOfDevice,
  visitorPresenceChanged,
} from './operations/visitors.js';
import type { RecordStore } from './persistence.js';
import { createSeedData } from './seed/seed-data.js';
import type { SeedData } from './seed/types.js';
import { Store } from './store.js';
import { MemoryVisitorAdapter } from './visitor-adapter.js';
import { refuseWhenDown } from './call.js';
import { agentLeft } from './operations/viewers.js';
import { copy } from './copy.js';

export interface MemoryBackendOptions {
  /** The records to start from; default `createSeedData()`. */
  seed?: SeedData;
  /** Overrides every campaign's undo window, in seconds (fractions allowed). */
  undoSendSeconds?: number;
  /** Artificial delay of every call, so stories show loading states; default 0. */
  latencyMs?: number;
  /** The clock; default `() => new Date()`. */
  now?: () => Date;
  /**
   * Makes the backend durable (see `persistence.ts`). On creation it loads every record from it
   * and ignores `seed`, unless it is empty: then it loads `seed` and writes all of it in one
   * transaction (a first run seeds the demo data). Sends still inside their undo window are
   * re-armed; those whose window ended meanwhile commit at once. Every call, timer and inbound
   * mail then writes what it changed when it ends. The caller owns the `RecordStore`: `dispose`
   * does not close it.
   */
  persistence?: RecordStore;
  /**
   * The URL an uploaded file is served at, by attachment id (a server passes its file route).
   * Default: a `blob:` URL of the uploaded data where the runtime has one, else
   * `memory:upload/<id>`.
   */
  fileUrl?: (id: Id) => string;
  /**
   * Verifies the `identityHash` a host page passes to `identify` (a server holding the host's
   * secret). Without it a hash proves nothing and is ignored; with it a hash that does not verify
   * is refused (`invalid`, field `identityHash`) and one that does marks the visitor
   * `identityVerified`.
   */
  verifyIdentity?: (identity: { email: string; identityHash: string; campaignId: Id }) => boolean;
  /**
   * Delivers committed emails (a server's SMTP, or its record of sent mail; see
   * `operations/delivery.ts`). Without it an email is `sent` as soon as its undo window ends.
   * With it the message is claimed (`sending`, written) first, then handed to `deliver`; a
   * rejection is retried (`deliveryRetry`) and ends `failed` with the reason in `error`. After a
   * restart, messages still `sending` are delivered again with the same Message-ID. Chat messages
   * never go through it.
   */
  deliver?: DeliverHook;
  /** Attempts and backoff of `deliver`; default 5 attempts, 2^n seconds apart. */
  deliveryRetry?: Partial<DeliveryRetry>;
}

/** A file a server received, checked by content and stored itself; see `registerUpload`. */
export interface RegisteredUpload extends StoredFile {
  /**
   * Who uploaded it: an agent (then any agent may attach it) or a visitor's device (then only
   * that visitor may).
   */
  uploader: { kind: 'agent'; agentId: Id } | { kind: 'visitor'; deviceId: string };
  /** For agents: the case whose campaign's limits apply (default campaign otherwise). */
  conversationId?: Id;
}

/** One in-memory backend shared by any number of agent and visitor adapters. */
export interface MemoryBackend {
  /** Signed in as the seed's first agent with that role, or as the agent with that id. */
  agent(who: AgentRole | Id): AgentAdapter;
  /** The visitor of a device; the same id is the same visitor (history per device). */
  visitor(deviceId: string): VisitorAdapter;
  /**
   * Every agent event, without making any agent online (a server fanning events out to its
   * agents' sockets; each agent is made online by their own `agent(id).subscribe`).
   */
  observeAgents(listener: (event: AgentEvent) => void): Unsubscribe;
  /** The inbound mail pipeline; resolves with the stored message, or `null` when blocked. */
  receiveEmail(mail: InboundMail): Promise<Message | null>;
  /** The server's mail-in side: batches, duplicate checks, IMAP sync positions (F-6.4). */
  readonly mailIn: MailInbox;
  /** Every adapter call rejects with that retryable error until called with `null`. */
  fault(kind: 'offline' | 'unavailable' | null): void;
  /** Merges more records (generators, fixtures); persisted when the backend is durable. */
  load(data: Partial<SeedData>): void;
  /**
   * Registers a file the caller already holds — a server that received an upload, checked its
   * content and size, and stores the bytes itself — so that `send` accepts its attachment id.
   * The campaign's limits apply as in `upload` (`too-large`, `unsupported-type`, `invalid`); the
   * URL comes from `fileUrl`. `place` runs with the new attachment before it is registered (move
   * the file to where its id is served); if it throws, nothing is registered and the error
   * propagates. Synchronous, and written to the persistence before it returns.
   */
  registerUpload(file: RegisteredUpload, place?: (attachment: Attachment) => void): Attachment;
  /** Clears timers and subscribers; later calls reject with `unavailable`. */
  dispose(): void;
  /**
   * After `dispose`: waits until the deliveries in flight settle and their outcome is written, at
   * most `timeoutMs`; later outcomes are dropped (the message stays `sending` and is delivered
   * again on the next start). Resolves `true` when none was left in flight. Then the caller may
   * close the persistence.
   */
  drainDeliveries(timeoutMs: number): Promise<boolean>;
}

const ROLES: readonly string[] = ['agent', 'supervisor', 'coordinator'];

function deviceIdOf(deviceId: unknown): string {
  if (typeof deviceId !== 'string' || deviceId === '')
    throw new AdapterError('invalid', 'A device id is required.');
  return deviceId;
}

/** `MemoryBackend.registerUpload`: who may use the file, and whose campaign limits apply. */
function registerUpload(
  store: Store,
  file: RegisteredUpload,
  place: ((attachment: Attachment) => void) | undefined,
): Attachment {
  const uploader = file?.uploader;
  if (uploader?.kind === 'visitor') {
    const v = visitorOfDevice(store, deviceIdOf(uploader.deviceId));
    const owner = { kind: 'visitor', visitorId: v.id } as const;
    return registerStoredFile(store, file, campaignOfVisitor(store, v), owner, place);
  }
  if (uploader?.kind !== 'agent') {
    throw new AdapterError('invalid', 'The uploader is an agent or a visitor device.', {
      field: 'uploader',
    });
  }
  if (!store.agents.has(uploader.agentId))
    throw new AdapterError('forbidden', `Agent ${String(uploader.agentId)} does not exist.`);
  const campaign =
    file.conversationId === undefined
      ? store.defaultCampaign()
      : store.campaignOfConversation(file.conversationId);
  return registerStoredFile(store, file, campaign, { kind: 'agents' }, place);
}

/**
 * Fills a new store: from the persistence when it holds records, else from the seed (written to
 * the persistence in one transaction); then re-arms the sends still in their undo window.
 */
function start(store: Store, options: MemoryBackendOptions): void {
  const records = options.persistence ? [...options.persistence.loadAll()] : [];
  if (records.length > 0) store.restore(records);
  else store.load(options.seed ?? createSeedData());
  resumeScheduled(store);
  store.persist();
}

export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const store = new Store(
    {
      now: options.now ?? (() => new Date()),
      undoSendSeconds: options.undoSendSeconds,
      latencyMs: options.latencyMs ?? 0,
      persistence: options.persistence,
      fileUrl: options.fileUrl,
      verifyIdentity: options.verifyIdentity,
    },
    (s) => ({
      agentsOnlineChanged: (online) => agentsPresenceChanged(s, online),
      agentOnlineChanged: (agentId, online) => {
        if (!online) agentLeft(s, agentId);
      },
      visitorOnlineChanged: (visitorId, online) =>
        s.background(() => visitorPresenceChanged(s, visitorId, online)),
    }),
  );
  if (options.deliver) useDelivery(store, options.deliver, options.deliveryRetry);
  start(store, options);

  const backend: MemoryBackend = {
    agent(who) {
      const agent =
        store.agents.get(who) ??
        (ROLES.includes(who) ? [...store.agents.values()].find((a) => a.role === who) : undefined);
      if (!agent) throw new AdapterError('not-found', `No agent ${who}.`);
      return new MemoryAgentAdapter(store, agent.id);
    },
    visitor(deviceId) {
      return new MemoryVisitorAdapter(store, deviceIdOf(deviceId));
    },
    observeAgents(listener) {
      return store.hub.subscribeAgent(null, listener);
    },
    async receiveEmail(mail) {
      await Promise.resolve();
      return copy(store.unit(() => receiveEmail(store, mail)));
    },
    mailIn: mailInbox(store, copy),
    fault(kind) {
      store.fault = kind;
    },
    load(data) {
      store.unit(() => store.load(data));
    },
    registerUpload(file, place) {
      refuseWhenDown(store);
      return copy(store.unit(() => registerUpload(store, file, place)));
    },
    dispose() {
      store.disposed = true;
      for (const entry of store.outbox.values())
        if (entry.timer !== undefined) clearTimeout(entry.timer);
      store.hub.clear();
      if (typeof URL !== 'undefined' && typeof URL.revokeObjectURL === 'function') {
        for (const url of store.objectUrls.splice(0)) URL.revokeObjectURL(url);
      }
    },
    drainDeliveries(timeoutMs) {
      return drainDeliveries(store, timeoutMs);
    },
  };
  stores.set(backend, store);
  return backend;
}

const stores = new WeakMap<MemoryBackend, Store>();

/**
 * The store behind a backend, for this package's own tests and tools (reload checks, snapshots);
 * not exported from `index.ts`, and nothing outside the memory adapter may depend on it.
 */
export function storeOf(backend: MemoryBackend): Store {
  const store = stores.get(backend);
  if (!store) throw new Error('Not a memory backend.');
  return store;
}

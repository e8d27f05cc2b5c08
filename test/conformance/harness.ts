import type { AgentAdapter, VisitorAdapter } from '../../src/adapters/adapter.js';
import type { AgentRole, Id, InboundMail, Message } from '../../src/model/index.js';

/**
 * What the suite must know about the seed data (adapters/memory/seed) to test against it. Each
 * harness fills it from its own seed (the memory harness from `SEED_IDS`).
 */
export interface SeedIds {
  /** The seed agents' ids, one per role. */
  agents: Record<AgentRole, Id>;
  /** The seed's main case (seed 000): Jorge Taype, `#6597`. */
  jorge: {
    contactId: Id;
    conversationId: Id;
    address: string;
    number: number;
    /** Open and closed interactions of the case (14 and 2). */
    openInteractions: number;
    closedInteractions: number;
  };
  /** Campaign ids; `es` serves Jorge's case, `en` the English case. */
  campaigns: { es: Id; en: Id };
  /** A case of the English campaign. */
  englishConversationId: Id;
  /** A chat case whose visitor never gave an address. */
  anonymousChatConversationId: Id;
  /** A chat case of a campaign that does not answer chats by email (`chatFallbackToEmail: false`). */
  noEmailFallbackChatConversationId: Id;
  /** The seed's block list: one address and one `@domain`. */
  blocked: { address: string; domain: string };
  /** Devices of seeded visitors that already have a conversation and history. */
  visitorDeviceIds: string[];
  /** Some seeded quick replies. */
  quickReplyIds: Id[];
}

/**
 * What the conformance suite needs from an implementation under test. The memory adapter, the
 * HTTP adapter over msw and the HTTP adapter over the real server each provide one.
 */
export interface ConformanceHarness {
  /** Human name used in test titles (`memory`, `http+msw`, `http+server`). */
  name: string;
  /**
   * A fresh backend holding the deterministic seed data (`SEED` in adapters/memory/seed), with
   * every campaign's undo window set to `undoSendSeconds` (fractions allowed; default 0.3).
   */
  setup(options?: { undoSendSeconds?: number }): Promise<ConformanceBackend>;
}

export interface ConformanceBackend {
  /** Ids of the seed data this backend holds. */
  ids: SeedIds;
  /** An agent adapter signed in as the seed's agent with that role. */
  agent(role: AgentRole): AgentAdapter;
  /** A visitor adapter for a device; the same id is the same visitor (history per device). */
  visitor(deviceId: string): VisitorAdapter;
  /**
   * Delivers an inbound email as the mail pipeline would (threading by In-Reply-To/References,
   * then subject + contact; unknown senders create a contact and a case; blocked senders are
   * stored as blocked and never reach the inbox). Resolves with the stored message, or `null`
   * when the sender is blocked.
   */
  receiveEmail(mail: InboundMail): Promise<Message | null>;
  /** Makes every call fail with `offline` or `unavailable` until called again with `null`. */
  fault(kind: 'offline' | 'unavailable' | null): void;
  /**
   * Resolves once every live subscription opened so far is live (a WebSocket connected and
   * acknowledged) and every event already emitted has been delivered. Optional: without it the
   * suite waits one macrotask. Transports with asynchronous subscriptions must provide it, or
   * events emitted right after `subscribe` could be missed.
   */
  settle?(): Promise<void>;
  teardown(): Promise<void>;
}

/** The test API the suite is written against, so it runs under mocha (browser) and node:test. */
export interface TestApi {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void> | void) => void;
  beforeEach: (fn: () => Promise<void> | void) => void;
  afterEach: (fn: () => Promise<void> | void) => void;
}

/**
 * The seed ids the conformance suite needs, for harnesses whose backend holds the memory seed
 * (`createSeedData()`): msw over a memory backend, and the reference server seeded alike.
 */
import { SEED_IDS } from '../../src/adapters/memory/index.js';
import type { SeedIds } from './harness.js';

export const seedIds: SeedIds = {
  agents: { ...SEED_IDS.agents },
  jorge: {
    contactId: SEED_IDS.jorge.contactId,
    conversationId: SEED_IDS.jorge.conversationId,
    address: SEED_IDS.jorge.address,
    number: SEED_IDS.jorge.number,
    openInteractions: 14,
    closedInteractions: 2,
  },
  campaigns: { ...SEED_IDS.campaigns },
  englishConversationId: SEED_IDS.english.conversationId,
  anonymousChatConversationId: SEED_IDS.anonymousChat.conversationId,
  noEmailFallbackChatConversationId: SEED_IDS.englishChat.conversationId,
  blocked: { ...SEED_IDS.blocked },
  visitorDeviceIds: Object.values(SEED_IDS.visitors),
  quickReplyIds: Object.values(SEED_IDS.quickReplies),
};

/** A `Storage` in memory: one per simulated browser. */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, String(value)),
    removeItem: (key) => void items.delete(key),
  };
}

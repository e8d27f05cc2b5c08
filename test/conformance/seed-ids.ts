/**
 * The seed ids the conformance suite needs, for every harness whose backend holds the memory seed
 * (`createSeedData()`): the memory backend (plain or durable), msw over one, and the reference
 * server seeded alike.
 */
import { visitorStorageKey, type DeviceStorage } from '../../src/adapters/http/index.js';
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

/**
 * One simulated browser (its storage) per device id, for an HTTP harness: the same id is the same
 * browser, so the same visitor. Seeded devices exist already, so their browser starts with the
 * token the server issued them (`tokenFor`); new ones register through `sessionRoutes.device`.
 */
export function browsersFor(
  baseUrl: string,
  campaignId: string,
  tokenFor: (deviceId: string) => string,
): (deviceId: string) => DeviceStorage {
  const seeded = new Set(seedIds.visitorDeviceIds);
  const browsers = new Map<string, DeviceStorage>();
  return (deviceId) => {
    let storage = browsers.get(deviceId);
    if (!storage) {
      storage = memoryStorage();
      if (seeded.has(deviceId)) {
        const token = tokenFor(deviceId);
        storage.setItem(
          visitorStorageKey(baseUrl, campaignId),
          JSON.stringify({ token, deviceId }),
        );
      }
      browsers.set(deviceId, storage);
    }
    return storage;
  };
}

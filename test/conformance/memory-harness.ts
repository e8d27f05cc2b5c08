/** The conformance harness for the memory adapter, shared by the Node and browser runs. */
import { createMemoryBackend, SEED_IDS } from '../../src/adapters/memory/index.js';
import type { ConformanceHarness, SeedIds } from './harness.js';

const ids: SeedIds = {
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

export const memory: ConformanceHarness = {
  name: 'memory',
  async setup({ undoSendSeconds = 0.3 } = {}) {
    const backend = createMemoryBackend({ undoSendSeconds });
    return {
      ids,
      agent: (role) => backend.agent(role),
      visitor: (deviceId) => backend.visitor(deviceId),
      receiveEmail: (mail) => backend.receiveEmail(mail),
      fault: (kind) => backend.fault(kind),
      async teardown() {
        backend.dispose();
      },
    };
  },
};

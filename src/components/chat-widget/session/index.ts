export {
  ChatSession,
  type ChatDelivery,
  type ChatMessage,
  type ChatSessionOptions,
  type ChatState,
  type ChatStatus,
} from './chat-session.js';
export type { OutboxEntry, SendFailure } from './outbox.js';
export { storedHistoryHint, storageKeys, type SessionStorage } from './storage.js';

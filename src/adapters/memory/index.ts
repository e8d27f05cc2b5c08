/**
 * The in-memory backend (F-6.2): complete `AgentAdapter` and `VisitorAdapter` implementations
 * over deterministic seed data, for Storybook, the demo and tests. Pure TypeScript; runs in
 * browsers and Node.
 *
 * ```ts
 * const backend = createMemoryBackend({ latencyMs: 300 });
 * const agent = backend.agent('agent');
 * const visitor = backend.visitor(SEED_IDS.visitors.anonymous);
 * ```
 */
export {
  createMemoryBackend,
  type MemoryBackend,
  type MemoryBackendOptions,
  type RegisteredUpload,
} from './backend.js';
export {
  RECORD_KINDS,
  type RecordChange,
  type RecordKind,
  type RecordStore,
  type StoredRecord,
} from './persistence.js';
export type {
  DeliverHook,
  DeliveryContext,
  DeliveryReceipt,
  DeliveryRetry,
} from './operations/delivery.js';
export { createSeedData, type SeedOptions } from './seed/seed-data.js';
export { SEED_IDS } from './seed/seed-ids.js';
export type { CampaignRecord, SeedData, VisitorRecord } from './seed/types.js';
export { generateConversations, generateLargeCase } from './seed/generate.js';

import { AdapterError, type AgentAdapter, type VisitorAdapter } from '../adapter.js';
import type { AgentRole, Id, InboundMail, Message } from '../../model/index.js';
import { MemoryAgentAdapter } from './agent-adapter.js';
import { receiveEmail } from './operations/inbound.js';
import { agentsPresenceChanged, visitorPresenceChanged } from './operations/visitors.js';
import { createSeedData } from './seed/seed-data.js';
import type { SeedData } from './seed/types.js';
import { Store } from './store.js';
import { MemoryVisitorAdapter } from './visitor-adapter.js';
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
}

/** One in-memory backend shared by any number of agent and visitor adapters. */
export interface MemoryBackend {
  /** Signed in as the seed's first agent with that role, or as the agent with that id. */
  agent(who: AgentRole | Id): AgentAdapter;
  /** The visitor of a device; the same id is the same visitor (history per device). */
  visitor(deviceId: string): VisitorAdapter;
  /** The inbound mail pipeline; resolves with the stored message, or `null` when blocked. */
  receiveEmail(mail: InboundMail): Promise<Message | null>;
  /** Every adapter call rejects with that retryable error until called with `null`. */
  fault(kind: 'offline' | 'unavailable' | null): void;
  /** Merges more records (generators, fixtures). */
  load(data: Partial<SeedData>): void;
  /** Clears timers and subscribers; later calls reject with `unavailable`. */
  dispose(): void;
}

const ROLES: readonly string[] = ['agent', 'supervisor', 'coordinator'];

export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const store = new Store(
    {
      now: options.now ?? (() => new Date()),
      undoSendSeconds: options.undoSendSeconds,
      latencyMs: options.latencyMs ?? 0,
    },
    (s) => ({
      agentsOnlineChanged: (online) => agentsPresenceChanged(s, online),
      visitorOnlineChanged: (visitorId, online) => visitorPresenceChanged(s, visitorId, online),
    }),
  );
  store.load(options.seed ?? createSeedData());

  return {
    agent(who) {
      const agent =
        store.agents.get(who) ??
        (ROLES.includes(who) ? [...store.agents.values()].find((a) => a.role === who) : undefined);
      if (!agent) throw new AdapterError('not-found', `No agent ${who}.`);
      return new MemoryAgentAdapter(store, agent.id);
    },
    visitor(deviceId) {
      if (typeof deviceId !== 'string' || deviceId === '')
        throw new AdapterError('invalid', 'A device id is required.');
      return new MemoryVisitorAdapter(store, deviceId);
    },
    async receiveEmail(mail) {
      await Promise.resolve();
      return copy(receiveEmail(store, mail));
    },
    fault(kind) {
      store.fault = kind;
    },
    load(data) {
      store.load(data);
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
  };
}

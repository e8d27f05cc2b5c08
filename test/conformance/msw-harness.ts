/**
 * The conformance harness for the HTTP adapter over the msw handlers, in the browser: every call
 * crosses fetch → service worker → handlers → memory backend, and live events a mocked
 * WebSocket. Backend hooks that are not adapter calls (inbound mail, faults) reach the memory
 * backend directly: it lives in the same page.
 */
import {
  createHttpAgentAdapter,
  createHttpVisitorAdapter,
  loginAgent,
  type HttpAgentAdapter,
  type HttpVisitorAdapter,
} from '../../src/adapters/http/index.js';
import { createMemoryBackend } from '../../src/adapters/memory/index.js';
import { AGENTS } from '../../src/adapters/memory/seed/people.js';
import { createMswHandlers, DEMO_PASSWORD } from '../../src/adapters/msw/index.js';
import type { AgentRole } from '../../src/model/index.js';
import type { ConformanceHarness } from './harness.js';
import { browsersFor, seedIds } from './seed-ids.js';
import { releaseHandlers, uniqueBaseUrl, useHandlers } from './msw-worker.js';

const ROLES: readonly AgentRole[] = ['agent', 'supervisor', 'coordinator'];

export const mswHarness: ConformanceHarness = {
  name: 'http+msw',
  async setup({ undoSendSeconds = 0.3 } = {}) {
    const backend = createMemoryBackend({ undoSendSeconds });
    const baseUrl = uniqueBaseUrl();
    const mock = createMswHandlers(backend, { baseUrl });
    await useHandlers(mock);

    const tokens = new Map<AgentRole, string>();
    for (const role of ROLES) {
      const email = AGENTS.find((a) => a.role === role)!.email;
      tokens.set(role, (await loginAgent(baseUrl, email, DEMO_PASSWORD)).token);
    }
    // The widget's campaign; a device's token is kept per (server, campaign).
    const campaignId = seedIds.campaigns.es;
    const browserOf = browsersFor(baseUrl, campaignId, (id) => mock.deviceToken(id));
    const adapters: Array<HttpAgentAdapter | HttpVisitorAdapter> = [];

    return {
      ids: seedIds,
      agent(role) {
        const adapter = createHttpAgentAdapter({ baseUrl, token: tokens.get(role)! });
        adapters.push(adapter);
        return adapter;
      },
      visitor(deviceId) {
        const adapter = createHttpVisitorAdapter({
          baseUrl,
          campaignId,
          storage: browserOf(deviceId),
        });
        adapters.push(adapter);
        return adapter;
      },
      receiveEmail: (mail) => backend.receiveEmail(mail),
      fault: (kind) => backend.fault(kind),
      async settle() {
        await Promise.all(adapters.map((a) => a.settle()));
      },
      async teardown() {
        for (const adapter of adapters) adapter.close();
        mock.dispose();
        await releaseHandlers(mock);
        backend.dispose();
      },
    };
  },
};

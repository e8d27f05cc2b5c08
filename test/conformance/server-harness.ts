/**
 * The conformance harness for the HTTP adapter over the real reference server: Fastify listening
 * on a loopback port, the domain persisted to a temp SQLite file, live events over real
 * WebSockets (the `ws` package: Node 20 has no global WebSocket). Hooks that are not adapter
 * calls (inbound mail, faults) reach the server's backend directly: it runs in this process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import {
  createHttpAgentAdapter,
  createHttpVisitorAdapter,
  type HttpAgentAdapter,
  type HttpVisitorAdapter,
} from '../../src/adapters/http/index.js';
import { DEFAULT_CONFIG, startServer } from '../../src/adapters/node/index.js';
import type { AgentRole } from '../../src/model/index.js';
import type { ConformanceHarness } from './harness.js';
import { browsersFor, seedIds } from './seed-ids.js';

const Socket = WebSocket as unknown as typeof globalThis.WebSocket;

export const serverHarness: ConformanceHarness = {
  name: 'http+server',
  async setup({ undoSendSeconds = 0.3 } = {}) {
    const dataDir = await mkdtemp(join(tmpdir(), 'atento-conformance-'));
    const server = await startServer({
      ...DEFAULT_CONFIG,
      port: 0,
      dataDir,
      logLevel: 'silent',
      undoSendSeconds,
      // Agents stay "online" this long after their last socket closes (a dropped connection).
      agentGraceMs: 100,
      secret: 'conformance-secret-conformance-secret-0123',
    });
    const baseUrl = server.url;
    const campaignId = seedIds.campaigns.es;
    const browserOf = browsersFor(baseUrl, campaignId, (id) =>
      server.tokens.device(id, campaignId),
    );
    const adapters: Array<HttpAgentAdapter | HttpVisitorAdapter> = [];

    return {
      ids: seedIds,
      agent(role: AgentRole) {
        const token = server.tokens.agent(seedIds.agents[role], role);
        const adapter = createHttpAgentAdapter({ baseUrl, token, WebSocket: Socket });
        adapters.push(adapter);
        return adapter;
      },
      visitor(deviceId) {
        const adapter = createHttpVisitorAdapter({
          baseUrl,
          campaignId,
          storage: browserOf(deviceId),
          WebSocket: Socket,
        });
        adapters.push(adapter);
        return adapter;
      },
      receiveEmail: (mail) => server.backend.receiveEmail(mail),
      fault: (kind) => server.backend.fault(kind),
      async settle() {
        await Promise.all(adapters.map((a) => a.settle()));
      },
      async teardown() {
        for (const adapter of adapters) adapter.close();
        await server.close();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  },
};

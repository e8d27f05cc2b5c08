/**
 * Browser tests against the real reference server: `startRealServer()` starts a fresh server
 * (its own temp SQLite file, seeded with the demo data, CORS open to the test page's origin) through
 * the wtr plugin `real-server-plugin.mjs`, and returns adapters talking to it over HTTP and
 * WebSocket, exactly as the demo does.
 *
 * ```ts
 * const server = await startRealServer();
 * after(() => server.stop());
 * const agent = await server.agent('lucia.ramos@tiendaandina.pe');
 * const visitor = server.visitor();
 * ```
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { AgentAdapter } from '../../src/adapters/adapter.js';
import {
  createHttpAgentAdapter,
  createHttpVisitorAdapter,
  loginAgent,
  type HttpAgentAdapter,
  type DeviceStorage,
  type HttpVisitorAdapter,
} from '../../src/adapters/http/index.js';
import type { Id, InboundMail } from '../../src/model/index.js';
import { memoryStorage, seedIds } from '../conformance/seed-ids.js';

/** The demo's password for every seeded agent. */
export const REAL_SERVER_PASSWORD = 'demo';

export const REAL_SERVER_AGENTS = {
  agent: 'lucia.ramos@tiendaandina.pe',
  supervisor: 'marco.diaz@tiendaandina.pe',
  coordinator: 'ana.quispe@tiendaandina.pe',
} as const;

export interface RealServer {
  url: string;
  /** An agent adapter signed in with the demo password. */
  agent(email?: string): Promise<AgentAdapter>;
  /**
   * A visitor adapter of a campaign (default the seed's Spanish shop) whose device is kept in
   * `storage` (default: a fresh in-memory storage, i.e. a new device).
   */
  visitor(options?: { campaignId?: Id; storage?: DeviceStorage }): HttpVisitorAdapter;
  /** Runs an email through the server's inbound pipeline; resolves with the stored message id. */
  receiveEmail(mail: InboundMail): Promise<Id | null>;
  /** Cuts every WebSocket on the server side (clients reconnect and resume). */
  dropSockets(): Promise<void>;
  /** Closes every adapter created here, then the server. */
  stop(): Promise<void>;
}

export async function startRealServer(
  options: { undoSendSeconds?: number } = {},
): Promise<RealServer> {
  const { id, url } = (await executeServerCommand('atento-server-start', {
    origin: location.origin,
    ...options,
  })) as { id: string; url: string };
  const adapters: Array<HttpAgentAdapter | HttpVisitorAdapter> = [];
  return {
    url,
    async agent(email = REAL_SERVER_AGENTS.agent) {
      const { token } = await loginAgent(url, email, REAL_SERVER_PASSWORD);
      const adapter = createHttpAgentAdapter({ baseUrl: url, token });
      adapters.push(adapter);
      return adapter;
    },
    visitor({ campaignId = seedIds.campaigns.es, storage = memoryStorage() } = {}) {
      const adapter = createHttpVisitorAdapter({ baseUrl: url, campaignId, storage });
      adapters.push(adapter);
      return adapter;
    },
    async receiveEmail(mail) {
      return (await executeServerCommand('atento-server-mail', { id, mail })) as Id | null;
    },
    async dropSockets() {
      await executeServerCommand('atento-server-drop-sockets', { id });
    },
    async stop() {
      for (const adapter of adapters.splice(0)) adapter.close();
      await executeServerCommand('atento-server-stop', { id });
    },
  };
}

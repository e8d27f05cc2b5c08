/**
 * The two WebSocket endpoints (adapters/contract/socket.ts). The token travels in `?token=`; a
 * bad one closes the socket with `CLOSE_UNAUTHORIZED` before any frame, and an agent token can
 * never open the visitor endpoint nor the reverse (different keys).
 */
import type { FastifyInstance } from 'fastify';
import { AdapterError } from '../../adapter.js';
import {
  AGENT_SOCKET_PATH,
  API_PREFIX,
  CLOSE_UNAUTHORIZED,
  VISITOR_SOCKET_PATH,
} from '../../contract/index.js';
import type { MemoryBackend } from '../../memory/index.js';
import { refusalMessage } from '../auth/guards.js';
import type { Tokens } from '../auth/tokens.js';
import type { AgentLive } from './agent-socket.js';
import type { VisitorLive } from './visitor-socket.js';

type TokenQuery = { Querystring: { token?: string } };

export function registerLiveRoutes(
  app: FastifyInstance,
  deps: { backend: MemoryBackend; tokens: Tokens; agents: AgentLive; visitors: VisitorLive },
): void {
  app.route<TokenQuery>({
    method: 'GET',
    url: API_PREFIX + AGENT_SOCKET_PATH,
    handler: notUpgraded,
    wsHandler: (socket, request) => {
      const verified = deps.tokens.verifyAgent(tokenOf(request.query));
      if (!verified.ok) return socket.close(CLOSE_UNAUTHORIZED, refusalMessage(verified.reason));
      try {
        deps.backend.agent(verified.claims.sub);
      } catch {
        return socket.close(CLOSE_UNAUTHORIZED, 'This account no longer exists.');
      }
      deps.agents.attach(socket, verified.claims.sub);
    },
  });

  app.route<TokenQuery>({
    method: 'GET',
    url: API_PREFIX + VISITOR_SOCKET_PATH,
    handler: notUpgraded,
    wsHandler: (socket, request) => {
      const verified = deps.tokens.verifyDevice(tokenOf(request.query));
      if (!verified.ok) return socket.close(CLOSE_UNAUTHORIZED, refusalMessage(verified.reason));
      deps.visitors.attach(socket, verified.claims.sub);
    },
  });
}

/** A plain HTTP request to a socket endpoint. */
async function notUpgraded(): Promise<never> {
  throw new AdapterError('invalid', 'This endpoint only accepts WebSocket connections.');
}

function tokenOf(query: { token?: unknown }): string | undefined {
  return typeof query?.token === 'string' ? query.token : undefined;
}

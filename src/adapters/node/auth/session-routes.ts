/**
 * Signing in (`sessionRoutes.login`) and a visitor device's first contact
 * (`sessionRoutes.device`). Login failures never say whether the email or the password was wrong.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX, sessionRoutes } from '../../contract/index.js';
import type { MemoryBackend } from '../../memory/index.js';
import type { Agent, Id } from '../../../model/index.js';
import { unauthorized } from '../errors.js';
import type { Credentials } from './credentials.js';
import type { Tokens } from './tokens.js';

export interface LoginAnswer {
  token: string;
  agent: Agent;
}

export interface DeviceAnswer {
  token: string;
  deviceId: string;
}

export function registerSessionRoutes(
  app: FastifyInstance,
  deps: { backend: MemoryBackend; tokens: Tokens; credentials: Credentials },
): void {
  app.post<{ Body: { email: string; password: string } }>(
    API_PREFIX + sessionRoutes.login.path,
    { schema: sessionRoutes.login.schema },
    async (request): Promise<LoginAnswer> => {
      const { email, password } = request.body;
      const agentId = await deps.credentials.verify(email, password);
      if (agentId === null) throw unauthorized('The email or the password is wrong.');
      let agent: Agent;
      try {
        agent = await deps.backend.agent(agentId).me();
      } catch {
        throw unauthorized('This account no longer exists.');
      }
      return { token: deps.tokens.agent(agent.id, agent.role), agent };
    },
  );

  app.post<{ Body: { campaignId: Id } }>(
    API_PREFIX + sessionRoutes.device.path,
    { schema: sessionRoutes.device.schema },
    async (request): Promise<DeviceAnswer> => {
      // The device's visitor is created on its first call; an id nobody uses costs nothing.
      const deviceId = `dev-${randomUUID()}`;
      return { token: deps.tokens.device(deviceId, request.body.campaignId), deviceId };
    },
  );
}

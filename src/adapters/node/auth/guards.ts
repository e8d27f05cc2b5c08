/**
 * Who is calling: agent routes accept only an agent token, visitor routes only a device token
 * (different keys, so neither passes as the other). The token comes from `Authorization: Bearer`
 * on HTTP and from `?token=` on WebSockets (browsers cannot set headers there).
 */
import type { FastifyInstance, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import { AdapterError } from '../../adapter.js';
import type { AgentRole } from '../../../model/index.js';
import { unauthorized } from '../errors.js';
import type { AgentClaims, DeviceClaims, TokenRefusal, Tokens } from './tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by `requireAgent`. */
    agentClaims: AgentClaims | null;
    /** Set by `requireDevice`. */
    deviceClaims: DeviceClaims | null;
  }
}

export function decorateCallers(app: FastifyInstance): void {
  app.decorateRequest('agentClaims', null);
  app.decorateRequest('deviceClaims', null);
}

export function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

const REFUSALS: Record<TokenRefusal, string> = {
  missing: 'Sign in first: this request needs an Authorization: Bearer token.',
  malformed: 'The token is not valid here: sign in again.',
  forged: 'The token is not valid here: sign in again.',
  expired: 'The token has expired: sign in again.',
};

export const refusalMessage = (reason: TokenRefusal) => REFUSALS[reason];

/** Requires an agent token, and one of `roles` when given (403 `forbidden` otherwise). */
export function requireAgent(
  tokens: Tokens,
  call: string,
  roles?: readonly AgentRole[],
): onRequestAsyncHookHandler {
  return async (request) => {
    const verified = tokens.verifyAgent(bearerOf(request));
    if (!verified.ok) throw unauthorized(REFUSALS[verified.reason]);
    if (roles && !roles.includes(verified.claims.role)) {
      throw new AdapterError(
        'forbidden',
        `Only ${roles.map((r) => `${r}s`).join(' and ')} may ${call}; you are signed in as ${verified.claims.role}.`,
      );
    }
    request.agentClaims = verified.claims;
  };
}

/** Requires a visitor's device token. */
export function requireDevice(tokens: Tokens): onRequestAsyncHookHandler {
  return async (request) => {
    const verified = tokens.verifyDevice(bearerOf(request));
    if (!verified.ok) throw unauthorized(REFUSALS[verified.reason]);
    request.deviceClaims = verified.claims;
  };
}

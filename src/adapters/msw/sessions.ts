/**
 * Who is calling, the way the reference server decides it: opaque bearer tokens handed out by
 * `sessionRoutes.login` (agents) and `sessionRoutes.device` (visitor devices), kept in maps for
 * the life of the handlers. A token of one kind never opens the other side.
 */
import type { AgentRole, Id } from '../../model/index.js';

export interface AgentSession {
  agentId: Id;
  role: AgentRole;
}

function newToken(kind: string): string {
  return `${kind}_${crypto.randomUUID().replaceAll('-', '')}`;
}

/** The token of an `authorization: Bearer …` header (sockets carry theirs in the URL). */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

export class Sessions {
  private readonly agents = new Map<string, AgentSession>();
  private readonly devices = new Map<string, string>();

  /** A new agent session token. */
  signIn(session: AgentSession): string {
    const token = newToken('agt');
    this.agents.set(token, { ...session });
    return token;
  }

  agentOf(token: string | null | undefined): AgentSession | undefined {
    return token ? this.agents.get(token) : undefined;
  }

  /** A token for a device; a device may hold several (one per browser tab that registered). */
  deviceToken(deviceId: string): string {
    const token = newToken('dev');
    this.devices.set(token, deviceId);
    return token;
  }

  deviceOf(token: string | null | undefined): string | undefined {
    return token ? this.devices.get(token) : undefined;
  }

  /** Revokes one token (sign-out, tests of expiry). */
  revoke(token: string): void {
    this.agents.delete(token);
    this.devices.delete(token);
  }
}

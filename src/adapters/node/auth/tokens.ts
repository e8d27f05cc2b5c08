/**
 * Signed bearer tokens: `base64url(JSON claims) + "." + base64url(HMAC-SHA256(claims))`.
 * Stateless: the server keeps no session table, so a token is valid until its `exp` (seconds since
 * the epoch) or until the secret changes. Agent and device tokens use different keys (see
 * `keys.ts`): a visitor's token can never pass as an agent's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AgentRole, Id } from '../../../model/index.js';
import type { ServerKeys } from './keys.js';

export interface AgentClaims {
  /** The agent's id. */
  sub: Id;
  role: AgentRole;
  exp: number;
}

export interface DeviceClaims {
  /** The device id: the visitor's identity, the only conversation the token opens. */
  sub: string;
  /** The campaign whose widget created the device. */
  cid: Id;
  exp: number;
}

/** Why a token was refused; all of them answer 401 `unauthorized`. */
export type TokenRefusal = 'missing' | 'malformed' | 'forged' | 'expired';

export type Verified<C> = { ok: true; claims: C } | { ok: false; reason: TokenRefusal };

export function signToken(key: Buffer, claims: object): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${body}.${mac(key, body)}`;
}

/** Checks the signature first (timing-safe), then the shape and the expiry. */
export function verifyToken<C extends { exp: number }>(
  key: Buffer,
  token: string | undefined,
  nowSeconds: number,
  isClaims: (value: unknown) => value is C,
): Verified<C> {
  if (!token) return { ok: false, reason: 'missing' };
  const dot = token.indexOf('.');
  if (dot <= 0 || dot !== token.lastIndexOf('.')) return { ok: false, reason: 'malformed' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = Buffer.from(mac(key, body), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'forged' };
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!isClaims(claims)) return { ok: false, reason: 'malformed' };
  if (claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body).digest('base64url');
}

const ROLES: readonly string[] = ['agent', 'supervisor', 'coordinator'];

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const isAgentClaims = (v: unknown): v is AgentClaims =>
  isRecord(v) &&
  typeof v['sub'] === 'string' &&
  v['sub'] !== '' &&
  ROLES.includes(v['role'] as string) &&
  Number.isFinite(v['exp']);

export const isDeviceClaims = (v: unknown): v is DeviceClaims =>
  isRecord(v) &&
  typeof v['sub'] === 'string' &&
  v['sub'] !== '' &&
  typeof v['cid'] === 'string' &&
  Number.isFinite(v['exp']);

/** Issues and checks both kinds of token with the server's keys and clock. */
export class Tokens {
  constructor(
    private readonly keys: ServerKeys,
    private readonly ttl: { agentSeconds: number; deviceSeconds: number },
    private readonly now: () => Date = () => new Date(),
  ) {}

  private seconds(): number {
    return Math.floor(this.now().getTime() / 1000);
  }

  agent(agentId: Id, role: AgentRole): string {
    const claims: AgentClaims = { sub: agentId, role, exp: this.seconds() + this.ttl.agentSeconds };
    return signToken(this.keys.agentToken, claims);
  }

  device(deviceId: string, campaignId: Id): string {
    const claims: DeviceClaims = {
      sub: deviceId,
      cid: campaignId,
      exp: this.seconds() + this.ttl.deviceSeconds,
    };
    return signToken(this.keys.deviceToken, claims);
  }

  verifyAgent(token: string | undefined): Verified<AgentClaims> {
    return verifyToken(this.keys.agentToken, token, this.seconds(), isAgentClaims);
  }

  verifyDevice(token: string | undefined): Verified<DeviceClaims> {
    return verifyToken(this.keys.deviceToken, token, this.seconds(), isDeviceClaims);
  }
}

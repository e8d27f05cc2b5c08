import type { Id, IsoDate } from './common.js';

/** Agent roles. Only `supervisor` and `coordinator` may remove block-list entries (F-1.9) and manage quick replies. */
export type AgentRole = 'agent' | 'supervisor' | 'coordinator';

/** Roles allowed to unblock senders and manage saved replies. */
export const MANAGER_ROLES: readonly AgentRole[] = ['supervisor', 'coordinator'];

export function isManager(role: AgentRole): boolean {
  return MANAGER_ROLES.includes(role);
}

/**
 * A person answering cases.
 * `addresses` are the agent's own addresses (personal and the inboxes they answer from); Reply all
 * never copies them (F-2.1).
 */
export interface Agent {
  id: Id;
  name: string;
  email: string;
  role: AgentRole;
  addresses: string[];
}

/**
 * A website visitor tied to one device (F-5.2). Anonymous until identified (F-5.3); once an
 * email is known the visitor is linked to a contact (`contactId`).
 * `online` is true while the visitor's widget holds a live connection.
 */
export interface Visitor {
  id: Id;
  name?: string;
  email?: string;
  contactId?: Id;
  /** The host page proved the email with an `identityHash` the server verified. */
  identityVerified?: boolean;
  online: boolean;
  lastSeenAt: IsoDate;
}

/** Data a visitor (or the host page on the visitor's behalf) gives to identify themselves. */
export interface VisitorIdentity {
  name?: string;
  email: string;
  /** HMAC of the email signed by the host's server, proving the identity (verified by servers that support it). */
  identityHash?: string;
}

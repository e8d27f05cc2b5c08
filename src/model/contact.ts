import type { Id, IsoDate } from './common.js';

/**
 * A customer.
 *
 * Invariants:
 * - `emails` holds normalized (lower-case) addresses, at least one for a contact created from mail,
 *   none for an anonymous chat visitor who never gave one; `emails[0]` is the primary address.
 * - An address belongs to at most one contact in a store (adapters refuse with `conflict`).
 * - `name` may be empty only for an anonymous chat visitor (`source: 'visitor'`); elements then
 *   show a localized label ("Visitante").
 * - `source: 'auto'` marks a contact created from an unknown sender (F-4.6); an agent can
 *   complete it later.
 */
export interface Contact {
  id: Id;
  name: string;
  emails: string[];
  phone?: string;
  source: 'manual' | 'auto' | 'visitor';
  createdAt: IsoDate;
}

/** What an agent enters to create a contact (F-1.8). */
export interface ContactInput {
  name: string;
  emails: string[];
  phone?: string;
}

/** The first word of a contact's name, used by `{{contact.first_name}}`. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

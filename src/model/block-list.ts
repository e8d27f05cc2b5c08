import type { Id, IsoDate } from './common.js';
import { isValidAddress, normalizeAddress } from './address.js';

/**
 * A blocked sender (F-1.9). `address` is a normalized address (`spam@x.com`) or a whole domain
 * written `@x.com`. Mail from a blocked sender is stored as blocked and never reaches the inbox.
 * Anyone may add an entry; only a supervisor or coordinator may remove one.
 */
export interface BlockListEntry {
  address: string;
  reason: string;
  blockedBy: { id: Id; name: string };
  blockedAt: IsoDate;
}

/** Whether `address` is covered by `entry` (exact address, or any address of a blocked `@domain`). */
export function blockMatches(entry: BlockListEntry, address: string): boolean {
  const a = normalizeAddress(address);
  return entry.address.startsWith('@') ? a.endsWith(entry.address) : a === entry.address;
}

/** A block-list key is a valid address or `@domain` (the domain checked as an address's). */
export function isValidBlockKey(key: string): boolean {
  return isValidAddress(key.startsWith('@') ? `x${key}` : key);
}

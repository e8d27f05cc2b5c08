import { AdapterError } from '../../adapter.js';
import type { Agent, BlockListEntry } from '../../../model/index.js';
import {
  blockMatches,
  isManager,
  isValidBlockKey,
  normalizeAddress,
} from '../../../model/index.js';
import type { Store } from '../store.js';

/** `a@b.com` or `@b.com`, normalized; `invalid` otherwise. */
function blockKey(address: string): string {
  const key = normalizeAddress(String(address ?? ''));
  if (!isValidBlockKey(key)) {
    throw new AdapterError('invalid', `${String(address)} is neither an address nor an @domain.`, {
      field: 'address',
    });
  }
  return key;
}

export function isBlocked(s: Store, address: string): boolean {
  for (const entry of s.blockList.values()) if (blockMatches(entry, address)) return true;
  return false;
}

export function listBlocked(s: Store): BlockListEntry[] {
  return [...s.blockList.values()]
    .reverse()
    .sort((a, b) => (a.blockedAt > b.blockedAt ? -1 : a.blockedAt < b.blockedAt ? 1 : 0));
}

export function blockSender(s: Store, me: Agent, address: string, reason: string): BlockListEntry {
  const key = blockKey(address);
  const why = String(reason ?? '').trim();
  if (why === '') throw new AdapterError('invalid', 'A reason is required.', { field: 'reason' });
  if (s.blockList.has(key)) throw new AdapterError('conflict', `${key} is already blocked.`);
  const entry: BlockListEntry = {
    address: key,
    reason: why,
    blockedBy: { id: me.id, name: me.name },
    blockedAt: s.nowIso(),
  };
  s.blockList.set(key, entry);
  return entry;
}

export function unblockSender(s: Store, me: Agent, address: string): void {
  if (!isManager(me.role))
    throw new AdapterError('forbidden', 'Only a supervisor or coordinator can unblock senders.');
  const key = normalizeAddress(String(address ?? ''));
  if (!s.blockList.delete(key)) throw new AdapterError('not-found', `${key} is not blocked.`);
}

import { AdapterError, type RecipientSuggestion } from '../../adapter.js';
import type { Contact, ContactInput, Id } from '../../../model/index.js';
import { localPart } from '../../../model/index.js';
import type { Store } from '../store.js';
import { fold } from '../text.js';
import { conversationChanged } from './messages.js';
import { validAddress } from './validation.js';

/** Stores a new contact (agents create `manual` ones, mail `auto` ones, the widget `visitor` ones). */
export function addContact(s: Store, fields: Omit<Contact, 'id' | 'createdAt'>): Contact {
  const contact: Contact = { id: s.newId('ct'), ...fields, createdAt: s.nowIso() };
  s.putContact(contact);
  return contact;
}

/** Word prefixes of a name or an address's local part (`jorge.taype96` → jorge, taype96). */
function matchesPrefix(q: string, name: string, address: string): boolean {
  const folded = fold(name);
  const words = [...folded.split(/\s+/), ...localPart(address).split(/[._+-]/)];
  return (
    folded.startsWith(q) || address.startsWith(q) || words.some((w) => w !== '' && w.startsWith(q))
  );
}

/** Contacts' addresses first, then other addresses seen in To/CC; at most 10 (F-2.2). */
export function searchRecipients(s: Store, query: string): RecipientSuggestion[] {
  const q = fold(String(query ?? '').trim());
  if (q === '') return [];
  const found: RecipientSuggestion[] = [];
  const seen = new Set<string>();
  const contacts = [...s.contacts.values()]
    .filter((c) => c.emails.some((address) => matchesPrefix(q, c.name, address)))
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  for (const c of contacts) {
    for (const address of c.emails) {
      if (seen.has(address) || !matchesPrefix(q, c.name, address)) continue;
      seen.add(address);
      found.push(
        c.name ? { name: c.name, address, contactId: c.id } : { address, contactId: c.id },
      );
      if (found.length === 10) return found;
    }
  }
  const agentAddresses = new Set([...s.agents.values()].flatMap((a) => a.addresses));
  for (const [address, name] of s.knownAddresses) {
    if (seen.has(address) || agentAddresses.has(address) || !matchesPrefix(q, name, address))
      continue;
    seen.add(address);
    found.push(name ? { name, address } : { address });
    if (found.length === 10) break;
  }
  return found;
}

export function findContacts(s: Store, address: string): Contact[] {
  const owner = s.contactByAddress(validAddress(address, 'address'));
  return owner ? [owner] : [];
}

export function createContact(s: Store, input: ContactInput): Contact {
  const name = String(input?.name ?? '').trim();
  if (name === '') throw new AdapterError('invalid', 'A contact needs a name.', { field: 'name' });
  if (!Array.isArray(input.emails))
    throw new AdapterError('invalid', 'emails must be a list.', { field: 'emails' });
  const emails = [...new Set(input.emails.map((e) => validAddress(e, 'emails')))];
  for (const e of emails) {
    if (s.contactByAddress(e))
      throw new AdapterError('conflict', `${e} already belongs to a contact.`, { field: 'emails' });
  }
  const phone = input.phone?.trim();
  return addContact(s, { name, emails, source: 'manual', ...(phone ? { phone } : {}) });
}

/** Adds an address to a contact and refreshes the inbox rows of its conversations. */
export function linkContact(s: Store, contactId: Id, address: string): Contact {
  const contact = s.contact(contactId);
  const a = validAddress(address, 'address');
  const owner = s.contactByAddress(a);
  if (owner?.id === contact.id) return contact;
  if (owner)
    throw new AdapterError(
      'conflict',
      `${a} already belongs to ${owner.name || 'another contact'}.`,
      { field: 'address' },
    );
  s.putContact({ ...contact, emails: [...contact.emails, a] });
  const updated = s.contact(contactId);
  for (const c of s.conversationsOfContact(contactId)) conversationChanged(s, c);
  return updated;
}

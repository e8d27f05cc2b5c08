import { AdapterError, type MessageQuery } from '../../adapter.js';
import type {
  Attachment,
  Contact,
  Conversation,
  Id,
  Message,
  Visitor,
  VisitorIdentity,
  VisitorMessage,
  VisitorSession,
} from '../../../model/index.js';
import type { Store } from '../store.js';
import type { VisitorRecord } from '../seed/types.js';
import {
  toVisitorMessage,
  visibleToVisitor,
  visitorCampaignOf,
  visitorConversationOf,
  visitorView,
} from '../views.js';
import { addContact } from './contacts.js';
import {
  appendMessage,
  conversationChanged,
  newConversation,
  newInteraction,
  openInteractionOf,
} from './messages.js';
import { pageBefore } from './paging.js';
import { resolveAttachments } from './uploads.js';
import { validAddress } from './validation.js';

/** The visitor of a device, created anonymous on first contact (F-5.2). */
export function visitorOfDevice(s: Store, deviceId: string): VisitorRecord {
  const known = s.visitorOfDevice(deviceId);
  if (known) return known;
  const visitor: VisitorRecord = { id: s.newId('vis'), deviceId, lastSeenAt: s.nowIso() };
  s.putVisitor(visitor);
  return visitor;
}

/** The campaign a visitor chats in: their conversation's, else the chat widget's. */
export function campaignOfVisitor(s: Store, v: VisitorRecord) {
  const c = s.conversationOfVisitor(v.id);
  return c ? s.campaignRecord(c.campaignId) : s.chatCampaign();
}

function visibleHistory(s: Store, c: Conversation | undefined): Message[] {
  return c ? s.messagesOf(c.id).filter(visibleToVisitor(s, c)) : [];
}

export function resume(s: Store, v: VisitorRecord): VisitorSession {
  const c = s.conversationOfVisitor(v.id);
  const page = history(s, v, {});
  return {
    visitor: visitorView(s, v),
    conversation: c ? visitorConversationOf(c) : null,
    messages: page.items,
    hasMore: page.hasMore,
    agentsOnline: s.hub.agentsOnline,
    campaign: visitorCampaignOf(campaignOfVisitor(s, v)),
  };
}

export function history(
  s: Store,
  v: VisitorRecord,
  query: MessageQuery = {},
): { items: VisitorMessage[]; hasMore: boolean } {
  const page = pageBefore(
    visibleHistory(s, s.conversationOfVisitor(v.id)),
    query,
    "this visitor's conversation",
  );
  return { items: page.items.map(toVisitorMessage), hasMore: page.hasMore };
}

/** The contact of a visitor's first message: the one they identified as, or a new one. */
function contactOfVisitor(s: Store, v: VisitorRecord): Contact {
  const linked = v.contactId === undefined ? undefined : s.contacts.get(v.contactId);
  if (linked) return linked;
  const contact = addContact(s, {
    name: v.name ?? '',
    emails: v.email ? [v.email] : [],
    source: 'visitor',
  });
  v.contactId = contact.id;
  s.touch('visitor', v.id);
  return contact;
}

/**
 * A visitor's chat message (F-5.3, F-5.5, F-5.6): idempotent by `clientId`; the first one opens
 * the conversation; it lands in the open chat interaction, reopening a completed case.
 */
export function sendAsVisitor(
  s: Store,
  v: VisitorRecord,
  input: { clientId: string; text: string; attachmentIds?: Id[] },
): VisitorMessage {
  const clientId = typeof input?.clientId === 'string' ? input.clientId.trim() : '';
  if (clientId === '')
    throw new AdapterError('invalid', 'A clientId is required.', { field: 'clientId' });
  const replayKey = `visitor\u0000${v.id}\u0000${clientId}`;
  const replayed = s.clientIds.get(replayKey);
  if (replayed !== undefined) return toVisitorMessage(s.message(replayed));
  const text = typeof input.text === 'string' ? input.text : '';
  if (text.trim() === '' && (input.attachmentIds ?? []).length === 0) {
    throw new AdapterError('invalid', 'The message is empty.', { field: 'text' });
  }
  const campaign = campaignOfVisitor(s, v);
  if (campaign.requireEmailWhenOffline && !s.hub.agentsOnline && !v.email) {
    throw new AdapterError('invalid', 'No agent is online: leave an email address first.', {
      field: 'email',
    });
  }
  const attachments: Attachment[] = resolveAttachments(s, input.attachmentIds, {
    kind: 'visitor',
    visitorId: v.id,
  });

  const existing = s.conversationOfVisitor(v.id);
  const contact = existing ? s.contact(existing.contactId) : contactOfVisitor(s, v);
  const c =
    existing ??
    newConversation(s, {
      subject: '',
      contactId: contact.id,
      campaignId: campaign.id,
      visitorId: v.id,
    });
  const interaction = openInteractionOf(s, c, 'chat') ?? newInteraction(s, c, 'chat', '');
  const now = s.nowIso();
  const m: Message = {
    id: s.newId('msg'),
    conversationId: c.id,
    interactionId: interaction.id,
    channel: 'chat',
    direction: 'inbound',
    from: { kind: 'contact', id: contact.id, name: v.name ?? contact.name },
    to: [],
    cc: [],
    bcc: [],
    subject: '',
    originDate: now,
    registeredAt: now,
    text,
    attachments,
    references: [],
    status: 'sent',
    clientId,
  };
  if (v.email) m.from.address = v.email;
  s.clientIds.set(replayKey, m.id);
  v.lastSeenAt = now;
  s.touch('visitor', v.id);
  appendMessage(s, c, m);
  return toVisitorMessage(m);
}

/**
 * Identifies a visitor (F-5.3): links them to the contact owning the address, else records the
 * address on their own anonymous visitor contact, else creates a contact. Agents hear about it
 * when the case's contact changed.
 */
/**
 * Whether a host page proved the visitor's email: `false` without a hash or without a verifier;
 * a hash the verifier refuses is an error, never a silent downgrade.
 */
function verifiedIdentity(s: Store, v: VisitorRecord, email: string, hash: unknown): boolean {
  if (hash === undefined || hash === null || hash === '') return false;
  const verify = s.options.verifyIdentity;
  if (!verify) return false;
  const campaignId = campaignOfVisitor(s, v).id;
  if (typeof hash === 'string' && verify({ email, identityHash: hash, campaignId })) return true;
  throw new AdapterError('invalid', 'The identity hash does not match this email.', {
    field: 'identityHash',
  });
}

export function identify(s: Store, v: VisitorRecord, identity: VisitorIdentity): Visitor {
  const email = validAddress(identity?.email, 'email');
  const verified = verifiedIdentity(s, v, email, identity.identityHash);
  const name =
    typeof identity.name === 'string' && identity.name.trim() !== ''
      ? identity.name.trim()
      : undefined;
  v.email = email;
  if (verified) v.identityVerified = true;
  else delete v.identityVerified;
  if (name !== undefined) v.name = name;
  v.lastSeenAt = s.nowIso();
  s.touch('visitor', v.id);

  const owner = s.contactByAddress(email);
  const own = v.contactId === undefined ? undefined : s.contacts.get(v.contactId);
  let contact: Contact;
  let changed = false;
  if (owner) contact = owner;
  else if (own?.source === 'visitor') {
    s.putContact({ ...own, name: own.name || name || '', emails: [email, ...own.emails] });
    contact = s.contact(own.id);
    changed = true;
  } else contact = addContact(s, { name: name ?? '', emails: [email], source: 'visitor' });
  v.contactId = contact.id;

  const c = s.conversationOfVisitor(v.id);
  if (c && c.contactId !== contact.id) {
    s.setConversationContact(c, contact.id);
    changed = true;
  }
  if (c && changed) conversationChanged(s, c);
  return visitorView(s, v);
}

// ---- presence (wired into the event hub) -----------------------------------------------------

/** A visitor connected or left: agents see the green dot of their case change (F-4.1). */
export function visitorPresenceChanged(s: Store, visitorId: Id, online: boolean): void {
  const v = s.visitors.get(visitorId);
  if (v) {
    v.lastSeenAt = s.nowIso();
    s.touch('visitor', v.id);
  }
  const c = s.conversationOfVisitor(visitorId);
  if (c) s.hub.toAgents({ type: 'presence', conversationId: c.id, visitorId, online });
}

/** The first agent came online or the last one left: every connected visitor is told (F-5.3). */
export function agentsPresenceChanged(s: Store, online: boolean): void {
  for (const id of s.hub.onlineVisitors())
    s.hub.toVisitor(id, { type: 'presence', agentsOnline: online });
}

import type {
  Conversation,
  ConversationDetail,
  ConversationSummary,
  Message,
  Visitor,
  VisitorCampaign,
  VisitorConversation,
  VisitorMessage,
} from '../../model/index.js';
import type { Store } from './store.js';
import type { CampaignRecord, VisitorRecord } from './seed/types.js';
import { withoutTranscript } from './operations/transcript.js';
import { previewOf } from './text.js';

/**
 * Projections of stored records into what the adapters return. They read the store and never
 * copy; the call wrapper and the event hub copy on the way out.
 */

export function summaryOf(s: Store, c: Conversation): ConversationSummary {
  const contact = s.contacts.get(c.contactId);
  const last = s.lastMessageOf(c.id);
  return {
    ...c,
    contact: { id: c.contactId, name: contact?.name ?? '', emails: contact?.emails ?? [] },
    visitorOnline: c.visitorId ? s.hub.isVisitorOnline(c.visitorId) : false,
    lastMessage: last
      ? {
          channel: last.channel,
          direction: last.direction,
          preview: previewOf(last.text),
          at: last.registeredAt,
        }
      : null,
  };
}

export function detailOf(s: Store, c: Conversation): ConversationDetail {
  const visitor = c.visitorId ? s.visitors.get(c.visitorId) : undefined;
  return {
    conversation: summaryOf(s, c),
    contact: s.contact(c.contactId),
    interactions: s.interactionsOf(c.id),
    visitor: visitor ? visitorView(s, visitor) : null,
  };
}

export function visitorView(s: Store, v: VisitorRecord): Visitor {
  const { deviceId: _device, ...visitor } = v;
  return { ...visitor, online: s.hub.isVisitorOnline(v.id) };
}

export function visitorConversationOf(c: Conversation): VisitorConversation {
  return { id: c.id, number: c.number, status: c.status };
}

export function visitorCampaignOf(record: CampaignRecord): VisitorCampaign {
  return {
    name: record.name,
    greeting: record.chatGreeting ?? record.greeting,
    attachments: record.attachments,
    requireEmailWhenOffline: record.requireEmailWhenOffline,
  };
}

/**
 * Which messages the visitor of `c` may see (F-5.4): chat messages, the customer's own emails, and
 * agent emails addressed (To/CC) to the customer — never scheduled or cancelled ones, and never a
 * forward to a third party.
 */
export function visibleToVisitor(s: Store, c: Conversation): (m: Message) => boolean {
  const own = new Set(s.contacts.get(c.contactId)?.emails ?? []);
  return (m) => {
    if (m.status === 'scheduled' || m.status === 'cancelled' || m.status === 'draft') return false;
    if (m.channel === 'chat') return true;
    if (m.direction === 'inbound') return m.from.address !== undefined && own.has(m.from.address);
    return [...m.to, ...m.cc].some((r) => own.has(r.address));
  };
}

export function toVisitorMessage(m: Message): VisitorMessage {
  const out: VisitorMessage = {
    id: m.id,
    channel: m.channel,
    direction: m.direction,
    authorName: m.from.name,
    text: withoutTranscript(m),
    attachments: m.attachments,
    status: m.status,
    registeredAt: m.registeredAt,
  };
  if (m.clientId !== undefined) out.clientId = m.clientId;
  return out;
}

import { AdapterError } from '../../adapter.js';
import type {
  Channel,
  Conversation,
  DeliveryStatus,
  Id,
  Interaction,
  Message,
} from '../../../model/index.js';
import { canTransition } from '../../../model/index.js';
import type { Store } from '../store.js';
import { summaryOf, toVisitorMessage, visibleToVisitor, visitorConversationOf } from '../views.js';

/**
 * The one path every new message takes, inbound or outbound, email or chat, agent or visitor
 * side: store it, update its interaction and conversation, and tell both sides.
 */

/** The newest open interaction of a channel in a conversation. */
export function openInteractionOf(
  s: Store,
  c: Conversation,
  channel: Channel,
): Interaction | undefined {
  const list = s.interactionsOf(c.id);
  for (let i = list.length - 1; i >= 0; i--) {
    const it = list[i]!;
    if (it.channel === channel && it.status === 'open') return it;
  }
  return undefined;
}

/** Opens a new case at `at` (default now), unread, numbered after every existing one. */
export function newConversation(
  s: Store,
  fields: { subject: string; contactId: Id; campaignId: Id; visitorId?: Id },
  at = s.nowIso(),
): Conversation {
  const c: Conversation = {
    id: s.newId('conv'),
    number: s.nextNumber(),
    subject: fields.subject,
    contactId: fields.contactId,
    campaignId: fields.campaignId,
    status: 'open',
    channels: [],
    read: false,
    createdAt: at,
    updatedAt: at,
  };
  if (fields.visitorId !== undefined) c.visitorId = fields.visitorId;
  s.putConversation(c);
  return c;
}

export function newInteraction(
  s: Store,
  c: Conversation,
  channel: Channel,
  subject: string,
): Interaction {
  const now = s.nowIso();
  const it: Interaction = {
    id: s.newId('int'),
    conversationId: c.id,
    channel,
    status: 'open',
    subject,
    startedAt: now,
    lastMessageAt: now,
    messageCount: 0,
  };
  s.putInteraction(it);
  return it;
}

/**
 * Adds `m` to its interaction and conversation and emits `message.created` (plus
 * `conversation.updated` when the read or open state changed). An inbound message marks the case
 * unread and reopens it unless it is an automatic reply (F-4.3).
 */
export function appendMessage(s: Store, c: Conversation, m: Message): void {
  const before = { read: c.read, status: c.status };
  s.putMessage(m);
  const it = s.interaction(m.interactionId);
  it.status = 'open';
  s.touch('interaction', it.id);
  s.touch('conversation', c.id);
  if (!c.channels.includes(m.channel)) c.channels.push(m.channel);
  if (m.registeredAt > c.updatedAt) s.inbox.setUpdatedAt(c, m.registeredAt);
  if (m.direction === 'inbound') {
    c.read = false;
    if (!m.autoReply) c.status = 'open';
  }
  s.hub.toAgents(() => ({ type: 'message.created', message: m, conversation: summaryOf(s, c) }));
  if (c.visitorId && visibleToVisitor(s, c)(m))
    s.hub.toVisitor(c.visitorId, { type: 'message.created', message: toVisitorMessage(m) });
  const statusChanged = before.status !== c.status;
  if (statusChanged || before.read !== c.read) conversationChanged(s, c, statusChanged);
}

/**
 * Moves a message along the delivery table (`canTransition`), emitting `message.updated`; the
 * visitor gets `message.created` when a message becomes visible to them (committed), then
 * `message.updated`.
 */
export function setMessageStatus(s: Store, m: Message, to: DeliveryStatus): void {
  if (!canTransition(m.status, to)) {
    throw new AdapterError('conflict', `A ${m.status} message cannot become ${to}.`);
  }
  const c = s.conversation(m.conversationId);
  const visible = visibleToVisitor(s, c);
  const wasVisible = visible(m);
  m.status = to;
  s.touch('message', m.id);
  if (to === 'cancelled') s.dropFromTimeline(m);
  s.hub.toAgents({ type: 'message.updated', message: m });
  if (c.visitorId && visible(m)) {
    const type = wasVisible ? 'message.updated' : 'message.created';
    s.hub.toVisitor(c.visitorId, { type, message: toVisitorMessage(m) });
  }
}

/** Tells every agent (and the case's visitor, for status) that a conversation changed. */
export function conversationChanged(s: Store, c: Conversation, visitorToo = false): void {
  s.hub.toAgents({ type: 'conversation.updated', conversation: summaryOf(s, c) });
  if (visitorToo && c.visitorId) {
    s.hub.toVisitor(c.visitorId, {
      type: 'conversation.updated',
      conversation: visitorConversationOf(c),
    });
  }
}

import {
  AdapterError,
  type ConversationQuery,
  type MessagePage,
  type MessageQuery,
} from '../../adapter.js';
import type {
  Agent,
  Conversation,
  ConversationDetail,
  ConversationStatus,
  ConversationSummary,
  Id,
  Page,
} from '../../../model/index.js';
import type { Store } from '../store.js';
import { fold } from '../text.js';
import { detailOf, summaryOf } from '../views.js';
import { conversationChanged } from './messages.js';
import { decodeCursor, encodeCursor, pageBefore, pageLimit } from './paging.js';

/** Inbox order: newest activity (`updatedAt`, bumped by every new message) first, then id. */
function newestFirst(a: Conversation, b: Conversation): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

function matchesSearch(s: Store, search: string): (c: Conversation) => boolean {
  const q = fold(search.trim());
  if (q === '') return () => true;
  const number = /^#?\s*(\d+)$/.exec(q)?.[1];
  return (c) => {
    if (number !== undefined && String(c.number) === number) return true;
    if (fold(c.subject).includes(q)) return true;
    const contact = s.contacts.get(c.contactId);
    return (
      !!contact && (fold(contact.name).includes(q) || contact.emails.some((e) => e.includes(q)))
    );
  };
}

export function listConversations(
  s: Store,
  me: Agent,
  query: ConversationQuery = {},
): Page<ConversationSummary> {
  const limit = pageLimit(query.limit);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 2);
  const search = matchesSearch(s, query.search ?? '');
  const matching = [...s.conversations.values()].filter(
    (c) =>
      (query.status === undefined || c.status === query.status) &&
      (query.unread === undefined || c.read === !query.unread) &&
      (query.channel === undefined || c.channels.includes(query.channel)) &&
      (!query.mine || s.wroteIn(c.id, me.id)) &&
      search(c),
  );
  matching.sort(newestFirst);
  let start = 0;
  if (after) {
    const [updatedAt = '', id = ''] = after;
    start = matching.findIndex(
      (c) => c.updatedAt < updatedAt || (c.updatedAt === updatedAt && c.id < id),
    );
    if (start === -1) start = matching.length;
  }
  const page = matching.slice(start, start + limit);
  const last = page[page.length - 1];
  const more = start + limit < matching.length;
  return {
    items: page.map((c) => summaryOf(s, c)),
    nextCursor: more && last ? encodeCursor([last.updatedAt, last.id]) : null,
    total: matching.length,
  };
}

export function getConversation(s: Store, id: Id): ConversationDetail {
  return detailOf(s, s.conversation(id));
}

export function listMessages(s: Store, interactionId: Id, query: MessageQuery = {}): MessagePage {
  s.interaction(interactionId);
  return pageBefore(s.timeline(interactionId), query);
}

export function markRead(s: Store, id: Id): ConversationSummary {
  const c = s.conversation(id);
  if (!c.read) {
    c.read = true;
    conversationChanged(s, c);
  }
  return summaryOf(s, c);
}

export function setStatus(s: Store, id: Id, status: ConversationStatus): ConversationSummary {
  const c = s.conversation(id);
  if (status !== 'open' && status !== 'completed') {
    throw new AdapterError('invalid', `Unknown status ${String(status)}.`, { field: 'status' });
  }
  if (c.status !== status) {
    c.status = status;
    conversationChanged(s, c, true);
  }
  return summaryOf(s, c);
}

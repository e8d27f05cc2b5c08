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

/**
 * One inbox page: a single walk over the inbox order (kept sorted by the store) that counts the
 * matches and keeps the first `limit` after the cursor, plus one to tell whether more follow.
 */
export function listConversations(
  s: Store,
  me: Agent,
  query: ConversationQuery = {},
): Page<ConversationSummary> {
  const limit = pageLimit(query.limit);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 2);
  const search = matchesSearch(s, query.search ?? '');
  const matches = (c: Conversation) =>
    (query.status === undefined || c.status === query.status) &&
    (query.unread === undefined || c.read === !query.unread) &&
    (query.channel === undefined || c.channels.includes(query.channel)) &&
    (!query.mine || s.wroteIn(c.id, me.id)) &&
    search(c);
  const order = s.inbox.get();
  const [updatedAt = '', id = ''] = after ?? [];
  const start = after ? s.inbox.firstAfter({ updatedAt, id }) : 0;
  const page: Conversation[] = [];
  let total = 0;
  for (let i = 0; i < order.length; i++) {
    const c = order[i]!;
    if (!matches(c)) continue;
    total += 1;
    if (i >= start && page.length <= limit) page.push(c);
  }
  const more = page.length > limit;
  if (more) page.pop();
  const last = page[page.length - 1];
  return {
    items: page.map((c) => summaryOf(s, c)),
    nextCursor: more && last ? encodeCursor([last.updatedAt, last.id]) : null,
    total,
  };
}

export function getConversation(s: Store, id: Id): ConversationDetail {
  return detailOf(s, s.conversation(id));
}

export function listMessages(s: Store, interactionId: Id, query: MessageQuery = {}): MessagePage {
  s.interaction(interactionId);
  return pageBefore(s.timeline(interactionId), query, `interaction ${interactionId}`);
}

export function markRead(s: Store, id: Id): ConversationSummary {
  const c = s.conversation(id);
  if (!c.read) {
    c.read = true;
    s.touch('conversation', c.id);
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
    s.touch('conversation', c.id);
    conversationChanged(s, c, true);
  }
  return summaryOf(s, c);
}

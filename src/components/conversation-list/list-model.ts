/**
 * The list's data, kept as the adapter orders it (newest activity first), and the pure changes
 * live events make to it. No DOM: everything here is a function of its arguments.
 */
import type { AgentEvent, ConversationQuery } from '../../adapters/adapter.js';
import type { Channel, ConversationSummary, Id } from '../../model/index.js';

/** The filters of the inbox (F-4.1). All combine with AND. */
export interface ConversationListFilter {
  status?: 'open' | 'completed';
  unread?: boolean;
  channel?: Channel;
  /** Only cases where the signed-in agent has written. */
  mine?: boolean;
}

/** What the list holds: the loaded rows, how many match in all, and where the next page starts. */
export interface ListState {
  rows: ConversationSummary[];
  total: number;
  nextCursor: string | null;
}

export const EMPTY_STATE: ListState = { rows: [], total: 0, nextCursor: null };

/** The adapter query of a filter and a search text. */
export function queryOf(filter: ConversationListFilter, search: string): ConversationQuery {
  const query: ConversationQuery = {};
  if (filter.status) query.status = filter.status;
  if (filter.unread !== undefined) query.unread = filter.unread;
  if (filter.channel) query.channel = filter.channel;
  if (filter.mine) query.mine = true;
  if (search.trim()) query.search = search.trim();
  return query;
}

/** Whether any filter other than the status (or a search) narrows the list. */
export function isNarrowed(filter: ConversationListFilter, search: string): boolean {
  return filter.unread !== undefined || !!filter.channel || !!filter.mine || !!search.trim();
}

/** Inbox order, as `listConversations` returns it: newest `updatedAt` first, then id. */
export function newestFirst(a: ConversationSummary, b: ConversationSummary): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/** Lower-case, accent-free text (`Lucía` → `lucia`), as the adapters compare for search. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * The search rule of `ConversationQuery.search`: case- and accent-insensitive match on subject,
 * contact name, contact address, or the case number (`6597`, `#6597`).
 */
export function matchesSearch(c: ConversationSummary, search: string): boolean {
  const q = fold(search.trim());
  if (q === '') return true;
  const number = /^#?\s*(\d+)$/.exec(q)?.[1];
  if (number !== undefined && String(c.number) === number) return true;
  return (
    fold(c.subject).includes(q) ||
    fold(c.contact.name).includes(q) ||
    c.contact.emails.some((e) => e.toLowerCase().includes(q))
  );
}

/**
 * Whether a case belongs in the list, as far as its summary tells: `undefined` when only the
 * adapter knows (the `mine` filter: whether this agent wrote in it).
 */
export function matchesQuery(
  c: ConversationSummary,
  query: ConversationQuery,
): boolean | undefined {
  if (query.status !== undefined && c.status !== query.status) return false;
  if (query.unread !== undefined && c.read === query.unread) return false;
  if (query.channel !== undefined && !c.channels.includes(query.channel)) return false;
  if (!matchesSearch(c, query.search ?? '')) return false;
  return query.mine ? undefined : true;
}

/** Index of the first row that comes after `c` in inbox order (binary search). */
export function insertionIndex(rows: readonly ConversationSummary[], c: ConversationSummary) {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (newestFirst(rows[mid]!, c) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function indexOfId(rows: readonly ConversationSummary[], id: Id | null | undefined) {
  if (id == null) return -1;
  return rows.findIndex((r) => r.id === id);
}

/**
 * Places `c` in the list: removed from where it was, then inserted where inbox order puts it when
 * `keep` — unless that place is past the last loaded row while more pages exist (the page that
 * holds it will bring it). `total` follows what entered and left.
 */
export function place(state: ListState, c: ConversationSummary, keep: boolean): ListState {
  const at = indexOfId(state.rows, c.id);
  if (at === -1 && !keep) return state;
  const rows = state.rows.slice();
  let total = state.total;
  if (at !== -1) {
    rows.splice(at, 1);
    if (!keep) return { ...state, rows, total: Math.max(rows.length, total - 1) };
  }
  const index = insertionIndex(rows, c);
  if (index === rows.length && state.nextCursor !== null) {
    // Past the loaded rows: dropped here, listed again when its page loads.
    return { ...state, rows, total: at === -1 ? total + 1 : total };
  }
  rows.splice(index, 0, c);
  if (at === -1) total += 1;
  return { ...state, rows, total: Math.max(rows.length, total) };
}

/** Changes one row in place (presence): the same array when the case is not listed. */
export function patch(
  state: ListState,
  id: Id,
  change: (c: ConversationSummary) => ConversationSummary,
): ListState {
  const at = indexOfId(state.rows, id);
  if (at === -1) return state;
  const rows = state.rows.slice();
  rows[at] = change(rows[at]!);
  return { ...state, rows };
}

/** A following page, minus the cases already listed (live insertion got them first). */
export function appendPage(
  state: ListState,
  page: { items: ConversationSummary[]; nextCursor: string | null; total: number },
): ListState {
  const known = new Set(state.rows.map((r) => r.id));
  const rows = state.rows.concat(page.items.filter((c) => !known.has(c.id)));
  return {
    rows,
    nextCursor: page.nextCursor,
    total: page.nextCursor === null ? rows.length : Math.max(page.total, rows.length),
  };
}

/** What a live event asks of the list. */
export type LiveChange =
  | { kind: 'none' }
  /** A case's summary changed: place it by filter and order. */
  | { kind: 'summary'; conversation: ConversationSummary }
  | { kind: 'presence'; conversationId: Id; online: boolean }
  | { kind: 'typing'; conversationId: Id; typing: boolean }
  | { kind: 'resync' };

export function liveChangeOf(event: AgentEvent): LiveChange {
  switch (event.type) {
    case 'message.created':
    case 'conversation.updated':
      return { kind: 'summary', conversation: event.conversation };
    case 'presence':
      return { kind: 'presence', conversationId: event.conversationId, online: event.online };
    case 'typing':
      return event.who === 'visitor'
        ? { kind: 'typing', conversationId: event.conversationId, typing: event.typing }
        : { kind: 'none' };
    case 'resync':
      return { kind: 'resync' };
    default:
      return { kind: 'none' };
  }
}

/**
 * Whether a `message.created` opens a new chat for the agent (the seed's red dot): an inbound chat
 * message of a case the list did not show, or showed as completed (the visitor came back).
 */
export function isNewChat(event: AgentEvent, before: ConversationSummary | undefined): boolean {
  if (event.type !== 'message.created') return false;
  const { message } = event;
  if (message.channel !== 'chat' || message.direction !== 'inbound') return false;
  return !before || before.status === 'completed';
}

import type { AgentAdapter } from '../../adapters/adapter.js';
import type { Agent, ConversationDetail, Id, Interaction, Message } from '../../model/index.js';

/** Messages per `listMessages` page. */
export const PAGE_SIZE = 50;
/**
 * The first page of an interaction is smaller: it fills a screen (a dozen summaries and the
 * newest message expanded) and keeps opening a case cheap; older pages come 50 at a time.
 */
export const FIRST_PAGE_SIZE = 20;

/** The loaded part of one interaction: its newest messages, oldest first. */
export interface Segment {
  interaction: Interaction;
  messages: Message[];
  /** Older messages of this interaction remain on the server. */
  hasMore: boolean;
}

/**
 * What the thread shows: the case, the signed-in agent, and a contiguous run of interactions
 * (oldest first) ending with the one the agent navigated to (`currentId`).
 */
export interface ThreadData {
  detail: ConversationDetail;
  agent: Agent;
  segments: Segment[];
  currentId: Id | null;
}

/** Open interactions, oldest first: the ones the counter "1 of 14" walks through (F-1.3). */
export function openInteractions(detail: ConversationDetail): Interaction[] {
  return detail.interactions.filter((i) => i.status === 'open');
}

/** The interaction a case opens on: the newest open one, else the newest one. */
export function currentInteraction(detail: ConversationDetail): Interaction | undefined {
  const open = openInteractions(detail);
  return open[open.length - 1] ?? detail.interactions[detail.interactions.length - 1];
}

export async function loadSegment(
  adapter: AgentAdapter,
  interaction: Interaction,
  signal: AbortSignal,
): Promise<Segment> {
  const page = await adapter.listMessages(interaction.id, { limit: FIRST_PAGE_SIZE }, { signal });
  return { interaction, messages: page.items, hasMore: page.hasMore };
}

/** The newest pages of an interaction down to the one holding `messageId`; `null` if absent. */
async function segmentWith(
  adapter: AgentAdapter,
  interaction: Interaction,
  messageId: Id,
  signal: AbortSignal,
): Promise<Segment | null> {
  let segment = await loadSegment(adapter, interaction, signal);
  while (!segment.messages.some((m) => m.id === messageId)) {
    if (!segment.hasMore) return null;
    const page = await adapter.listMessages(
      interaction.id,
      { before: segment.messages[0]?.id, limit: PAGE_SIZE },
      { signal },
    );
    segment = { ...segment, messages: [...page.items, ...segment.messages], hasMore: page.hasMore };
  }
  return segment;
}

/** Where to open a case: an interaction, and/or a message to find (deep links). */
export interface OpenTarget {
  interactionId?: Id;
  /** Searched in `interactionId` first when given, then in every interaction, newest first. */
  messageId?: Id;
}

/**
 * The case, the agent (unless provided) and the newest page of the current interaction — or,
 * with `target.messageId`, the pages of the interaction holding that message down to it.
 */
export async function loadThread(
  adapter: AgentAdapter,
  conversationId: Id,
  knownAgent: Agent | undefined,
  signal: AbortSignal,
  target: OpenTarget = {},
): Promise<ThreadData> {
  const [detail, agent] = await Promise.all([
    adapter.getConversation(conversationId, { signal }),
    knownAgent ?? adapter.me({ signal }),
  ]);
  const preferred = detail.interactions.find((i) => i.id === target.interactionId);
  if (target.messageId) {
    const newestFirst = [...detail.interactions].reverse().filter((i) => i !== preferred);
    const candidates = preferred ? [preferred, ...newestFirst] : newestFirst;
    for (const interaction of candidates) {
      const segment = await segmentWith(adapter, interaction, target.messageId, signal);
      if (segment) return { detail, agent, segments: [segment], currentId: interaction.id };
    }
  }
  const current = preferred ?? currentInteraction(detail);
  const segments = current ? [await loadSegment(adapter, current, signal)] : [];
  return { detail, agent, segments, currentId: current?.id ?? null };
}

/** Index in `detail.interactions` of the oldest loaded interaction (or -1). */
export function firstLoadedIndex(data: ThreadData): number {
  const first = data.segments[0];
  return first ? data.detail.interactions.findIndex((i) => i.id === first.interaction.id) : -1;
}

/** What "load older" would fetch next: an older page, an older interaction, or nothing. */
export function olderKind(data: ThreadData): 'page' | 'interaction' | null {
  const first = data.segments[0];
  if (!first) return null;
  if (first.hasMore) return 'page';
  return firstLoadedIndex(data) > 0 ? 'interaction' : null;
}

/**
 * Loads one step older: the previous page of the oldest loaded interaction, or else the
 * previous interaction's newest page. Returns the new segments (the input is not mutated).
 */
export async function loadOlder(
  adapter: AgentAdapter,
  data: ThreadData,
  signal: AbortSignal,
): Promise<Segment[]> {
  const kind = olderKind(data);
  const [first, ...rest] = data.segments;
  if (!first || !kind) return data.segments;
  if (kind === 'page') {
    const page = await adapter.listMessages(
      first.interaction.id,
      { before: first.messages[0]?.id, limit: PAGE_SIZE },
      { signal },
    );
    return [
      { ...first, messages: [...page.items, ...first.messages], hasMore: page.hasMore },
      ...rest,
    ];
  }
  const previous = data.detail.interactions[firstLoadedIndex(data) - 1]!;
  return [await loadSegment(adapter, previous, signal), ...data.segments];
}

/** Adds or replaces a message in the loaded segment of its interaction; `null` when not loaded. */
export function upsertMessage(segments: Segment[], message: Message): Segment[] | null {
  const index = segments.findIndex((s) => s.interaction.id === message.interactionId);
  if (index === -1) return null;
  const segment = segments[index]!;
  const at = segment.messages.findIndex((m) => m.id === message.id);
  const messages =
    at === -1
      ? [...segment.messages, message].sort(
          (a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id),
        )
      : segment.messages.map((m) => (m.id === message.id ? message : m));
  const next = [...segments];
  next[index] = { ...segment, messages };
  return next;
}

/** Every loaded message, oldest first. */
export function allMessages(segments: Segment[]): Message[] {
  return segments.flatMap((s) => s.messages);
}

/**
 * 1-based position of every loaded message in the whole case (`aria-posinset`), from the
 * interactions' message counts: stable when older pages or interactions are prepended.
 */
export function positionsOf(data: ThreadData): Map<Id, number> {
  const before = new Map<Id, number>();
  let total = 0;
  for (const i of data.detail.interactions) {
    before.set(i.id, total);
    total += i.messageCount;
  }
  const positions = new Map<Id, number>();
  for (const s of data.segments) {
    const count = Math.max(s.interaction.messageCount, s.messages.length);
    const offset = (before.get(s.interaction.id) ?? 0) + count - s.messages.length;
    s.messages.forEach((m, k) => positions.set(m.id, offset + k + 1));
  }
  return positions;
}

/** What the feed needs of the loaded messages, computed once per `segments` array. */
export interface LoadedView {
  messages: Message[];
  ids: Id[];
  positions: Map<Id, number>;
  /** Number of messages in the whole case. */
  setsize: number;
}

const views = new WeakMap<Segment[], LoadedView & { detail: ConversationDetail }>();

export function loadedView(data: ThreadData): LoadedView {
  let view = views.get(data.segments);
  if (!view || view.detail !== data.detail) {
    const messages = allMessages(data.segments);
    view = {
      detail: data.detail,
      messages,
      ids: messages.map((m) => m.id),
      positions: positionsOf(data),
      setsize: data.detail.interactions.reduce((n, i) => n + i.messageCount, 0),
    };
    views.set(data.segments, view);
  }
  return view;
}

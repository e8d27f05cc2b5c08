/**
 * Live events (F-4.7) applied to the loaded case of `<mail-thread>`: pure functions from the
 * current `ThreadData` and an event to what changes; the element applies the scroll rules.
 */
import type { AgentEvent } from '../../adapters/adapter.js';
import type { ConversationDetail, Message } from '../../model/index.js';
import { currentInteraction, upsertMessage, type ThreadData } from './thread-data.js';

export type LiveChange =
  /** The event does not concern what is shown. */
  | { kind: 'none' }
  /** The case summary (header) changed. */
  | { kind: 'summary'; thread: ThreadData }
  /** A loaded message changed (status, content). */
  | { kind: 'updated'; thread: ThreadData }
  /** A message was added to a loaded interaction. */
  | { kind: 'added'; thread: ThreadData; message: Message }
  /** A message of an interaction that is not loaded (possibly a new one): refresh the case. */
  | { kind: 'elsewhere'; thread: ThreadData; message: Message };

export function liveChange(thread: ThreadData, event: AgentEvent): LiveChange {
  const id = thread.detail.conversation.id;
  const withSummary = (t: ThreadData, summary: ThreadData['detail']['conversation']) =>
    summary.id === id ? { ...t, detail: { ...t.detail, conversation: summary } } : t;
  switch (event.type) {
    case 'conversation.updated':
      return event.conversation.id === id
        ? { kind: 'summary', thread: withSummary(thread, event.conversation) }
        : { kind: 'none' };
    case 'message.updated': {
      if (event.message.conversationId !== id) return { kind: 'none' };
      const loaded = thread.segments.some((s) => s.messages.some((m) => m.id === event.message.id));
      const segments = loaded ? upsertMessage(thread.segments, event.message) : null;
      return segments ? { kind: 'updated', thread: { ...thread, segments } } : { kind: 'none' };
    }
    case 'message.created': {
      if (event.message.conversationId !== id) return { kind: 'none' };
      const next = withSummary(thread, event.conversation);
      const segments = upsertMessage(next.segments, event.message);
      return segments
        ? { kind: 'added', thread: { ...next, segments }, message: event.message }
        : { kind: 'elsewhere', thread: next, message: event.message };
    }
    default:
      return { kind: 'none' };
  }
}

/** Whether the agent is on the interaction a case opens on (the newest open one). */
export function viewsNewest(thread: ThreadData): boolean {
  return thread.currentId !== null && thread.currentId === currentInteraction(thread.detail)?.id;
}

/**
 * After a refresh that brought a new interaction holding `message`, the thread with that
 * interaction appended below and made current (what Front and Help Scout do when the agent is
 * on the newest interaction). `null` when the interaction is not in `detail`.
 */
export function appendInteraction(
  thread: ThreadData,
  detail: ConversationDetail,
  message: Message,
): ThreadData | null {
  const interaction = detail.interactions.find((i) => i.id === message.interactionId);
  if (!interaction) return null;
  const base = { ...thread, detail };
  const segments = upsertMessage(base.segments, message) ?? [
    ...base.segments,
    { interaction, messages: [message], hasMore: false },
  ];
  return { ...base, segments, currentId: interaction.id };
}

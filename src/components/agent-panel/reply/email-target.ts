/**
 * What the email channel of the reply area composes (F-4.4): a reply to the newest inbound
 * email of the case when there is one, else a new email to the case's address.
 */
import type { AgentAdapter } from '../../../adapters/adapter.js';
import type { ConversationDetail, DraftKey, Message } from '../../../model/index.js';

export type EmailTarget =
  | { mode: 'reply'; message: Message }
  /** A new email on the case (To and subject come from the case). */
  | { mode: 'new' };

/** The draft key `<mail-composer>` uses for a target. */
export function emailDraftKey(conversationId: string, target: EmailTarget): DraftKey {
  return target.mode === 'reply'
    ? { conversationId, mode: 'reply', inReplyToMessageId: target.message.id }
    : { conversationId, mode: 'new' };
}

/** Whether `message` is an inbound email of the case: a better reply target when it is newer. */
export function isInboundEmail(message: Message, conversationId: string): boolean {
  return (
    message.conversationId === conversationId &&
    message.channel === 'email' &&
    message.direction === 'inbound' &&
    !message.autoReply
  );
}

const PAGE = 50;

/**
 * Looks for the newest inbound email of the case, walking its email interactions from the most
 * recent one and each one's messages from the newest page back; automatic replies
 * (out-of-office, bounces) are not answered.
 */
export async function findEmailTarget(
  adapter: AgentAdapter,
  detail: ConversationDetail,
  signal: AbortSignal,
): Promise<EmailTarget> {
  const id = detail.conversation.id;
  const interactions = detail.interactions
    .filter((i) => i.channel === 'email' && i.messageCount > 0)
    .sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
  for (const interaction of interactions) {
    let before: string | undefined;
    for (;;) {
      const page = await adapter.listMessages(
        interaction.id,
        before ? { before, limit: PAGE } : { limit: PAGE },
        { signal },
      );
      const found = page.items.findLast((m) => isInboundEmail(m, id));
      if (found) return { mode: 'reply', message: found };
      if (!page.hasMore || page.items.length === 0) break;
      before = page.items[0]!.id;
    }
  }
  return { mode: 'new' };
}

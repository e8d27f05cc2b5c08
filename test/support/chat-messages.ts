import type { AgentAdapter } from '../../src/adapters/adapter.js';
import type { Message } from '../../src/model/index.js';

/** Every chat message of a case as an agent sees it, oldest first, paging back through each chat. */
export async function allChatMessages(
  agent: AgentAdapter,
  conversationId: string,
): Promise<Message[]> {
  const detail = await agent.getConversation(conversationId);
  const out: Message[] = [];
  for (const interaction of detail.interactions.filter((i) => i.channel === 'chat')) {
    const pages: Message[][] = [];
    let before: string | undefined;
    for (;;) {
      const page = await agent.listMessages(interaction.id, { before, limit: 200 });
      pages.unshift(page.items);
      if (!page.hasMore || page.items.length === 0) break;
      before = page.items[0]!.id;
    }
    out.push(...pages.flat());
  }
  return out;
}

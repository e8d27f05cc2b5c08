import type { AgentAdapter } from '../../adapters/adapter.js';
import type { Agent, PersonalizationContext } from '../../model/index.js';

/**
 * Builds the values of personalization tags for a case from the adapter: its contact and number,
 * the signed-in agent (from context when known) and the campaign. Without a case, only the agent
 * is known.
 */
export async function loadPersonalization(
  adapter: AgentAdapter | undefined,
  conversationId: string | undefined,
  knownAgent: Agent | undefined,
  signal: AbortSignal,
): Promise<PersonalizationContext> {
  if (!adapter) return {};
  const [agent, detail, campaign] = await Promise.all([
    knownAgent ?? adapter.me({ signal }),
    conversationId ? adapter.getConversation(conversationId, { signal }) : undefined,
    conversationId ? adapter.campaign(conversationId, { signal }) : undefined,
  ]);
  return {
    agent: { name: agent.name, email: agent.email },
    contact: detail && {
      name: detail.contact.name,
      email: detail.contact.emails[0],
      phone: detail.contact.phone,
    },
    conversation: detail && {
      number: detail.conversation.number,
      subject: detail.conversation.subject,
    },
    campaign: campaign && { name: campaign.name },
  };
}

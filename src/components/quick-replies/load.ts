import type { AgentAdapter } from '../../adapters/adapter.js';
import type {
  Agent,
  CampaignSettings,
  PersonalizationContext,
  QuickReply,
} from '../../model/index.js';

export interface QuickRepliesData {
  replies: QuickReply[];
  /** Values for the personalization tags of the case (only the agent's without a case). */
  personalization: PersonalizationContext;
}

/**
 * Everything the picker shows, in as few round trips as the adapter allows: the campaign of the
 * case (unless provided), then in parallel its saved replies, the signed-in agent (unless
 * provided) and the case's contact and number.
 */
export async function loadQuickReplies(
  adapter: AgentAdapter,
  known: { conversationId?: string; agent?: Agent; campaign?: CampaignSettings },
  signal: AbortSignal,
): Promise<QuickRepliesData> {
  const { conversationId } = known;
  const campaign =
    known.campaign ??
    (conversationId ? await adapter.campaign(conversationId, { signal }) : undefined);
  const [replies, agent, detail] = await Promise.all([
    adapter.listQuickReplies({ signal, campaignId: campaign?.id }),
    known.agent ?? adapter.me({ signal }),
    conversationId ? adapter.getConversation(conversationId, { signal }) : undefined,
  ]);
  return {
    replies,
    personalization: {
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
    },
  };
}

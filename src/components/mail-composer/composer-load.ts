/**
 * Everything a composer needs before it shows (one round of parallel calls): the campaign (its
 * greeting, signature, limits and undo window), the signed-in agent (own addresses), the case's
 * contact for personalization tags, and a saved draft for this key, if any.
 */
import type { AgentAdapter } from '../../adapters/adapter.js';
import {
  resolveTemplate,
  type Agent,
  type CampaignSettings,
  type DraftKey,
  type PersonalizationContext,
} from '../../model/index.js';
import { escapeHtml } from '../../model/escape-html.js';
import { isHtml, textToHtml } from './compose-defaults.js';
import type { DraftContent, DraftSync } from './draft-sync.js';

export interface ComposerContext {
  campaign: CampaignSettings;
  agent: Agent;
  personalization: PersonalizationContext;
  /** The saved draft (or newer local copy) for this key; `null` starts from the defaults. */
  draft: DraftContent | null;
}

export async function loadComposerContext(
  adapter: AgentAdapter,
  key: DraftKey,
  drafts: DraftSync,
  signal: AbortSignal,
): Promise<ComposerContext> {
  const { conversationId } = key;
  const [campaign, agent, detail, draft] = await Promise.all([
    adapter.campaign(conversationId, { signal }),
    adapter.me({ signal }),
    adapter.getConversation(conversationId, { signal }),
    drafts.load(signal),
  ]);
  return {
    campaign,
    agent,
    draft,
    personalization: {
      agent: { name: agent.name, email: agent.email },
      contact: {
        name: detail.contact.name,
        email: detail.contact.emails[0],
        phone: detail.contact.phone,
      },
      conversation: { number: detail.conversation.number, subject: detail.conversation.subject },
      campaign: { name: campaign.name },
    },
  };
}

/**
 * A campaign text (plain text, or HTML such as a signature with a logo) with its tags resolved,
 * as HTML for the editor. Tag values are text: escaped, so a contact's name cannot add markup.
 */
export function campaignHtml(template: string, personalization: PersonalizationContext): string {
  if (!isHtml(template)) return textToHtml(resolveTemplate(template, personalization).text);
  return resolveTemplate(template, personalization)
    .segments.map((s) => (s.kind === 'tag' ? escapeHtml(s.text) : s.text))
    .join('');
}

/** The agent's own addresses: never copied into a reply-all (F-2.1). */
export function ownAddresses(context: ComposerContext): string[] {
  return [context.campaign.fromAddress.address, context.agent.email, ...context.agent.addresses];
}

import type {
  Agent,
  BlockListEntry,
  CampaignSettings,
  Contact,
  Conversation,
  Draft,
  Interaction,
  Message,
  QuickReply,
  Visitor,
} from '../../../model/index.js';

/**
 * A campaign as stored: the settings agents see, plus what only the visitor widget uses.
 * - `requireEmailWhenOffline`: the widget asks for an email before chatting when no agent is
 *   online (F-5.3).
 * - `chatWidget`: new website visitors start their conversation in this campaign (the first such
 *   campaign; the first campaign when none is marked).
 * - `chatGreeting`: the first message the widget shows; default the email `greeting`.
 */
export interface CampaignRecord extends CampaignSettings {
  requireEmailWhenOffline: boolean;
  chatWidget: boolean;
  chatGreeting?: string;
}

/** A visitor as stored: tied to one device; `online` is live state, never stored. */
export interface VisitorRecord extends Omit<Visitor, 'online'> {
  deviceId: string;
}

/**
 * Everything a backend holds, as plain serializable records (the reference server loads the same
 * data into SQLite). Derived fields (`Interaction.messageCount`, `lastMessageAt`) are consistent
 * with `messages`. The first campaign is the default one.
 */
export interface SeedData {
  agents: Agent[];
  campaigns: CampaignRecord[];
  contacts: Contact[];
  conversations: Conversation[];
  interactions: Interaction[];
  messages: Message[];
  drafts: Draft[];
  quickReplies: QuickReply[];
  blockList: BlockListEntry[];
  visitors: VisitorRecord[];
}

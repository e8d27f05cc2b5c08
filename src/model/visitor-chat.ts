import type { Attachment, AttachmentLimits } from './attachment.js';
import type { Channel, Id, IsoDate } from './common.js';
import type { ConversationStatus } from './conversation.js';
import type { DeliveryStatus } from './message.js';
import type { Visitor } from './people.js';

/**
 * A message as the visitor's widget sees it: no addresses, no headers, no internal ids beyond the
 * message's own. Agent replies sent by email appear here too (F-5.4), as text.
 * `clientId` echoes the id the widget generated for its own messages (F-5.6).
 */
export interface VisitorMessage {
  id: Id;
  clientId?: string;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  /** The agent's display name for outbound messages; the visitor's own name or empty otherwise. */
  authorName: string;
  text: string;
  attachments: Attachment[];
  status: DeliveryStatus;
  registeredAt: IsoDate;
}

/** What the widget shows from the campaign: greeting, limits and the email-capture rule. */
export interface VisitorCampaign {
  name: string;
  greeting: string;
  attachments: AttachmentLimits;
  /** When true and no agent is online, the visitor must give an email before chatting (F-5.3). */
  requireEmailWhenOffline: boolean;
}

/** The visitor's view of their own conversation. */
export interface VisitorConversation {
  id: Id;
  number: number;
  status: ConversationStatus;
}

/** Returned by `VisitorAdapter.resume()`: who the device is and the latest page of its history. */
export interface VisitorSession {
  visitor: Visitor;
  /** `null` until the visitor's first message creates the conversation. */
  conversation: VisitorConversation | null;
  /** The newest messages, oldest first. */
  messages: VisitorMessage[];
  hasMore: boolean;
  agentsOnline: boolean;
  campaign: VisitorCampaign;
}

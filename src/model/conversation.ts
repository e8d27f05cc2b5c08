import type { Contact } from './contact.js';
import type { Channel, Id, IsoDate } from './common.js';
import type { Interaction } from './message.js';
import type { Visitor } from './people.js';

export type ConversationStatus = 'open' | 'completed';

/**
 * A customer case (the seeds' "atención").
 *
 * Invariants:
 * - `number` is short, public and unique per store (`#6597`); `id` is internal.
 * - Conversations are never deleted.
 * - `read` is shared by every agent (F-4.2): one agent opening it marks it read for all; a new
 *   inbound message makes it unread again.
 * - `status` is shared (F-4.3): `completed` by any agent for all; a new inbound message that is not
 *   an automatic reply sets it back to `open`.
 * - `channels` lists every channel used so far, in first-use order.
 */
export interface Conversation {
  id: Id;
  number: number;
  subject: string;
  contactId: Id;
  campaignId: Id;
  status: ConversationStatus;
  channels: Channel[];
  read: boolean;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  /** The visitor of a chat conversation, if it started on the website. */
  visitorId?: Id;
}

/** A conversation as the inbox lists it. */
export interface ConversationSummary extends Conversation {
  contact: Pick<Contact, 'id' | 'name' | 'emails'>;
  /** True while the conversation's visitor is connected (green dot, F-4.1). */
  visitorOnline: boolean;
  lastMessage: {
    channel: Channel;
    direction: 'inbound' | 'outbound';
    /** First line of the text, at most 140 characters. */
    preview: string;
    at: IsoDate;
  } | null;
}

/** Everything `<mail-thread>` needs to show a case, except the messages themselves. */
export interface ConversationDetail {
  conversation: ConversationSummary;
  contact: Contact;
  /** Every interaction, oldest first. */
  interactions: Interaction[];
  visitor: Visitor | null;
}

/** How a case number is written (`#6597`). */
export function formatCaseNumber(n: number): string {
  return `#${n}`;
}

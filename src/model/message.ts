import type { Attachment } from './attachment.js';
import type { Channel, EmailAddress, Id, IsoDate } from './common.js';

/**
 * Delivery status of a message.
 * - `draft`: composed, not yet sent (drafts live as `Draft` records; a message is born at send).
 * - `scheduled`: accepted, waiting out the campaign's undo window; can still be cancelled.
 * - `sending`: committed; handed to the transport (SMTP, chat socket). Can no longer be cancelled.
 * - `sent`: delivered to the transport (outbound) or received and stored (inbound).
 * - `failed`: the transport refused it; `error` says why; may be retried.
 * - `cancelled`: the agent cancelled it inside the undo window; its content went back to a draft.
 */
export type DeliveryStatus = 'draft' | 'scheduled' | 'sending' | 'sent' | 'failed' | 'cancelled';

/**
 * Allowed transitions. `sent` and `cancelled` are final: a committed message is sent exactly once,
 * and a cancelled one never.
 */
export const DELIVERY_TRANSITIONS: Readonly<Record<DeliveryStatus, readonly DeliveryStatus[]>> = {
  draft: ['scheduled', 'sending'],
  scheduled: ['sending', 'cancelled'],
  sending: ['sent', 'failed'],
  failed: ['sending', 'cancelled'],
  sent: [],
  cancelled: [],
};

export function canTransition(from: DeliveryStatus, to: DeliveryStatus): boolean {
  return DELIVERY_TRANSITIONS[from].includes(to);
}

/** Who wrote a message. Customers and visitors are `contact`; `system` is for automatic notes. */
export interface MessageAuthor {
  kind: 'contact' | 'agent' | 'system';
  id?: Id;
  name: string;
  /** The sending address for email; absent for chat messages of anonymous visitors. */
  address?: string;
}

/**
 * One message of an interaction, email or chat.
 *
 * Invariants:
 * - `direction` is `inbound` for the customer's messages and `outbound` for the agent's.
 * - `originDate` is when the author sent it (the `Date` header for email, the client's clock for
 *   chat) and may be wrong or in the future; `registeredAt` is when the system stored it and is
 *   authoritative for ordering. Lists are ordered by `registeredAt`, then `id`.
 * - `html` is untrusted for inbound mail and is only ever rendered sanitized in a sandbox (F-1.10);
 *   `text` is always present (derived from HTML when the mail had none).
 * - `to`, `cc`, `bcc` are empty for chat messages; `bcc` is only known for outbound mail.
 * - `messageId`, `inReplyTo` and `references` are RFC 5322 ids without angle brackets; every
 *   email has a `messageId` once sent.
 * - Inbound messages are stored with status `sent`; `clientId` is the visitor's idempotency key
 *   for chat (F-5.6): the same `clientId` never creates a second message.
 */
export interface Message {
  id: Id;
  conversationId: Id;
  interactionId: Id;
  channel: Channel;
  direction: 'inbound' | 'outbound';
  from: MessageAuthor;
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  subject: string;
  originDate: IsoDate;
  registeredAt: IsoDate;
  html?: string;
  text: string;
  attachments: Attachment[];
  messageId?: string;
  inReplyTo?: string;
  references: string[];
  status: DeliveryStatus;
  /** Why delivery failed, when `status` is `failed`. */
  error?: string;
  clientId?: string;
  /** Automatic replies (out-of-office, bounces) never reopen a case. */
  autoReply?: boolean;
}

/** One interaction: an email thread or a chat session of a conversation. */
export interface Interaction {
  id: Id;
  conversationId: Id;
  channel: Channel;
  /** Open interactions are the ones the counter "1 of 14" walks through (F-1.3). */
  status: 'open' | 'closed';
  subject: string;
  startedAt: IsoDate;
  lastMessageAt: IsoDate;
  messageCount: number;
}

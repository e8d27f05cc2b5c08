import type { Attachment } from './attachment.js';
import type { Channel, EmailAddress, Id, IsoDate } from './common.js';

/** What the agent is composing (F-2.1, F-4.4). */
export type ComposeMode = 'reply' | 'replyAll' | 'forward' | 'new' | 'chat';

/**
 * Which draft: there is one per case, mode and answered message (F-2.8), so a reply to one
 * message and a reply to another are two drafts. `inReplyToMessageId` is omitted for `new`.
 */
export interface DraftKey {
  conversationId: Id;
  mode: ComposeMode;
  inReplyToMessageId?: Id;
}

/**
 * A draft, saved automatically while the agent types (F-2.8).
 *
 * Invariants:
 * - At most one draft per key (`conversationId`, `mode`, `inReplyToMessageId`); saving replaces
 *   it.
 * - `revision` starts at 1 and grows by one with every save. A save carrying a `baseRevision`
 *   that is not the stored one is refused with `conflict` (another tab or agent saved first), so
 *   no save silently overwrites newer text.
 * - Sending deletes the draft; cancelling a send inside the undo window restores it.
 */
export interface Draft {
  conversationId: Id;
  mode: ComposeMode;
  /** The message being answered or forwarded. */
  inReplyToMessageId?: Id;
  channel: Channel;
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  subject: string;
  html: string;
  text: string;
  attachments: Attachment[];
  revision: number;
  updatedAt: IsoDate;
}

/** What a save sends: the draft without the store's fields, plus the revision it was based on. */
export interface DraftInput extends Omit<Draft, 'revision' | 'updatedAt'> {
  /** The revision this edit started from; omitted when creating a new draft. */
  baseRevision?: number;
}

/** A message to send (F-2.9, F-4.4). Attachments were uploaded first and are referenced by id. */
export interface OutgoingMessage {
  conversationId: Id;
  mode: ComposeMode;
  channel: Channel;
  inReplyToMessageId?: Id;
  to: EmailAddress[];
  cc: EmailAddress[];
  bcc: EmailAddress[];
  subject: string;
  html: string;
  text: string;
  attachmentIds: Id[];
  /** Idempotency key: sending twice with the same key yields the same message. */
  clientId?: string;
}

/** An agent's chat reply to a case (F-4.4): no recipients, subject or HTML, only text. */
export function chatReply(
  conversationId: Id,
  text: string,
  extra: Partial<Pick<OutgoingMessage, 'clientId' | 'attachmentIds'>> = {},
): OutgoingMessage {
  return {
    conversationId,
    mode: 'chat',
    channel: 'chat',
    to: [],
    cc: [],
    bcc: [],
    subject: '',
    html: '',
    text,
    attachmentIds: [],
    ...extra,
  };
}

import type { AttachmentKind } from './attachment.js';
import type { EmailAddress, Id, IsoDate } from './common.js';

/**
 * A file of an inbound email that the receiving side already stored (checked by content, F-6.6):
 * the backend mints its attachment id and files it with the message.
 */
export interface InboundAttachment {
  name: string;
  size: number;
  /** The MIME type found from the content (`application/octet-stream` when unknown). */
  type: string;
  /** Default: from `type`. */
  kind?: AttachmentKind;
  url: string;
  /** An image shown in the body (referenced by `cid:`); the HTML already points at `url`. */
  inline: boolean;
  /** The part's Content-ID without angle brackets. */
  contentId?: string;
}

/** Where an inbound email came from, and its raw source (kept so it can be parsed again). */
export interface InboundSource {
  via: 'imap' | 'smtp' | 'api';
  /** The configured mailbox (`MailboxConfig.id`) it was read from or delivered to. */
  mailboxId?: string;
  /** The IMAP UID and UIDVALIDITY it had. */
  uid?: number;
  uidValidity?: number;
  /**
   * The stored RFC 822 bytes: the server's file id, and where in it they are (mail received
   * together is kept in one file, one after the other) — `rawOffset` (default 0) and `rawSize`.
   */
  rawFileId?: string;
  rawOffset?: number;
  rawSize?: number;
  /** What was not kept and why (an attachment too large, a body cut short). */
  notes?: string[];
}

/**
 * An email as the mail pipeline hands it to a store after parsing (IMAP or the inbound SMTP
 * listener), before threading (F-4.6) and the block list (F-1.9) are applied.
 */
export interface InboundMail {
  from: EmailAddress;
  to: EmailAddress[];
  cc?: EmailAddress[];
  subject: string;
  text: string;
  html?: string;
  /** RFC 5322 ids without angle brackets. */
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  /** The `Date` header; defaults to the time it is received. */
  date?: IsoDate;
  /** `Auto-Submitted`, `X-Autoreply` or a bounce: never reopens a case. */
  autoReply?: boolean;
  /** Files already stored by the receiving side. */
  attachments?: InboundAttachment[];
  /** The address it was delivered to (SMTP `RCPT TO`, the IMAP mailbox's address): picks the campaign. */
  deliveredTo?: string;
  /** The campaign it belongs to, when the mailbox says so; else by recipient. */
  campaignId?: Id;
  source?: InboundSource;
}

/** The IMAP sync position of one configured mailbox (F-6.4), kept across restarts. */
export interface MailSyncState {
  mailboxId: string;
  uidValidity: number;
  /** The highest UID handled (stored, skipped as duplicate, blocked or refused). */
  lastUid: number;
  updatedAt: IsoDate;
}

/** What became of one inbound email. */
export type InboundOutcome = 'stored' | 'duplicate' | 'blocked';

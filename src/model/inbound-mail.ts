import type { EmailAddress, IsoDate } from './common.js';

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
}

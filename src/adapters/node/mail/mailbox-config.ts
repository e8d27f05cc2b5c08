/**
 * The shape of the server's mail configuration (F-6.4, F-6.5): the mailboxes it reads and sends
 * from, and the embedded inbound SMTP listener that lets `npm start` receive mail with no external
 * server. Parsed from the environment by `config.ts`; consumed by the inbound (IMAP, SMTP listener)
 * and outbound (SMTP, Sent append) sides.
 */
import type { Id } from '../../../model/index.js';

/** `tls`: TLS from the first byte (IMAPS 993, SMTPS 465); `starttls`: upgrade; `none`: plain. */
export type TlsMode = 'none' | 'starttls' | 'tls';

/** Password or OAuth2 bearer token (XOAUTH2) for IMAP and SMTP. */
export interface MailAuth {
  user: string;
  pass?: string;
  /** An OAuth2 access token, used instead of `pass` when set. */
  accessToken?: string;
}

export interface ImapSettings {
  host: string;
  port: number;
  tls: TlsMode;
  auth: MailAuth;
  /** The folder read for new mail; default `INBOX`. */
  mailbox?: string;
  /** Where a copy of sent mail is appended; default the folder with the `\Sent` special use, else `Sent`. */
  sentMailbox?: string;
  /** How far back the first sync reads, in days; default 30. */
  syncDays?: number;
  /** Set `\Seen` on messages once stored; default false. */
  markSeen?: boolean;
}

export interface SmtpSettings {
  host: string;
  port: number;
  tls: TlsMode;
  auth?: MailAuth;
}

/** One inbox: the address customers write to, how it is read, how replies leave it. */
export interface MailboxConfig {
  /** A stable name, used as the key of the sync state (last UID, UIDVALIDITY). */
  id: string;
  /** The address mail is sent from and received at (`soporte@tiendaandina.pe`). */
  address: string;
  /** The campaign it serves; default the campaign whose `fromAddress` is `address`. */
  campaignId?: Id;
  /** Without it, this mailbox receives only through the inbound SMTP listener. */
  imap?: ImapSettings;
  /** Without it, sent mail is recorded in the store only (the demo's "sent mail" view). */
  smtp?: SmtpSettings;
}

export interface MailConfig {
  mailboxes: MailboxConfig[];
  /** The embedded inbound SMTP listener; `null` disables it. */
  inboundSmtp: { host: string; port: number } | null;
}

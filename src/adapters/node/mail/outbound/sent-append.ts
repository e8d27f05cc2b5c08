/**
 * The copy of a sent email in the mailbox's IMAP Sent folder (F-6.5): the exact MIME that was
 * sent, flagged `\Seen`. The folder is the mailbox's `sentMailbox` when configured, else the one
 * the server marks `\Sent` (special use), else `Sent`. A message already there (same Message-ID:
 * a redelivery after a crash) is not appended twice. Failures are the caller's to log: a copy
 * that did not land never makes a sent message failed.
 */
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import type { ImapSettings } from '../mailbox-config.js';

/** imapflow's settings for a mailbox's `imap` (TLS mode, password or OAuth2 bearer token). */
export function imapClientOptions(settings: ImapSettings): ImapFlowOptions {
  const { user, pass, accessToken } = settings.auth;
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'tls',
    doSTARTTLS: settings.tls === 'starttls' ? true : settings.tls === 'none' ? false : undefined,
    auth: accessToken ? { user, accessToken } : { user, pass: pass ?? '' },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
}

/** The folder sent mail is appended to (see the module comment). */
export async function sentFolderOf(client: ImapFlow, settings: ImapSettings): Promise<string> {
  if (settings.sentMailbox) return settings.sentMailbox;
  const folders = await client.list();
  return folders.find((f) => f.specialUse === '\\Sent')?.path ?? 'Sent';
}

export interface SentAppendResult {
  folder: string;
  /** `false` when a message with the same Message-ID was already in the folder. */
  appended: boolean;
  uid?: number;
}

/** Appends `raw` (Message-ID `messageId`, without brackets) to the Sent folder. */
export async function appendToSent(
  settings: ImapSettings,
  raw: Buffer,
  messageId: string | undefined,
  date: Date,
): Promise<SentAppendResult> {
  const client = new ImapFlow(imapClientOptions(settings));
  client.on('error', () => undefined); // surfaces as the failing command's rejection
  await client.connect();
  try {
    const folder = await sentFolderOf(client, settings);
    if (messageId) {
      // Selected read-write: imapflow only sends the flags the selected folder allows, and a
      // read-only selection allows none (the copy would arrive unread).
      const lock = await client.getMailboxLock(folder);
      try {
        const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
        if (Array.isArray(found) && found.length > 0) return { folder, appended: false };
      } finally {
        lock.release();
      }
    }
    const result = await client.append(folder, raw, ['\\Seen'], date);
    const out: SentAppendResult = { folder, appended: true };
    if (result && result.uid !== undefined) out.uid = result.uid;
    return out;
  } finally {
    await client.logout().catch(() => client.close());
  }
}

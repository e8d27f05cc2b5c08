/**
 * Mail out (F-6.5): the backend's delivery hook (`MemoryBackendOptions.deliver`) for the
 * reference server. For each committed email it finds the mailbox of the case's campaign, builds
 * the MIME (`mime.ts`) and
 * - relays it through the mailbox's SMTP (`smtp-relay.ts`), or, when the mailbox has none (the
 *   embedded default), records it in `dataDir/sent-mail` (`sent-mail-store.ts`, shown by the
 *   `/dev/mail` page);
 * - then, when the mailbox has IMAP, appends the same bytes to its Sent folder (`sent-append.ts`)
 *   in the background: a failure there is logged and never makes the message failed.
 *
 * The mailbox of a campaign: the one configured with its `campaignId`, else the one whose
 * address is the campaign's `fromAddress`, else a recording-only mailbox at that address.
 */
import type { DeliverHook, DeliveryReceipt } from '../../../memory/index.js';
import type { CampaignSettings, Message } from '../../../../model/index.js';
import type { FileStore } from '../../uploads/file-store.js';
import type { MailboxConfig } from '../mailbox-config.js';
import { fileSource } from './file-source.js';
import { buildMime, type BuiltMail } from './mime.js';
import { appendToSent } from './sent-append.js';
import { SentMailStore } from './sent-mail-store.js';
import { SmtpRelay } from './smtp-relay.js';

/** The part of a pino / Fastify logger used here. */
export interface OutboundLog {
  info(data: object, message: string): void;
  warn(data: object, message: string): void;
}

export interface OutboundOptions {
  mailboxes: readonly MailboxConfig[];
  files: FileStore;
  dataDir: string;
}

export interface Outbound {
  deliver: DeliverHook;
  /** The record of mail sent without a relay. */
  sentMail: SentMailStore;
  /** Where log lines go; lines logged before are kept and written then (startup). */
  setLog(log: OutboundLog): void;
  /** Waits for Sent appends in flight (at most `timeoutMs`), then closes the relays. */
  close(timeoutMs: number): Promise<void>;
}

type Level = 'info' | 'warn';

export function createOutbound(options: OutboundOptions): Outbound {
  const sentMail = new SentMailStore(options.dataDir);
  const read = fileSource(options.files);
  const relays = new Map<string, SmtpRelay>();
  const appends = new Set<Promise<void>>();
  let log: OutboundLog | undefined;
  const early: Array<[Level, object, string]> = [];
  const write = (level: Level, data: object, message: string) => {
    if (log) log[level](data, message);
    else early.push([level, data, message]);
  };

  const mailboxFor = (campaign: Pick<CampaignSettings, 'id' | 'fromAddress'>): MailboxConfig => {
    const address = campaign.fromAddress.address.toLowerCase();
    return (
      options.mailboxes.find((m) => m.campaignId === campaign.id) ??
      options.mailboxes.find(
        (m) => m.campaignId === undefined && m.address.toLowerCase() === address,
      ) ?? {
        id: `campaign:${campaign.id}`,
        address: campaign.fromAddress.address,
      }
    );
  };

  /** The relay's stand-in: the MIME and its envelope in `dataDir/sent-mail`. */
  const record = async (
    message: Message,
    mailbox: MailboxConfig,
    mail: BuiltMail,
  ): Promise<DeliveryReceipt> => {
    await sentMail.record(
      {
        id: message.id,
        ...(message.messageId !== undefined && { messageId: message.messageId }),
        conversationId: message.conversationId,
        mailbox: mailbox.id,
        from: mailbox.address,
        subject: message.subject,
        envelope: mail.envelope,
      },
      mail.raw,
    );
    return { response: 'recorded (no SMTP relay configured)', accepted: mail.envelope.to };
  };

  const relayOf = (mailbox: MailboxConfig & { smtp: NonNullable<MailboxConfig['smtp']> }) => {
    let relay = relays.get(mailbox.id);
    if (!relay) relays.set(mailbox.id, (relay = new SmtpRelay(mailbox.smtp)));
    return relay;
  };

  const deliver: DeliverHook = async (message, context) => {
    const mailbox = mailboxFor(context.campaign);
    const about = {
      messageId: message.id,
      rfcMessageId: message.messageId,
      mailbox: mailbox.id,
      attempt: context.attempt,
    };
    let mail: BuiltMail;
    let receipt: DeliveryReceipt;
    try {
      mail = await buildMime(message, mailbox.address, read);
      receipt = mailbox.smtp
        ? await relayOf({ ...mailbox, smtp: mailbox.smtp }).send(mail)
        : await record(message, mailbox, mail);
    } catch (error) {
      write(
        'warn',
        { ...about, err: error instanceof Error ? error.message : String(error) },
        'mail delivery failed',
      );
      throw error;
    }
    write(
      'info',
      { ...about, response: receipt.response },
      mailbox.smtp ? 'mail relayed' : 'mail recorded (no SMTP relay)',
    );
    if (mailbox.imap) {
      const imap = mailbox.imap;
      const append = appendToSent(imap, mail.raw, message.messageId, new Date(message.originDate))
        .then(
          (result) => write('info', { ...about, ...result }, 'copy appended to the Sent folder'),
          (error: unknown) =>
            write(
              'warn',
              { ...about, err: error instanceof Error ? error.message : String(error) },
              'could not append the copy to the Sent folder',
            ),
        )
        .finally(() => appends.delete(append));
      appends.add(append);
    }
    return receipt;
  };

  return {
    deliver,
    sentMail,
    setLog(next) {
      log = next;
      for (const [level, data, message] of early.splice(0)) next[level](data, message);
    },
    async close(timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.allSettled([...appends]),
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timer);
      for (const relay of relays.values()) relay.close();
      relays.clear();
    },
  };
}

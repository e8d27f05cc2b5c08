/**
 * The embedded inbound SMTP listener (F-6.4): lets `npm start` receive mail with no external
 * mail server. smtp-server on a local port, no AUTH and no STARTTLS (it is meant for localhost or
 * behind a relay), accepting mail only for the desk's own addresses (so it is never an open
 * relay), announcing and enforcing a size limit (552), and handing each message to the intake.
 * Replies: 250 with the Message-ID once stored (also for a blocked sender — a spammer learns
 * nothing), 554 for mail refused for good (a loop, no sender, unparseable), 451 when the store
 * cannot write (the sending server retries later).
 */
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { normalizeAddress } from '../../../model/index.js';
import type { IntakeItem, MailIntake } from './inbound/intake.js';
import type { MailLog } from './inbound/mail-log.js';

/** Where mail for an address goes: its configured mailbox and campaign, if any. */
export interface Recipient {
  mailboxId?: string;
  campaignId?: string;
}

export interface SmtpListenerOptions {
  host: string;
  /** `0` picks a free port (tests). */
  port: number;
  intake: MailIntake;
  /** The mailbox of a recipient address, or `null` when mail for it is not accepted here. */
  recipient: (address: string) => Recipient | null;
  log: MailLog;
}

export interface SmtpListener {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) =>
  Object.assign(new Error(message), { responseCode: code });

export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const { intake, log } = options;
  const maxBytes = intake.limits.maxMessageBytes;
  const server = new SMTPServer({
    name: 'atento',
    banner: 'atento inbound mail',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    maxClients: 64,
    socketTimeout: 60_000,
    closeTimeout: 2000,
    onRcptTo(address, _session, callback) {
      const rcpt = normalizeAddress(address.address);
      if (options.recipient(rcpt)) callback();
      else callback(smtpError(550, `5.1.1 <${rcpt}>: no such mailbox here`));
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        (message) => callback(null, message),
        (error: Error) => callback(error),
      );
    },
  });
  server.on('error', (error) => log.warn({ error: error.message }, 'inbound SMTP session error'));

  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession) {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
    }
    if (stream.sizeExceeded || size > maxBytes) {
      log.warn(
        { via: 'smtp', reason: 'too-large', detail: `more than ${maxBytes} bytes` },
        'inbound mail refused',
      );
      throw smtpError(552, `5.3.4 Message exceeds the maximum size of ${maxBytes} bytes`);
    }
    const rcpts = session.envelope.rcptTo.map((r) => normalizeAddress(r.address));
    const deliveredTo = rcpts[0];
    const target = deliveredTo === undefined ? null : options.recipient(deliveredTo);
    const item: IntakeItem = { raw: Buffer.concat(chunks, size), via: 'smtp' };
    if (deliveredTo !== undefined) item.deliveredTo = deliveredTo;
    if (target?.mailboxId !== undefined) item.mailboxId = target.mailboxId;
    if (target?.campaignId !== undefined) item.campaignId = target.campaignId;
    const mailFrom = session.envelope.mailFrom;
    if (mailFrom && mailFrom.address) item.envelopeFrom = mailFrom.address;
    let result;
    try {
      result = await intake.accept(item);
    } catch (error) {
      log.error({ via: 'smtp', error: (error as Error).message }, 'inbound mail not stored');
      throw smtpError(451, '4.3.0 The mail could not be stored now; try again later');
    }
    if (result.outcome === 'refused') {
      const code = result.reason === 'too-large' ? 552 : 554;
      const status =
        result.reason === 'loop' ? '5.4.6' : result.reason === 'too-large' ? '5.3.4' : '5.6.0';
      throw smtpError(code, `${status} ${result.detail}`);
    }
    return `2.0.0 Accepted <${result.messageId}>`;
  }

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.server.once('error', onError);
    server.listen(options.port, options.host, () => {
      server.server.off('error', onError);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  let closing: Promise<void> | undefined;
  return {
    host: options.host,
    port,
    close() {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}

/**
 * Sending through a mailbox's SMTP relay (nodemailer). The MIME is built beforehand (`mime.ts`)
 * and handed over raw with its envelope, so the relay, the Sent folder and the record of a retry
 * all see the same message. One connection per message: an agent desk sends a few mails a minute,
 * and a connection that outlives a restart of the relay never needs repairing.
 */
import nodemailer from 'nodemailer';
import type { SMTPTransportOptions } from 'nodemailer';
import type { DeliveryReceipt } from '../../../memory/index.js';
import type { SmtpSettings } from '../mailbox-config.js';
import type { BuiltMail } from './mime.js';

/** nodemailer's settings for a mailbox's `smtp`: TLS mode, password or OAuth2 bearer token. */
export function smtpTransportOptions(settings: SmtpSettings): SMTPTransportOptions {
  const options: SMTPTransportOptions = {
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'tls',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  };
  const auth = settings.auth;
  if (auth?.accessToken) {
    options.auth = { type: 'OAuth2', user: auth.user, accessToken: auth.accessToken };
  } else if (auth) {
    options.auth = { user: auth.user, pass: auth.pass ?? '' };
  }
  return options;
}

export class SmtpRelay {
  private readonly transport: ReturnType<typeof nodemailer.createTransport>;

  constructor(settings: SmtpSettings) {
    this.transport = nodemailer.createTransport(smtpTransportOptions(settings));
  }

  /**
   * Resolves once the relay accepted the message for at least one recipient (recipients it
   * refused are reported in `rejected`: sending again would duplicate it for the others);
   * rejects with the relay's answer otherwise.
   */
  async send(mail: BuiltMail): Promise<DeliveryReceipt> {
    const info = (await this.transport.sendMail({ envelope: mail.envelope, raw: mail.raw })) as {
      response?: string;
      accepted?: Array<string | { address: string }>;
      rejected?: Array<string | { address: string }>;
    };
    const addresses = (list: Array<string | { address: string }> | undefined) =>
      (list ?? []).map((a) => (typeof a === 'string' ? a : a.address));
    const receipt: DeliveryReceipt = {
      accepted: addresses(info.accepted),
      rejected: addresses(info.rejected),
    };
    if (info.response) receipt.response = info.response;
    return receipt;
  }

  close(): void {
    this.transport.close();
  }
}

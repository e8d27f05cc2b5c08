/**
 * Helpers of the mail-in tests: a listening server wired to a Dovecot mailbox and to its own
 * SMTP listener on a free port, its log lines, a nodemailer client for the listener, and waits
 * on the IMAP sync.
 */
import nodemailer from 'nodemailer';
import type { ServerConfig } from '../../../../src/adapters/node/config.js';
import type { ImapSync, SyncReport } from '../../../../src/adapters/node/mail/imap-sync.js';
import type { MailService } from '../../../../src/adapters/node/mail/mail-service.js';
import type { MailboxConfig } from '../../../../src/adapters/node/mail/mailbox-config.js';
import type { CreateServerOptions } from '../../../../src/adapters/node/server.js';
import type { Dovecot } from '../../../support/dovecot.js';
import { testServer, type TestServer } from '../helpers.js';

export const DESK = 'soporte@tiendaandina.pe';

export interface MailTestServer extends TestServer {
  mail: MailService;
  /** Parsed JSON log lines of the mail side (`component: mail`). */
  logs: Array<Record<string, unknown>>;
  sync(id?: string): ImapSync;
}

export interface MailServerOptions {
  dovecot?: Dovecot;
  /** The Dovecot user the mailbox reads; default the first. */
  user?: string;
  /** Extra mailbox fields (syncDays, markSeen…) of the IMAP mailbox `soporte`. */
  imap?: Partial<NonNullable<MailboxConfig['imap']>>;
  /** Reuse a data dir (restart tests). */
  dir?: string;
  overrides?: Partial<ServerConfig>;
  options?: CreateServerOptions;
}

export async function mailServer(o: MailServerOptions = {}): Promise<MailTestServer> {
  const logs: Array<Record<string, unknown>> = [];
  const mailboxes: MailboxConfig[] = o.dovecot
    ? [{ id: 'soporte', address: DESK, imap: o.dovecot.imap(o.user, { syncDays: 30, ...o.imap }) }]
    : [];
  const server = (await testServer(
    {
      logLevel: 'debug',
      mail: { mailboxes, inboundSmtp: { host: '127.0.0.1', port: 0 } },
      ...o.overrides,
    },
    {
      listen: true,
      ...(o.dir ? { dir: o.dir } : {}),
      logStream: {
        write(line: string) {
          const entry = JSON.parse(line) as Record<string, unknown>;
          if (entry['component'] === 'mail') logs.push(entry);
        },
      },
      mail: { sync: { idleDelayMs: 50, backoff: { initialMs: 50, maxMs: 400 }, timeoutMs: 3000 } },
      ...o.options,
    },
  )) as MailTestServer;
  server.logs = logs;
  server.sync = (id = 'soporte') => {
    const sync = server.mail.syncs.get(id);
    if (!sync) throw new Error(`no sync ${id}`);
    return sync;
  };
  return server;
}

/** The next sync report that matches, within `ms`. */
export function nextSync(
  sync: ImapSync,
  match: (r: SyncReport) => boolean = () => true,
  ms = 10_000,
): Promise<SyncReport> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sync.off('synced', on);
      reject(new Error(`no matching sync within ${ms} ms`));
    }, ms);
    const on = (r: SyncReport) => {
      if (!match(r)) return;
      clearTimeout(timer);
      sync.off('synced', on);
      resolve(r);
    };
    sync.on('synced', on);
  });
}

/** Polls until `check` returns a value other than `undefined`/`false`, within `ms`. */
export async function until<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  ms = 10_000,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends raw bytes to the server's SMTP listener; resolves with the reply or rejects with it. */
export async function smtpSend(
  port: number,
  raw: Buffer | string,
  envelope: { from: string; to: string[] } = { from: 'cliente@example.com', to: [DESK] },
): Promise<string> {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 5000,
  });
  try {
    const info = await transport.sendMail({ envelope, raw });
    return info.response;
  } finally {
    transport.close();
  }
}

/** A simple RFC 822 mail. */
export function rawMail(h: {
  from?: string;
  to?: string;
  subject?: string;
  id?: string;
  inReplyTo?: string;
  references?: string[];
  extra?: string[];
  body?: string;
}): string {
  return [
    `From: ${h.from ?? 'Rosa Ccori <rosa.ccori@example.com>'}`,
    `To: ${h.to ?? DESK}`,
    `Subject: ${h.subject ?? 'Consulta'}`,
    `Date: ${new Date().toUTCString()}`,
    ...(h.id ? [`Message-ID: <${h.id}>`] : []),
    ...(h.inReplyTo ? [`In-Reply-To: <${h.inReplyTo}>`] : []),
    ...(h.references ? [`References: ${h.references.map((r) => `<${r}>`).join(' ')}`] : []),
    ...(h.extra ?? []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    h.body ?? 'Hola',
    '',
  ].join('\r\n');
}

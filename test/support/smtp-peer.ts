/**
 * A real SMTP server (smtp-server) as the peer of the outbound tests: it keeps every message it
 * accepted (envelope + raw MIME), can refuse on demand (`refuse`), can hold a message without ever
 * answering (`hold`: a relay that hangs mid-DATA), and can be stopped and started again on the
 * same port (a relay that is down for a while).
 *
 *   const peer = await startSmtpPeer();
 *   … mailbox.smtp = peer.settings() …
 *   const [mail] = await peer.waitFor(1);
 *   await peer.close();
 */
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { createServer, type Server } from 'node:net';
import type { SmtpSettings } from '../../src/adapters/node/mail/mailbox-config.js';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  /** Who signed in, and how (`PLAIN`, `LOGIN`, `XOAUTH2`), when the peer asks for auth. */
  auth?: { user: string; method: string; accessToken?: string };
}

export interface RefusalRule {
  /** SMTP reply code, e.g. 550 or 451. */
  code: number;
  message: string;
  /** Where the refusal comes: after `RCPT TO` or after the data; default `data`. */
  phase?: 'rcpt' | 'data';
  /** How many messages to refuse; default every one until `refuse(null)`. */
  times?: number;
}

export interface SmtpPeerOptions {
  /** Require auth with these credentials (password) or this bearer token (XOAUTH2). */
  auth?: { user: string; pass?: string; accessToken?: string };
}

export interface SmtpPeer {
  readonly host: string;
  readonly port: number;
  readonly received: ReceivedMail[];
  /** Messages whose data arrived while `hold` was on: never answered, never accepted. */
  readonly held: ReceivedMail[];
  /** Number of DATA commands that ended in a refusal. */
  readonly refused: number;
  readonly running: boolean;
  /** `MailboxConfig.smtp` for this peer (plain, no TLS). */
  settings(extra?: Partial<SmtpSettings>): SmtpSettings;
  refuse(rule: RefusalRule | null): void;
  /** Never answers the data of the next message (the client waits until its socket timeout). */
  hold(): void;
  /** Resolves once `count` messages were accepted in all, within `ms`. */
  waitFor(count: number, ms?: number): Promise<ReceivedMail[]>;
  /** Resolves once `count` messages were held in all, within `ms`. */
  waitForHeld(count: number, ms?: number): Promise<ReceivedMail[]>;
  /** Stops listening (connections are dropped); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe: Server = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startSmtpPeer(options: SmtpPeerOptions = {}): Promise<SmtpPeer> {
  const host = '127.0.0.1';
  const port = await freePort();
  const received: ReceivedMail[] = [];
  const heldMail: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let refusal: RefusalRule | null = null;
  let refused = 0;
  let holdNext = false;
  let server: SMTPServer | undefined;
  const held: Array<() => void> = [];

  /** Takes one use of the current refusal for `phase`, if it applies. */
  const refusalFor = (phase: 'rcpt' | 'data'): Error | undefined => {
    const rule = refusal;
    if (!rule || (rule.phase ?? 'data') !== phase) return undefined;
    if (rule.times !== undefined && --rule.times <= 0) refusal = null;
    refused++;
    return smtpError(rule.code, rule.message);
  };

  const serverOptions = (): SMTPServerOptions => ({
    name: 'peer.test',
    banner: 'atento test peer',
    disabledCommands: ['STARTTLS'],
    authOptional: !options.auth,
    authMethods: ['PLAIN', 'LOGIN', 'XOAUTH2'],
    allowInsecureAuth: true,
    closeTimeout: 50,
    logger: false,
    onAuth(auth, _session, callback) {
      const want = options.auth;
      const ok =
        want !== undefined &&
        auth.username === want.user &&
        (auth.method === 'XOAUTH2'
          ? want.accessToken !== undefined && auth.accessToken === want.accessToken
          : want.pass !== undefined && auth.password === want.pass);
      if (!ok) return callback(smtpError(535, 'Authentication failed'));
      callback(null, {
        user: {
          user: auth.username,
          method: auth.method,
          ...(auth.accessToken && { accessToken: auth.accessToken }),
        },
      });
    },
    onRcptTo(_address, _session, callback) {
      callback(refusalFor('rcpt') ?? null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const mailFrom = session.envelope.mailFrom;
        const mail: ReceivedMail = {
          envelope: {
            from: mailFrom === false ? '' : mailFrom.address,
            to: session.envelope.rcptTo.map((r) => r.address),
          },
          raw: Buffer.concat(chunks),
        };
        const user = session.user as ReceivedMail['auth'] | undefined;
        if (user) mail.auth = user;
        if (holdNext) {
          holdNext = false;
          heldMail.push(mail);
          for (const wake of waiters) wake();
          held.push(() => callback(smtpError(421, 'Closing')));
          return;
        }
        const error = refusalFor('data');
        if (error) return callback(error);
        received.push(mail);
        for (const wake of waiters) wake();
        callback(null, `2.0.0 Ok: queued as peer-${received.length}`);
      });
    },
  });

  const start = () =>
    new Promise<void>((resolve, reject) => {
      const next = new SMTPServer(serverOptions());
      next.on('error', () => undefined);
      const listener = next.listen(port, host, () => {
        listener.off('error', reject);
        server = next;
        resolve();
      });
      listener.once('error', reject);
    });

  const stop = () =>
    new Promise<void>((resolve) => {
      const current = server;
      server = undefined;
      for (const release of held.splice(0)) release();
      if (!current) return resolve();
      current.close(() => resolve());
    });

  await start();

  return {
    host,
    port,
    received,
    held: heldMail,
    get refused() {
      return refused;
    },
    get running() {
      return server !== undefined;
    },
    settings(extra = {}) {
      return { host, port, tls: 'none', ...extra };
    },
    refuse(rule) {
      refusal = rule ? { ...rule } : null;
    },
    hold() {
      holdNext = true;
    },
    waitFor: (count, ms) => waitUntil(received, count, ms),
    waitForHeld: (count, ms) => waitUntil(heldMail, count, ms),
    stop,
    start,
    close: stop,
  };

  async function waitUntil(list: ReceivedMail[], count: number, ms = 5000) {
    const deadline = Date.now() + ms;
    while (list.length < count) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`smtp peer: ${list.length} of ${count} messages after ${ms} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        waiters.add(wake);
      });
    }
    return list.slice(0, count);
  }
}

/**
 * The server's mail-in side, started with the server and stopped before its store closes: the
 * embedded SMTP listener (when enabled) and one IMAP sync per mailbox that has `imap` settings,
 * all feeding one intake. A listener that cannot bind (the port is taken) is logged and left
 * off rather than stopping the server; `listenerPort` says whether it listens.
 */
import type { MemoryBackend } from '../../memory/index.js';
import { normalizeAddress } from '../../../model/index.js';
import type { FileStore } from '../uploads/file-store.js';
import { MailIntake, type IntakeLimits } from './inbound/intake.js';
import type { MailLog } from './inbound/mail-log.js';
import type { ParsePoolOptions } from './inbound/parse-pool.js';
import { ImapSync, type ImapSyncOptions } from './imap-sync.js';
import type { ImapSettings, MailboxConfig, MailConfig } from './mailbox-config.js';
import { startSmtpListener, type Recipient, type SmtpListener } from './smtp-listener.js';

/** Tuning for tests and benches. */
export interface MailServiceTuning {
  sync?: Pick<
    ImapSyncOptions,
    'backoff' | 'idleDelayMs' | 'batchSize' | 'batchBytes' | 'timeoutMs'
  >;
  limits?: Partial<IntakeLimits>;
  /** MIME parsing threads (size 0: parse in the main thread). */
  parser?: Omit<ParsePoolOptions, 'onFailure'>;
}

export interface MailServiceDeps {
  config: MailConfig;
  backend: MemoryBackend;
  files: FileStore;
  fileUrl: (fileId: string) => string;
  log: MailLog;
  tuning?: MailServiceTuning;
}

export class MailService {
  readonly intake: MailIntake;
  /** One per mailbox with IMAP settings, by mailbox id. */
  readonly syncs = new Map<string, ImapSync>();
  private listener: SmtpListener | null = null;
  private started = false;

  constructor(private readonly deps: MailServiceDeps) {
    this.intake = new MailIntake({
      backend: deps.backend,
      files: deps.files,
      fileUrl: deps.fileUrl,
      log: deps.log,
      ownAddresses: () => deps.config.mailboxes.map((m) => m.address),
      limits: deps.tuning?.limits,
      parser: deps.tuning?.parser,
    });
    for (const mailbox of deps.config.mailboxes) {
      if (!mailbox.imap) continue;
      this.syncs.set(
        mailbox.id,
        new ImapSync({
          ...deps.tuning?.sync,
          mailbox: mailbox as MailboxConfig & { imap: ImapSettings },
          backend: deps.backend,
          intake: this.intake,
          log: deps.log,
        }),
      );
    }
  }

  /** The port the inbound SMTP listener listens on, or `null` when it does not. */
  get listenerPort(): number | null {
    return this.listener?.port ?? null;
  }

  /** Where mail for an address goes: a configured mailbox, or a campaign's address; else `null`. */
  recipient(address: string): Recipient | null {
    const a = normalizeAddress(address);
    const mailbox = this.deps.config.mailboxes.find((m) => m.address === a);
    if (mailbox) {
      const r: Recipient = { mailboxId: mailbox.id };
      if (mailbox.campaignId !== undefined) r.campaignId = mailbox.campaignId;
      return r;
    }
    return this.deps.backend.mailIn.addresses().includes(a) ? {} : null;
  }

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const smtp = this.deps.config.inboundSmtp;
    if (smtp) {
      try {
        this.listener = await startSmtpListener({
          host: smtp.host,
          port: smtp.port,
          intake: this.intake,
          recipient: (a) => this.recipient(a),
          log: this.deps.log,
        });
        this.deps.log.info(
          { host: smtp.host, port: this.listener.port },
          'inbound SMTP listener ready',
        );
      } catch (error) {
        this.deps.log.error(
          { host: smtp.host, port: smtp.port, error: (error as Error).message },
          'inbound SMTP listener could not start; mail is not received over SMTP',
        );
      }
    }
    // The first sync downloads in bulk: the parsing threads start while it logs in.
    if (this.syncs.size > 0) void this.intake.parser.warm();
    for (const sync of this.syncs.values()) sync.start();
  }

  /**
   * Stops the syncs (a pass in progress finishes its batch), the listener and the parsing
   * threads.
   */
  async stop(): Promise<void> {
    await Promise.all([...this.syncs.values()].map((s) => s.stop()));
    await this.listener?.close();
    this.listener = null;
    await this.intake.close();
  }
}

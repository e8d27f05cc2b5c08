/**
 * Reads one mailbox over IMAP (F-6.4), with imapflow:
 * - first run: the mail of the last `syncDays` days (SEARCH SINCE), then every new UID;
 * - incremental by UID: the last UID handled and the UIDVALIDITY are kept in the store with the
 *   mail itself (one write), so a restart goes on where it stopped and never imports twice;
 * - a new UIDVALIDITY (the mailbox was rebuilt) resyncs the window; mail already received is
 *   recognised by Message-ID and skipped before any parsing;
 * - then IDLE: new mail is fetched as soon as the server announces it;
 * - a dropped connection is retried with exponential backoff (with jitter, capped at 30 s);
 * - FETCH in batches (200 messages or 64 MiB, whichever first), never a whole mailbox at once,
 *   in a pipeline: while one batch is filed, the next one is parsed (in worker threads, see
 *   `ParsePool`) and the one after it downloads; mail above the size cap is refused from its
 *   RFC822.SIZE without downloading it (sizes are asked only of mail a SEARCH LARGER finds);
 * - `\Seen` set on handled mail when `markSeen`.
 */
import { EventEmitter } from 'node:events';
import { ImapFlow, type MailboxObject } from 'imapflow';
import type { MemoryBackend } from '../../memory/index.js';
import type { IntakeItem, IntakeResult, MailIntake, PreparedBatch } from './inbound/intake.js';
import type { MailLog } from './inbound/mail-log.js';
import type { ImapSettings, MailboxConfig } from './mailbox-config.js';

export interface ImapSyncOptions {
  mailbox: MailboxConfig & { imap: ImapSettings };
  backend: MemoryBackend;
  intake: MailIntake;
  log: MailLog;
  /** Messages per FETCH; default 200. */
  batchSize?: number;
  /** Bytes per FETCH (by RFC822.SIZE); default 64 MiB. */
  batchBytes?: number;
  /** First retry delay and its cap; default 1 s and 30 s. */
  backoff?: { initialMs?: number; maxMs?: number };
  /** Quiet time before IDLE starts after a command; default 100 ms. */
  idleDelayMs?: number;
  /** Connection and greeting timeouts; default 15 s. */
  timeoutMs?: number;
  now?: () => Date;
}

export type ImapSyncState = 'connecting' | 'syncing' | 'idle' | 'waiting' | 'stopped';

/** What one sync pass did. */
export interface SyncReport {
  mailboxId: string;
  uidValidity: number;
  lastUid: number;
  /** The pass read the whole window (first run or a new UIDVALIDITY). */
  full: boolean;
  stored: number;
  duplicates: number;
  blocked: number;
  refused: number;
}

interface ImapSyncEvents {
  state: [ImapSyncState];
  synced: [SyncReport];
  /** A connection or pass failed; the sync retries after `delayMs`. */
  retry: [{ error: Error; attempt: number; delayMs: number }];
}

const DAY = 24 * 3600 * 1000;
/** Batches downloaded or parsed ahead of the one being filed. */
const PIPELINE_DEPTH = 2;

/** `1:3,5,9:12` from ascending UIDs. */
export function uidRanges(uids: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < uids.length;) {
    let j = i;
    while (j + 1 < uids.length && uids[j + 1] === uids[j]! + 1) j++;
    out.push(i === j ? String(uids[i]) : `${uids[i]}:${uids[j]}`);
    i = j + 1;
  }
  return out.join(',');
}

export class ImapSync extends EventEmitter<ImapSyncEvents> {
  readonly mailboxId: string;
  private state: ImapSyncState = 'stopped';
  private stopped = true;
  private running: Promise<void> | undefined;
  private client: ImapFlow | undefined;
  private pending = false;
  private wake: (() => void) | undefined;
  private readonly path: string;
  private readonly batchSize: number;
  private readonly batchBytes: number;
  private readonly initialMs: number;
  private readonly maxMs: number;

  constructor(private readonly options: ImapSyncOptions) {
    super();
    this.mailboxId = options.mailbox.id;
    this.path = options.mailbox.imap.mailbox ?? 'INBOX';
    this.batchSize = options.batchSize ?? 200;
    this.batchBytes = options.batchBytes ?? 64 * 1024 * 1024;
    this.initialMs = options.backoff?.initialMs ?? 1000;
    this.maxMs = options.backoff?.maxMs ?? 30_000;
  }

  get status(): ImapSyncState {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = this.run();
  }

  /** Closes the connection and waits until no pass is running any more. */
  async stop(): Promise<void> {
    if (this.stopped) return this.running;
    this.stopped = true;
    this.client?.close();
    this.wake?.();
    await this.running;
    this.setState('stopped');
  }

  private setState(state: ImapSyncState): void {
    if (this.state === state) return;
    this.state = state;
    this.emit('state', state);
  }

  private createClient(): ImapFlow {
    const { imap } = this.options.mailbox;
    const auth = imap.auth.accessToken
      ? { user: imap.auth.user, accessToken: imap.auth.accessToken }
      : { user: imap.auth.user, pass: imap.auth.pass ?? '' };
    const timeout = this.options.timeoutMs ?? 15_000;
    return new ImapFlow({
      host: imap.host,
      port: imap.port,
      secure: imap.tls === 'tls',
      doSTARTTLS: imap.tls === 'starttls',
      auth,
      logger: false,
      autoIdleDelay: this.options.idleDelayMs ?? 100,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      clientInfo: { name: 'atento' },
    });
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.stopped) {
      const client = this.createClient();
      this.client = client;
      client.once('close', () => this.wake?.());
      client.on('error', () => {
        // surfaces as 'close' and as the failing command's rejection
      });
      client.on('exists', () => this.kick());
      try {
        this.setState('connecting');
        await client.connect();
        this.pending = true;
        let first = true;
        for (;;) {
          if (this.stopped || !client.usable) break;
          if (this.pending) {
            this.pending = false;
            this.setState('syncing');
            await this.pass(client);
            if (first) attempt = 0;
            first = false;
            this.setState('idle');
            continue;
          }
          await new Promise<void>((resolve) => {
            this.wake = resolve;
            if (this.pending || this.stopped || !client.usable) resolve();
          });
          this.wake = undefined;
        }
        if (!this.stopped) throw new Error('The IMAP connection was closed.');
      } catch (error) {
        if (this.stopped) break;
        const delayMs = this.delay(attempt++);
        this.options.log.warn(
          { mailbox: this.mailboxId, error: (error as Error).message, attempt, delayMs },
          'IMAP sync interrupted; retrying',
        );
        this.emit('retry', { error: error as Error, attempt, delayMs });
      } finally {
        client.close();
        this.client = undefined;
      }
      if (this.stopped) break;
      this.setState('waiting');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.delay(Math.max(0, attempt - 1)));
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  /** Exponential: initial × 2^attempt, capped, with ±25 % jitter. */
  private delay(attempt: number): number {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(attempt, 20));
    return Math.round(base * (0.75 + Math.random() * 0.5));
  }

  /** New mail was announced (IDLE): run a pass as soon as the current one ends. */
  private kick(): void {
    this.pending = true;
    this.wake?.();
  }

  private async pass(client: ImapFlow): Promise<void> {
    const { backend, mailbox } = this.options;
    const lock = await client.getMailboxLock(this.path);
    try {
      const selected = client.mailbox as MailboxObject;
      const uidValidity = Number(selected.uidValidity);
      const uidNext = Number(selected.uidNext ?? 0);
      const state = backend.mailIn.syncState(this.mailboxId);
      const full = !state || state.uidValidity !== uidValidity;
      let criteria: { since: Date } | { uid: string };
      if (full) {
        if (state)
          this.options.log.warn(
            { mailbox: this.mailboxId, was: state.uidValidity, now: uidValidity },
            'IMAP UIDVALIDITY changed; resyncing the window',
          );
        const now = (this.options.now ?? (() => new Date()))();
        criteria = { since: new Date(now.getTime() - (mailbox.imap.syncDays ?? 30) * DAY) };
      } else {
        // Always asked: imapflow's uidNext is not refreshed by IDLE's EXISTS.
        criteria = { uid: `${state.lastUid + 1}:*` };
      }
      const after = full ? 0 : state.lastUid;
      const uids = ((await client.search(criteria, { uid: true })) || []).filter(
        (uid) => uid > after,
      );
      uids.sort((a, b) => a - b);
      const report: SyncReport = {
        mailboxId: this.mailboxId,
        uidValidity,
        lastUid: full ? 0 : state.lastUid,
        full,
        stored: 0,
        duplicates: 0,
        blocked: 0,
        refused: 0,
      };
      if (uids.length > 0) await this.download(client, criteria, uids, uidValidity, report);
      if (uids.length === 0 || report.lastUid < uidNext - 1) {
        // Nothing (more) in the window: start after the mailbox's current end, so mail older
        // than the window is never imported later.
        const end = Math.max(report.lastUid, uidNext - 1, 0);
        if (full || end > report.lastUid) {
          backend.mailIn.advance({ mailboxId: this.mailboxId, uidValidity, uid: end });
          report.lastUid = end;
        }
      }
      this.emit('synced', report);
    } finally {
      lock.release();
    }
  }

  /**
   * Sizes first, then the sources batch by batch. Only the mail larger than a batch's share
   * (`batchBytes / batchSize`, or the size cap if lower) has its size fetched, found by one SEARCH
   * LARGER; any other mail counts as that share, so a batch stays under `batchBytes` and mail
   * above the cap is known without asking every size.
   */
  private async download(
    client: ImapFlow,
    criteria: { since: Date } | { uid: string },
    uids: number[],
    uidValidity: number,
    report: SyncReport,
  ): Promise<void> {
    const max = this.options.intake.limits.maxMessageBytes;
    // Above this size a mail's size is asked; every mail above `max` is among them.
    const share = Math.max(1, Math.floor(Math.min(this.batchBytes / this.batchSize, max)));
    const large = (await client.search({ ...criteria, larger: share }, { uid: true })) || [];
    const sizes = new Map<number, number>();
    if (large.length > 0) {
      const wanted = new Set(uids);
      const list = large.filter((uid) => wanted.has(uid)).sort((a, b) => a - b);
      if (list.length > 0)
        for await (const m of client.fetch(
          uidRanges(list),
          { uid: true, size: true },
          { uid: true },
        ))
          sizes.set(m.uid, m.size ?? 0);
    }
    const batches: number[][] = [];
    let batch: number[] = [];
    let bytes = 0;
    const largeSet = new Set(large);
    for (const uid of uids) {
      if (largeSet.has(uid) && !sizes.has(uid)) continue; // expunged meanwhile
      const size = sizes.get(uid) ?? share;
      if (size > max) {
        if (batch.length) batches.push(batch);
        batches.push([-uid]); // refused by size, never downloaded
        batch = [];
        bytes = 0;
        continue;
      }
      if (batch.length >= this.batchSize || (batch.length > 0 && bytes + size > this.batchBytes)) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push(uid);
      bytes += size;
    }
    if (batch.length) batches.push(batch);

    // Three stages overlap: batch i is filed (backend, SQLite) while batch i + 1 is parsed (worker
    // threads) and has its files written, and batch i + 2 downloads (one FETCH at a time, in
    // order). At most three batches are in memory.
    const { intake } = this.options;
    let fetching: Promise<unknown> = Promise.resolve();
    const prepare = (list: number[]): Promise<PreparedBatch | null> => {
      if (list.length === 1 && list[0]! < 0) return Promise.resolve(null);
      const fetched = fetching.then(async () => {
        const items: IntakeItem[] = [];
        const range = uidRanges(list);
        for await (const m of client.fetch(range, { uid: true, source: true }, { uid: true })) {
          if (!m.source) continue;
          items.push(this.item(m.source, m.uid, uidValidity));
        }
        return items;
      });
      fetching = fetched.catch(() => undefined);
      const prepared = fetched.then((items) => intake.prepare(items));
      prepared.catch(() => undefined); // awaited in its turn; a failure ends the pass there
      return prepared;
    };
    const ahead: Array<Promise<PreparedBatch | null>> = [];
    let queued = 0;
    try {
      for (let i = 0; i < batches.length; i++) {
        while (queued < batches.length && ahead.length <= PIPELINE_DEPTH)
          ahead.push(prepare(batches[queued++]!));
        const list = batches[i]!;
        const prepared = await ahead.shift()!;
        if (prepared === null) {
          this.refuseBySize(-list[0]!, sizes.get(-list[0]!)!, report);
        } else {
          const results = await intake.file(prepared);
          this.count(results, report);
        }
        const handled = list.map(Math.abs);
        const last = handled[handled.length - 1]!;
        if (this.options.mailbox.imap.markSeen)
          await client.messageFlagsAdd(uidRanges(handled), ['\\Seen'], { uid: true });
        // Filed mail moved the position with it; refused mail (or mail gone meanwhile) did not.
        const position = this.options.backend.mailIn.syncState(this.mailboxId);
        if (!position || position.uidValidity !== uidValidity || position.lastUid < last)
          this.options.backend.mailIn.advance({
            mailboxId: this.mailboxId,
            uidValidity,
            uid: last,
          });
        report.lastUid = Math.max(report.lastUid, last);
      }
    } finally {
      // Batches prepared but never filed (the pass failed or stopped): their files go.
      for (const left of await Promise.allSettled(ahead))
        if (left.status === 'fulfilled' && left.value) await intake.discard(left.value);
    }
  }

  private item(source: Buffer, uid: number, uidValidity: number): IntakeItem {
    const { mailbox } = this.options;
    const item: IntakeItem = {
      raw: source,
      via: 'imap',
      mailboxId: this.mailboxId,
      uid,
      uidValidity,
      deliveredTo: mailbox.address,
    };
    if (mailbox.campaignId !== undefined) item.campaignId = mailbox.campaignId;
    return item;
  }

  private refuseBySize(uid: number, size: number, report: SyncReport): void {
    report.refused++;
    this.options.log.warn(
      {
        via: 'imap',
        mailbox: this.mailboxId,
        uid,
        reason: 'too-large',
        detail: `The mail has ${size} bytes; at most ${this.options.intake.limits.maxMessageBytes} are accepted.`,
      },
      'inbound mail refused',
    );
  }

  private count(results: readonly IntakeResult[], report: SyncReport): void {
    for (const r of results) {
      if (r.outcome === 'stored') report.stored++;
      else if (r.outcome === 'duplicate') report.duplicates++;
      else if (r.outcome === 'blocked') report.blocked++;
      else report.refused++;
    }
  }
}

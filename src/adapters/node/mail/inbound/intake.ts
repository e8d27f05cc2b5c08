/**
 * The one door inbound mail goes through, whether it came over IMAP or the SMTP listener
 * (F-6.4): size cap, parse, screening (no usable sender, mail loops), duplicate check, files
 * (raw source and parts) into the file store, then the backend's pipeline (threading, block
 * list) — a batch in one write. Every mail ends `stored`, `duplicate`, `blocked` or `refused`
 * with a logged reason; a failure of the store itself is thrown (the caller retries later) and
 * leaves no stray files behind.
 */
import type { MemoryBackend } from '../../../memory/index.js';
import type { InboundBatchResult } from '../../../memory/operations/inbound.js';
import type { InboundMail, InboundSource, Message } from '../../../../model/index.js';
import { isValidAddress, normalizeAddress } from '../../../../model/index.js';
import type { FileStore } from '../../uploads/file-store.js';
import { MailParseError, messageIds, type ParsedMail } from '../parse-mail.js';
import {
  dropParts,
  placeParts,
  storeSources,
  type MailFileLimits,
  type SourceRef,
  type StoredParts,
} from './mail-files.js';
import type { MailLog } from './mail-log.js';
import { ParsePool, type ParsePoolOptions, type PreparedMail } from './parse-pool.js';

export interface IntakeLimits extends MailFileLimits {
  /** Larger mail is refused whole (the SMTP listener announces it as its SIZE). */
  maxMessageBytes: number;
  /** More `Received` headers than this is a mail loop. */
  maxHops: number;
}

const MiB = 1024 * 1024;

export const INTAKE_LIMITS: IntakeLimits = {
  maxMessageBytes: 30 * MiB,
  maxAttachmentBytes: 25 * MiB,
  maxAttachments: 1000,
  maxHops: 30,
};

/** One raw mail and where it came from. */
export interface IntakeItem {
  raw: Uint8Array;
  via: 'imap' | 'smtp';
  mailboxId?: string;
  uid?: number;
  uidValidity?: number;
  /** The address it was delivered to: SMTP `RCPT TO`, or the IMAP mailbox's address. */
  deliveredTo?: string;
  campaignId?: string;
  /** SMTP `MAIL FROM`, the sender of last resort when the mail names none. */
  envelopeFrom?: string;
}

export type RefusalReason = 'too-large' | 'unparseable' | 'no-sender' | 'loop' | 'invalid';

export type IntakeResult =
  | { outcome: 'stored' | 'duplicate'; messageId: string; message: Message | null }
  | { outcome: 'blocked'; messageId: string; message: null }
  | { outcome: 'refused'; reason: RefusalReason; detail: string; messageId?: string };

export interface IntakeDeps {
  backend: MemoryBackend;
  files: FileStore;
  fileUrl: (fileId: string) => string;
  log: MailLog;
  /** The desk's own addresses (configured mailboxes); the campaigns' are added. */
  ownAddresses?: () => Iterable<string>;
  limits?: Partial<IntakeLimits>;
  /** The MIME parsing threads (see `ParsePool`); size 0 parses in the calling thread. */
  parser?: Omit<ParsePoolOptions, 'onFailure'>;
}

/** A mail that passed the checks (to be stored), or what became of it before. */
type Checked =
  | { item: IntakeItem; done: IntakeResult }
  | { item: IntakeItem; parsed: PreparedMail; from: { name?: string; address: string } };

/**
 * A batch checked, parsed and with its files stored by `prepare`, not yet filed with the backend:
 * `file` files it, `discard` removes its files.
 */
export interface PreparedBatch {
  readonly checked: readonly Checked[];
  /** The mails that passed, in order, with their files. */
  readonly ready: readonly Ready[];
}

/** A mail whose files are stored, ready for the backend. */
interface Ready {
  item: IntakeItem;
  mail: InboundMail;
  messageId: string;
  /** Files only this mail uses (its parts); the batch's source file is shared. */
  partFileIds: string[];
  notes: string[];
}

class Refusal extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
    readonly messageId?: string,
  ) {
    super(message);
  }
}

/** The Message-ID from the header block alone (cheap), as `parseMail` would find it. */
export function quickMessageId(raw: Uint8Array): string | undefined {
  const head = Buffer.from(raw.buffer, raw.byteOffset, Math.min(raw.length, 256 * 1024));
  const end = head.indexOf('\r\n\r\n');
  const block = head
    .subarray(0, end === -1 ? head.length : end)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ');
  const match = /^message-id:[ \t]*(.*)$/im.exec(block);
  return match ? messageIds(match[1])[0] : undefined;
}

export class MailIntake {
  readonly limits: IntakeLimits;

  constructor(private readonly deps: IntakeDeps) {
    this.limits = { ...INTAKE_LIMITS, ...deps.limits };
    this.parser = new ParsePool({
      ...deps.parser,
      onFailure: (error) =>
        deps.log.warn(
          { error: error.message },
          'MIME parsing threads unavailable; parsing in the main thread',
        ),
    });
  }

  /** Where MIME is parsed (stopped by `close`). */
  readonly parser: ParsePool;

  async accept(item: IntakeItem): Promise<IntakeResult> {
    return (await this.acceptBatch([item]))[0]!;
  }

  /**
   * Takes mails in order; the ones that pass the checks have their raw sources kept in one file
   * and are filed in one unit of work. Rejects only when the store cannot write (nothing of the
   * batch is then left in the file store).
   */
  async acceptBatch(items: readonly IntakeItem[]): Promise<IntakeResult[]> {
    return this.file(await this.prepare(items));
  }

  /**
   * The first half of `acceptBatch`: size, duplicates known so far, parsing (in worker threads for
   * a large batch), sender and mail loops, then the files of the mails that passed (raw sources in
   * one file, and parts). Nothing is filed with the backend and nothing logged, so batches can be
   * prepared ahead of the one being filed; `file` files them in the order given (a mail that an
   * earlier batch not yet filed also holds is then caught as a duplicate), or `discard` drops one.
   */
  async prepare(items: readonly IntakeItem[]): Promise<PreparedBatch> {
    const own = this.ownAddresses();
    const early = items.map((item) => this.precheck(item));
    const toParse = early.filter((e): e is IntakeItem => !('done' in e));
    const parsed = await this.parser.parseAll(
      toParse.map((item) => item.raw),
      { tempDir: this.deps.files.tempDir, limits: this.limits },
    );
    let next = 0;
    const checked = early.map((e): Checked => {
      if ('done' in e) return e;
      const p = parsed[next++]!;
      const c = this.check(e, p, own);
      // Parts written while parsing a mail that goes no further.
      if ('done' in c && !(p instanceof MailParseError)) void dropParts(p.parts);
      return c;
    });
    const keep = checked.filter(
      (c): c is Extract<Checked, { parsed: PreparedMail }> => 'parsed' in c,
    );
    return { checked, ready: keep.length > 0 ? await this.store(keep) : [] };
  }

  /**
   * The second half of `acceptBatch`: the mails of a prepared batch through the backend's pipeline
   * in one unit of work, a logged outcome per mail, and the files of mails not kept removed.
   */
  async file(batch: PreparedBatch): Promise<IntakeResult[]> {
    const { checked, ready } = batch;
    let filed: InboundBatchResult[] = [];
    if (ready.length > 0) {
      try {
        filed = await this.deps.backend.mailIn.receive(ready.map((r) => r.mail));
      } catch (error) {
        await this.discard(batch);
        throw error;
      }
    }
    const results: IntakeResult[] = [];
    const unused: string[] = [];
    let kept = 0;
    let next = 0;
    for (const c of checked) {
      if ('done' in c) {
        results.push(c.done);
        this.report(c.item, c.done);
        continue;
      }
      const prepared = ready[next]!;
      const r = filed[next++]!;
      let result: IntakeResult;
      if (r.outcome === 'refused')
        result = {
          outcome: 'refused',
          reason: 'invalid',
          detail: r.error.message,
          messageId: prepared.messageId,
        };
      else if (r.outcome === 'blocked')
        result = { outcome: 'blocked', messageId: prepared.messageId, message: null };
      else result = { outcome: r.outcome, messageId: prepared.messageId, message: r.message };
      if (result.outcome === 'stored' || result.outcome === 'blocked') kept++;
      else unused.push(...prepared.partFileIds);
      results.push(result);
      this.report(c.item, result, prepared.notes);
    }
    if (ready.length > 0 && kept === 0) unused.push(ready[0]!.mail.source!.rawFileId!);
    await this.removeFiles(unused);
    return results;
  }

  /** Removes the files of a prepared batch that will not be filed. */
  async discard(batch: PreparedBatch): Promise<void> {
    const { ready } = batch;
    if (ready.length === 0) return;
    await this.removeFiles([
      ready[0]!.mail.source!.rawFileId!,
      ...ready.flatMap((r) => r.partFileIds),
    ]);
  }

  /** Stops the parsing threads (mail can still be taken afterwards: it is parsed in-thread). */
  async close(): Promise<void> {
    await this.parser.close();
  }

  private ownAddresses(): Set<string> {
    const own = new Set<string>();
    for (const a of this.deps.ownAddresses?.() ?? []) own.add(normalizeAddress(a));
    for (const a of this.deps.backend.mailIn.addresses()) own.add(a);
    return own;
  }

  /** What is decided before parsing: size, and a Message-ID already received. */
  private precheck(item: IntakeItem): IntakeItem | Extract<Checked, { done: IntakeResult }> {
    const raw = item.raw;
    const early = quickMessageId(raw);
    if (raw.length > this.limits.maxMessageBytes)
      return this.refused(
        item,
        new Refusal(
          'too-large',
          `The mail has ${raw.length} bytes; at most ${this.limits.maxMessageBytes} are accepted.`,
          early,
        ),
      );
    if (early !== undefined && this.deps.backend.mailIn.known(early) !== null)
      return { item, done: { outcome: 'duplicate', messageId: early, message: null } };
    return item;
  }

  /** After parsing: unparseable, sender, loops and duplicates by the parsed Message-ID. */
  private check(
    item: IntakeItem,
    parsed: PreparedMail | MailParseError,
    own: Set<string>,
  ): Checked {
    try {
      if (parsed instanceof MailParseError)
        throw new Refusal('unparseable', parsed.message, quickMessageId(item.raw));
      const { mail } = parsed;
      const from = this.sender(mail, item);
      this.screen(mail, from, own);
      if (this.deps.backend.mailIn.known(mail.messageId) !== null)
        return { item, done: { outcome: 'duplicate', messageId: mail.messageId, message: null } };
      return { item, parsed, from };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      return this.refused(item, error);
    }
  }

  private refused(item: IntakeItem, refusal: Refusal): Extract<Checked, { done: IntakeResult }> {
    const done: IntakeResult = {
      outcome: 'refused',
      reason: refusal.reason,
      detail: refusal.message,
    };
    if (refusal.messageId !== undefined) done.messageId = refusal.messageId;
    return { item, done };
  }

  /** The author, else (SMTP) the envelope sender; a mail with neither is refused. */
  private sender(
    parsed: Omit<ParsedMail, 'parts'>,
    item: IntakeItem,
  ): { name?: string; address: string } {
    if (parsed.from) return parsed.from;
    const envelope = normalizeAddress(item.envelopeFrom ?? '');
    if (isValidAddress(envelope)) return { address: envelope };
    throw new Refusal('no-sender', 'The mail has no usable From address.', parsed.messageId);
  }

  /** Mail loops: our own mail coming back, or mail that went round too many servers. */
  private screen(
    parsed: Omit<ParsedMail, 'parts'>,
    from: { address: string },
    own: Set<string>,
  ): void {
    if (own.has(from.address))
      throw new Refusal(
        'loop',
        `The mail comes from this desk's own address ${from.address} (a mail loop).`,
        parsed.messageId,
      );
    if (parsed.hops > this.limits.maxHops)
      throw new Refusal(
        'loop',
        `The mail passed through ${parsed.hops} mail servers (a mail loop).`,
        parsed.messageId,
      );
    const looped = parsed.loops.find((v) => [...own].some((a) => v.includes(a)));
    if (looped !== undefined)
      throw new Refusal(
        'loop',
        `The mail carries X-Loop: ${looped} (a mail loop).`,
        parsed.messageId,
      );
  }

  /** The batch's raw sources (one file), then each mail's parts; the mails for the backend. */
  private async store(
    keep: ReadonlyArray<Extract<Checked, { parsed: PreparedMail }>>,
  ): Promise<Ready[]> {
    const deps = { files: this.deps.files, fileUrl: this.deps.fileUrl };
    let refs: SourceRef[];
    try {
      refs = await storeSources(
        deps,
        keep.map((k) => k.item.raw),
      );
    } catch (error) {
      await Promise.all(keep.map((k) => dropParts(k.parsed.parts)));
      throw error;
    }
    // The parts, checked while parsing, move into the store.
    const stored: StoredParts[] = [];
    try {
      for (const k of keep) stored.push(placeParts(deps, k.parsed.parts, k.parsed.mail.html));
    } catch (error) {
      await Promise.all(keep.slice(stored.length + 1).map((k) => dropParts(k.parsed.parts)));
      await this.removeFiles([refs[0]!.fileId, ...stored.flatMap((p) => p.fileIds)]);
      throw error;
    }
    return keep.map(({ item, parsed: { mail: parsed }, from }, i) => {
      const parts = stored[i]!;
      const ref = refs[i]!;
      const notes = [...parsed.notes, ...parts.notes];
      const source: InboundSource = {
        via: item.via,
        rawFileId: ref.fileId,
        rawOffset: ref.offset,
        rawSize: ref.size,
      };
      if (item.mailboxId !== undefined) source.mailboxId = item.mailboxId;
      if (item.uid !== undefined) source.uid = item.uid;
      if (item.uidValidity !== undefined) source.uidValidity = item.uidValidity;
      if (notes.length) source.notes = notes;
      const mail: InboundMail = {
        from,
        to: parsed.to,
        cc: parsed.cc,
        subject: parsed.subject,
        text: parsed.text,
        messageId: parsed.messageId,
        references: parsed.references,
        attachments: parts.attachments,
        source,
      };
      if (parts.html !== undefined) mail.html = parts.html;
      if (parsed.inReplyTo) mail.inReplyTo = parsed.inReplyTo;
      if (parsed.date) mail.date = parsed.date;
      if (parsed.autoReply) mail.autoReply = true;
      if (item.deliveredTo) mail.deliveredTo = item.deliveredTo;
      if (item.campaignId) mail.campaignId = item.campaignId;
      return { item, mail, messageId: parsed.messageId, partFileIds: parts.fileIds, notes };
    });
  }

  private async removeFiles(ids: readonly string[]): Promise<void> {
    await Promise.all(ids.map((id) => this.deps.files.remove(id)));
  }

  private report(item: IntakeItem, result: IntakeResult, notes: readonly string[] = []): void {
    const where = {
      via: item.via,
      mailbox: item.mailboxId,
      uid: item.uid,
      messageId: 'messageId' in result ? result.messageId : undefined,
    };
    const log = this.deps.log;
    if (result.outcome === 'refused') {
      log.warn({ ...where, reason: result.reason, detail: result.detail }, 'inbound mail refused');
      return;
    }
    if (result.outcome === 'stored') {
      for (const note of notes) log.warn({ ...where, note }, 'inbound mail stored in part');
      log.debug({ ...where, id: result.message?.id }, 'inbound mail stored');
    } else if (result.outcome === 'blocked') {
      log.info(where, 'inbound mail from a blocked sender kept aside');
    } else {
      log.debug(where, 'inbound mail already received');
    }
  }
}

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
import { MailParseError, messageIds, parseMail, type ParsedMail } from '../parse-mail.js';
import { storeParts, storeSources, type MailFileLimits, type StoredParts } from './mail-files.js';
import type { MailLog } from './mail-log.js';

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
}

/** A mail that passed the checks (to be stored), or what became of it before. */
type Checked =
  | { item: IntakeItem; done: IntakeResult }
  | { item: IntakeItem; parsed: ParsedMail; from: { name?: string; address: string } };

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
  }

  async accept(item: IntakeItem): Promise<IntakeResult> {
    return (await this.acceptBatch([item]))[0]!;
  }

  /**
   * Takes mails in order; the ones that pass the checks have their raw sources kept in one file
   * and are filed in one unit of work. Rejects only when the store cannot write (nothing of the
   * batch is then left in the file store).
   */
  async acceptBatch(items: readonly IntakeItem[]): Promise<IntakeResult[]> {
    const own = this.ownAddresses();
    const checked = await Promise.all(items.map((item) => this.check(item, own)));
    const keep = checked.filter(
      (c): c is Extract<Checked, { parsed: ParsedMail }> => 'parsed' in c,
    );
    const ready = keep.length > 0 ? await this.store(keep) : [];
    let filed: InboundBatchResult[] = [];
    if (ready.length > 0) {
      try {
        filed = await this.deps.backend.mailIn.receive(ready.map((r) => r.mail));
      } catch (error) {
        await this.removeFiles([
          ready[0]!.mail.source!.rawFileId!,
          ...ready.flatMap((r) => r.partFileIds),
        ]);
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

  private ownAddresses(): Set<string> {
    const own = new Set<string>();
    for (const a of this.deps.ownAddresses?.() ?? []) own.add(normalizeAddress(a));
    for (const a of this.deps.backend.mailIn.addresses()) own.add(a);
    return own;
  }

  /** Size, parse, sender, loops and duplicates: what is decided before anything is stored. */
  private async check(item: IntakeItem, own: Set<string>): Promise<Checked> {
    const raw = item.raw;
    try {
      const early = quickMessageId(raw);
      if (raw.length > this.limits.maxMessageBytes)
        throw new Refusal(
          'too-large',
          `The mail has ${raw.length} bytes; at most ${this.limits.maxMessageBytes} are accepted.`,
          early,
        );
      if (early !== undefined && this.deps.backend.mailIn.known(early) !== null)
        return { item, done: { outcome: 'duplicate', messageId: early, message: null } };
      let parsed: ParsedMail;
      try {
        parsed = await parseMail(raw);
      } catch (error) {
        if (error instanceof MailParseError) throw new Refusal('unparseable', error.message, early);
        throw error;
      }
      const from = this.sender(parsed, item);
      this.screen(parsed, from, own);
      if (this.deps.backend.mailIn.known(parsed.messageId) !== null)
        return { item, done: { outcome: 'duplicate', messageId: parsed.messageId, message: null } };
      return { item, parsed, from };
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      const done: IntakeResult = {
        outcome: 'refused',
        reason: error.reason,
        detail: error.message,
      };
      if (error.messageId !== undefined) done.messageId = error.messageId;
      return { item, done };
    }
  }

  /** The author, else (SMTP) the envelope sender; a mail with neither is refused. */
  private sender(parsed: ParsedMail, item: IntakeItem): { name?: string; address: string } {
    if (parsed.from) return parsed.from;
    const envelope = normalizeAddress(item.envelopeFrom ?? '');
    if (isValidAddress(envelope)) return { address: envelope };
    throw new Refusal('no-sender', 'The mail has no usable From address.', parsed.messageId);
  }

  /** Mail loops: our own mail coming back, or mail that went round too many servers. */
  private screen(parsed: ParsedMail, from: { address: string }, own: Set<string>): void {
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
    keep: ReadonlyArray<Extract<Checked, { parsed: ParsedMail }>>,
  ): Promise<Ready[]> {
    const deps = { files: this.deps.files, fileUrl: this.deps.fileUrl };
    const refs = await storeSources(
      deps,
      keep.map((k) => k.item.raw),
    );
    const settled = await Promise.allSettled(
      keep.map((k) => storeParts(deps, k.parsed.parts, k.parsed.html, this.limits)),
    );
    const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await this.removeFiles([
        refs[0]!.fileId,
        ...settled.flatMap((s) => (s.status === 'fulfilled' ? s.value.fileIds : [])),
      ]);
      throw failed.reason;
    }
    return keep.map(({ item, parsed, from }, i) => {
      const parts = (settled[i] as PromiseFulfilledResult<StoredParts>).value;
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

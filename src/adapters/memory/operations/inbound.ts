import { AdapterError } from '../../adapter.js';
import type {
  Attachment,
  AttachmentKind,
  Contact,
  Conversation,
  InboundAttachment,
  InboundMail,
  InboundOutcome,
  InboundSource,
  Interaction,
  MailSyncState,
  Message,
} from '../../../model/index.js';
import { isValidAddress, localPart, normalizeAddress } from '../../../model/index.js';
import { bareMessageId, domainOf, newMessageId } from '../ids.js';
import type { Store } from '../store.js';
import { htmlToText, normalizeSubject } from '../text.js';
import { isBlocked } from './block-list.js';
import { addContact } from './contacts.js';
import { appendMessage, newConversation, newInteraction } from './messages.js';

const THIRTY_DAYS = 30 * 24 * 3600 * 1000;
/** Most ids of `In-Reply-To` + `References` looked up (a hostile header may list thousands). */
const MAX_THREAD_IDS = 100;

interface Thread {
  conversation: Conversation;
  interaction?: Interaction;
}

/** What `receiveInbound` did with a mail, and the message it stored (or already had). */
export interface InboundResult {
  outcome: InboundOutcome;
  /** The stored message (the earlier one for a duplicate); `null` when blocked. */
  message: Message | null;
}

// ---- ids --------------------------------------------------------------------------------------

/** `<a@b>`, `a@b`, or a header value with several ids and comments: each bare id, in order. */
function idsIn(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = value.match(/<[^<>\s]+>/g);
  if (bracketed) return bracketed.map(bareMessageId).filter(Boolean);
  return value
    .split(/[\s,]+/)
    .map(bareMessageId)
    .filter(Boolean);
}

/**
 * The ids to thread by, most specific first: In-Reply-To, then References from the newest
 * (JWZ-tolerant: junk, duplicates, the mail's own id and runaway lists are dropped).
 */
function threadIds(mail: InboundMail, ownId: string): string[] {
  const seen = new Set<string>([ownId]);
  const out: string[] = [];
  const refs = (mail.references ?? []).flatMap((r) => idsIn(String(r)));
  for (const id of [...idsIn(mail.inReplyTo), ...refs.reverse()]) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    if (out.length >= MAX_THREAD_IDS) break;
  }
  return out;
}

/** By Message-ID: In-Reply-To, then References from the newest; ids of unknown mail are skipped. */
function threadByIds(s: Store, ids: readonly string[]): Thread | undefined {
  for (const id of ids) {
    const parent = s.messageByRfcId(id);
    if (!parent) continue;
    const conversation = s.conversations.get(parent.conversationId);
    if (!conversation) continue;
    const interaction = s.interactions.get(parent.interactionId);
    return {
      conversation,
      interaction: interaction?.channel === 'email' ? interaction : undefined,
    };
  }
  return undefined;
}

// ---- subjects ---------------------------------------------------------------------------------

/**
 * Reply and forward markers in the languages customers write in (`Re`, `RE[2]`, `RV`, `Fwd`,
 * `FW`, `AW`, `SV`, `WG`, `Antw`, `Odp`, `Ynt`, `回复`…), with an ASCII or full-width colon.
 */
const PREFIX =
  /^\s*(?:re|rv|res|r|fwd?|fw|tr|enc|aw|wg|sv|vs|antw|doorst|odp|ynt|ref|rif|vá|回复|回覆|答复|转发|転送|返信)\s*(?:\[\d+\]|\(\d+\)|\^\d+)?\s*[:：]\s*/i;
/** A leading tag: `[#6597]`, `[Tienda Andina #6597]`, `[EXTERNAL]`, `(fwd)`. */
const TAG = /^\s*(?:\[[^\]]{0,60}\]|\((?:fwd?|fw)\))\s*/i;
const TRAILING_TAG = /\s*\((?:fwd?|fw)\)\s*$/i;
/** What auto-responders put before the subject they answer. */
const AUTO_PREFIX =
  /^\s*(?:automatic reply|auto(?:matic)?[- ]?reply|autoreply|out of office|respuesta autom[aá]tica|r[eé]ponse automatique|abwesenheitsnotiz|automatische antwort|resposta autom[aá]tica)\s*[:：]\s*/i;

/** `threadSubject` of subjects seen lately: threading compares every case of a contact. */
const subjectKeys = new Map<string, string>();

/**
 * The subject threading compares (F-4.6): without reply/forward prefixes and ticket tags, in any
 * order and repeated (`Re: [#6597] RV: Fwd: Pedido` → `pedido`); folded as `normalizeSubject`.
 * Auto-replies also lose their "Automatic reply:" marker.
 */
export function threadSubject(subject: string, autoReply = false): string {
  const text = String(subject ?? '');
  const memo = autoReply ? undefined : subjectKeys.get(text);
  if (memo !== undefined) return memo;
  let s = text;
  for (let previous = ''; previous !== s;) {
    previous = s;
    s = s.replace(PREFIX, '').replace(TAG, '').replace(TRAILING_TAG, '');
    if (autoReply) s = s.replace(AUTO_PREFIX, '');
  }
  const key = normalizeSubject(s);
  if (!autoReply) {
    if (subjectKeys.size >= 50_000) subjectKeys.clear();
    subjectKeys.set(text, key);
  }
  return key;
}

/** By the same subject and the same contact, active within the last 30 days. */
function threadBySubject(
  s: Store,
  contact: Contact | undefined,
  key: string,
  now: Date,
): Thread | undefined {
  if (!contact || key === '') return undefined;
  let best: { thread: Thread; at: string } | undefined;
  for (const conversation of s.conversationsOfContact(contact.id)) {
    for (const it of s.interactionsOf(conversation.id)) {
      if (it.channel !== 'email' || threadSubject(it.subject) !== key) continue;
      if (now.getTime() - Date.parse(it.lastMessageAt) > THIRTY_DAYS) continue;
      if (!best || it.lastMessageAt > best.at)
        best = { thread: { conversation, interaction: it }, at: it.lastMessageAt };
    }
    if (
      threadSubject(conversation.subject) === key &&
      now.getTime() - Date.parse(conversation.updatedAt) <= THIRTY_DAYS
    ) {
      if (!best || conversation.updatedAt > best.at)
        best = { thread: { conversation }, at: conversation.updatedAt };
    }
  }
  return best?.thread;
}

// ---- contacts and campaigns -------------------------------------------------------------------

function senderContact(s: Store, mail: InboundMail, address: string): Contact {
  return (
    s.contactByAddress(address) ??
    addContact(s, {
      name: mail.from.name?.trim() || localPart(address),
      emails: [address],
      source: 'auto',
    })
  );
}

/** The mailbox's campaign, else the campaign whose address the mail was sent to, else the default. */
function campaignFor(s: Store, mail: InboundMail) {
  const named = mail.campaignId === undefined ? undefined : s.campaigns.get(mail.campaignId);
  if (named) return named;
  const rcpt = new Set(
    [mail.deliveredTo ?? '', ...(mail.to ?? []), ...(mail.cc ?? [])].map((r) =>
      normalizeAddress(typeof r === 'string' ? r : r.address),
    ),
  );
  for (const c of s.campaigns.values())
    if (rcpt.has(normalizeAddress(c.fromAddress.address))) return c;
  return s.defaultCampaign();
}

/** The addresses mail is received at: every campaign's `fromAddress`, normalized. */
export function mailAddresses(s: Store): string[] {
  return [
    ...new Set([...s.campaigns.values()].map((c) => normalizeAddress(c.fromAddress.address))),
  ];
}

// ---- attachments ------------------------------------------------------------------------------

function kindOfType(type: string): AttachmentKind {
  const family = type.split('/')[0];
  if (family === 'image' || family === 'audio' || family === 'video' || family === 'text')
    return family;
  return 'document';
}

function attachmentsOf(s: Store, files: readonly InboundAttachment[] | undefined): Attachment[] {
  return (files ?? []).map((f) => {
    const a: Attachment = {
      id: s.newId('att'),
      name: String(f.name),
      size: Number(f.size),
      type: String(f.type || 'application/octet-stream'),
      kind: f.kind ?? kindOfType(String(f.type ?? '')),
      url: String(f.url),
      inline: f.inline === true,
    };
    if (f.contentId) a.contentId = bareMessageId(f.contentId);
    return a;
  });
}

// ---- known mail -------------------------------------------------------------------------------

/** Message-IDs of mail kept aside as blocked (derived from `blockedMail`, built on first use). */
const blockedIds = new WeakMap<Store, Set<string>>();

function blockedIdsOf(s: Store): Set<string> {
  let ids = blockedIds.get(s);
  if (!ids) {
    ids = new Set();
    for (const m of s.blockedMail.values()) if (m.messageId) ids.add(m.messageId);
    blockedIds.set(s, ids);
  }
  return ids;
}

/**
 * Whether mail with this Message-ID was already received: `stored`, kept aside as `blocked`
 * (and so never stored again, even after its sender is unblocked), or `null`.
 */
export function knownMail(s: Store, messageId: string): 'stored' | 'blocked' | null {
  const id = bareMessageId(String(messageId ?? ''));
  if (id === '') return null;
  if (s.messageByRfcId(id)) return 'stored';
  return blockedIdsOf(s).has(id) ? 'blocked' : null;
}

// ---- IMAP sync position -----------------------------------------------------------------------

export function mailSyncState(s: Store, mailboxId: string): MailSyncState | null {
  const state = s.mailSync.get(String(mailboxId));
  return state ? { ...state } : null;
}

/**
 * Moves a mailbox's sync position to `uid` under `uidValidity`: forward only for the same
 * UIDVALIDITY; a new UIDVALIDITY starts over from `uid` (the mailbox was rebuilt).
 */
export function advanceMailSync(
  s: Store,
  position: { mailboxId: string; uidValidity: number; uid: number },
): MailSyncState {
  const mailboxId = String(position.mailboxId);
  const uidValidity = Number(position.uidValidity);
  const uid = Number(position.uid);
  if (
    mailboxId === '' ||
    !Number.isSafeInteger(uidValidity) ||
    !Number.isSafeInteger(uid) ||
    uid < 0
  )
    throw new AdapterError('invalid', 'A sync position needs a mailbox, a UIDVALIDITY and a UID.');
  const old = s.mailSync.get(mailboxId);
  if (old && old.uidValidity === uidValidity && old.lastUid >= uid) return { ...old };
  const state: MailSyncState = { mailboxId, uidValidity, lastUid: uid, updatedAt: s.nowIso() };
  s.mailSync.set(mailboxId, state);
  return { ...state };
}

function advanceFrom(s: Store, source: InboundSource | undefined): void {
  if (source?.mailboxId === undefined || source.uid === undefined) return;
  if (source.uidValidity === undefined) return;
  advanceMailSync(s, {
    mailboxId: source.mailboxId,
    uidValidity: source.uidValidity,
    uid: source.uid,
  });
}

function keepSource(s: Store, messageId: string, source: InboundSource | undefined): void {
  if (!source) return;
  const kept: InboundSource = { via: source.via };
  if (source.mailboxId !== undefined) kept.mailboxId = String(source.mailboxId);
  if (source.uid !== undefined) kept.uid = Number(source.uid);
  if (source.uidValidity !== undefined) kept.uidValidity = Number(source.uidValidity);
  if (source.rawFileId !== undefined) kept.rawFileId = String(source.rawFileId);
  if (source.rawOffset !== undefined) kept.rawOffset = Number(source.rawOffset);
  if (source.rawSize !== undefined) kept.rawSize = Number(source.rawSize);
  if (source.notes?.length) kept.notes = source.notes.map(String);
  s.mailSources.set(messageId, kept);
}

/** Where a stored (or blocked) inbound message came from and its raw source, if recorded. */
export function sourceOf(s: Store, messageId: string): InboundSource | null {
  const source = s.mailSources.get(messageId);
  return source ? { ...source, notes: source.notes && [...source.notes] } : null;
}

// ---- the pipeline -----------------------------------------------------------------------------

/**
 * The inbound mail pipeline (F-4.6, F-1.9, F-6.4):
 * - a blocked sender's mail is kept aside (never in an inbox, no live event); a Message-ID seen
 *   before — stored or blocked — is not stored again, so unblocking never brings it back;
 * - threads by In-Reply-To / References (tolerant of junk and of ids of mail never received),
 *   then by subject (prefixes and tags stripped) + the same contact within 30 days; otherwise
 *   opens a new case, creating an `auto` contact for an unknown sender;
 * - files the message as inbound: it reopens a completed case unless it is an automatic reply,
 *   which never reopens anything and never causes a reply;
 * - records the source (raw file, mailbox, UID) and moves the mailbox's sync position, in the
 *   same unit of work as the message.
 */
export function receiveInbound(s: Store, mail: InboundMail): InboundResult {
  const now = s.now();
  const address = normalizeAddress(String(mail?.from?.address ?? ''));
  if (!isValidAddress(address))
    throw new AdapterError('invalid', `${address || 'An empty sender'} is not an address.`, {
      field: 'from',
    });
  const messageId =
    (mail.messageId && bareMessageId(mail.messageId)) || newMessageId(domainOf(address), now);
  const refs = threadIds(mail, messageId);
  const inboundMessage = (
    conversationId: string,
    interactionId: string,
    contact: Contact | undefined,
  ): Message => {
    const m: Message = {
      id: s.newId('msg'),
      conversationId,
      interactionId,
      channel: 'email',
      direction: 'inbound',
      from: {
        kind: 'contact',
        name: mail.from.name?.trim() || contact?.name || localPart(address),
        address,
      },
      to: (mail.to ?? []).map((r) => ({ ...r, address: normalizeAddress(r.address) })),
      cc: (mail.cc ?? []).map((r) => ({ ...r, address: normalizeAddress(r.address) })),
      bcc: [],
      subject: String(mail.subject ?? ''),
      originDate: mail.date ?? now.toISOString(),
      registeredAt: now.toISOString(),
      text: mail.text || htmlToText(mail.html ?? ''),
      attachments: attachmentsOf(s, mail.attachments),
      messageId,
      references: (mail.references ?? [])
        .flatMap((r) => idsIn(String(r)))
        .filter((id) => id !== messageId),
      status: 'sent',
    };
    if (contact) m.from.id = contact.id;
    if (mail.html) m.html = mail.html;
    const parent = idsIn(mail.inReplyTo)[0];
    if (parent && parent !== messageId) m.inReplyTo = parent;
    if (mail.autoReply) m.autoReply = true;
    return m;
  };

  const known = knownMail(s, messageId);
  if (known !== null) {
    advanceFrom(s, mail.source);
    return known === 'stored'
      ? { outcome: 'duplicate', message: s.messageByRfcId(messageId)! }
      : { outcome: 'duplicate', message: null };
  }

  const contact = s.contactByAddress(address);
  if (isBlocked(s, address)) {
    const refused = inboundMessage('', '', contact);
    s.blockedMail.set(refused.id, refused);
    blockedIdsOf(s).add(messageId);
    keepSource(s, refused.id, mail.source);
    advanceFrom(s, mail.source);
    return { outcome: 'blocked', message: null };
  }

  const subjectKey = threadSubject(String(mail.subject ?? ''), mail.autoReply === true);
  const thread = threadByIds(s, refs) ?? threadBySubject(s, contact, subjectKey, now);
  const conversation =
    thread?.conversation ??
    newConversation(
      s,
      {
        subject: String(mail.subject ?? ''),
        contactId: senderContact(s, mail, address).id,
        campaignId: campaignFor(s, mail).id,
      },
      now.toISOString(),
    );
  const interaction =
    thread?.interaction ?? newInteraction(s, conversation, 'email', String(mail.subject ?? ''));
  const m = inboundMessage(conversation.id, interaction.id, s.contactByAddress(address));
  appendMessage(s, conversation, m);
  keepSource(s, m.id, mail.source);
  advanceFrom(s, mail.source);
  return { outcome: 'stored', message: m };
}

/** `receiveInbound` for callers that only need the message (`null` when blocked). */
export function receiveEmail(s: Store, mail: InboundMail): Message | null {
  const { outcome, message } = receiveInbound(s, mail);
  return outcome === 'blocked' ? null : message;
}

// ---- the server's side ------------------------------------------------------------------------

/** One mail of a batch: what became of it, or why the pipeline refused it. */
export type InboundBatchResult =
  InboundResult | { outcome: 'refused'; message: null; error: AdapterError };

/**
 * What a server's mail-in side (IMAP sync, SMTP listener) needs from the backend, besides
 * `receiveEmail`: batches written in one unit of work, duplicate checks before any work, and the
 * sync positions of its mailboxes. Returned messages are copies.
 */
export interface MailInbox {
  /**
   * Files mails in order in one unit of work (one write to the persistence). A mail the
   * pipeline refuses (no usable sender) is reported in its slot and the others still go; when
   * the write itself fails the call rejects (`unavailable`) and the caller retries the batch —
   * Message-IDs already filed are then reported as duplicates.
   */
  receive(mails: readonly InboundMail[]): Promise<InboundBatchResult[]>;
  /** Whether mail with this Message-ID was already received (stored or blocked). */
  known(messageId: string): 'stored' | 'blocked' | null;
  /** A mailbox's sync position, or `null` before its first sync. */
  syncState(mailboxId: string): MailSyncState | null;
  /**
   * Moves a mailbox's sync position (forward for the same UIDVALIDITY, anew for another) and
   * writes it: for messages handled without being filed (refused), and for an empty sync.
   */
  advance(position: { mailboxId: string; uidValidity: number; uid: number }): MailSyncState;
  /** Where a stored or blocked inbound message came from (mailbox, UID, raw source file). */
  source(messageId: string): InboundSource | null;
  /** The addresses mail is received at: every campaign's `fromAddress`. */
  addresses(): string[];
}

export function mailInbox(s: Store, copy: <T>(value: T) => T): MailInbox {
  const up = () => {
    if (s.disposed) throw new AdapterError('unavailable', 'This memory backend was disposed.');
  };
  return {
    async receive(mails) {
      up();
      await Promise.resolve();
      return s.unit(() =>
        Array.from(mails, (mail): InboundBatchResult => {
          try {
            const result = receiveInbound(s, mail);
            return { outcome: result.outcome, message: copy(result.message) };
          } catch (error) {
            const refusal =
              error instanceof AdapterError
                ? error
                : new AdapterError('invalid', `The mail could not be filed: ${String(error)}`);
            return { outcome: 'refused', message: null, error: refusal };
          }
        }),
      );
    },
    known(messageId) {
      up();
      return knownMail(s, messageId);
    },
    syncState(mailboxId) {
      up();
      return mailSyncState(s, mailboxId);
    },
    advance(position) {
      up();
      return s.unit(() => advanceMailSync(s, position));
    },
    source(messageId) {
      up();
      return sourceOf(s, messageId);
    },
    addresses() {
      up();
      return mailAddresses(s);
    },
  };
}

/**
 * Raw RFC 822 bytes → what the mail-in side needs (F-6.4): addresses, subject, ids, bodies,
 * attachment parts and the signals of automatic mail, via postal-mime (charsets and encoded
 * words decoded). Tolerant by design — broken mail is the norm — but bounded: nesting, header
 * size and body sizes are capped, NUL and other control characters are dropped from text, and a
 * mail without a Message-ID gets one derived from its bytes, so receiving it twice (an IMAP
 * resync) is still recognised as the same mail.
 */
import { createHash } from 'node:crypto';
import PostalMime, { type Address, type Email, type Header } from 'postal-mime';
import { isValidAddress, normalizeAddress, type EmailAddress } from '../../../model/index.js';

export interface ParseLimits {
  /** Text bodies longer than this (characters) are cut, with a note. */
  maxTextChars: number;
  maxHtmlChars: number;
  /** Most addresses kept per To / Cc. */
  maxRecipients: number;
  /** Most References ids kept (the first and the newest ones). */
  maxReferences: number;
}

export const PARSE_LIMITS: ParseLimits = {
  maxTextChars: 1_000_000,
  maxHtmlChars: 2_000_000,
  maxRecipients: 100,
  maxReferences: 50,
};

/** One file of the mail (attachment, inline image, forwarded message, report part). */
export interface MailPart {
  /** The decoded file name, or a made-up one (`adjunto-3.png`). */
  name: string;
  mimeType: string;
  content: Uint8Array;
  /** Content-ID without angle brackets. */
  contentId?: string;
  /** Shown in the body rather than listed (disposition inline, or referenced by `cid:`). */
  inline: boolean;
}

export interface ParsedMail {
  /** The author (`From`, else `Sender`); absent when the mail names none usable. */
  from?: EmailAddress;
  to: EmailAddress[];
  cc: EmailAddress[];
  subject: string;
  text: string;
  /** Only when the mail had an HTML part (postal-mime would otherwise render one from text). */
  html?: string;
  /** Bare id; derived from the bytes when the mail had none (`messageIdDerived`). */
  messageId: string;
  messageIdDerived: boolean;
  inReplyTo?: string;
  references: string[];
  /** ISO date of the `Date` header, when it parses. */
  date?: string;
  /** An automatic mail (auto-reply, bounce, receipt): `autoReason` says which signal. */
  autoReply: boolean;
  autoReason?: string;
  parts: MailPart[];
  /** How many `Received` headers (mail servers) it passed through. */
  hops: number;
  /** Values of `X-Loop` headers (lower-case). */
  loops: string[];
  /** What was cut and why. */
  notes: string[];
}

export class MailParseError extends Error {
  override name = 'MailParseError';
}

/** `<a@b>` tokens of a header value, bare; a value without brackets is split on whitespace. */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = value.match(/<[^<>\s]{1,998}>/g);
  // Without brackets, only what looks like an id (`local@domain`) counts: not a comment's words.
  const tokens = bracketed ?? value.split(/[\s,]+/).filter((t) => t.includes('@'));
  return tokens
    .map((t) => t.trim().replace(/^<|>$/g, ''))
    .filter((t) => t !== '' && t.length <= 998 && !/[\s<>]/.test(t));
}

/** Text without NUL and other C0 controls (tab and line breaks kept). */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
/**
 * Windows-1252's characters at 0x80–0x9F. Node decodes `windows-1252` (and the labels that mean
 * it: `latin1`, `iso-8859-1`, `ascii`) as ISO-8859-1, leaving C1 control codes where `€`, `–`,
 * `“`… were; no text uses C1 controls, so they are read as Windows-1252, as browsers do.
 */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const clean = (text: string) =>
  text.replace(CONTROL, '').replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252[c.charCodeAt(0) - 0x80]!;
    return mapped === c ? '' : mapped;
  });
/** One line: controls and line breaks to single spaces. */
const oneLine = (text: string, max = 998) =>
  clean(text.replace(/[\r\n\t]+/g, ' '))
    .trim()
    .slice(0, max);

function mailboxesOf(list: Address[] | Address | undefined): EmailAddress[] {
  const out: EmailAddress[] = [];
  const items = list === undefined ? [] : Array.isArray(list) ? list : [list];
  for (const item of items) {
    const members = item.group ? item.group : [item];
    for (const m of members) {
      const address = normalizeAddress(oneLine(m.address ?? '', 320));
      if (!isValidAddress(address)) continue;
      const name = oneLine(m.name ?? '', 200);
      out.push(name ? { name, address } : { address });
    }
  }
  return out;
}

function headerValues(headers: Header[], key: string): string[] {
  return headers.filter((h) => h.key === key).map((h) => h.value);
}

const EXTENSION_BY_TYPE: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'text/plain': 'txt',
  'text/csv': 'csv',
  'text/html': 'html',
  'text/calendar': 'ics',
  'message/rfc822': 'eml',
  'message/delivery-status': 'txt',
  'message/disposition-notification': 'txt',
  'message/feedback-report': 'txt',
  'text/rfc822-headers': 'txt',
  'application/zip': 'zip',
};

/** The usual extension of a MIME type (`image/png` → `png`), or `undefined`. */
export function extensionForType(mimeType: string): string | undefined {
  return EXTENSION_BY_TYPE[mimeType.toLowerCase()];
}

/** A safe file name: no path, no controls, at most 180 characters, never empty. */
function fileName(raw: string | null, mimeType: string, index: number): string {
  let name = oneLine(raw ?? '', 400)
    .replace(/^.*[\\/]/, '')
    .replace(/^\.+/, '')
    .trim();
  if (name === '') {
    const ext = EXTENSION_BY_TYPE[mimeType] ?? 'bin';
    name = `adjunto-${index + 1}.${ext}`;
  }
  if (name.length > 180) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, 180 - ext.length) + ext;
  }
  return name;
}

/** Why a mail is automatic, or `undefined` (RFC 3834, and what real responders send). */
function automaticSignal(email: Email, headers: Header[], contentType: string): string | undefined {
  const first = (key: string) => headerValues(headers, key)[0]?.trim().toLowerCase();
  const autoSubmitted = first('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted.split(';')[0]!.trim() !== 'no')
    return `Auto-Submitted: ${autoSubmitted}`;
  for (const key of ['x-autoreply', 'x-autorespond', 'x-autoresponder', 'x-failed-recipients'])
    if (first(key) !== undefined) return key;
  if (first('precedence') === 'auto_reply') return 'Precedence: auto_reply';
  if (contentType.startsWith('multipart/report')) return 'multipart/report';
  const returnPath = headerValues(headers, 'return-path')[0];
  if (returnPath !== undefined && returnPath.replace(/[<>\s]/g, '') === '')
    return 'Return-Path: <>';
  const from = mailboxesOf(email.from)[0]?.address ?? '';
  if (/^(?:mailer-daemon|postmaster)@/.test(from)) return `From: ${from}`;
  return undefined;
}

/** A report's embedded original (bounce, receipt): its Message-ID, to thread the report. */
function reportedIds(parts: MailPart[]): string[] {
  const ids: string[] = [];
  for (const part of parts) {
    if (part.mimeType !== 'message/rfc822' && part.mimeType !== 'text/rfc822-headers') continue;
    const head = new TextDecoder('utf-8', { fatal: false }).decode(part.content.subarray(0, 65536));
    const headerBlock = head.split(/\r?\n\r?\n/)[0] ?? '';
    const match = /^message-id:\s*(.+)$/im.exec(headerBlock);
    if (match) ids.push(...messageIds(match[1]));
  }
  return ids;
}

function asBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

/** Whether the raw mail declares an HTML part (postal-mime renders one from text otherwise). */
function hasHtmlPart(raw: Uint8Array): boolean {
  const bytes = Buffer.from(raw.buffer, raw.byteOffset, raw.length);
  // Most mail never says "html" at all: skip making a string of it.
  if (!['html', 'HTML', 'Html'].some((word) => bytes.includes(word))) return false;
  return /content-type:\s*text\/html/i.test(bytes.toString('latin1'));
}

/** Parses one mail. Throws `MailParseError` when postal-mime gives up (nesting, header size). */
export async function parseMail(
  raw: Uint8Array,
  limits: ParseLimits = PARSE_LIMITS,
): Promise<ParsedMail> {
  let email: Email;
  try {
    email = await PostalMime.parse(raw, {
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 64,
      maxHeadersSize: 2 * 1024 * 1024,
      maxRfc822NestingDepth: 4,
    });
  } catch (error) {
    throw new MailParseError(`The mail could not be parsed: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const headers = email.headers ?? [];
  const notes: string[] = [];
  const contentType = (headerValues(headers, 'content-type')[0] ?? 'text/plain').toLowerCase();

  const parts: MailPart[] = email.attachments.map((a, index) => {
    const part: MailPart = {
      name: fileName(a.filename, a.mimeType, index),
      mimeType: (a.mimeType || 'application/octet-stream').toLowerCase(),
      content: asBytes(a.content),
      inline: a.disposition === 'inline' || a.related === true,
    };
    const cid = a.contentId ? messageIds(a.contentId)[0] : undefined;
    if (cid) part.contentId = cid;
    return part;
  });

  const declared = messageIds(email.messageId)[0];
  const messageId =
    declared ??
    `${createHash('sha256').update(raw).digest('hex').slice(0, 40)}@no-message-id.invalid`;
  const autoReason = automaticSignal(email, headers, contentType);

  let references = messageIds(email.references);
  if (autoReason) references = [...references, ...reportedIds(parts)];
  references = references.filter((id) => id !== messageId);
  if (references.length > limits.maxReferences)
    references = [references[0]!, ...references.slice(-(limits.maxReferences - 1))];

  let text = clean(email.text ?? '');
  if (text.length > limits.maxTextChars) {
    notes.push(
      `The text body was cut at ${limits.maxTextChars} characters (it had ${text.length}).`,
    );
    text = text.slice(0, limits.maxTextChars);
  }
  let html = email.html !== undefined && hasHtmlPart(raw) ? clean(email.html) : undefined;
  if (html !== undefined && html.length > limits.maxHtmlChars) {
    notes.push(
      `The HTML body (${html.length} characters) was too long to keep; the text is shown.`,
    );
    html = undefined;
  }

  const to = mailboxesOf(email.to);
  const cc = mailboxesOf(email.cc);
  for (const [label, list] of [
    ['To', to],
    ['Cc', cc],
  ] as const) {
    if (list.length > limits.maxRecipients) {
      notes.push(
        `${label} listed ${list.length} addresses; the first ${limits.maxRecipients} were kept.`,
      );
      list.length = limits.maxRecipients;
    }
  }

  const parsed: ParsedMail = {
    to,
    cc,
    subject: oneLine(email.subject ?? ''),
    text,
    messageId,
    messageIdDerived: declared === undefined,
    references,
    autoReply: autoReason !== undefined,
    parts,
    hops: headerValues(headers, 'received').length,
    loops: headerValues(headers, 'x-loop').map((v) => v.trim().toLowerCase()),
    notes,
  };
  const from = mailboxesOf(email.from)[0] ?? mailboxesOf(email.sender)[0];
  if (from) parsed.from = from;
  if (html !== undefined && html.trim() !== '') parsed.html = html;
  const inReplyTo = messageIds(email.inReplyTo).find((id) => id !== messageId);
  if (inReplyTo) parsed.inReplyTo = inReplyTo;
  if (email.date && !Number.isNaN(Date.parse(email.date))) {
    const date = new Date(email.date);
    if (date.getUTCFullYear() >= 1970 && date.getUTCFullYear() < 10000)
      parsed.date = date.toISOString();
  }
  if (autoReason) parsed.autoReason = autoReason;
  return parsed;
}

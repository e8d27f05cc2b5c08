/**
 * The MIME of an agent's email (F-6.5), built once per delivery attempt; the same bytes go to the
 * SMTP relay (or the record of sent mail) and to the IMAP Sent folder.
 *
 * - From: the agent's name at the mailbox address (`"Lucía Ramos" <soporte@tiendaandina.pe>`).
 * - Message-ID, In-Reply-To and References from the stored message (set when it was sent, so a
 *   retry or a redelivery after a crash carries the same Message-ID).
 * - `multipart/alternative` text + HTML; inline images of the HTML (`data-attachment-id` or their
 *   stored URL) become `cid:` parts in a `multipart/related`; other files are attachments.
 * - To and CC are headers; BCC only goes in the envelope.
 */
import MailComposer from 'nodemailer/lib/mail-composer';
import type { Attachment, EmailAddress, Message } from '../../../../model/index.js';

/** Where the bytes of an attachment come from (see `file-source.ts`). */
export type ReadAttachment = (attachment: Attachment) => Promise<Buffer>;

export interface BuiltMail {
  raw: Buffer;
  /** SMTP envelope: the mailbox address, and every To, CC and BCC address once. */
  envelope: { from: string; to: string[] };
}

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };

function decodeAttribute(value: string): string {
  return value.replace(/&(amp|quot|apos|lt|gt|#39);/g, (_all, name: string) =>
    name === '#39' ? "'" : (ENTITIES[name] ?? ''),
  );
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes of one start tag (names lower-cased, values decoded). */
function attributesOf(tag: string): Map<string, string> {
  const inner = tag.replace(/^<img\b/i, '').replace(/\/?>$/, '');
  const out = new Map<string, string>();
  for (const match of inner.matchAll(ATTRIBUTE)) {
    const name = match[1]!.toLowerCase();
    const value = match[2] ?? match[3] ?? match[4] ?? '';
    if (!out.has(name)) out.set(name, decodeAttribute(value));
  }
  return out;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** A Content-ID for an inline image (its stored one, else one from its id). */
function contentIdOf(a: Attachment, domain: string): string {
  return (a.contentId ?? `${a.id}@${domain}`).replace(/^<|>$/g, '');
}

/**
 * Points the `<img>` tags of inline images at `cid:` parts. Returns the HTML for the mail and the
 * inline attachments it references (by `data-attachment-id`, or by their stored URL).
 */
export function inlineImages(
  html: string,
  attachments: readonly Attachment[],
  domain: string,
): { html: string; referenced: Set<string> } {
  const inline = attachments.filter((a) => a.inline);
  const referenced = new Set<string>();
  if (inline.length === 0) return { html, referenced };
  const byId = new Map(inline.map((a) => [a.id, a]));
  const byUrl = new Map(inline.map((a) => [a.url, a]));
  // A start tag up to its closing `>`, which may not be inside a quoted attribute value.
  const out = html.replace(/<img\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi, (tag) => {
    const attrs = attributesOf(tag);
    const found =
      byId.get(attrs.get('data-attachment-id') ?? '') ?? byUrl.get(attrs.get('src') ?? '');
    if (!found) return tag;
    referenced.add(found.id);
    attrs.delete('data-attachment-id');
    attrs.set('src', `cid:${contentIdOf(found, domain)}`);
    const rest = [...attrs].map(([k, v]) =>
      v === '' && k !== 'alt' ? k : `${k}="${escapeAttribute(v)}"`,
    );
    return `<img ${rest.join(' ')}>`;
  });
  return { html: out, referenced };
}

/**
 * A Message-ID fit for a header, in angle brackets, or `undefined`: ids of inbound mail come from
 * other people's software and may hold spaces, brackets or line breaks.
 */
function headerId(id: string | undefined): string | undefined {
  const bare = id?.trim().replace(/^<|>$/g, '');
  return bare && /^[\x21-\x7e]+$/.test(bare) && !/[<>]/.test(bare) ? `<${bare}>` : undefined;
}

const addressOf = (r: EmailAddress) => (r.name ? { name: r.name, address: r.address } : r.address);

/** Builds the MIME of `message` sent from `mailboxAddress`. */
export async function buildMime(
  message: Message,
  mailboxAddress: string,
  read: ReadAttachment,
): Promise<BuiltMail> {
  const domain = mailboxAddress.slice(mailboxAddress.lastIndexOf('@') + 1) || 'localhost';
  const { html, referenced } =
    message.html === undefined
      ? { html: undefined, referenced: new Set<string>() }
      : inlineImages(message.html, message.attachments, domain);
  const files = await Promise.all(
    message.attachments.map(async (a) => {
      const content = await read(a);
      return referenced.has(a.id)
        ? { filename: a.name, content, contentType: a.type, cid: contentIdOf(a, domain) }
        : { filename: a.name, content, contentType: a.type, contentDisposition: 'attachment' };
    }),
  );
  const messageId = headerId(message.messageId);
  const inReplyTo = headerId(message.inReplyTo);
  const references = message.references.flatMap((r) => headerId(r) ?? []);
  const composer = new MailComposer({
    from: { name: message.from.name, address: mailboxAddress },
    to: message.to.map(addressOf),
    cc: message.cc.map(addressOf),
    subject: message.subject,
    date: new Date(message.originDate),
    ...(messageId && { messageId }),
    ...(inReplyTo && { inReplyTo }),
    ...(references.length > 0 && { references }),
    text: message.text,
    ...(html !== undefined && { html }),
    attachments: files,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const raw = await composer.compile().build();
  const to: string[] = [];
  const seen = new Set<string>();
  for (const r of [...message.to, ...message.cc, ...message.bcc]) {
    const key = r.address.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    to.push(r.address);
  }
  return { raw, envelope: { from: mailboxAddress, to } };
}

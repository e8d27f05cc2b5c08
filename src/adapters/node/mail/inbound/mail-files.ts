/**
 * The files of an inbound mail in the server's file store (F-6.6): its raw source (kept so the
 * mail can be parsed again) and its parts. Inbound attachments are not held to the campaign's
 * upload rules — a customer's mail is kept whatever they attach — but each part is checked by
 * content: a part whose bytes do not match its name or claimed type is stored as
 * `application/octet-stream` (a plain download, never shown inline), and a part above the size
 * cap is not stored (a note says so). Inline images referenced by `cid:` are pointed at their
 * stored URL in the HTML.
 */
import { open, rm } from 'node:fs/promises';
import type { InboundAttachment } from '../../../../model/index.js';
import { extensionOf } from '../../../../model/index.js';
import { checkContent } from '../../uploads/content-check.js';
import type { FileStore } from '../../uploads/file-store.js';
import { extensionForType, type MailPart } from '../parse-mail.js';

export interface MailFileDeps {
  files: FileStore;
  fileUrl: (fileId: string) => string;
}

export interface MailFileLimits {
  maxAttachmentBytes: number;
  maxAttachments: number;
}

/**
 * Writes bytes (one buffer, or several one after the other) into the store under a new id and
 * returns the id. `decide` sees the bytes on disk before they become servable and returns the
 * metadata they are served with.
 */
export async function storeBytes(
  deps: MailFileDeps,
  bytes: Uint8Array | readonly Uint8Array[],
  decide: (path: string) => Promise<{ name: string; type: string; inline: boolean }>,
): Promise<string> {
  const chunks = bytes instanceof Uint8Array ? [bytes] : bytes;
  const size = chunks.reduce((sum, c) => sum + c.length, 0);
  const temp = deps.files.tempPath();
  const handle = await open(temp, 'wx', 0o600);
  try {
    for (let i = 0; i < chunks.length; i += 512) await handle.writev(chunks.slice(i, i + 512));
  } finally {
    await handle.close();
  }
  const id = deps.files.newId();
  try {
    const meta = await decide(temp);
    deps.files.placeSync(temp, id, { ...meta, size });
  } catch (error) {
    await rm(temp, { force: true });
    await deps.files.remove(id);
    throw error;
  }
  return id;
}

/** Where one mail's raw source is: a file of the store, and a byte range in it. */
export interface SourceRef {
  fileId: string;
  offset: number;
  size: number;
}

/**
 * Keeps the raw sources of mail received together as one file of the store, one after the
 * other (one write for a whole IMAP batch instead of one per mail); each mail's bytes are found
 * again by their range.
 */
export async function storeSources(
  deps: MailFileDeps,
  raws: readonly Uint8Array[],
): Promise<SourceRef[]> {
  const name = raws.length === 1 ? 'message.eml' : 'messages.bin';
  const type = raws.length === 1 ? 'message/rfc822' : 'application/octet-stream';
  const fileId = await storeBytes(deps, raws, async () => ({ name, type, inline: false }));
  let offset = 0;
  return raws.map((raw) => {
    const ref = { fileId, offset, size: raw.length };
    offset += raw.length;
    return ref;
  });
}

/** The raw source of a stored mail, to parse it again; `null` when its file is gone. */
export async function readSource(
  files: FileStore,
  source: { rawFileId?: string; rawOffset?: number; rawSize?: number },
): Promise<Buffer | null> {
  if (!source.rawFileId) return null;
  const stored = await files.find(source.rawFileId);
  if (!stored) return null;
  const offset = source.rawOffset ?? 0;
  const size = source.rawSize ?? stored.size - offset;
  const handle = await open(stored.path, 'r');
  try {
    const out = Buffer.alloc(size);
    const { bytesRead } = await handle.read(out, 0, size, offset);
    return out.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The type the bytes really are, by content; `application/octet-stream` when they do not match. */
async function verifiedType(path: string, part: MailPart): Promise<string> {
  const byName = extensionOf(part.name);
  let verdict = await checkContent(path, byName);
  const byType = extensionForType(part.mimeType);
  if (!verdict.ok && verdict.reason === 'unknown-extension' && byType && byType !== byName)
    verdict = await checkContent(path, byType);
  return verdict.ok ? verdict.type : 'application/octet-stream';
}

const escapeAttribute = (url: string) => url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export interface StoredParts {
  attachments: InboundAttachment[];
  html: string | undefined;
  fileIds: string[];
  notes: string[];
}

/**
 * Stores the parts of a mail and rewrites the `cid:` references of its HTML. A part refused by
 * size or count is left out with a note; the caller logs the notes and keeps them with the mail.
 */
export async function storeParts(
  deps: MailFileDeps,
  parts: readonly MailPart[],
  html: string | undefined,
  limits: MailFileLimits,
): Promise<StoredParts> {
  const attachments: InboundAttachment[] = [];
  const fileIds: string[] = [];
  const notes: string[] = [];
  const referenced = new Set(
    [...(html ?? '').matchAll(/cid:([^"'\s>)]+)/gi)].map((m) => safeDecode(m[1]!)),
  );
  const urlsByCid = new Map<string, string>();
  let kept = 0;
  try {
    for (const part of parts) {
      if (part.content.length > limits.maxAttachmentBytes) {
        notes.push(
          `${part.name} (${part.content.length} bytes) was not kept: larger than ${limits.maxAttachmentBytes} bytes.`,
        );
        continue;
      }
      if (kept >= limits.maxAttachments) {
        notes.push(
          `Only the first ${limits.maxAttachments} of ${parts.length} attached files were kept.`,
        );
        break;
      }
      kept++;
      const claimedInline = part.contentId !== undefined && referenced.has(part.contentId);
      let type = 'application/octet-stream';
      let inline = false;
      const fileId = await storeBytes(deps, part.content, async (path) => {
        type = await verifiedType(path, part);
        inline = claimedInline && type.startsWith('image/');
        return { name: part.name, type, inline };
      });
      fileIds.push(fileId);
      const url = deps.fileUrl(fileId);
      const attachment: InboundAttachment = {
        name: part.name,
        size: part.content.length,
        type,
        url,
        inline,
      };
      if (part.contentId) attachment.contentId = part.contentId;
      if (inline) urlsByCid.set(part.contentId!, url);
      attachments.push(attachment);
    }
  } catch (error) {
    await Promise.all(fileIds.map((id) => deps.files.remove(id)));
    throw error;
  }
  const rewritten =
    html === undefined || urlsByCid.size === 0
      ? html
      : html.replace(/cid:([^"'\s>)]+)/gi, (all, cid: string) => {
          const url = urlsByCid.get(safeDecode(cid));
          return url === undefined ? all : escapeAttribute(url);
        });
  return { attachments, html: rewritten, fileIds, notes };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

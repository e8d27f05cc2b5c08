/**
 * The files of an inbound mail in the server's file store (F-6.6): its raw source (kept so the
 * mail can be parsed again) and its parts. Inbound attachments are not held to the campaign's
 * upload rules — a customer's mail is kept whatever they attach — but each part is checked by
 * content: a part whose bytes do not match its name or claimed type is stored as
 * `application/octet-stream` (a plain download, never shown inline), and a part above the size
 * cap is not stored (a note says so). Inline images referenced by `cid:` are pointed at their
 * stored URL in the HTML. Parts are stored in two steps: `checkParts` writes and checks them in
 * temporary files (in a parsing worker thread, see `ParsePool`), `placeParts` moves them into the
 * store.
 */
import { writeFileSync } from 'node:fs';
import { open, rm, writeFile } from 'node:fs/promises';
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

/** A part written to a temporary file and checked by content, not yet in the store. */
export interface CheckedPart {
  name: string;
  size: number;
  /** The type by content (`application/octet-stream` when it does not match its claim). */
  type: string;
  /** An image the HTML shows by `cid:`. */
  inline: boolean;
  contentId?: string;
  /** The temporary file holding its bytes. */
  tempPath: string;
}

/** The parts of one mail that are to be kept, checked, and notes on the ones left out. */
export interface CheckedParts {
  parts: CheckedPart[];
  notes: string[];
}

/**
 * The first half of storing a mail's parts, which needs no store and can run in a worker
 * thread: each part within the limits is written to a temporary file (`tempPath()`) and checked
 * by content; a part refused by size or count is left out with a note. `blocking` writes with
 * synchronous calls (cheaper, for a thread that does nothing else).
 */
export async function checkParts(
  parts: readonly MailPart[],
  html: string | undefined,
  limits: MailFileLimits,
  tempPath: () => string,
  options: { blocking?: boolean } = {},
): Promise<CheckedParts> {
  const checked: CheckedPart[] = [];
  const notes: string[] = [];
  const referenced = new Set(
    [...(html ?? '').matchAll(/cid:([^"'\s>)]+)/gi)].map((m) => safeDecode(m[1]!)),
  );
  try {
    for (const part of parts) {
      if (part.content.length > limits.maxAttachmentBytes) {
        notes.push(
          `${part.name} (${part.content.length} bytes) was not kept: larger than ${limits.maxAttachmentBytes} bytes.`,
        );
        continue;
      }
      if (checked.length >= limits.maxAttachments) {
        notes.push(
          `Only the first ${limits.maxAttachments} of ${parts.length} attached files were kept.`,
        );
        break;
      }
      const temp = tempPath();
      // Listed before it is written: a failure below removes it with the others.
      const entry: CheckedPart = {
        name: part.name,
        size: part.content.length,
        type: 'application/octet-stream',
        inline: false,
        tempPath: temp,
      };
      checked.push(entry);
      if (options.blocking) writeFileSync(temp, part.content, { flag: 'wx', mode: 0o600 });
      else await writeFile(temp, part.content, { flag: 'wx', mode: 0o600 });
      entry.type = await verifiedType(temp, part);
      const claimedInline = part.contentId !== undefined && referenced.has(part.contentId);
      entry.inline = claimedInline && entry.type.startsWith('image/');
      if (part.contentId) entry.contentId = part.contentId;
    }
  } catch (error) {
    await dropParts({ parts: checked, notes });
    throw error;
  }
  return { parts: checked, notes };
}

/** Removes the temporary files of checked parts that will not be stored. */
export async function dropParts(checked: CheckedParts): Promise<void> {
  await Promise.all(checked.parts.map((p) => rm(p.tempPath, { force: true })));
}

export interface StoredParts {
  attachments: InboundAttachment[];
  html: string | undefined;
  fileIds: string[];
  notes: string[];
}

/**
 * The second half: moves checked parts into the store (each under a new id, servable from then
 * on) and points the HTML's `cid:` references to the inline images at their URLs. On failure
 * nothing of them is left, stored or temporary.
 */
export function placeParts(
  deps: MailFileDeps,
  checked: CheckedParts,
  html: string | undefined,
): StoredParts {
  const attachments: InboundAttachment[] = [];
  const fileIds: string[] = [];
  const urlsByCid = new Map<string, string>();
  let placed = 0;
  try {
    for (const part of checked.parts) {
      const fileId = deps.files.newId();
      deps.files.placeSync(part.tempPath, fileId, {
        name: part.name,
        type: part.type,
        inline: part.inline,
        size: part.size,
      });
      placed++;
      fileIds.push(fileId);
      const url = deps.fileUrl(fileId);
      const attachment: InboundAttachment = {
        name: part.name,
        size: part.size,
        type: part.type,
        url,
        inline: part.inline,
      };
      if (part.contentId) attachment.contentId = part.contentId;
      if (part.inline) urlsByCid.set(part.contentId!, url);
      attachments.push(attachment);
    }
  } catch (error) {
    for (const id of fileIds) void deps.files.remove(id);
    void dropParts({ parts: checked.parts.slice(placed), notes: [] });
    throw error;
  }
  const rewritten =
    html === undefined || urlsByCid.size === 0
      ? html
      : html.replace(/cid:([^"'\s>)]+)/gi, (all, cid: string) => {
          const url = urlsByCid.get(safeDecode(cid));
          return url === undefined ? all : escapeAttribute(url);
        });
  return { attachments, html: rewritten, fileIds, notes: [...checked.notes] };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

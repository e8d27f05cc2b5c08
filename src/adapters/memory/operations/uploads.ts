import { AdapterError, type UploadFile } from '../../adapter.js';
import type { Attachment, Id } from '../../../model/index.js';
import { checkFile, extensionOf } from '../../../model/index.js';
import type { Store, UploadRecord } from '../store.js';
import type { CampaignRecord } from '../seed/types.js';
import { delay } from '../call.js';
import { copy } from '../copy.js';

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  pdf: 'application/pdf',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
  '7z': 'application/x-7z-compressed',
  tar: 'application/x-tar',
  gz: 'application/gzip',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  aac: 'audio/aac',
  amr: 'audio/amr',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  mp4: 'video/mp4',
  '3gp': 'video/3gpp',
  txt: 'text/plain',
  csv: 'text/csv',
  xml: 'text/xml',
};

export interface UploadRequest {
  purpose: 'attachment' | 'inline';
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/** A file already received and checked by content elsewhere (a server), to be registered. */
export interface StoredFile {
  name: string;
  size: number;
  /** The MIME type found from the content; empty → from the extension. */
  type: string;
  purpose: 'attachment' | 'inline';
  /** Where the file is served; default `fileUrl(id)` (or `memory:upload/<id>`). */
  url?: string;
}

/** Checks a file against the campaign's limits (F-2.4, F-2.5, F-5.7); returns its kind. */
function checkUpload(
  file: { name: string; size: number; type: string },
  purpose: unknown,
  campaign: CampaignRecord,
): Attachment['kind'] {
  if (purpose !== 'attachment' && purpose !== 'inline') {
    throw new AdapterError('invalid', `Unknown upload purpose ${String(purpose)}.`, {
      field: 'purpose',
    });
  }
  const rule =
    purpose === 'inline' ? campaign.attachments.inlineImage : campaign.attachments.attachment;
  const check = checkFile(file, rule);
  if (check.ok) return check.kind;
  if (check.reason === 'too-large') {
    throw new AdapterError('too-large', `${file.name} is larger than ${check.maxBytes} bytes.`, {
      limit: check.maxBytes,
      field: 'file',
    });
  }
  if (check.reason === 'unsupported-type') {
    throw new AdapterError('unsupported-type', `.${check.extension} files are not accepted.`, {
      field: 'file',
    });
  }
  throw new AdapterError('invalid', `${file.name} is empty.`, { field: 'file' });
}

/**
 * Mints the attachment of a checked file and registers it for `owner`. `place` runs with the
 * attachment before it is registered (a server moves the file to where `url` serves it); when it
 * throws, nothing is registered.
 */
function register(
  s: Store,
  file: { name: string; size: number; type: string; purpose: StoredFile['purpose'] },
  kind: Attachment['kind'],
  owner: UploadRecord['owner'],
  url: (id: Id) => string,
  place?: (attachment: Attachment) => void,
): Attachment {
  const id = s.newId('att');
  const attachment: Attachment = {
    id,
    name: file.name,
    size: file.size,
    type: file.type || MIME_BY_EXTENSION[extensionOf(file.name)] || 'application/octet-stream',
    kind,
    url: url(id),
    inline: file.purpose === 'inline',
  };
  if (attachment.inline) attachment.contentId = `${id}@atento.local`;
  place?.(copy(attachment));
  s.uploads.set(id, { attachment, owner });
  return attachment;
}

/**
 * Checks a file against the campaign's limits, reports progress a few times asynchronously, then
 * registers it for `owner`. Nothing is stored when the call is aborted.
 */
export async function upload(
  s: Store,
  file: UploadFile,
  request: UploadRequest,
  campaign: CampaignRecord,
  owner: UploadRecord['owner'],
): Promise<Attachment> {
  const name = String(file.name ?? '');
  const kind = checkUpload({ name, size: file.size, type: file.type }, request.purpose, campaign);
  const total = file.size;
  for (const share of [0.25, 0.5, 0.75, 1]) {
    await delay(0, request.signal);
    request.onProgress?.(Math.round(total * share), total);
  }
  const fields = { name, size: total, type: file.type, purpose: request.purpose };
  return register(
    s,
    fields,
    kind,
    owner,
    (id) => s.options.fileUrl?.(id) ?? objectUrl(s, file, id),
  );
}

/**
 * Registers a file a server already received, checked by content and stored (see
 * `MemoryBackend.registerUpload`): the same limits as `upload`, the URL from `fileUrl`.
 */
export function registerStoredFile(
  s: Store,
  file: StoredFile,
  campaign: CampaignRecord,
  owner: UploadRecord['owner'],
  place?: (attachment: Attachment) => void,
): Attachment {
  const fields = {
    name: String(file?.name ?? ''),
    size: Number(file?.size),
    type: String(file?.type ?? ''),
    purpose: file?.purpose,
  };
  if (!Number.isSafeInteger(fields.size) || fields.size < 0)
    throw new AdapterError('invalid', `${String(file?.size)} is not a file size.`, {
      field: 'size',
    });
  const kind = checkUpload(fields, fields.purpose, campaign);
  const url = (id: Id) =>
    typeof file.url === 'string' && file.url !== ''
      ? file.url
      : (s.options.fileUrl?.(id) ?? `memory:upload/${id}`);
  return register(s, fields, kind, owner, url, place);
}

function objectUrl(s: Store, file: Blob, id: Id): string {
  if (typeof URL !== 'undefined' && typeof URL.createObjectURL === 'function') {
    try {
      const url = URL.createObjectURL(file);
      s.objectUrls.push(url);
      return url;
    } catch {
      // not every runtime accepts every Blob-like object
    }
  }
  return `memory:upload/${id}`;
}

/**
 * Resolves attachment ids of a message being sent: uploads `owner` may use, or (for agents)
 * attachments already in the conversation, which a forward carries over. Unknown → `not-found`.
 */
export function resolveAttachments(
  s: Store,
  ids: readonly Id[] | undefined,
  owner: UploadRecord['owner'],
  conversationId?: Id,
): Attachment[] {
  if (ids === undefined) return [];
  if (!Array.isArray(ids))
    throw new AdapterError('invalid', 'attachmentIds must be a list.', { field: 'attachmentIds' });
  let inConversation: Map<Id, Attachment> | undefined;
  return ids.map((id) => {
    const upload = s.uploads.get(id);
    if (upload && mayUse(upload.owner, owner)) return copy(upload.attachment);
    if (owner.kind === 'agents' && conversationId !== undefined) {
      inConversation ??= new Map(
        s.messagesOf(conversationId).flatMap((m) => m.attachments.map((a) => [a.id, a] as const)),
      );
      const found = inConversation.get(id);
      if (found) return copy(found);
    }
    throw new AdapterError('not-found', `No attachment ${id}.`, { field: 'attachmentIds' });
  });
}

function mayUse(uploader: UploadRecord['owner'], user: UploadRecord['owner']): boolean {
  if (uploader.kind === 'agents') return user.kind === 'agents';
  return user.kind === 'visitor' && user.visitorId === uploader.visitorId;
}

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

/**
 * Checks a file against the campaign's limits (F-2.4, F-2.5, F-5.7), reports progress a few
 * times asynchronously, then registers it for `owner`. Nothing is stored when the call is aborted.
 */
export async function upload(
  s: Store,
  file: UploadFile,
  request: UploadRequest,
  campaign: CampaignRecord,
  owner: UploadRecord['owner'],
): Promise<Attachment> {
  if (request.purpose !== 'attachment' && request.purpose !== 'inline') {
    throw new AdapterError('invalid', `Unknown upload purpose ${String(request.purpose)}.`, {
      field: 'purpose',
    });
  }
  const rule =
    request.purpose === 'inline'
      ? campaign.attachments.inlineImage
      : campaign.attachments.attachment;
  const name = String(file.name ?? '');
  const check = checkFile({ name, size: file.size, type: file.type }, rule);
  if (!check.ok) {
    if (check.reason === 'too-large') {
      throw new AdapterError('too-large', `${name} is larger than ${check.maxBytes} bytes.`, {
        limit: check.maxBytes,
        field: 'file',
      });
    }
    if (check.reason === 'unsupported-type') {
      throw new AdapterError('unsupported-type', `.${check.extension} files are not accepted.`, {
        field: 'file',
      });
    }
    throw new AdapterError('invalid', `${name} is empty.`, { field: 'file' });
  }
  const total = file.size;
  for (const share of [0.25, 0.5, 0.75, 1]) {
    await delay(0, request.signal);
    request.onProgress?.(Math.round(total * share), total);
  }
  const id = s.newId('att');
  const attachment: Attachment = {
    id,
    name,
    size: total,
    type: file.type || MIME_BY_EXTENSION[extensionOf(name)] || 'application/octet-stream',
    kind: check.kind,
    url: objectUrl(s, file, id),
    inline: request.purpose === 'inline',
  };
  if (attachment.inline) attachment.contentId = `${id}@atento.local`;
  s.uploads.set(id, { attachment, owner });
  return attachment;
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

/**
 * The bytes of an attachment being mailed. Uploaded files live in the server's `FileStore` and
 * their stored URL is the signed download link (`/api/v1/files/<id>?exp=…&sig=…`, maybe behind
 * `publicUrl`), so the file id is read from that path; the seed's files are `data:` URLs. The
 * signature is not checked here: the URL comes from the store, not from a request.
 */
import { readFile } from 'node:fs/promises';
import { API_PREFIX, fillPath, sessionRoutes } from '../../../contract/index.js';
import type { Attachment } from '../../../../model/index.js';
import type { FileStore } from '../../uploads/file-store.js';
import { PermanentDeliveryError } from './errors.js';

/** A marker standing for the id in the route's path (any text `fillPath` leaves unchanged). */
const MARK = 'FILEID';
const [BEFORE_ID, AFTER_ID] = (API_PREFIX + fillPath(sessionRoutes.file.path, { id: MARK })).split(
  MARK,
) as [string, string];

/** The `FileStore` id in a stored file URL, or `undefined`. */
export function fileIdOf(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url, 'http://localhost').pathname;
  } catch {
    return undefined;
  }
  if (!path.startsWith(BEFORE_ID) || !path.endsWith(AFTER_ID)) return undefined;
  const id = decodeURIComponent(path.slice(BEFORE_ID.length, path.length - AFTER_ID.length));
  return id === '' || id.includes('/') ? undefined : id;
}

function fromDataUrl(url: string): Buffer | undefined {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(url);
  if (!match) return undefined;
  return match[2] ? Buffer.from(match[3]!, 'base64') : Buffer.from(decodeURIComponent(match[3]!));
}

/** Reads attachments from the server's file store (or `data:` URLs). */
export function fileSource(files: FileStore): (attachment: Attachment) => Promise<Buffer> {
  return async (attachment) => {
    if (attachment.url.startsWith('data:')) {
      const bytes = fromDataUrl(attachment.url);
      if (bytes) return bytes;
    }
    const id = fileIdOf(attachment.url);
    const file = id === undefined ? null : await files.find(id);
    if (!file) {
      throw new PermanentDeliveryError(
        `The file ${attachment.name} is no longer stored; remove it and send again.`,
      );
    }
    return readFile(file.path);
  };
}

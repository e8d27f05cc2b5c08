import type { Id } from './common.js';

/** The categories of the seed's attachment table (F-2.5). */
export type AttachmentKind = 'image' | 'document' | 'audio' | 'video' | 'text';

/**
 * A stored file: an email attachment, an inline image or a chat file.
 * Invariants: `size` is in bytes and was measured by whoever stored the file; `type` is the MIME
 * type the store determined (by content on the server, F-6.6), not blindly the one the sender
 * claimed; `inline` files are referenced from the HTML body by `contentId` (`cid:`) or `url`.
 */
export interface Attachment {
  id: Id;
  name: string;
  size: number;
  type: string;
  kind: AttachmentKind;
  /** Where the file can be downloaded by an authorized session. */
  url: string;
  inline: boolean;
  contentId?: string;
}

/** Limits for one purpose: accepted extensions per kind and the maximum size in bytes. */
export interface FileRule {
  maxBytes: number;
  extensions: Partial<Record<AttachmentKind, readonly string[]>>;
}

/** Attachment limits of a campaign (F-2.4, F-2.5, F-5.7). */
export interface AttachmentLimits {
  attachment: FileRule;
  inlineImage: FileRule;
}

const MB = 1024 * 1024;

/** The seed's table: 10 MB per attachment, 5 MB per inline image. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  attachment: {
    maxBytes: 10 * MB,
    extensions: {
      image: ['jpg', 'jpeg', 'png', 'gif'],
      document: [
        'doc',
        'docx',
        'xls',
        'xlsx',
        'ppt',
        'pptx',
        'pdf',
        'zip',
        'rar',
        '7z',
        'tar',
        'gz',
        'odt',
        'ods',
        'odp',
      ],
      audio: ['aac', 'mp4', 'amr', 'mp3', 'ogg'],
      video: ['mp4', '3gp'],
      text: ['txt', 'csv', 'xml'],
    },
  },
  inlineImage: { maxBytes: 5 * MB, extensions: { image: ['jpg', 'jpeg', 'png', 'gif'] } },
};

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Why a file was refused, with what the message needs to say (the limit, the extension). */
export type FileRefusal =
  | { reason: 'too-large'; maxBytes: number; size: number }
  | { reason: 'unsupported-type'; extension: string; accepted: string[] }
  | { reason: 'empty' };

/**
 * Classifies a file against a rule by name (and MIME type to tell audio `.mp4` from video).
 * This is the client-side check; servers check the content again (F-6.6).
 */
export function checkFile(
  file: { name: string; size: number; type?: string },
  rule: FileRule,
): { ok: true; kind: AttachmentKind } | ({ ok: false } & FileRefusal) {
  const extension = extensionOf(file.name);
  const kinds = (Object.keys(rule.extensions) as AttachmentKind[]).filter((k) =>
    rule.extensions[k]?.includes(extension),
  );
  if (kinds.length === 0) {
    const accepted = [...new Set(Object.values(rule.extensions).flat())] as string[];
    return { ok: false, reason: 'unsupported-type', extension, accepted };
  }
  if (file.size === 0) return { ok: false, reason: 'empty' };
  if (file.size > rule.maxBytes) {
    return { ok: false, reason: 'too-large', maxBytes: rule.maxBytes, size: file.size };
  }
  const byType = kinds.find((k) => file.type?.startsWith(`${k}/`));
  return { ok: true, kind: byType ?? kinds[kinds.length - 1]! };
}

/** The accept attribute for an `<input type=file>` built from a rule (`.jpg,.jpeg,…`). */
export function acceptAttribute(rule: FileRule): string {
  return [...new Set(Object.values(rule.extensions).flat())].map((e) => `.${e}`).join(',');
}

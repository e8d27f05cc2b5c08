import { AdapterError } from '../../adapters/adapter.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import {
  extensionOf,
  type AttachmentKind,
  type FileRefusal,
  type FileRule,
} from '../../model/index.js';
import { MissingAdapterError } from '../internal/error-message.js';

/** What the messages need from the host's `LocalizeController` (which satisfies it). */
export type Localizer = Pick<LocalizeController, 't' | 'fileSize' | 'locale'>;

/**
 * The allowed extensions, readable: grouped by kind when the rule is known (`images (jpg, png);
 * documents (pdf, docx)`), else a plain list.
 */
export function allowedExtensions(i18n: Localizer, rule?: FileRule, accepted?: string[]): string {
  if (!rule) return (accepted ?? []).join(', ');
  return (Object.entries(rule.extensions) as Array<[AttachmentKind, readonly string[]]>)
    .filter(([, extensions]) => extensions.length > 0)
    .map(([kind, extensions]) => `${i18n.t(`attachments.kind.${kind}`)} (${extensions.join(', ')})`)
    .join('; ');
}

/**
 * Why a file cannot be attached, naming the file and the reason with the limit or the allowed
 * extensions: `“setup.exe” cannot be attached: .exe files are not allowed. Allowed: …`,
 * `“x.zip” is 12.3 MB; the limit is 10 MB.`, `“a.txt” is empty (0 bytes)…`. Pass the `rule` to
 * list the allowed extensions by kind. Used for attachments and for inline images alike.
 */
export function refusalMessage(
  i18n: Localizer,
  name: string,
  refusal: FileRefusal,
  rule?: FileRule,
): string {
  switch (refusal.reason) {
    case 'too-large': {
      const size = i18n.fileSize(refusal.size);
      const limit = i18n.fileSize(refusal.maxBytes);
      // 10 MB and a few bytes reads "10 MB" too: then say it is over the limit.
      return size === limit
        ? i18n.t('attachments.refusedSizeOver', { name, limit })
        : i18n.t('attachments.refusedSize', { name, size, limit });
    }
    case 'empty':
      return i18n.t('attachments.refusedEmpty', { name });
    case 'unsupported-type': {
      const allowed = allowedExtensions(i18n, rule, refusal.accepted);
      return refusal.extension
        ? i18n.t('attachments.refusedType', { name, extension: refusal.extension, allowed })
        : i18n.t('attachments.refusedNoExtension', { name, allowed });
    }
  }
}

/** The file is already in the list (same name and size). */
export function duplicateMessage(i18n: Localizer, name: string): string {
  return i18n.t('attachments.refusedDuplicate', { name });
}

/** Whether uploading the same file again may work (not for a refusal by the server). */
export function isRetryable(error: unknown): boolean {
  return (
    !AdapterError.is(error) || !['too-large', 'unsupported-type', 'invalid'].includes(error.code)
  );
}

/**
 * Why an upload failed, from the adapter's error: `too-large` with its `limit`,
 * `unsupported-type` (by extension, or by content when the extension is allowed), `invalid`
 * for an empty file, `offline`, and any other failure with the generic error sentence.
 */
export function uploadErrorMessage(
  i18n: Localizer,
  file: { name: string; size: number },
  error: unknown,
  rule: FileRule,
): string {
  const { name } = file;
  if (AdapterError.is(error)) {
    switch (error.code) {
      case 'too-large':
        return refusalMessage(i18n, name, {
          reason: 'too-large',
          size: file.size,
          maxBytes: error.limit ?? rule.maxBytes,
        });
      case 'unsupported-type': {
        const extension = extensionOf(name);
        const accepted = Object.values(rule.extensions).flat() as string[];
        if (extension && accepted.includes(extension))
          return i18n.t('attachments.failedContent', { name });
        return refusalMessage(
          i18n,
          name,
          { reason: 'unsupported-type', extension, accepted: [...new Set(accepted)] },
          rule,
        );
      }
      case 'invalid':
        if (file.size === 0) return refusalMessage(i18n, name, { reason: 'empty' });
        break;
      case 'offline':
        return i18n.t('attachments.failedOffline', { name });
    }
  }
  const reason = AdapterError.is(error)
    ? i18n.t(`error.${error.code}`)
    : error instanceof MissingAdapterError
      ? i18n.t('error.no-adapter')
      : i18n.t('error.unknown');
  return i18n.t('attachments.failed', { name, reason });
}

/**
 * Errors of the SQLite store, in words an operator can act on. They name the file and the cause
 * and keep the original error as `cause`; they are meant for logs and startup messages, never
 * for API clients (they contain server paths).
 */

const CAUSES: readonly [RegExp, string][] = [
  [/^SQLITE_(BUSY|LOCKED)/, 'it is locked by another process (is another server using it?)'],
  [/^SQLITE_READONLY/, 'it is read-only'],
  [/^SQLITE_(NOTADB|CORRUPT)/, 'it is not a SQLite database, or it is corrupt'],
  [/^SQLITE_CANTOPEN/, 'it cannot be opened (missing directory or no permission)'],
  [/^(SQLITE_FULL|ENOSPC)$/, 'the disk is full'],
  [/^(EACCES|EPERM)$/, 'permission denied'],
  [/^EROFS$/, 'the file system is read-only'],
  [/^EISDIR$/, 'it is a directory'],
  [/^ENOTDIR$/, 'a part of the path is not a directory'],
];

/** A short cause for an error code (`SQLITE_BUSY`, `EACCES`…), or the error's own message. */
export function causeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code !== 'string') return message;
  const known = CAUSES.find(([pattern]) => pattern.test(code));
  return known ? `${known[1]} (${code}: ${message})` : `${message} (${code})`;
}

/** `Cannot <action> the store <path>: <cause>`, with the original error as `cause`. */
export function storeError(action: string, path: string, error: unknown): Error {
  const reason = typeof error === 'string' ? error : causeOf(error);
  return new Error(`Cannot ${action} the store ${path}: ${reason}`, {
    cause: typeof error === 'string' ? undefined : error,
  });
}

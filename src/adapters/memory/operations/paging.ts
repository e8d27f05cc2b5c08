import { AdapterError } from '../../adapter.js';
import type { Id } from '../../../model/index.js';

/** Validates a page size (1–200, default 50). */
export function pageLimit(limit: number | undefined): number {
  if (limit === undefined) return 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw new AdapterError('invalid', 'The page size must be an integer from 1 to 200.', {
      field: 'limit',
    });
  }
  return limit;
}

/** An opaque cursor holding the sort key of the last item of a page. */
export function encodeCursor(key: readonly string[]): string {
  const json = JSON.stringify(['c1', ...key]);
  return btoa(String.fromCharCode(...new TextEncoder().encode(json)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export function decodeCursor(cursor: string, size: number): string[] {
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const parsed: unknown = JSON.parse(
      new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))),
    );
    if (
      Array.isArray(parsed) &&
      parsed.length === size + 1 &&
      parsed[0] === 'c1' &&
      parsed.every((p) => typeof p === 'string')
    ) {
      return parsed.slice(1) as string[];
    }
  } catch {
    // fall through
  }
  throw new AdapterError('invalid', 'The cursor is not one this backend issued.', {
    field: 'cursor',
  });
}

/**
 * The page of an oldest-first list of messages that ends just before the message `before` (the
 * newest page when omitted); `hasMore` tells whether older ones remain. A `before` that is not in
 * the list is `not-found`, with `where` (`interaction int_1`) naming the list in the message.
 */
export function pageBefore<T extends { id: Id }>(
  list: readonly T[],
  query: { before?: Id; limit?: number },
  where: string,
): { items: T[]; hasMore: boolean } {
  const limit = pageLimit(query.limit);
  let end = list.length;
  if (query.before !== undefined) {
    end = list.findIndex((item) => item.id === query.before);
    if (end === -1) {
      throw new AdapterError('not-found', `No message ${query.before} in ${where}.`, {
        field: 'before',
      });
    }
  }
  const start = Math.max(0, end - limit);
  return { items: list.slice(start, end), hasMore: start > 0 };
}

/** Opaque identifier. Adapters choose the format; elements never parse it. */
export type Id = string;

/**
 * An instant as an ISO 8601 string with a time zone (`2026-03-02T14:05:00.000Z`).
 * Dates cross the adapter boundary as strings so that the memory, HTTP and server sides
 * exchange exactly the same shapes; elements format them with `Intl`.
 */
export type IsoDate = string;

/** The two channels of a conversation. */
export type Channel = 'email' | 'chat';

/** A mailbox: optional display name and an address. `address` is stored lower-cased. */
export interface EmailAddress {
  name?: string;
  address: string;
}

/** One page of a cursor-paged list. `nextCursor` is `null` on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  /** Total matching items across all pages. */
  total: number;
}

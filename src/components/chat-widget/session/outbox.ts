/**
 * The outbox (F-5.6): every message not yet confirmed by the server, in the order it was written,
 * kept in storage before the first attempt so a reload or a crash loses nothing. Entries carry the
 * client id the server deduplicates by, so sending one again (after a reload, or from a second tab
 * that loaded the same outbox) never creates a second message.
 */
import type { Attachment } from '../../../model/index.js';
import { readItem, writeItem, type SessionStorage } from './storage.js';

export interface SendFailure {
  code: string;
  message: string;
  field?: string;
}

export interface OutboxEntry {
  clientId: string;
  text: string;
  attachmentIds: string[];
  /** Full attachment records when the caller had them (shown while pending). */
  attachments: Attachment[];
  /** ISO time the visitor wrote it. */
  createdAt: string;
  /** Set when the server refused it for good; the entry waits for `retry` or `discard`. */
  error?: SendFailure;
}

function isEntry(value: unknown): value is OutboxEntry {
  const e = value as OutboxEntry;
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof e.clientId === 'string' &&
    typeof e.text === 'string' &&
    Array.isArray(e.attachmentIds) &&
    typeof e.createdAt === 'string'
  );
}

/** Parses a stored outbox; anything malformed is dropped rather than breaking the widget. */
export function parseOutbox(raw: string | null): OutboxEntry[] {
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return [];
    return list.filter(isEntry).map((e) => ({ ...e, attachments: e.attachments ?? [] }));
  } catch {
    return [];
  }
}

export class Outbox {
  constructor(
    private readonly storage: SessionStorage,
    readonly key: string,
  ) {}

  read(): OutboxEntry[] {
    return parseOutbox(readItem(this.storage, this.key));
  }

  /**
   * Stores `own` (this session's entries, in order) while keeping entries written by other tabs
   * that this session neither owns nor knows to be delivered. `false` if the storage refused.
   */
  write(own: readonly OutboxEntry[], delivered: ReadonlySet<string>): boolean {
    const ownIds = new Set(own.map((e) => e.clientId));
    const others = this.read().filter((e) => !ownIds.has(e.clientId) && !delivered.has(e.clientId));
    const list = [...others, ...own];
    return writeItem(this.storage, this.key, list.length ? JSON.stringify(list) : null);
  }
}

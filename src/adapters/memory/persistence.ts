/**
 * Durability for the memory backend. The domain rules live once, in `operations/*` over the
 * `Store`; a server makes that same backend durable by plugging in a `RecordStore`. The Store keeps
 * the working set in memory, journals every record a unit of work changes (an adapter call, a
 * timer firing, an inbound mail), and writes the journal to the `RecordStore` in one transaction
 * when the unit ends. On start the backend loads every record back and rebuilds its indexes.
 *
 * Plain TypeScript without Node imports: this folder also runs in browsers. Implementations live
 * elsewhere (`adapters/node/store/` for SQLite); nothing here knows which database is behind it.
 */

/**
 * What the Store persists. Derived indexes (by address, by Message-ID, timelines, inbox order,
 * writers, known addresses, the highest case number) are never persisted: they are rebuilt on
 * load from these records.
 * - `draftRevision`: the last revision a draft key ever had, kept after the draft is deleted so a
 *   restored draft continues past it (see `restoreDraft`).
 * - `outbox`: the send bookkeeping of an outbound message; a `cancellableUntil` on a message still
 *   `scheduled` is a pending send that is re-armed on load.
 * - `clientId`: `<scope>\u0000<clientId>` → message id (idempotent sends survive a restart).
 * - `mailSync`: a mailbox's IMAP sync position (UIDVALIDITY, last UID), by mailbox id.
 * - `mailSource`: where an inbound message came from (mailbox, UID, raw source file), by message id.
 * - `counter`: the id source (`ids`), so minted ids never repeat after a restart.
 */
export type RecordKind =
  | 'agent'
  | 'campaign'
  | 'contact'
  | 'conversation'
  | 'interaction'
  | 'message'
  | 'draft'
  | 'draftRevision'
  | 'quickReply'
  | 'blockList'
  | 'blockedMail'
  | 'visitor'
  | 'upload'
  | 'outbox'
  | 'clientId'
  | 'mailSync'
  | 'mailSource'
  | 'counter';

/** Every kind the Store persists (for tools and tests that enumerate them). */
export const RECORD_KINDS: readonly RecordKind[] = [
  'counter',
  'agent',
  'campaign',
  'contact',
  'conversation',
  'interaction',
  'message',
  'draftRevision',
  'draft',
  'quickReply',
  'blockList',
  'blockedMail',
  'visitor',
  'upload',
  'outbox',
  'clientId',
  'mailSync',
  'mailSource',
];

/** One changed record: its current value (plain JSON data), or `null` when it was deleted. */
export interface RecordChange {
  kind: RecordKind;
  key: string;
  value: unknown;
}

/** One stored record, as `loadAll` yields it. */
export interface StoredRecord {
  kind: RecordKind;
  key: string;
  value: unknown;
}

/**
 * Where the records of a memory backend are kept. Synchronous on purpose: the domain operations
 * are synchronous, and an embedded database (better-sqlite3) is too; a remote database would sit
 * behind a write-ahead queue of its own, never behind this call.
 *
 * Invariants every implementation keeps:
 * - `write` applies `changes` in order, in one transaction: all of them or none (it throws then).
 *   A change with a `value` inserts or replaces the record; `value: null` deletes it (deleting a
 *   record that does not exist is not an error). Values are plain JSON data; `write` serializes
 *   them before it returns and keeps no reference to them.
 * - `loadAll` yields each record once, in the order of its first write: replacing a record keeps
 *   its place; deleting it and writing it again puts it last. The backend's behaviour depends on
 *   that order in a few places (the default campaign is the first one, block-list ties, recipient
 *   suggestions), so a restart must not reorder anything.
 * - `close` makes everything written durable and releases the database; nothing may be called
 *   after it.
 */
export interface RecordStore {
  loadAll(): Iterable<StoredRecord>;
  write(changes: readonly RecordChange[]): void;
  close(): void;
}

/**
 * Helpers of the persistence tests: a canonical snapshot of a Store, an in-memory RecordStore
 * (with an injectable failure), and the reload check that opens a second backend from the same
 * records and compares the two stores.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createMemoryBackend,
  storeOf,
  type MemoryBackend,
  type MemoryBackendOptions,
} from '../../../src/adapters/memory/backend.js';
import {
  RECORD_KINDS,
  type RecordChange,
  type RecordStore,
  type StoredRecord,
} from '../../../src/adapters/memory/persistence.js';
import type { Store } from '../../../src/adapters/memory/store.js';

/** The private parts of a Store a snapshot reads (derived indexes and draft maps). */
interface StoreInternals {
  drafts: Map<string, unknown>;
  draftRevisions: Map<string, number>;
  contactByEmail: Map<string, string>;
  visitorByDevice: Map<string, string>;
  rfcIndex: Map<string, string>;
  conversationByVisitor: Map<string, string>;
  writers: Map<string, Map<string, number>>;
  maxNumber: number;
  firstCampaignId: string | undefined;
}

const json = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

/** Entries of a map in its iteration order, values as JSON would store them. */
const ordered = (map: Map<string, unknown>) => [...map].map(([k, v]) => [k, json(v)]);
/** Entries of an index whose order means nothing (keyed lookups only). */
const sorted = (map: Map<string, unknown>) =>
  [...map].map(([k, v]) => [k, json(v)]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

/**
 * Everything a Store holds that a restart must keep: every record map in iteration order
 * (order is behaviour: default campaign, block-list ties, recipient suggestions), and every
 * derived index (sorted where only lookups use it), so a missed journal entry or a wrong rebuild
 * both show up as a difference. Run-time state (timers, subscriptions, object URLs) is left out.
 */
export function snapshotStore(s: Store): Record<string, unknown> {
  const internals = s as unknown as StoreInternals;
  const outbox = new Map([...s.outbox].map(([id, { timer: _t, ...entry }]) => [id, entry]));
  const records = {
    counter: s.ids.last,
    agent: ordered(s.agents),
    campaign: ordered(s.campaigns),
    contact: ordered(s.contacts),
    conversation: ordered(s.conversations),
    interaction: ordered(s.interactions),
    message: ordered(s.messages),
    draftRevision: ordered(internals.draftRevisions),
    draft: ordered(internals.drafts),
    quickReply: ordered(s.quickReplies),
    blockList: ordered(s.blockList),
    blockedMail: ordered(s.blockedMail),
    visitor: ordered(s.visitors),
    upload: ordered(s.uploads),
    outbox: ordered(outbox),
    clientId: ordered(s.clientIds),
    mailSync: ordered(s.mailSync),
    mailSource: ordered(s.mailSources),
  };
  assert.deepEqual(Object.keys(records).sort(), [...RECORD_KINDS].sort(), 'every kind snapshotted');
  const conversations = [...s.conversations.values()];
  return {
    records,
    indexes: {
      contactByEmail: sorted(internals.contactByEmail),
      visitorByDevice: sorted(internals.visitorByDevice),
      rfcIndex: sorted(internals.rfcIndex),
      conversationByVisitor: sorted(internals.conversationByVisitor),
      // A conversation whose last agent message was cancelled keeps an empty map: same meaning.
      writers: sorted(
        new Map(
          [...internals.writers].filter(([, w]) => w.size > 0).map(([c, w]) => [c, sorted(w)]),
        ),
      ),
      knownAddresses: ordered(s.knownAddresses),
      maxNumber: internals.maxNumber,
      firstCampaignId: internals.firstCampaignId,
      inbox: s.inbox.get().map((c) => c.id),
      interactionsOf: conversations.map((c) => [c.id, s.interactionsOf(c.id).map((i) => i.id)]),
      timelines: [...s.interactions.keys()].map((id) => [id, s.timeline(id).map((m) => m.id)]),
      byContact: [...s.contacts.keys()].map((id) => [
        id,
        s
          .conversationsOfContact(id)
          .map((c) => c.id)
          .sort(),
      ]),
    },
  };
}

/**
 * Opens a second backend from `persistence` and asserts it holds what `backend` holds. Its clock
 * is the epoch, so no send still in its undo window commits while loading (that would be a
 * legitimate difference); its timers are cleared by disposing it.
 */
export function assertReloadsEqual(
  backend: MemoryBackend,
  persistence: RecordStore,
  options: MemoryBackendOptions = {},
): void {
  const before = snapshotStore(storeOf(backend));
  const reloaded = createMemoryBackend({ ...options, persistence, now: () => new Date(0) });
  try {
    assertSnapshotsEqual(snapshotStore(storeOf(reloaded)), before);
  } finally {
    reloaded.dispose();
  }
}

/** Compares two snapshots part by part, so a failure names the map that differs. */
export function assertSnapshotsEqual(
  actual: Record<string, unknown>,
  expected: Record<string, unknown>,
): void {
  for (const section of Object.keys(expected)) {
    const a = actual[section] as Record<string, unknown>;
    const e = expected[section] as Record<string, unknown>;
    assert.deepStrictEqual(Object.keys(a), Object.keys(e), `${section}: the same parts`);
    for (const part of Object.keys(e)) {
      const [x, y] = [a[part], e[part]];
      if (Array.isArray(x) && Array.isArray(y)) {
        const keys = (list: unknown[]) =>
          list.map((entry) => (Array.isArray(entry) ? entry[0] : entry));
        assert.deepStrictEqual(
          keys(x),
          keys(y),
          `${section}.${part}: the same keys in the same order`,
        );
      }
      assert.deepStrictEqual(x, y, `${section}.${part} differs after the reload`);
    }
  }
}

/**
 * A `RecordStore` in memory that keeps the interface's invariants (ordered, all-or-nothing
 * writes; first-write order) and counts writes; `failNext` makes the next write throw.
 */
export class MemoryRecordStore implements RecordStore {
  readonly rows = new Map<string, StoredRecord>();
  writes: RecordChange[][] = [];
  failNext: Error | null = null;
  closed = false;

  loadAll(): Iterable<StoredRecord> {
    return [...this.rows.values()].map((r) => ({ ...r, value: json(r.value) }));
  }

  write(changes: readonly RecordChange[]): void {
    if (this.closed) throw new Error('closed');
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = null;
      throw error;
    }
    const serialized = changes.map((c) => ({ ...c, value: json(c.value) ?? null }));
    for (const c of serialized) {
      const id = `${c.kind}\u0000${c.key}`;
      if (c.value === null) this.rows.delete(id);
      else if (this.rows.has(id)) this.rows.get(id)!.value = c.value;
      else this.rows.set(id, { kind: c.kind, key: c.key, value: c.value });
    }
    this.writes.push(serialized);
  }

  close(): void {
    this.closed = true;
  }
}

/** A temporary directory removed by the returned function. */
export function tempDir(prefix = 'atento-store-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

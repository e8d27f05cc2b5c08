import type { RecordChange, RecordKind, RecordStore } from './persistence.js';

interface Pending {
  kind: RecordKind;
  key: string;
  /** Stored after being deleted in the same unit: written as a delete, then an insert. */
  recreated: boolean;
}

/**
 * The records one unit of work changed, by kind and key, in the order they were first touched.
 * Only the keys are journaled: values are read from the store when the journal is written, so a
 * record changed five times in a call is written once, as it ended. Without a `RecordStore` every
 * method returns at once (the memory adapter in a browser pays nothing).
 */
export class Journal {
  private readonly pending = new Map<string, Pending>();
  private paused = false;
  private target: RecordStore | undefined;

  /** Where `flush` writes; without one the journal records nothing. */
  attach(target: RecordStore | undefined): void {
    this.target = target;
  }

  /** A record changed in place, was replaced, or was deleted. */
  touch(kind: RecordKind, key: string): void {
    if (this.target === undefined || this.paused) return;
    const id = `${kind}\u0000${key}`;
    if (!this.pending.has(id)) this.pending.set(id, { kind, key, recreated: false });
  }

  /**
   * A record that did not exist was stored. If its key is already journaled (it was deleted
   * earlier in this unit), it moves last and is deleted before it is written again: the
   * `RecordStore` then keeps it last too, as the store's `Map` does.
   */
  created(kind: RecordKind, key: string): void {
    if (this.target === undefined || this.paused) return;
    const id = `${kind}\u0000${key}`;
    const recreated = this.pending.delete(id);
    this.pending.set(id, { kind, key, recreated });
  }

  /** Runs `fn` without journaling: records being loaded back from the `RecordStore`. */
  quietly<T>(fn: () => T): T {
    const was = this.paused;
    this.paused = true;
    try {
      return fn();
    } finally {
      this.paused = was;
    }
  }

  /**
   * Writes every journaled record in one `RecordStore.write`, reading each value with `read`
   * (`undefined`: the record is gone). When the write throws, everything stays journaled and goes
   * with the next write (the in-memory state already holds it), and the error propagates.
   */
  flush(read: (kind: RecordKind, key: string) => unknown): void {
    if (this.target === undefined || this.pending.size === 0) return;
    const changes: RecordChange[] = [];
    for (const { kind, key, recreated } of this.pending.values()) {
      const value = read(kind, key);
      if (recreated && value !== undefined) changes.push({ kind, key, value: null });
      changes.push({ kind, key, value: value ?? null });
    }
    this.target.write(changes);
    this.pending.clear();
  }
}

/**
 * A `Map` of records that journals its own `set` and `delete`, so adding, replacing or removing a
 * record can never be forgotten. Changing a stored record in place does not go through the map:
 * those sites call `Store.touch`.
 */
export class RecordMap<K extends string, V> extends Map<K, V> {
  constructor(
    private readonly journal: Journal,
    private readonly kind: RecordKind,
  ) {
    super();
  }

  override set(key: K, value: V): this {
    // The base constructor calls no `set`, so `journal` is always there.
    if (super.has(key)) this.journal.touch(this.kind, key);
    else this.journal.created(this.kind, key);
    return super.set(key, value);
  }

  override delete(key: K): boolean {
    const had = super.delete(key);
    if (had) this.journal.touch(this.kind, key);
    return had;
  }

  override clear(): void {
    for (const key of this.keys()) this.journal.touch(this.kind, key);
    super.clear();
  }
}

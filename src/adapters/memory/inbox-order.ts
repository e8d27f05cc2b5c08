import type { Conversation } from '../../model/index.js';

/** Inbox order: newest activity (`updatedAt`, bumped by every new message) first, then id. */
export function newestFirst(
  a: Pick<Conversation, 'updatedAt' | 'id'>,
  b: Pick<Conversation, 'updatedAt' | 'id'>,
): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? -1 : 1;
  return a.id > b.id ? -1 : a.id < b.id ? 1 : 0;
}

/**
 * Every conversation in inbox order, kept sorted as cases change so that an inbox page never
 * sorts the whole store: a new case is inserted in place, a case with new activity moves to its
 * new place, and bulk loads rebuild the order once, on the next read.
 */
export class InboxOrder {
  private list: Conversation[] | null = [];

  constructor(private readonly all: () => Iterable<Conversation>) {}

  /** Every conversation, newest activity first. */
  get(): readonly Conversation[] {
    this.list ??= [...this.all()].sort(newestFirst);
    return this.list;
  }

  /** Forgets the order; the next read rebuilds it (bulk loads, replaced records). */
  invalidate(): void {
    this.list = null;
  }

  add(c: Conversation): void {
    this.list?.splice(this.firstAfter(c), 0, c);
  }

  /** Sets `c.updatedAt` and moves `c` to the place the new value gives it. */
  setUpdatedAt(c: Conversation, updatedAt: string): void {
    const list = this.list;
    if (list) {
      const at = this.firstAfter(c) - 1;
      if (list[at] === c) list.splice(at, 1);
      else this.list = null;
    }
    c.updatedAt = updatedAt;
    this.add(c);
  }

  /** The index of the first conversation that comes after `key` in inbox order. */
  firstAfter(key: Pick<Conversation, 'updatedAt' | 'id'>): number {
    const list = this.get();
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (newestFirst(list[mid]!, key) > 0) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

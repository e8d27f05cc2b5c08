/**
 * The agents' live events, numbered and kept for a while, so a client that reconnects gets what it
 * missed instead of reloading everything (adapters/contract/socket.ts).
 *
 * Sequence numbers start at the boot time in microseconds: numbers from an earlier run of the
 * server are always below this run's, so a client resuming across a restart is told `reset`
 * instead of being replayed unrelated events under numbers it believes it has seen.
 */
export interface LoggedEvent {
  seq: number;
  /** The `event` frame, serialized once for every socket. */
  frame: string;
}

export class EventLog<E> {
  private readonly ring: Array<LoggedEvent | undefined>;
  private next = 0;
  private count = 0;
  /** The number of the last event appended (or of the start / of the last gap). */
  seq: number;

  constructor(
    readonly capacity: number,
    start: number = Date.now() * 1000,
  ) {
    this.ring = new Array<LoggedEvent | undefined>(capacity);
    this.seq = start;
  }

  /** Numbers `event`, serializes its frame once and keeps it (dropping the oldest when full). */
  append(event: E): LoggedEvent {
    this.seq += 1;
    const logged = {
      seq: this.seq,
      frame: JSON.stringify({ type: 'event', seq: this.seq, event }),
    };
    this.ring[this.next] = logged;
    this.next = (this.next + 1) % this.capacity;
    this.count = Math.min(this.count + 1, this.capacity);
    return logged;
  }

  /**
   * Frames of the events after `after`, oldest first; `null` when some of them are no longer kept
   * (or `after` was never issued by this log): the client must reload (`reset`).
   */
  since(after: number): string[] | null {
    if (after > this.seq) return null;
    const oldest = this.seq - this.count + 1;
    if (after < oldest - 1) return null;
    const frames: string[] = [];
    for (let seq = after + 1; seq <= this.seq; seq++) {
      const index = (this.next - 1 - (this.seq - seq) + this.capacity * 2) % this.capacity;
      frames.push(this.ring[index]!.frame);
    }
    return frames;
  }

  /**
   * Events may have been missed (nobody listened for a while): forget what is kept and skip a
   * number, so every earlier `after` answers `reset`.
   */
  gap(): void {
    this.ring.fill(undefined);
    this.count = 0;
    this.seq += 1;
  }
}

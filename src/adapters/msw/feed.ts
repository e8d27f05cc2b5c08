/**
 * One stream of live events with sequence numbers (all agents share one; each visitor device has
 * its own), fed by a memory backend subscription that exists only while sockets are attached —
 * that subscription is what the memory backend counts as presence.
 *
 * The last `capacity` events are kept to answer `resume`. While nobody is attached, events are
 * not seen at all; when the subscription starts again the seq jumps by one, so a client that
 * resumes from before the gap gets `reset` instead of a replay with a hole in it.
 */
import type { Unsubscribe } from '../adapter.js';
import type { ServerFrame } from '../contract/index.js';

/** What a feed delivers to: one WebSocket connection. */
export interface FeedSink<E> {
  deliver(frame: ServerFrame<E>): void;
}

export interface FeedOptions {
  /** Events kept for `resume`; default 1000. */
  capacity?: number;
  /**
   * How long the backend subscription outlives the last socket, in ms (default 0: presence ends
   * with the socket). A client reconnecting within it resumes without missing anything.
   */
  lingerMs?: number;
}

export class Feed<E> {
  private seq = 0;
  private readonly ring: Array<{ seq: number; event: E }> = [];
  /** A `resume` from before this seq crosses a gap. */
  private resumableAfter = 0;
  private unsubscribe: Unsubscribe | null = null;
  private started = false;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly sinks = new Set<FeedSink<E>>();
  private readonly capacity: number;
  private readonly lingerMs: number;

  constructor(
    private readonly source: (listener: (event: E) => void) => Unsubscribe,
    options: FeedOptions = {},
  ) {
    this.capacity = options.capacity ?? 1000;
    this.lingerMs = options.lingerMs ?? 0;
  }

  /** The seq of the latest event (what `ready` and `reset` carry). */
  get current(): number {
    return this.seq;
  }

  attach(sink: FeedSink<E>): void {
    clearTimeout(this.lingerTimer);
    this.sinks.add(sink);
    if (this.unsubscribe) return;
    if (this.started) {
      this.seq += 1;
      this.ring.length = 0;
      this.resumableAfter = this.seq;
    }
    this.started = true;
    this.unsubscribe = this.source((event) => this.push(event));
  }

  detach(sink: FeedSink<E>): void {
    if (!this.sinks.delete(sink) || this.sinks.size > 0) return;
    clearTimeout(this.lingerTimer);
    if (this.lingerMs > 0) this.lingerTimer = setTimeout(() => this.stop(), this.lingerMs);
    else this.stop();
  }

  /** The frames after `after`, or `null` when some of them are no longer known (→ `reset`). */
  replay(after: number): ServerFrame<E>[] | null {
    if (after > this.seq || after < this.resumableAfter) return null;
    const oldest = this.ring[0]?.seq ?? this.seq + 1;
    if (after < oldest - 1) return null;
    return this.ring
      .filter((entry) => entry.seq > after)
      .map(({ seq, event }) => ({ type: 'event', seq, event }));
  }

  /** Ends the backend subscription once no socket is attached (after a linger, or on dispose). */
  stop(): void {
    clearTimeout(this.lingerTimer);
    if (this.sinks.size > 0) return;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  private push(event: E): void {
    this.seq += 1;
    this.ring.push({ seq: this.seq, event });
    if (this.ring.length > this.capacity) this.ring.shift();
    const frame: ServerFrame<E> = { type: 'event', seq: this.seq, event };
    for (const sink of this.sinks) sink.deliver(frame);
  }
}

/**
 * Timing helpers of the list's live updates: at most one render per frame under a burst of events,
 * and the events to apply again to a page that was fetched while they arrived.
 */
import type { AgentEvent } from '../../adapters/adapter.js';

/**
 * Calls `render` at once for the first change after a quiet frame, then at most once per frame
 * while changes keep coming (200 new chats in a minute cost one render per frame, not one per
 * event). In a hidden page, where animation frames stop, a timer stands in for the frame.
 */
export class FrameThrottle {
  private gate = 0;
  private gateIsTimer = false;
  private dirty = false;

  constructor(private readonly render: () => void) {}

  request() {
    if (this.gate) {
      this.dirty = true;
      return;
    }
    this.render();
    const open = () => {
      this.gate = 0;
      if (this.dirty) {
        this.dirty = false;
        this.request();
      }
    };
    this.gateIsTimer = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    this.gate = this.gateIsTimer ? window.setTimeout(open, 50) : requestAnimationFrame(open);
  }

  cancel() {
    if (this.gateIsTimer) clearTimeout(this.gate);
    else cancelAnimationFrame(this.gate);
    this.gate = 0;
    this.dirty = false;
  }
}

/**
 * While fetches are in flight, keeps the live events that arrive: a page answered by the backend
 * may predate some of them, so they are applied again on top of it (in order: each carries the
 * whole summary, so the last one wins). Outside fetches nothing is kept.
 */
export class ReplayLog {
  private events: AgentEvent[] = [];
  /** Sequence number of `events[0]`. */
  private base = 0;
  private open = 0;

  /** A fetch starts; pass the mark to `end`. */
  begin(): number {
    this.open++;
    return this.base + this.events.length;
  }

  record(event: AgentEvent) {
    if (this.open > 0) this.events.push(event);
  }

  /** A fetch ended (answered, failed or aborted): the events that arrived meanwhile. */
  end(mark: number): AgentEvent[] {
    const since = this.events.slice(Math.max(0, mark - this.base));
    this.open = Math.max(0, this.open - 1);
    if (this.open === 0) {
      this.base += this.events.length;
      this.events = [];
    }
    return since;
  }
}

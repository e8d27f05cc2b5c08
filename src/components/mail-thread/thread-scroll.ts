import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Id } from '../../model/index.js';
import { indexAt, MAX_RENDERED, needsShift, rangeAround, type Range } from './thread-window.js';

/** Distance from the top (px) under which scrolling up loads older messages. */
const LOAD_OLDER_AT = 120;
/** Distance from the bottom (px) under which the user counts as reading the newest message. */
const AT_BOTTOM = 48;
/** Most rows a window shift adds in one frame: a long jump is spread over several frames. */
export const SHIFT_STEP = 40;
/** Gap between rows (px), part of a row's share of the list. */
const ROW_GAP = 8;

/** What to do with the scroll position after the next render. */
export type PendingScroll =
  | { kind: 'bottom' }
  | { kind: 'newest' }
  | { kind: 'message'; id: Id }
  | { kind: 'anchor'; id: Id; top: number };

interface ScrollHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

interface ScrollOptions {
  /** Every loaded message id, oldest first. */
  ids: () => Id[];
  /** Scrolling up came near the top: load older messages. */
  nearTop: () => void;
  /** The user scrolled to the bottom. */
  reachedBottom: () => void;
}

/**
 * Scrolling and windowing of `<mail-thread>`'s feed: which rows are rendered (`range`), their
 * measured heights (a `ResizeObserver`, never a layout-forcing loop), and where the scroll goes
 * after a render (newest message, a deep-linked message, or the row the user was reading).
 */
export class ThreadScroll implements ReactiveController {
  /** The rendered rows, when more than `MAX_RENDERED` are loaded. */
  range: Range = { start: 0, end: 0 };
  /** Measured row heights (plus the gap), by message id. */
  readonly heights = new Map<Id, number>();
  pending?: PendingScroll;

  private lastScrollTop = 0;
  private frame = 0;
  private observer?: ResizeObserver;

  constructor(
    private readonly host: ScrollHost,
    private readonly options: ScrollOptions,
  ) {
    host.addController(this);
  }

  get scroller(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  hostConnected() {
    this.observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const row = entry.target as HTMLElement;
        if (!row.isConnected) this.observer?.unobserve(row);
        else {
          const height = entry.borderBoxSize[0]?.blockSize ?? row.offsetHeight;
          this.heights.set(row.dataset['id']!, height + ROW_GAP);
        }
      }
    });
  }

  hostDisconnected() {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Keeps the range inside the loaded list (called before each render). */
  clamp() {
    const count = this.options.ids().length;
    if (this.range.end > count || count <= MAX_RENDERED) this.toEnd();
  }

  /** Called after each render: watch the rows' heights, then apply the pending scroll. */
  hostUpdated() {
    if (this.options.ids().length > MAX_RENDERED && this.observer) {
      for (const row of this.host.renderRoot.querySelectorAll<HTMLElement>('.row'))
        this.observer.observe(row);
    }
    void this.applyPending();
  }

  /** Forgets heights (another interaction or case). */
  reset() {
    this.heights.clear();
  }

  private toEnd() {
    const count = this.options.ids().length;
    this.range = rangeAround(count, count - 1, count - 1);
  }

  /** Renders the newest rows and scrolls to the newest message (`newest`) or the very bottom. */
  showNewest(kind: 'newest' | 'bottom' = 'newest') {
    this.toEnd();
    this.pending = { kind };
    this.host.requestUpdate();
  }

  /** Renders the rows around a message and scrolls it into view. */
  reveal(id: Id) {
    const ids = this.options.ids();
    const index = ids.indexOf(id);
    if (index === -1) return;
    this.range = rangeAround(ids.length, index, index);
    this.pending = { kind: 'message', id };
    this.host.requestUpdate();
  }

  /** `added` messages were prepended: render them and keep `anchor` where it was. */
  prepended(added: number, anchor: PendingScroll | undefined) {
    const count = this.options.ids().length;
    if (count > MAX_RENDERED) this.range = rangeAround(count, 0, added + 20);
    if (anchor) this.pending = anchor;
  }

  isAtBottom(): boolean {
    const s = this.scroller;
    return !s || s.scrollHeight - s.scrollTop - s.clientHeight < AT_BOTTOM;
  }

  /** The first message visible in the scroller and its offset, to keep it in place. */
  anchor(): PendingScroll | undefined {
    const s = this.scroller;
    if (!s) return undefined;
    const top = s.getBoundingClientRect().top;
    for (const row of s.querySelectorAll<HTMLElement>('.row')) {
      const rect = row.getBoundingClientRect();
      if (rect.bottom > top) return { kind: 'anchor', id: row.dataset['id']!, top: rect.top - top };
    }
    return undefined;
  }

  rowOf(id: Id): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`.row[data-id="${CSS.escape(id)}"]`);
  }

  /** Runs after the cards rendered (their own updates follow ours), before the next paint. */
  private async applyPending() {
    if (!this.pending) return;
    const cards = [...this.host.renderRoot.querySelectorAll('mail-message')];
    await Promise.all(cards.map((c) => c.updateComplete));
    const s = this.scroller;
    const pending = this.pending;
    if (!s || !pending) return;
    this.pending = undefined;
    const top = s.getBoundingClientRect().top;
    const scrollToRow = (id: Id | undefined, offset: number) => {
      const row = id ? this.rowOf(id) : null;
      // The row's top in view, or the very bottom when there is no row.
      s.scrollTop = row
        ? s.scrollTop + row.getBoundingClientRect().top - top - offset
        : s.scrollHeight;
    };
    if (pending.kind === 'anchor') scrollToRow(pending.id, pending.top);
    else if (pending.kind === 'message') scrollToRow(pending.id, ROW_GAP);
    else if (pending.kind === 'newest') scrollToRow(this.options.ids().at(-1), ROW_GAP);
    else s.scrollTop = s.scrollHeight;
    this.lastScrollTop = s.scrollTop;
  }

  readonly onScroll = () => {
    const s = this.scroller;
    if (!s) return;
    const goingUp = s.scrollTop < this.lastScrollTop;
    this.lastScrollTop = s.scrollTop;
    if (this.isAtBottom()) this.options.reachedBottom();
    if (goingUp && s.scrollTop < LOAD_OLDER_AT) this.options.nearTop();
    this.scheduleShift();
  };

  private scheduleShift() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.shift();
    });
  }

  /**
   * Moves the range towards the rows in view without rendering hundreds of cards in one frame:
   * after a jump, only the rows in view (and a few around) are rendered at once; the range then
   * grows by at most `SHIFT_STEP` rows per side and frame until it is centred on the view.
   */
  private shift() {
    const s = this.scroller;
    const ids = this.options.ids();
    const count = ids.length;
    if (!s || count <= MAX_RENDERED) return;
    const first = indexAt(ids, this.heights, s.scrollTop);
    const last = indexAt(ids, this.heights, s.scrollTop + s.clientHeight);
    const range = this.range;
    if (!needsShift(range, count, first, last)) return;
    const target = rangeAround(count, first, last);
    const next =
      first < range.start || last >= range.end
        ? {
            start: Math.max(target.start, first - SHIFT_STEP / 2),
            end: Math.min(target.end, last + 1 + SHIFT_STEP / 2),
          }
        : {
            start: Math.max(target.start, Math.min(range.start, target.end) - SHIFT_STEP),
            end: Math.min(target.end, Math.max(range.end, target.start) + SHIFT_STEP),
          };
    if (next.start === range.start && next.end === range.end) return;
    this.range = next;
    if (next.start !== target.start || next.end !== target.end) this.scheduleShift();
    this.host.requestUpdate();
  }
}

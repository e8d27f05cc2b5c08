import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConversationSummary } from '../../model/index.js';
import { indexOfId } from './list-model.js';
import { scrollTopFor, visibleRange, type Range } from './list-window.js';

interface ScrollHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** Row height (px) assumed until the probe is measured: `--atento-conversation-row-height`'s default. */
const DEFAULT_ROW_HEIGHT = 68;

/**
 * Scrolling of the list's listbox: its scroll offset and viewport, the measured row height
 * (a `ResizeObserver` on a probe sized like a row), the rendered range, and where the scroll goes
 * after a render — kept on the row the user was looking at when rows are inserted or removed
 * above it, or moved to reveal a row.
 */
export class ListScroll implements ReactiveController {
  scrollTop = 0;
  viewport = 0;
  rowHeight = DEFAULT_ROW_HEIGHT;
  /** Applied to the scroller after the next render. */
  private pendingTop?: number;
  private observer?: ResizeObserver;
  private observed = new Set<Element>();

  constructor(
    private readonly host: ScrollHost,
    /** The scroll offset or the viewport changed enough to render other rows. */
    private readonly moved: () => void,
  ) {
    host.addController(this);
  }

  get scroller(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  hostConnected() {
    this.observer = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const height = entry.borderBoxSize[0]?.blockSize ?? entry.contentRect.height;
        const el = entry.target as HTMLElement;
        if (el.classList.contains('probe')) {
          if (height > 0 && Math.abs(height - this.rowHeight) > 0.1) {
            this.rowHeight = height;
            this.host.requestUpdate();
          }
        } else if (el.isConnected && Math.abs(el.clientHeight - this.viewport) > 0.5) {
          this.viewport = el.clientHeight;
          this.moved();
        }
      }
    });
    this.observed.clear();
  }

  hostDisconnected() {
    this.observer?.disconnect();
    this.observer = undefined;
  }

  hostUpdated() {
    const s = this.scroller;
    for (const el of [s, this.host.renderRoot.querySelector('.probe')]) {
      if (el && !this.observed.has(el)) {
        this.observed.add(el);
        this.observer?.observe(el);
      }
    }
    if (!s) {
      this.scrollTop = 0;
      this.pendingTop = undefined;
      return;
    }
    if (this.pendingTop !== undefined) {
      s.scrollTop = this.pendingTop;
      this.pendingTop = undefined;
      this.scrollTop = s.scrollTop;
    }
  }

  /** The rows to render for `count` loaded rows. */
  range(count: number): Range {
    const height = this.viewport || globalThis.innerHeight || 800;
    return visibleRange(this.scrollTop, height, this.rowHeight, count);
  }

  /** Rows that fit in the viewport, for PageUp / PageDown. */
  get pageRows(): number {
    return Math.max(1, Math.floor((this.viewport || this.rowHeight) / this.rowHeight) - 1);
  }

  /** Scrolls as little as needed for row `index` to be fully in view (after the next render). */
  reveal(index: number) {
    const top = scrollTopFor(
      index,
      this.scrollTop,
      this.viewport || this.rowHeight,
      this.rowHeight,
    );
    this.setTop(top);
  }

  /** Back to the first row (another filter). */
  toTop() {
    this.setTop(0);
  }

  private setTop(top: number) {
    if (top === this.scrollTop && this.pendingTop === undefined) return;
    this.scrollTop = top;
    this.pendingTop = top;
    this.host.requestUpdate();
  }

  /**
   * Rows changed between two renders: unless the list is scrolled to its very top (where new
   * cases simply appear), keep the first row in view — or the first one after it that is still
   * listed — at the same place on screen.
   */
  keepAnchor(before: readonly ConversationSummary[], after: readonly ConversationSummary[]) {
    if (this.scrollTop < 1 || before.length === 0) return;
    const first = Math.floor(this.scrollTop / this.rowHeight);
    for (let i = first; i < before.length; i++) {
      const j = indexOfId(after, before[i]!.id);
      if (j === -1) continue;
      if (j !== i) this.setTop(Math.max(0, this.scrollTop + (j - i) * this.rowHeight));
      return;
    }
  }

  readonly onScroll = () => {
    const s = this.scroller;
    if (!s) return;
    this.scrollTop = s.scrollTop;
    this.moved();
  };
}

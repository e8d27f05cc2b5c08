import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Below this width (of the panel itself, not the viewport) the panes stack. */
export const NARROW_BELOW = 900;

/**
 * Watches the host's own width with a `ResizeObserver`, so the layout follows the space the
 * panel is given (embedded in a host app's column, a split view) rather than the viewport.
 */
export class PanelWidth implements ReactiveController {
  narrow = false;
  private observer?: ResizeObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected() {
    this.observer ??= new ResizeObserver(([entry]) => {
      if (entry) this.apply(entry.contentRect.width);
    });
    this.observer.observe(this.host);
    this.apply(this.host.getBoundingClientRect().width);
  }

  hostDisconnected() {
    this.observer?.disconnect();
  }

  private apply(width: number) {
    // A panel not laid out yet (width 0, e.g. inside a hidden tab) keeps its layout.
    if (width === 0) return;
    const narrow = width < NARROW_BELOW;
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.host.requestUpdate();
  }
}

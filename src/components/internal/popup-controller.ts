import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether this browser has the Popover API (`popover="manual"` puts a popup in the top layer). */
export const supportsPopover =
  typeof HTMLElement !== 'undefined' && Object.hasOwn(HTMLElement.prototype, 'popover');

export interface PopupOptions {
  /** Whether the popup should be showing; read after every update of the host. */
  open: () => boolean;
  /** The popup: a fixed-position element, `popover="manual"` where the browser supports it. */
  popup: () => HTMLElement | null | undefined;
  /** Places the popup; called when it opens and on every scroll and resize while it is open. */
  place: () => void;
  /** A pointer press outside the host while the popup is open (the host closes it). */
  outside?: () => void;
}

/**
 * A popup shown in the top layer while its host says it is open: after each update of the host
 * it shows or hides the popover to match, places it on opening and keeps it placed on scroll and
 * resize, and reports pointer presses outside the host. The host keeps its own open state.
 */
export class PopupController implements ReactiveController {
  private shown = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PopupOptions,
  ) {
    host.addController(this);
  }

  hostUpdated() {
    const open = this.options.open();
    if (open === this.shown) return;
    this.shown = open;
    const popup = this.options.popup();
    if (open) {
      if (supportsPopover && popup && !popup.matches(':popover-open')) popup.showPopover();
      this.options.place();
      this.listen();
    } else {
      if (supportsPopover && popup?.matches(':popover-open')) popup.hidePopover();
      this.unlisten();
    }
  }

  hostDisconnected() {
    this.unlisten();
  }

  private readonly place = () => {
    if (this.shown) this.options.place();
  };

  private readonly onDocumentPointerDown = (event: Event) => {
    if (!event.composedPath().includes(this.host)) this.options.outside?.();
  };

  private listen() {
    if (this.options.outside)
      document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    window.addEventListener('scroll', this.place, { capture: true, passive: true });
    window.addEventListener('resize', this.place);
  }

  private unlisten() {
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    window.removeEventListener('scroll', this.place, { capture: true });
    window.removeEventListener('resize', this.place);
  }
}

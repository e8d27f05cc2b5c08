import { html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AtentoElement, emit } from './atento-element.js';
import { styles } from './atento-dialog.styles.js';

const FOCUSABLE =
  'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), ' +
  'select:not([disabled]), textarea:not([disabled]), iframe, [contenteditable=""], ' +
  '[contenteditable=true], [tabindex]:not([tabindex="-1"])';

/** The focused element, looking inside shadow roots (`document.activeElement` stops at hosts). */
export function deepActiveElement(): HTMLElement | null {
  let active = document.activeElement as HTMLElement | null;
  while (active?.shadowRoot?.activeElement) {
    active = active.shadowRoot.activeElement as HTMLElement;
  }
  return active;
}

function focusable(el: Element): el is HTMLElement {
  return el instanceof HTMLElement && el.matches(FOCUSABLE) && el.checkVisibility?.() !== false;
}

/** The `[autofocus]` element, else the first focusable one, in `roots` and their subtrees. */
function firstFocusable(roots: Element[]): HTMLElement | undefined {
  const all = roots.flatMap((root) => [root, ...root.querySelectorAll('*')]);
  const auto = all.find((el) => el.hasAttribute('autofocus') && focusable(el));
  return (auto as HTMLElement | undefined) ?? all.find(focusable);
}

/**
 * A modal dialog on a native `<dialog>` (`showModal()`): a titled header with a close button, a
 * body and a footer. `show()` moves focus into the body (an `[autofocus]` element, else the first
 * focusable one) and `close()`, Escape, the close button or a click on the backdrop close it and
 * return focus to the element that had it before, even inside another shadow root.
 *
 * @summary Modal dialog with focus management (internal building block).
 *
 * @fires {CustomEvent<void>} atento-dialog-close - The dialog closed (after focus returned).
 *
 * @slot - The body.
 * @slot footer - Buttons at the bottom, end-aligned.
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart header - Title and close button.
 * @csspart title - The `<h2>` title.
 * @csspart close-button - The close button.
 * @csspart body - The scrolling body.
 * @csspart footer - The footer holding the `footer` slot.
 *
 * @cssprop --atento-color-surface-raised - Background of the dialog.
 * @cssprop --atento-color-surface-sunken - Background of the footer.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-text - Text colour.
 * @cssprop --atento-radius - Corner radius.
 * @cssprop --atento-space - Spacing unit.
 */
@customElement('atento-dialog')
export class AtentoDialog extends AtentoElement {
  static override styles = [...AtentoElement.styles, styles];

  /** The title, shown in the header and naming the dialog. */
  @property() label = '';

  @query('dialog') private dialog!: HTMLDialogElement;

  @state() private hasFooter = false;

  /** Where focus goes back on close. */
  private returnFocus?: HTMLElement | null;
  /** Whether the current pointer press started on the backdrop (not a text selection ending there). */
  private pressOnBackdrop = false;

  /** Whether the dialog is showing (also reflected as the `open` attribute). */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /**
   * Opens the dialog modally, remembering the focused element to return to. Resolves once it
   * shows, focus is inside and its entrance animation is over.
   */
  async show(): Promise<void> {
    if (this.open) return;
    this.returnFocus = deepActiveElement();
    if (!this.hasUpdated) await this.updateComplete;
    if (this.open || !this.isConnected) return;
    this.dialog.showModal();
    this.toggleAttribute('open', true);
    this.focusInitial();
    // Resolve once the entrance animation (none with reduced motion) is over.
    await Promise.all(this.dialog.getAnimations().map((a) => a.finished.catch(() => undefined)));
  }

  /** Closes the dialog; `atento-dialog-close` follows once focus is back. */
  close() {
    if (this.open) this.dialog.close();
  }

  /** Moves focus to the body's `[autofocus]` or first focusable element, else the close button. */
  focusInitial() {
    const slot = this.renderRoot.querySelector<HTMLSlotElement>('slot:not([name])');
    const target = firstFocusable(slot?.assignedElements({ flatten: true }) ?? []);
    (target ?? this.renderRoot.querySelector<HTMLElement>('.close'))?.focus();
  }

  protected override firstUpdated() {
    if (this.hasAttribute('open')) void this.show();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.dialog?.open) this.dialog.close();
  }

  /** Every way of closing ends here (close(), Escape, backdrop, a `method=dialog` form). */
  private onNativeClose() {
    this.toggleAttribute('open', false);
    const target = this.returnFocus;
    this.returnFocus = undefined;
    if (target?.isConnected) target.focus({ preventScroll: true });
    emit(this, 'atento-dialog-close', undefined);
  }

  private isBackdrop(event: MouseEvent): boolean {
    if (event.target !== this.dialog) return false;
    const r = this.dialog.getBoundingClientRect();
    return (
      event.clientX < r.left ||
      event.clientX > r.right ||
      event.clientY < r.top ||
      event.clientY > r.bottom
    );
  }

  private onPointerDown(event: PointerEvent) {
    this.pressOnBackdrop = this.isBackdrop(event);
  }

  private onClick(event: MouseEvent) {
    // Keyboard "clicks" on the dialog itself have no coordinates; only real backdrop presses count.
    if (this.pressOnBackdrop && this.isBackdrop(event)) this.close();
    this.pressOnBackdrop = false;
  }

  private onFooterSlotChange(event: Event) {
    this.hasFooter = (event.target as HTMLSlotElement).assignedNodes({ flatten: true }).length > 0;
  }

  override render() {
    // The native dialog handles Escape (`cancel` then `close`); clicks on it only close when they
    // land on the backdrop, which keyboard users close with Escape or the close button.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<dialog
      part="dialog"
      aria-labelledby="title"
      @close=${this.onNativeClose}
      @pointerdown=${this.onPointerDown}
      @click=${this.onClick}
    >
      <header part="header" class="header">
        <h2 id="title" part="title" class="title">${this.label}</h2>
        <button
          part="close-button"
          class="close"
          type="button"
          aria-label=${this.i18n.t('dialog.close')}
          title=${this.i18n.t('dialog.close')}
          @click=${() => this.close()}
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" fill="none" stroke="currentColor">
            <path d="M5 5l10 10M15 5L5 15" stroke-width="1.8" stroke-linecap="round" />
          </svg>
        </button>
      </header>
      <div part="body" class="body"><slot></slot></div>
      <div part="footer" class="footer ${this.hasFooter ? '' : 'empty'}">
        <slot name="footer" @slotchange=${this.onFooterSlotChange}></slot>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-dialog': AtentoDialog;
  }
  interface GlobalEventHandlersEventMap {
    'atento-dialog-close': CustomEvent<void>;
  }
}

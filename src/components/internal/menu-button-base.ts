import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { AtentoElement } from './atento-element.js';
import { placePopup } from './place-popup.js';
import { PopupController, supportsPopover } from './popup-controller.js';

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/** What an item of a `MenuButtonBase` menu says about itself beyond its content. */
export interface MenuItemAttributes {
  /** `menuitem`, or `menuitemradio` for one choice among the items. */
  role: 'menuitem' | 'menuitemradio';
  part: string;
  className: string;
  /** For `menuitemradio`: whether it is the chosen one. */
  checked?: boolean;
  /** Focusable, but cannot be chosen (`aria-disabled`). */
  disabled?: boolean;
  labelledBy?: string;
  describedBy?: string;
}

export interface MenuButtonOptions {
  /** Accessible name (`aria-label`); leave it out when the content names the button. */
  label?: string;
  /** Tooltip. */
  title?: string;
  className: string;
  disabled?: boolean;
}

/**
 * The WAI-ARIA APG menu button both `<atento-menu-button>` and the reply channel menu are: a
 * `#button` opening a `#menu` of items `#item-0`, `#item-1`… with a roving tabindex. Enter, Space,
 * ArrowDown and a click open it on `initialIndex()`, ArrowUp on the last item; in the menu, arrows
 * wrap, Home/End (and PageUp/PageDown) jump, a letter jumps to the next item starting with it,
 * Enter/Space choose, Escape closes (focus back on the button), Tab closes and moves on. A click
 * outside closes. The menu is shown in the top layer at a fixed position under the button, so
 * scroll containers never clip it.
 *
 * Subclasses render the button with `renderMenuButton`, the menu with `renderMenu` and each item
 * with `renderItem`, and say how many items there are, what each is called (for type-ahead), what
 * choosing one does and which side of the button the menu lines up with.
 */
export abstract class MenuButtonBase extends AtentoElement {
  /** Whether the menu is showing. */
  @state() protected expanded = false;

  /** Index of the item holding the roving tabindex. */
  @state() protected activeIndex = 0;

  @query('#button') protected button!: HTMLButtonElement;
  @query('#menu') protected menu!: HTMLElement;

  /** Which edges of the menu and the button line up: start edges, or end edges. */
  protected abstract readonly menuAlign: 'start' | 'end';

  protected abstract get itemCount(): number;

  /** The item's name, as type-ahead matches it. */
  protected abstract itemLabel(index: number): string;

  /** Chooses the item: closes the menu (`hide(true)`) and says so, unless it cannot be chosen. */
  protected abstract choose(index: number): void;

  /** The item the menu opens on from the button (Enter, Space, ArrowDown, a click). */
  protected initialIndex(): number {
    return 0;
  }

  /** Whether the menu may open now. */
  protected canOpen(): boolean {
    return this.itemCount > 0;
  }

  protected readonly popup = new PopupController(this, {
    open: () => this.expanded,
    popup: () => this.menu,
    place: () => this.position(),
    outside: () => this.hide(false),
  });

  /** Whether the menu is open. */
  get open(): boolean {
    return this.expanded;
  }

  override focus(options?: FocusOptions) {
    this.button?.focus(options);
  }

  /** Closes the menu; with `returnFocus`, focus goes back to the button. */
  hide(returnFocus = false) {
    if (!this.expanded) return;
    if (returnFocus) this.button.focus();
    this.expanded = false;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.expanded = false;
  }

  /** Opens the menu and focuses the item at `index`. */
  protected async openOn(index: number) {
    if (!this.canOpen()) return;
    this.activeIndex = index;
    this.expanded = true;
    await this.updateComplete;
    this.focusActive();
  }

  /** Under the button; above it when there is no room below. */
  private position() {
    const button = this.button.getBoundingClientRect();
    const width = this.menu.getBoundingClientRect().width;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const atStart = (this.menuAlign === 'start') !== rtl;
    placePopup(button, this.menu, atStart ? button.left : button.right - width);
  }

  private focusActive() {
    this.renderRoot.querySelector<HTMLElement>(`#item-${this.activeIndex}`)?.focus();
  }

  private async moveTo(index: number) {
    const n = this.itemCount;
    this.activeIndex = ((index % n) + n) % n;
    await this.updateComplete;
    this.focusActive();
  }

  private onButtonClick() {
    if (this.expanded) this.hide(true);
    else void this.openOn(this.initialIndex());
  }

  private onButtonKeydown(event: KeyboardEvent) {
    if (!['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(event.key)) return;
    event.preventDefault();
    void this.openOn(event.key === 'ArrowUp' ? this.itemCount - 1 : this.initialIndex());
  }

  private onMenuKeydown(event: KeyboardEvent) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const i = this.activeIndex;
    switch (event.key) {
      case 'ArrowDown':
        void this.moveTo(i + 1);
        break;
      case 'ArrowUp':
        void this.moveTo(i - 1);
        break;
      case 'Home':
      case 'PageUp':
        void this.moveTo(0);
        break;
      case 'End':
      case 'PageDown':
        void this.moveTo(this.itemCount - 1);
        break;
      case 'Enter':
      case ' ':
        this.choose(i);
        break;
      case 'Escape':
        this.hide(true);
        break;
      case 'Tab':
        // Focus the button first so the browser's Tab moves on from it, not from a hidden item.
        this.hide(true);
        return;
      default:
        if (event.key.length === 1 && /\S/.test(event.key)) {
          this.typeahead(event.key);
          break;
        }
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  }

  private typeahead(char: string) {
    const c = fold(char);
    const n = this.itemCount;
    for (let step = 1; step <= n; step++) {
      const index = (this.activeIndex + step) % n;
      if (fold(this.itemLabel(index).trim()).startsWith(c)) {
        void this.moveTo(index);
        return;
      }
    }
  }

  /** The `#button` (part `button`) opening the menu. */
  protected renderMenuButton(
    content: unknown,
    { label, title, className, disabled = false }: MenuButtonOptions,
  ): TemplateResult {
    return html`<button
      id="button"
      part="button"
      class=${className}
      type="button"
      aria-haspopup="menu"
      aria-expanded=${this.expanded ? 'true' : 'false'}
      aria-controls="menu"
      aria-label=${label ?? nothing}
      title=${title ?? nothing}
      ?disabled=${disabled}
      @click=${this.onButtonClick}
      @keydown=${this.onButtonKeydown}
    >
      ${content}
    </button>`;
  }

  /** The `#menu` (part `menu`); named by `label`, else by the button. */
  protected renderMenu(items: unknown, label?: string): TemplateResult {
    return html`<div
      id="menu"
      part="menu"
      class="menu ${this.expanded ? 'open' : ''}"
      role="menu"
      aria-labelledby=${label ? nothing : 'button'}
      aria-label=${label ?? nothing}
      popover=${supportsPopover ? 'manual' : nothing}
      @keydown=${this.onMenuKeydown}
    >
      ${items}
    </div>`;
  }

  /** Item `#item-<index>`; keys are handled once on the menu (APG menu pattern), not on each. */
  protected renderItem(index: number, item: MenuItemAttributes, content: unknown): TemplateResult {
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      id="item-${index}"
      part=${item.part}
      class=${item.className}
      role=${item.role}
      aria-checked=${item.role === 'menuitemradio' ? (item.checked ? 'true' : 'false') : nothing}
      aria-disabled=${item.disabled ? 'true' : nothing}
      aria-labelledby=${item.labelledBy ?? nothing}
      aria-describedby=${item.describedBy ?? nothing}
      tabindex=${index === this.activeIndex ? '0' : '-1'}
      @click=${() => this.choose(index)}
      @pointermove=${() => {
        if (this.activeIndex !== index) void this.moveTo(index);
      }}
    >
      ${content}
    </div>`;
  }
}

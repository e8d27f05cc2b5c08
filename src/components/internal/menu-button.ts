import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AtentoElement, emit } from './atento-element.js';
import { placePopup } from './place-popup.js';
import { styles } from './menu-button.styles.js';

/** One entry of an `<atento-menu-button>`. */
export interface MenuItem {
  id: string;
  label: string;
  /** Destructive actions are shown in the danger colour. */
  danger?: boolean;
}

export interface MenuSelectDetail {
  id: string;
}

const supportsPopover =
  typeof HTMLElement !== 'undefined' && Object.hasOwn(HTMLElement.prototype, 'popover');

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * A WAI-ARIA APG menu button: a ⋯ button opening a `role=menu` of actions. Enter, Space and
 * ArrowDown open on the first item, ArrowUp on the last; in the menu, arrows wrap, Home/End jump,
 * a letter jumps to the next item starting with it, Enter/Space choose, Escape closes (focus back
 * on the button), Tab closes and moves on. A click outside closes. The menu is shown in the top
 * layer (`popover="manual"`) at a fixed position under the button, right-aligned, so scroll
 * containers never clip it.
 *
 * @summary "More options" menu button (internal building block, F-1.6).
 *
 * @fires {CustomEvent<MenuSelectDetail>} atento-menu-select - An item was chosen; the menu has
 *   closed and focus is back on the button.
 *
 * @csspart button - The ⋯ button.
 * @csspart menu - The `role=menu` list.
 * @csspart item - One `role=menuitem`.
 *
 * @cssprop --atento-color-surface-raised - Menu background.
 * @cssprop --atento-color-accent-soft - Background of the focused item.
 * @cssprop --atento-color-danger - Text of `danger` items.
 * @cssprop --atento-color-focus - Focus ring.
 */
@customElement('atento-menu-button')
export class AtentoMenuButton extends AtentoElement {
  static override styles = [...AtentoElement.styles, styles];

  /** The menu's entries. */
  @property({ attribute: false }) items: MenuItem[] = [];

  /** Accessible name of the button (and its tooltip); defaults to "More options". */
  @property() label?: string;

  /** Whether the menu is showing. */
  @state() private expanded = false;

  /** Index of the item holding the roving tabindex. */
  @state() private activeIndex = 0;

  @query('.button') private button!: HTMLButtonElement;
  @query('.menu') private menu!: HTMLElement;

  /** Whether the menu is open. */
  get open(): boolean {
    return this.expanded;
  }

  override focus(options?: FocusOptions) {
    this.button?.focus(options);
  }

  /** Opens the menu and focuses its first (or last) item. */
  async show(at: 'first' | 'last' = 'first') {
    if (this.items.length === 0) return;
    this.activeIndex = at === 'first' ? 0 : this.items.length - 1;
    this.expanded = true;
    await this.updateComplete;
    this.focusActive();
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
    this.stopListening();
  }

  protected override updated(changed: PropertyValues) {
    if (!changed.has('expanded')) return;
    if (this.expanded) {
      if (supportsPopover && !this.menu.matches(':popover-open')) this.menu.showPopover();
      this.position();
      this.startListening();
    } else {
      if (supportsPopover && this.menu.matches(':popover-open')) this.menu.hidePopover();
      this.stopListening();
    }
  }

  /** Under the button, right edges aligned; above it when there is no room below. */
  private position = () => {
    if (!this.expanded) return;
    const button = this.button.getBoundingClientRect();
    const width = this.menu.getBoundingClientRect().width;
    const rtl = getComputedStyle(this).direction === 'rtl';
    placePopup(button, this.menu, rtl ? button.left : button.right - width);
  };

  private onDocumentPointerDown = (event: Event) => {
    if (!event.composedPath().includes(this)) this.hide(false);
  };

  private startListening() {
    document.addEventListener('pointerdown', this.onDocumentPointerDown, true);
    window.addEventListener('scroll', this.position, { capture: true, passive: true });
    window.addEventListener('resize', this.position);
  }

  private stopListening() {
    document.removeEventListener('pointerdown', this.onDocumentPointerDown, true);
    window.removeEventListener('scroll', this.position, { capture: true });
    window.removeEventListener('resize', this.position);
  }

  private get itemElements(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('[role=menuitem]')];
  }

  private focusActive() {
    this.itemElements[this.activeIndex]?.focus();
  }

  private async moveTo(index: number) {
    const n = this.items.length;
    this.activeIndex = ((index % n) + n) % n;
    await this.updateComplete;
    this.focusActive();
  }

  private choose(index: number) {
    const item = this.items[index];
    if (!item) return;
    this.hide(true);
    emit(this, 'atento-menu-select', { id: item.id });
  }

  private onButtonClick() {
    if (this.expanded) this.hide(true);
    else void this.show('first');
  }

  private onButtonKeydown(event: KeyboardEvent) {
    const at = { ArrowDown: 'first', ArrowUp: 'last', Enter: 'first', ' ': 'first' } as const;
    const where = at[event.key as keyof typeof at];
    if (!where) return;
    event.preventDefault();
    void this.show(where);
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
        void this.moveTo(this.items.length - 1);
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
    const n = this.items.length;
    for (let step = 1; step <= n; step++) {
      const index = (this.activeIndex + step) % n;
      if (fold(this.items[index]!.label.trim()).startsWith(c)) {
        void this.moveTo(index);
        return;
      }
    }
  }

  private renderItem(item: MenuItem, index: number) {
    // Keys are handled once on the menu (APG menu pattern), not on each item.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      id="item-${index}"
      part="item"
      class="item ${item.danger ? 'danger' : ''}"
      role="menuitem"
      tabindex=${index === this.activeIndex ? '0' : '-1'}
      @click=${() => this.choose(index)}
      @pointermove=${() => {
        if (this.activeIndex !== index) void this.moveTo(index);
      }}
    >
      ${item.label}
    </div>`;
  }

  override render() {
    const label = this.label || this.i18n.t('menu.moreOptions');
    return html`<button
        id="button"
        part="button"
        class="button"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="menu"
        title=${label}
        @click=${this.onButtonClick}
        @keydown=${this.onButtonKeydown}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" fill="currentColor">
          <circle cx="4" cy="10" r="1.7" />
          <circle cx="10" cy="10" r="1.7" />
          <circle cx="16" cy="10" r="1.7" />
        </svg>
        <span class="visually-hidden">${label}</span>
      </button>
      <div
        id="menu"
        part="menu"
        class="menu ${this.expanded ? 'open' : ''}"
        role="menu"
        aria-labelledby="button"
        popover=${supportsPopover ? 'manual' : nothing}
        @keydown=${this.onMenuKeydown}
      >
        ${this.items.map((item, index) => this.renderItem(item, index))}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-menu-button': AtentoMenuButton;
  }
  interface GlobalEventHandlersEventMap {
    'atento-menu-select': CustomEvent<MenuSelectDetail>;
  }
}

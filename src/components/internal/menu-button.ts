import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { AtentoElement, emit } from './atento-element.js';
import { MenuButtonBase } from './menu-button-base.js';
import { iconButtons } from '../../styles/controls.js';
import { menuStyles, styles } from './menu-button.styles.js';

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
export class AtentoMenuButton extends MenuButtonBase {
  static override styles = [...AtentoElement.styles, iconButtons, menuStyles, styles];

  /** The menu's entries. */
  @property({ attribute: false }) items: MenuItem[] = [];

  /** Accessible name of the button (and its tooltip); defaults to "More options". */
  @property() label?: string;

  protected readonly menuAlign = 'end';

  protected get itemCount(): number {
    return this.items.length;
  }

  /** Opens the menu and focuses its first (or last) item. */
  async show(at: 'first' | 'last' = 'first') {
    await this.openOn(at === 'first' ? 0 : this.items.length - 1);
  }

  protected itemLabel(index: number): string {
    return this.items[index]!.label;
  }

  protected choose(index: number) {
    const item = this.items[index];
    if (!item) return;
    this.hide(true);
    emit(this, 'atento-menu-select', { id: item.id });
  }

  override render() {
    const label = this.label || this.i18n.t('menu.moreOptions');
    const button = this.renderMenuButton(
      html`<svg viewBox="0 0 20 20" aria-hidden="true" fill="currentColor">
          <circle cx="4" cy="10" r="1.7" />
          <circle cx="10" cy="10" r="1.7" />
          <circle cx="16" cy="10" r="1.7" />
        </svg>
        <span class="visually-hidden">${label}</span>`,
      { className: 'icon-button', title: label },
    );
    const items = this.items.map((item, index) =>
      this.renderItem(
        index,
        { role: 'menuitem', part: 'item', className: `item ${item.danger ? 'danger' : ''}` },
        item.label,
      ),
    );
    return html`${button}${this.renderMenu(items)}`;
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

import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { Channel } from '../../../model/index.js';
import { AtentoElement, emit } from '../../internal/atento-element.js';
import { CHANNEL_ICONS, icon } from '../../internal/icons.js';
import { placePopup } from '../../internal/place-popup.js';
import { styles } from './channel-menu.styles.js';
import type { ChannelOption } from './reply-channels.js';

export interface ChannelSelectDetail {
  channel: Channel;
}

const CHEVRON = svg`<path d="m6 9 6 6 6-6"/>`;
const ORDER: readonly Channel[] = ['chat', 'email'];

const supportsPopover =
  typeof HTMLElement !== 'undefined' && Object.hasOwn(HTMLElement.prototype, 'popover');

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

/**
 * The reply channel dropdown, "Chat web" / "Correo electrónico" (F-4.4): a WAI-ARIA APG menu
 * button whose button shows the current channel and whose menu holds one `menuitemradio` per
 * channel. A channel that cannot be used stays in the menu, focusable but `aria-disabled`, with
 * the reason under its name ("El visitante no ha dejado su correo"); the chat item says whether
 * the visitor is online.
 *
 * Keyboard: Enter, Space or ↓ on the button open the menu on the checked item, ↑ on the last; in
 * the menu ↑/↓ wrap, Home/End jump, a letter jumps to the next item starting with it, Enter or
 * Space choose, Escape closes (focus back on the button), Tab closes and moves on. A click
 * outside closes.
 *
 * @summary Reply channel dropdown (internal part of `<atento-reply-area>`).
 *
 * @fires {CustomEvent<ChannelSelectDetail>} channel-select - A usable channel other than the
 *   current one was chosen; the menu has closed. The host decides whether `value` changes.
 *
 * @csspart button - The button showing the current channel.
 * @csspart menu - The `role=menu` popup.
 * @csspart item - One channel; also `item-chat` or `item-email`, and `item-disabled`.
 * @csspart reason - Why a channel cannot be used, or the visitor's presence.
 * @csspart presence - The dot on the chat icon while the visitor is online.
 *
 * @cssprop --atento-color-surface-raised - Menu background.
 * @cssprop --atento-color-accent-soft - Focused item.
 * @cssprop --atento-color-success - Online dot.
 * @cssprop --atento-color-focus - Focus ring.
 */
@customElement('atento-channel-menu')
export class ChannelMenu extends AtentoElement {
  static override styles = [...AtentoElement.styles, styles];

  /** The current channel. */
  @property() value: Channel = 'chat';

  /** What each channel allows (usable, or blocked with a reason); both channels by default. */
  @property({ attribute: false }) options: ChannelOption[] = [
    { channel: 'chat' },
    { channel: 'email' },
  ];

  /** Whether the case's visitor is online (chat item's note and the button's dot). */
  @property({ type: Boolean }) online = false;

  @property({ type: Boolean, reflect: true }) disabled = false;

  @state() private expanded = false;
  @state() private activeIndex = 0;

  @query('#button') private button!: HTMLButtonElement;
  @query('#menu') private menu!: HTMLElement;

  /** Whether the menu is open. */
  get open(): boolean {
    return this.expanded;
  }

  override focus(options?: FocusOptions) {
    this.button?.focus(options);
  }

  /** Opens the menu on the checked item (or the first / last). */
  async show(at: 'checked' | 'first' | 'last' = 'checked') {
    if (this.disabled) return;
    const items = this.items;
    const checked = items.findIndex((o) => o.channel === this.value);
    this.activeIndex = at === 'last' ? items.length - 1 : at === 'first' ? 0 : Math.max(0, checked);
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

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('disabled') && this.disabled) this.expanded = false;
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

  /** The channels in menu order. */
  private get items(): ChannelOption[] {
    return ORDER.map((c) => this.options.find((o) => o.channel === c) ?? { channel: c });
  }

  private label(channel: Channel): string {
    return this.i18n.t(channel === 'chat' ? 'reply.channel.chat' : 'reply.channel.email');
  }

  private note(option: ChannelOption): string {
    switch (option.blocked) {
      case 'no-email':
        return this.i18n.t('reply.channel.noEmail');
      case 'no-fallback':
        return this.i18n.t('reply.channel.noFallback');
      case 'no-visitor':
        return this.i18n.t('reply.channel.noVisitor');
      default:
        if (option.channel !== 'chat') return '';
        return this.i18n.t(this.online ? 'reply.channel.online' : 'reply.channel.offline');
    }
  }

  /** Under the button, start edges aligned; above it when there is no room below. */
  private position = () => {
    if (!this.expanded) return;
    const button = this.button.getBoundingClientRect();
    const width = this.menu.getBoundingClientRect().width;
    const rtl = getComputedStyle(this).direction === 'rtl';
    placePopup(button, this.menu, rtl ? button.right - width : button.left);
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

  private focusActive() {
    this.renderRoot.querySelector<HTMLElement>(`#item-${this.activeIndex}`)?.focus();
  }

  private async moveTo(index: number) {
    const n = this.items.length;
    this.activeIndex = ((index % n) + n) % n;
    await this.updateComplete;
    this.focusActive();
  }

  private choose(index: number) {
    const option = this.items[index];
    if (!option || option.blocked) return;
    this.hide(true);
    if (option.channel !== this.value) emit(this, 'channel-select', { channel: option.channel });
  }

  private onButtonClick() {
    if (this.expanded) this.hide(true);
    else void this.show('checked');
  }

  private onButtonKeydown(event: KeyboardEvent) {
    const at = { ArrowDown: 'checked', ArrowUp: 'last', Enter: 'checked', ' ': 'checked' } as const;
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
    const items = this.items;
    for (let step = 1; step <= items.length; step++) {
      const index = (this.activeIndex + step) % items.length;
      if (fold(this.label(items[index]!.channel)).startsWith(c)) {
        void this.moveTo(index);
        return;
      }
    }
  }

  private renderChannelIcon(channel: Channel) {
    const dot = channel === 'chat' && this.online;
    return html`<span class="channel-icon">
      ${icon(CHANNEL_ICONS[channel])}
      ${dot ? html`<span part="presence" class="presence" aria-hidden="true"></span>` : nothing}
    </span>`;
  }

  private renderItem(option: ChannelOption, index: number) {
    const note = this.note(option);
    const parts = ['item', `item-${option.channel}`, option.blocked ? 'item-disabled' : ''];
    // Keys are handled once on the menu (APG menu pattern), not on each item.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      id="item-${index}"
      part=${parts.join(' ').trim()}
      class="item ${option.blocked ? 'disabled' : ''}"
      role="menuitemradio"
      aria-checked=${option.channel === this.value ? 'true' : 'false'}
      aria-disabled=${option.blocked ? 'true' : nothing}
      aria-labelledby="label-${index}"
      aria-describedby=${note ? `note-${index}` : nothing}
      tabindex=${index === this.activeIndex ? '0' : '-1'}
      @click=${() => this.choose(index)}
      @pointermove=${() => {
        if (this.activeIndex !== index) void this.moveTo(index);
      }}
    >
      <span class="check" aria-hidden="true">${option.channel === this.value ? '✓' : ''}</span>
      ${this.renderChannelIcon(option.channel)}
      <span class="text">
        <span id="label-${index}" class="label">${this.label(option.channel)}</span>
        ${note ? html`<span id="note-${index}" part="reason" class="reason">${note}</span>` : nothing}
      </span>
    </div>`;
  }

  override render() {
    const current = this.label(this.value);
    return html`<button
        id="button"
        part="button"
        class="button"
        type="button"
        aria-haspopup="menu"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="menu"
        aria-label=${this.i18n.t('reply.channel.button', { channel: current })}
        ?disabled=${this.disabled}
        @click=${this.onButtonClick}
        @keydown=${this.onButtonKeydown}
      >
        ${this.renderChannelIcon(this.value)}
        <span class="current">${current}</span>
        ${icon(CHEVRON, { className: 'chevron' })}
      </button>
      <div
        id="menu"
        part="menu"
        class="menu ${this.expanded ? 'open' : ''}"
        role="menu"
        aria-label=${this.i18n.t('reply.channel.menu')}
        popover=${supportsPopover ? 'manual' : nothing}
        @keydown=${this.onMenuKeydown}
      >
        ${this.items.map((option, index) => this.renderItem(option, index))}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-channel-menu': ChannelMenu;
  }
  interface GlobalEventHandlersEventMap {
    'channel-select': CustomEvent<ChannelSelectDetail>;
  }
}

import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Channel } from '../../../model/index.js';
import { AtentoElement, emit } from '../../internal/atento-element.js';
import { CHANNEL_ICONS, icon } from '../../internal/icons.js';
import { MenuButtonBase } from '../../internal/menu-button-base.js';
import { menuStyles } from '../../internal/menu-button.styles.js';
import { styles } from './channel-menu.styles.js';
import type { ChannelOption } from './reply-channels.js';

export interface ChannelSelectDetail {
  channel: Channel;
}

const CHEVRON = svg`<path d="m6 9 6 6 6-6"/>`;
const ORDER: readonly Channel[] = ['chat', 'email'];

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
export class ChannelMenu extends MenuButtonBase {
  static override styles = [...AtentoElement.styles, menuStyles, styles];

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

  protected readonly menuAlign = 'start';

  /** Opens the menu on the checked item (or the first / last). */
  async show(at: 'checked' | 'first' | 'last' = 'checked') {
    const last = this.itemCount - 1;
    await this.openOn(at === 'last' ? last : at === 'first' ? 0 : this.initialIndex());
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('disabled') && this.disabled) this.expanded = false;
  }

  /** The channels in menu order. */
  private get items(): ChannelOption[] {
    return ORDER.map((c) => this.options.find((o) => o.channel === c) ?? { channel: c });
  }

  protected get itemCount(): number {
    return ORDER.length;
  }

  protected override initialIndex(): number {
    return Math.max(0, ORDER.indexOf(this.value));
  }

  protected override canOpen(): boolean {
    return !this.disabled;
  }

  protected itemLabel(index: number): string {
    return this.label(ORDER[index]!);
  }

  protected choose(index: number) {
    const option = this.items[index];
    if (!option || option.blocked) return;
    this.hide(true);
    if (option.channel !== this.value) emit(this, 'channel-select', { channel: option.channel });
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

  private renderChannelIcon(channel: Channel) {
    const dot = channel === 'chat' && this.online;
    return html`<span class="channel-icon">
      ${icon(CHANNEL_ICONS[channel])}
      ${dot ? html`<span part="presence" class="presence" aria-hidden="true"></span>` : nothing}
    </span>`;
  }

  private renderOption(option: ChannelOption, index: number) {
    const note = this.note(option);
    const checked = option.channel === this.value;
    const parts = ['item', `item-${option.channel}`, option.blocked ? 'item-disabled' : ''];
    return this.renderItem(
      index,
      {
        role: 'menuitemradio',
        part: parts.join(' ').trim(),
        className: `item ${option.blocked ? 'disabled' : ''}`,
        checked,
        disabled: Boolean(option.blocked),
        labelledBy: `label-${index}`,
        describedBy: note ? `note-${index}` : undefined,
      },
      html`<span class="check" aria-hidden="true">${checked ? '✓' : ''}</span>
        ${this.renderChannelIcon(option.channel)}
        <span class="text">
          <span id="label-${index}" class="label">${this.label(option.channel)}</span>
          ${
            note
              ? html`<span id="note-${index}" part="reason" class="reason">${note}</span>`
              : nothing
          }
        </span>`,
    );
  }

  override render() {
    const current = this.label(this.value);
    const button = this.renderMenuButton(
      html`${this.renderChannelIcon(this.value)}
        <span class="current">${current}</span>
        ${icon(CHEVRON, { className: 'chevron' })}`,
      {
        className: 'button',
        label: this.i18n.t('reply.channel.button', { channel: current }),
        disabled: this.disabled,
      },
    );
    const items = this.items.map((option, index) => this.renderOption(option, index));
    return html`${button}${this.renderMenu(items, this.i18n.t('reply.channel.menu'))}`;
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

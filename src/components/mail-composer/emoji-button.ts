import type { EmojiClickEvent, I18n } from 'emoji-picker-element/shared';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { translate } from '../../i18n/catalogs.js';
import type { Locale } from '../../i18n/locale.js';
import { buttons, iconButtons } from '../../styles/controls.js';
import { AtentoElement, emit } from '../internal/atento-element.js';
import { icon } from '../internal/icons.js';
import { styles } from './emoji-button.styles.js';
import { placePopup } from '../internal/place-popup.js';
import { PopupController, supportsPopover } from '../internal/popup-controller.js';

export interface EmojiPickDetail {
  /** The emoji, with the skin tone the agent chose. */
  unicode: string;
}

/**
 * The emoji data, per locale, served by the app (never a CDN). Written as
 * `new URL('<literal>', import.meta.url)`: the dev/test server (serving the project root) finds
 * the file in node_modules, and Vite emits it as an asset beside the bundle. `?no-inline` keeps
 * Vite's library mode from inlining the 400 kB JSON into the module as a data: URL (it inlines
 * every asset otherwise); the build needs `base: './'` for the asset URL to stay relative to the
 * module. Computed on first use.
 */
const DATA_SOURCES: Record<Locale, () => string> = {
  es: () =>
    new URL(
      '../../../node_modules/emoji-picker-element-data/es/cldr/data.json?no-inline',
      import.meta.url,
    ).href,
  en: () =>
    new URL(
      '../../../node_modules/emoji-picker-element-data/en/cldr/data.json?no-inline',
      import.meta.url,
    ).href,
};

/** The picker's interface strings (its own translations), imported on first open. */
const PICKER_I18N: Record<Locale, () => Promise<{ default: I18n }>> = {
  es: () => import('emoji-picker-element/i18n/es.js'),
  en: () => import('emoji-picker-element/i18n/en.js'),
};

/** Our own (usted) wording for the screen-reader hints; the rest is the picker's translation. */
function withOwnStrings(locale: Locale, strings: I18n): I18n {
  return {
    ...strings,
    searchDescription: translate(locale, 'emoji.searchDescription'),
    skinToneDescription: translate(locale, 'emoji.skinToneDescription'),
  };
}

const SMILE = svg`<circle cx="12" cy="12" r="9"/><path d="M8.5 14.5a4.5 4.5 0 0 0 7 0"/><path d="M9 9.5v.01M15 9.5v.01" stroke-width="2.6"/>`;

/**
 * A toolbar button that opens an emoji picker (emoji-picker-element) in a non-modal popover.
 * The picker's code, its translation and its data are loaded on first use (hovering or focusing
 * the button starts it), from the app itself. The picker follows the element's locale, and its
 * colours follow the atento tokens (light and dark). On open, focus goes to the picker's search;
 * choosing an emoji, Escape or a click outside closes it (the first two return focus to the
 * button).
 *
 * @summary Emoji button and picker popover (internal part of `<mail-composer>`, F-2.6).
 *
 * @fires {CustomEvent<EmojiPickDetail>} emoji-pick - An emoji was chosen. Cancelable: unless
 *   cancelled, the popover closes and focus returns to the button.
 *
 * @csspart button - The icon button.
 * @csspart popover - The `role=dialog` popover holding the picker.
 * @csspart picker - The `<emoji-picker>` (style it with its CSS variables).
 * @csspart status - The loading and error messages.
 *
 * @cssprop --atento-color-surface-raised - Picker background.
 * @cssprop --atento-color-surface-sunken - Hovered emoji.
 * @cssprop --atento-color-accent-soft - Pressed emoji.
 * @cssprop --atento-color-accent - Category indicator.
 * @cssprop --atento-color-border - Borders.
 * @cssprop --atento-color-focus - Focus ring.
 * @cssprop --atento-radius - Popover corners.
 */
@customElement('atento-emoji-button')
export class EmojiButton extends AtentoElement {
  static override styles = [...AtentoElement.styles, buttons, iconButtons, styles];

  /** Disables the button (and closes the picker). */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /**
   * URL of the emoji data (emoji-picker-element-data's JSON format) for the current locale;
   * by default the app's copy from `emoji-picker-element-data/<locale>/cldr/data.json`.
   */
  @property({ attribute: 'data-source' }) dataSource?: string;

  @state() private expanded = false;

  /** The picker's strings per locale, once the picker and that translation are loaded. */
  @state() private pickerStrings: Partial<Record<Locale, I18n>> = {};

  @state() private loadFailed = false;

  /** Set on first open: from then on the picker stays rendered (hidden while closed). */
  @state() private opened = false;

  @query('#button') private button!: HTMLButtonElement;
  @query('#popover') private popoverElement!: HTMLElement;

  private pickerModule?: Promise<unknown>;
  private readonly loads = new Map<Locale, Promise<void>>();

  private readonly popup = new PopupController(this, {
    open: () => this.expanded,
    popup: () => this.popoverElement,
    place: () => this.position(),
    outside: () => this.hide(false),
  });

  constructor() {
    super();
    // Both do nothing while the picker is closed.
    this.addEventListener('focusout', this.onFocusOut);
    this.addEventListener('keydown', this.onKeydown);
  }

  /** Whether the picker is showing. */
  get open(): boolean {
    return this.expanded;
  }

  override focus(options?: FocusOptions) {
    this.button?.focus(options);
  }

  /**
   * Loads the picker and its translation for the current locale (opening does it too; the
   * button's hover and focus start it early).
   */
  preload(): Promise<void> {
    const locale = this.i18n.locale;
    let load = this.loads.get(locale);
    if (!load) {
      this.pickerModule ??= import('emoji-picker-element/picker.js');
      load = Promise.all([this.pickerModule, PICKER_I18N[locale]()]).then(
        ([, strings]) => {
          this.pickerStrings = {
            ...this.pickerStrings,
            [locale]: withOwnStrings(locale, strings.default),
          };
          this.loadFailed = false;
        },
        (error: unknown) => {
          this.pickerModule = undefined;
          this.loads.delete(locale);
          this.loadFailed = true;
          throw error;
        },
      );
      this.loads.set(locale, load);
    }
    return load;
  }

  /** Opens the picker and moves focus into its search box. */
  async show() {
    if (this.disabled || this.expanded) return;
    this.expanded = true;
    this.opened = true;
    try {
      await this.preload();
    } catch {
      return; // the popover shows the error and a retry button
    }
    await this.updateComplete;
    if (this.expanded) await this.focusSearch();
  }

  /** Closes the picker; with `returnFocus`, focus goes back to the button. */
  hide(returnFocus = false) {
    if (!this.expanded) return;
    this.expanded = false;
    if (returnFocus) this.button.focus();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.expanded = false;
  }

  protected override willUpdate(changed: PropertyValues) {
    if (changed.has('disabled') && this.disabled) this.expanded = false;
  }

  protected override updated() {
    if (this.expanded) {
      // The locale may have changed while open.
      if (!this.pickerStrings[this.i18n.locale] && !this.loadFailed)
        void this.preload().catch(() => {});
      this.position();
    }
  }

  private get picker() {
    return this.renderRoot.querySelector('emoji-picker');
  }

  private async focusSearch() {
    // The picker renders its search box when connected; give it a frame if it has not yet.
    for (let frame = 0; frame < 10; frame++) {
      const search = this.picker?.shadowRoot?.querySelector<HTMLInputElement>('#search');
      if (search) {
        search.focus();
        return;
      }
      await new Promise(requestAnimationFrame);
    }
  }

  /** Under the button, start edges aligned; above it when there is no room below. */
  private position() {
    if (!this.expanded) return;
    const button = this.button.getBoundingClientRect();
    const width = this.popoverElement.getBoundingClientRect().width;
    const rtl = getComputedStyle(this).direction === 'rtl';
    placePopup(button, this.popoverElement, rtl ? button.right - width : button.left);
  }

  private onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && next !== this && !this.contains(next)) this.hide(false);
  };

  private onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.expanded || event.defaultPrevented) return;
    // A first Escape in a filled search box clears it (the browser does); the next one closes.
    const origin = event.composedPath()[0];
    if (origin instanceof HTMLInputElement && origin.value) return;
    event.preventDefault();
    this.hide(true);
  };

  private onEmojiClick(event: EmojiClickEvent) {
    const unicode = event.detail.unicode;
    if (!unicode) return;
    if (emit(this, 'emoji-pick', { unicode }, { cancelable: true })) this.hide(true);
  }

  private onButtonClick() {
    if (this.expanded) this.hide(true);
    else void this.show();
  }

  private async onRetry() {
    this.loadFailed = false;
    try {
      await this.preload();
    } catch {
      return;
    }
    await this.updateComplete;
    await this.focusSearch();
  }

  override render() {
    const label = this.i18n.t('emoji.button');
    return html`<button
        id="button"
        part="button"
        class="icon-button"
        type="button"
        aria-label=${label}
        title=${label}
        aria-haspopup="dialog"
        aria-expanded=${this.expanded ? 'true' : 'false'}
        aria-controls="popover"
        ?disabled=${this.disabled}
        @click=${this.onButtonClick}
        @pointerenter=${() => void this.preload().catch(() => {})}
        @focus=${() => void this.preload().catch(() => {})}
      >
        ${icon(SMILE)}
      </button>
      <div
        id="popover"
        part="popover"
        class="popover ${this.expanded ? 'open' : ''}"
        role="dialog"
        aria-label=${this.i18n.t('emoji.dialog')}
        popover=${supportsPopover ? 'manual' : nothing}
      >
        ${this.opened ? this.renderContent() : nothing}
      </div>`;
  }

  private renderContent() {
    const locale = this.i18n.locale;
    const strings = this.pickerStrings[locale];
    if (strings) {
      return html`<emoji-picker
        part="picker"
        .locale=${locale}
        .i18n=${strings}
        .dataSource=${this.dataSource ?? DATA_SOURCES[locale]()}
        @emoji-click=${this.onEmojiClick}
      ></emoji-picker>`;
    }
    if (this.loadFailed) {
      return html`<div part="status" class="status error" role="alert">
        <p>${this.i18n.t('emoji.loadError')}</p>
        <button class="button small" type="button" @click=${this.onRetry}>
          ${this.i18n.t('common.retry')}
        </button>
      </div>`;
    }
    return html`<div part="status" class="status" role="status">
      ${this.i18n.t('emoji.loading')}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'atento-emoji-button': EmojiButton;
  }
  interface GlobalEventHandlersEventMap {
    'emoji-pick': CustomEvent<EmojiPickDetail>;
  }
}

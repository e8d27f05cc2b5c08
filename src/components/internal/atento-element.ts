import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ensureContextRoot } from '../../context/provide.js';
import { LocalizeController } from '../../i18n/localize-controller.js';
import { reset, tokens } from '../../styles/tokens.js';

/**
 * What every atento element shares: the design tokens and reset, and a `locale` that falls back
 * to the closest `lang` (see `LocalizeController`). Elements extend it and add their own styles
 * after `AtentoElement.styles`.
 */
export class AtentoElement extends LitElement {
  static override styles = [tokens, reset];

  /**
   * UI language (`es` or `en`). When unset, the element follows a provided locale, then the
   * closest `lang` attribute, then the browser.
   */
  @property({ reflect: true }) locale?: string;

  protected readonly i18n = new LocalizeController(this);

  override connectedCallback() {
    // Before the context consumers ask, so that a provider added later still answers them.
    ensureContextRoot();
    super.connectedCallback();
  }
}

/**
 * Dispatches a typed, bubbling, composed event from `host`; returns `false` when a listener
 * cancelled it. (A function rather than a method, so that the manifest analyzer lists only the
 * events each element declares with `@fires`.)
 */
export function emit<K extends keyof GlobalEventHandlersEventMap>(
  host: HTMLElement,
  type: K,
  detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
  options: { cancelable?: boolean } = {},
): boolean {
  return host.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, ...options }),
  );
}

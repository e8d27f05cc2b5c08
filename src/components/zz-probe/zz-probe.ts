import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styles } from './zz-probe.styles.js';

/**
 * Throwaway element that proves the toolchain.
 *
 * @summary A greeting button.
 * @fires zz-probe-click - When the button is pressed.
 * @slot - Extra content.
 * @csspart button - The button.
 * @cssprop --atento-probe-color - Text colour.
 */
@customElement('zz-probe')
export class ZzProbe extends LitElement {
  static override styles = styles;

  /** Who to greet. */
  @property() name = 'world';

  @state() private count = 0;

  override render() {
    return html`<button part="button" @click=${this.onClick}>
        Hello, ${this.name} (${this.count})
      </button>
      <slot></slot>`;
  }

  private onClick() {
    this.count++;
    this.dispatchEvent(new CustomEvent('zz-probe-click', { bubbles: true, composed: true }));
  }
}

export function greet(name: string): string {
  return `Hello, ${name}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'zz-probe': ZzProbe;
  }
}

import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatAddress, type EmailAddress, type Message } from '../../model/index.js';
import type { AtentoDialog } from '../internal/atento-dialog.js';
import '../internal/atento-dialog.js';
import { AtentoElement } from '../internal/atento-element.js';
import { buttons } from '../../styles/controls.js';
import { dialogContentStyles } from './dialog-content.styles.js';
import { styles } from './detail-dialog.styles.js';

/** Origin and registration dates further apart than this get a note about the sender's clock. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * The "Detalle" dialog of a message (F-1.7): from, to, CC, BCC, subject, origin and registration
 * dates (with a note when the sender's clock disagrees by more than 5 minutes), the Message-ID
 * with a copy button, and the channel. Every value is shown as text.
 *
 * @summary Message metadata dialog (F-1.7).
 *
 * @fires {CustomEvent<void>} atento-dialog-close - The dialog closed and focus returned.
 *
 * @csspart dialog - The native `<dialog>` (also `header`, `title`, `close-button`, `body`,
 *   `footer`, exported from `<atento-dialog>`).
 * @csspart list - The `<dl>` of fields.
 * @csspart message-id - The Message-ID text.
 * @csspart copy-button - The "Copy" button.
 */
@customElement('mail-detail-dialog')
export class MailDetailDialog extends AtentoElement {
  static override styles = [...AtentoElement.styles, buttons, dialogContentStyles, styles];

  /** The message described. */
  @property({ attribute: false }) message?: Message;

  /**
   * Whether the dialog is showing. Set it (or the `open` attribute) to show the dialog on first
   * render — as stories do —; it turns false when the dialog closes.
   */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() private copyStatus: '' | 'copied' | 'failed' = '';

  @query('atento-dialog') private dialog!: AtentoDialog;

  /** Opens the dialog; focus returns to the element that had it when the dialog closes. */
  async show(): Promise<void> {
    this.copyStatus = '';
    this.open = true;
    await this.updateComplete;
    await this.dialog.show();
  }

  /** Closes the dialog. */
  close() {
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>) {
    if (!changed.has('open')) return;
    if (this.open && !this.dialog.open) void this.dialog.show();
    else if (!this.open && this.dialog.open) this.dialog.close();
  }

  private async copy() {
    const id = this.message?.messageId;
    if (!id) return;
    try {
      await navigator.clipboard.writeText(id);
      this.copyStatus = 'copied';
    } catch {
      this.copyStatus = 'failed';
    }
  }

  private addresses(list: EmailAddress[]) {
    return list.map((a, i) => html`${i ? ', ' : ''}<span>${formatAddress(a)}</span>`);
  }

  private renderFields(m: Message) {
    const t = this.i18n;
    const full: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'medium' };
    const skewed =
      Math.abs(new Date(m.originDate).getTime() - new Date(m.registeredAt).getTime()) >
      CLOCK_SKEW_MS;
    const from = m.from.address
      ? formatAddress({ name: m.from.name, address: m.from.address })
      : m.from.name;
    const row = (label: string, value: unknown) =>
      html`<dt>${label}</dt>
        <dd>${value}</dd>`;
    return html`<dl part="list">
      ${row(t.t('detail.from'), from)}
      ${m.to.length ? row(t.t('detail.to'), this.addresses(m.to)) : nothing}
      ${m.cc.length ? row(t.t('detail.cc'), this.addresses(m.cc)) : nothing}
      ${m.bcc.length ? row(t.t('detail.bcc'), this.addresses(m.bcc)) : nothing}
      ${row(t.t('detail.subject'), m.subject.trim() || t.t('detail.noSubject'))}
      ${row(
        t.t('detail.originDate'),
        html`<time datetime=${m.originDate}>${t.date(m.originDate, full)}</time>${
            skewed
              ? html`<div class="note" id="clock-note">${t.t('detail.clockNote')}</div>`
              : nothing
          }`,
      )}
      ${row(
        t.t('detail.registeredAt'),
        html`<time datetime=${m.registeredAt}>${t.date(m.registeredAt, full)}</time>`,
      )}
      ${row(
        t.t('detail.messageId'),
        m.messageId
          ? html`<div class="message-id">
              <code part="message-id">${m.messageId}</code>
              <button
                part="copy-button"
                class="button small"
                type="button"
                aria-label=${t.t('detail.copyMessageId')}
                @click=${this.copy}
              >
                ${t.t('detail.copy')}
              </button>
              <span class="copied ${this.copyStatus === 'failed' ? 'failed' : ''}" role="status"
                >${
                  this.copyStatus === 'copied'
                    ? t.t('detail.copied')
                    : this.copyStatus === 'failed'
                      ? t.t('detail.copyFailed')
                      : ''
                }</span
              >
            </div>`
          : t.t('detail.noMessageId'),
      )}
      ${row(
        t.t('detail.channel'),
        m.channel === 'chat' ? t.t('detail.channelChat') : t.t('detail.channelEmail'),
      )}
    </dl>`;
  }

  override render() {
    return html`<atento-dialog
      exportparts="dialog, header, title, close-button, body, footer"
      locale=${this.i18n.locale}
      label=${this.i18n.t('detail.title')}
      @atento-dialog-close=${() => (this.open = false)}
    >
      ${this.message ? this.renderFields(this.message) : nothing}
      <button slot="footer" class="button" type="button" @click=${() => this.close()}>
        ${this.i18n.t('dialog.close')}
      </button>
    </atento-dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mail-detail-dialog': MailDetailDialog;
  }
}

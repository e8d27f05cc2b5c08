import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AdapterError } from '../../adapters/adapter.js';
import { deepActiveElement, type AtentoDialog } from '../internal/atento-dialog.js';
import '../internal/atento-dialog.js';
import { AdapterElement } from '../internal/adapter-element.js';
import { errorMessage } from '../internal/error-message.js';
import { buttons } from '../../styles/controls.js';
import { dialogContentStyles } from './dialog-content.styles.js';

/**
 * What the mail dialogs that load through the adapter share: an `<atento-dialog>` driven by the
 * `open` property, a load started on opening (and again when `reloads()` says so), focus moved
 * in once the load is shown, and the loading, load-error and action-error renderings.
 */
export abstract class AdapterDialogElement extends AdapterElement {
  static override styles = [...AdapterElement.styles, buttons, dialogContentStyles];

  /**
   * Whether the dialog is showing. Set it (or the `open` attribute) to show the dialog on first
   * render — as stories do —; it turns false when the dialog closes.
   */
  @property({ type: Boolean, reflect: true }) open = false;

  @state() protected busy = false;

  @query('atento-dialog') private dialog!: AtentoDialog;

  private opening?: Promise<void>;

  /** Clears the form state when the dialog opens. */
  protected abstract reset(): void;

  /** Runs the dialog's load task. */
  protected abstract load(): Promise<unknown>;

  /** Whether a change while open reloads; by default a new `adapter`. */
  protected reloads(changed: PropertyValues<this>): boolean {
    return changed.has('adapter');
  }

  /** Opens the dialog and starts its load. */
  async show(): Promise<void> {
    this.open = true;
    await this.updateComplete;
    await this.opening;
  }

  /** Closes the dialog. */
  close() {
    this.open = false;
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('open')) {
      if (this.open && !this.dialog.open) this.opening = this.onOpen();
      else if (!this.open && this.dialog.open) this.dialog.close();
    } else if (this.open && this.reloads(changed)) {
      void this.load();
    }
  }

  private async onOpen() {
    this.reset();
    const shown = this.dialog.show();
    const loaded = this.load();
    await shown;
    await loaded;
    await this.updateComplete;
    // The body had nothing to focus while loading: move in once it has, unless the agent moved.
    const active = deepActiveElement();
    if (
      this.open &&
      (!active || active === document.body || active.matches('[part~=close-button]'))
    )
      this.dialog.focusInitial();
  }

  /** The `<atento-dialog>` titled `label` around `content` (body and `slot="footer"` buttons). */
  protected renderDialog(label: string, content: unknown): TemplateResult {
    return html`<atento-dialog
      exportparts="dialog, header, title, close-button, body, footer"
      locale=${this.i18n.locale}
      label=${label}
      aria-busy=${this.busy ? 'true' : 'false'}
      @atento-dialog-close=${() => (this.open = false)}
    >
      ${content}
    </atento-dialog>`;
  }

  /** Skeleton lines announced as `label`. */
  protected renderLoading(label: string): TemplateResult {
    return html`<div role="status">
      <span class="visually-hidden">${label}</span>
      ${[0, 1, 2].map(() => html`<span class="skeleton" aria-hidden="true"></span>`)}
    </div>`;
  }

  /** A failed load: `title` (when given) and the error's message, with a retry button. */
  protected renderLoadError(error: unknown, retry: () => unknown, title?: string): TemplateResult {
    const t = this.i18n;
    return html`<div class="error" role="alert">
      <p>${title ? html`<strong>${title}</strong> ` : nothing}${errorMessage(t, error)}</p>
      <button class="button small" type="button" @click=${retry}>${t.t('common.retry')}</button>
    </div>`;
  }

  /** A failed action: `conflict` for a conflict error, else the error's message. */
  protected renderActionError(error: unknown, conflict: string): TemplateResult {
    const message = AdapterError.is(error, 'conflict') ? conflict : errorMessage(this.i18n, error);
    return html`<div class="error" role="alert"><p>${message}</p></div>`;
  }
}

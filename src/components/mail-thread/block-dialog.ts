import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { AdapterError } from '../../adapters/adapter.js';
import { currentAgentContext } from '../../context/keys.js';
import {
  blockMatches,
  isManager,
  normalizeAddress,
  type Agent,
  type BlockListEntry,
} from '../../model/index.js';
import { emit } from '../internal/atento-element.js';
import { errorMessage, MissingAdapterError } from '../internal/error-message.js';
import { AdapterDialogElement } from './adapter-dialog.js';
import { styles } from './block-dialog.styles.js';

export interface SenderBlockedDetail {
  /** The new block-list entry (`address` is the sender or its `@domain`). */
  entry: BlockListEntry;
}

export interface SenderUnblockedDetail {
  /** The removed entry's key: an address or an `@domain`. */
  address: string;
}

/**
 * The "Agregar a lista negra" dialog (F-1.9). On `show()` it loads the block list and the signed-in
 * agent together. When the sender (or its domain) is already blocked it shows who blocked it, when
 * and why; a supervisor or coordinator gets a "Quitar de la lista negra" button, an agent the
 * advice to ask one. Otherwise a form asks for the required reason, optionally for the whole
 * domain, and blocks (`blockSender`). Adapter errors are shown in the dialog.
 *
 * @summary Block a sender or unblock it (F-1.9).
 *
 * @fires {CustomEvent<SenderBlockedDetail>} mail-sender-blocked - The sender (or domain) was
 *   blocked; the dialog then closes.
 * @fires {CustomEvent<SenderUnblockedDetail>} mail-sender-unblocked - A manager removed the entry
 *   covering the sender; the dialog then closes.
 * @fires {CustomEvent<void>} atento-dialog-close - The dialog closed and focus returned.
 *
 * @csspart dialog - The native `<dialog>` (also `header`, `title`, `close-button`, `body`,
 *   `footer`, exported from `<atento-dialog>`).
 * @csspart reason - The reason `<textarea>`.
 * @csspart block-button - The "Bloquear" button.
 * @csspart unblock-button - The "Quitar de la lista negra" button.
 */
@customElement('mail-block-dialog')
export class MailBlockDialog extends AdapterDialogElement {
  static override styles = [...AdapterDialogElement.styles, styles];

  /** The sender's address. */
  @property() address = '';

  @consume({ context: currentAgentContext, subscribe: true })
  @state()
  private providedAgent?: Agent;

  @state() private reason = '';
  @state() private wholeDomain = false;
  @state() private reasonError = '';
  @state() private actionError?: unknown;

  @query('#reason') private reasonInput?: HTMLTextAreaElement;

  /** `@domain` of the address. */
  private get domain(): string {
    const a = normalizeAddress(this.address);
    return a.slice(a.lastIndexOf('@'));
  }

  /** The block list and the agent, loaded together when the dialog opens. */
  private readonly data = new Task(this, {
    task: async ([adapter, agent], { signal }) => {
      if (!adapter) throw new MissingAdapterError();
      const [entries, me] = await Promise.all([
        adapter.listBlocked({ signal }),
        agent ?? adapter.me({ signal }),
      ]);
      return { entries, me };
    },
    args: () => [this.effectiveAdapter, this.providedAgent] as const,
    autoRun: false,
  });

  /** Opens the dialog and loads the block list. */
  override show(): Promise<void> {
    return super.show();
  }

  protected override reset() {
    this.reason = '';
    this.wholeDomain = false;
    this.reasonError = '';
    this.actionError = undefined;
  }

  protected override load() {
    return this.data.run();
  }

  private async block(event: SubmitEvent) {
    event.preventDefault();
    this.actionError = undefined;
    const reason = this.reason.trim();
    if (!reason) {
      this.reasonError = this.i18n.t('blockDialog.reasonRequired');
      this.reasonInput?.focus();
      return;
    }
    this.reasonError = '';
    const key = this.wholeDomain ? this.domain : normalizeAddress(this.address);
    const adapter = this.effectiveAdapter;
    this.busy = true;
    try {
      if (!adapter) throw new MissingAdapterError();
      const entry = await adapter.blockSender(key, reason);
      emit(this, 'mail-sender-blocked', { entry });
      this.close();
    } catch (error) {
      if (AdapterError.is(error, 'invalid') && error.field === 'reason') {
        this.reasonError = errorMessage(this.i18n, error);
        this.reasonInput?.focus();
      } else {
        this.actionError = error;
      }
    } finally {
      this.busy = false;
    }
  }

  private async unblock(entry: BlockListEntry) {
    this.actionError = undefined;
    const adapter = this.effectiveAdapter;
    this.busy = true;
    try {
      if (!adapter) throw new MissingAdapterError();
      await adapter.unblockSender(entry.address);
      emit(this, 'mail-sender-unblocked', { address: entry.address });
      this.close();
    } catch (error) {
      this.actionError = error;
    } finally {
      this.busy = false;
    }
  }

  private renderError() {
    const error = this.actionError;
    if (error === undefined) return nothing;
    return this.renderActionError(error, this.i18n.t('blockDialog.conflict'));
  }

  private renderBlocked(entry: BlockListEntry, me: Agent) {
    const t = this.i18n;
    return html`<p class="blocked" role="status">
        ${t.t('blockDialog.alreadyBlocked', { address: entry.address })}
      </p>
      <dl>
        <dt>${t.t('blockDialog.blockedBy')}</dt>
        <dd>${entry.blockedBy.name}</dd>
        <dt>${t.t('blockDialog.blockedAt')}</dt>
        <dd>
          <time datetime=${entry.blockedAt}
            >${t.date(entry.blockedAt, { dateStyle: 'long', timeStyle: 'short' })}</time
          >
        </dd>
        <dt>${t.t('blockDialog.blockedReason')}</dt>
        <dd class="reason">${entry.reason}</dd>
      </dl>
      ${isManager(me.role) ? nothing : html`<p class="ask">${t.t('blockDialog.askManager')}</p>`}
      ${this.renderError()}`;
  }

  private renderForm() {
    const t = this.i18n;
    const invalid = Boolean(this.reasonError);
    return html`<form id="block-form" novalidate @submit=${this.block}>
      <p>${t.t('blockDialog.sender')}: <span class="address">${this.address}</span></p>
      <div class="field">
        <label for="reason">${t.t('blockDialog.reason')}</label>
        <textarea
          id="reason"
          part="reason"
          name="reason"
          required
          rows="3"
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${invalid ? 'reason-error reason-hint' : 'reason-hint'}
          .value=${this.reason}
          @input=${(e: InputEvent) => {
            this.reason = (e.target as HTMLTextAreaElement).value;
            this.reasonError = '';
          }}
        ></textarea>
        ${
          invalid
            ? html`<span id="reason-error" class="field-error">${this.reasonError}</span>`
            : nothing
        }
        <span id="reason-hint" class="hint">${t.t('blockDialog.reasonHint')}</span>
      </div>
      <label class="check">
        <input
          type="checkbox"
          name="domain"
          .checked=${this.wholeDomain}
          @change=${(e: Event) => (this.wholeDomain = (e.target as HTMLInputElement).checked)}
        />
        <span>${t.t('blockDialog.wholeDomain', { domain: this.domain })}</span>
      </label>
      ${this.renderError()}
    </form>`;
  }

  private renderFooter() {
    const t = this.i18n;
    const data = this.data.value;
    const entry =
      this.data.status === TaskStatus.COMPLETE && data
        ? data.entries.find((e) => blockMatches(e, this.address))
        : undefined;
    if (this.data.status !== TaskStatus.COMPLETE) {
      return html`<button slot="footer" class="button" type="button" @click=${() => this.close()}>
        ${t.t('common.cancel')}
      </button>`;
    }
    if (entry) {
      return html`<button slot="footer" class="button" type="button" @click=${() => this.close()}>
          ${t.t('dialog.close')}
        </button>
        ${
          data && isManager(data.me.role)
            ? html`<button
                slot="footer"
                part="unblock-button"
                class="button danger"
                type="button"
                ?disabled=${this.busy}
                @click=${() => this.unblock(entry)}
              >
                ${t.t('blockDialog.unblock')}
              </button>`
            : nothing
        }`;
    }
    return html`<button slot="footer" class="button" type="button" @click=${() => this.close()}>
        ${t.t('common.cancel')}
      </button>
      <button
        slot="footer"
        part="block-button"
        class="button primary"
        type="submit"
        form="block-form"
        ?disabled=${this.busy}
      >
        ${t.t('blockDialog.block')}
      </button>`;
  }

  override render() {
    const t = this.i18n;
    const loading = () => this.renderLoading(t.t('blockDialog.loading'));
    return this.renderDialog(
      t.t('blockDialog.title'),
      html`${this.data.render({
        initial: loading,
        pending: loading,
        error: (error) =>
          this.renderLoadError(error, () => this.data.run(), t.t('blockDialog.loadError')),
        complete: ({ entries, me }) => {
          const entry = entries.find((e) => blockMatches(e, this.address));
          return entry ? this.renderBlocked(entry, me) : this.renderForm();
        },
      })}
      ${this.renderFooter()}`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mail-block-dialog': MailBlockDialog;
  }
  interface GlobalEventHandlersEventMap {
    'mail-sender-blocked': CustomEvent<SenderBlockedDetail>;
    'mail-sender-unblocked': CustomEvent<SenderUnblockedDetail>;
  }
}

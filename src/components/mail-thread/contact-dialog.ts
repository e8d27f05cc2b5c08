import { Task } from '@lit/task';
import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdapterError } from '../../adapters/adapter.js';
import { localPart, type Contact } from '../../model/index.js';
import { emit } from '../internal/atento-element.js';
import { errorMessage, MissingAdapterError } from '../internal/error-message.js';
import { AdapterDialogElement } from './adapter-dialog.js';
import { styles } from './contact-dialog.styles.js';

export interface ContactSavedDetail {
  /** The contact now owning the address. */
  contact: Contact;
  /** `true` when the address was linked to an existing contact, `false` when one was created. */
  linked: boolean;
}

/** A contact found by the search box, with the addresses that matched. */
interface Candidate {
  contactId: string;
  name: string;
  addresses: string[];
}

const SEARCH_DEBOUNCE_MS = 200;

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
}

type ActionError = { where: 'link' | 'create'; error: unknown };

/**
 * The "Agregar contacto" dialog (F-1.8). On `show()` it looks up the contacts owning `address`
 * (`findContacts`): when one does, it says so; otherwise the agent either links the address to an
 * existing contact found with the search box (`searchRecipients`, debounced, then `linkContact`)
 * or creates a contact (name, the address, optional phone; `createContact`). Adapter errors are
 * shown in the dialog, `invalid` ones next to their field.
 *
 * @summary Add the sender's address to a contact (F-1.8).
 *
 * @fires {CustomEvent<ContactSavedDetail>} mail-contact-saved - The address was linked to a
 *   contact or a contact was created; the dialog then closes.
 * @fires {CustomEvent<void>} atento-dialog-close - The dialog closed and focus returned.
 *
 * @csspart dialog - The native `<dialog>` (also `header`, `title`, `close-button`, `body`,
 *   `footer`, exported from `<atento-dialog>`).
 * @csspart search - The contact search box.
 * @csspart link-button - A "Vincular" button.
 * @csspart create-form - The "Crear contacto" form.
 */
@customElement('mail-contact-dialog')
export class MailContactDialog extends AdapterDialogElement {
  static override styles = [...AdapterDialogElement.styles, styles];

  /** The sender's address. */
  @property() address = '';

  /** The sender's display name, prefilled in the "Crear contacto" form. */
  @property() name?: string;

  @state() private query = '';
  @state() private contactName = '';
  @state() private phone = '';
  @state() private nameError = '';
  @state() private emailError = '';
  @state() private actionError?: ActionError;

  @query('#contact-name') private nameInput?: HTMLInputElement;

  /** Contacts owning the address; run when the dialog opens. */
  private readonly owners = new Task(this, {
    task: ([adapter, address], { signal }) => {
      if (!adapter) throw new MissingAdapterError();
      return adapter.findContacts(address, { signal });
    },
    args: () => [this.effectiveAdapter, this.address] as const,
    autoRun: false,
  });

  /** Contacts matching the search box, debounced; a newer query aborts the older one. */
  private readonly search = new Task(this, {
    task: async ([adapter, query], { signal }) => {
      const q = query.trim();
      if (!q) return [];
      await delay(SEARCH_DEBOUNCE_MS, signal);
      if (!adapter) throw new MissingAdapterError();
      const found = await adapter.searchRecipients(q, { signal });
      const byId = new Map<string, Candidate>();
      for (const s of found) {
        if (!s.contactId) continue;
        const c = byId.get(s.contactId);
        if (c) c.addresses.push(s.address);
        else
          byId.set(s.contactId, {
            contactId: s.contactId,
            name: s.name ?? '',
            addresses: [s.address],
          });
      }
      return [...byId.values()];
    },
    args: () => [this.effectiveAdapter, this.query] as const,
  });

  /** Opens the dialog and looks up the contacts owning `address`. */
  override show(): Promise<void> {
    return super.show();
  }

  protected override reset() {
    this.query = '';
    this.contactName = this.name?.trim() || localPart(this.address);
    this.phone = '';
    this.nameError = '';
    this.emailError = '';
    this.actionError = undefined;
  }

  protected override load() {
    return this.owners.run();
  }

  protected override reloads(changed: PropertyValues<this>) {
    return changed.has('address') || super.reloads(changed);
  }

  private saved(contact: Contact, linked: boolean) {
    emit(this, 'mail-contact-saved', { contact, linked });
    this.close();
  }

  /** Shows an adapter error next to its field when it names one, else in the section. */
  private fail(where: ActionError['where'], error: unknown) {
    if (AdapterError.is(error, 'invalid') && error.field === 'name') {
      this.nameError = errorMessage(this.i18n, error);
      this.nameInput?.focus();
    } else if (AdapterError.is(error, 'invalid') && error.field) {
      this.emailError = errorMessage(this.i18n, error);
    } else {
      this.actionError = { where, error };
    }
  }

  private async link(candidate: Candidate) {
    const adapter = this.effectiveAdapter;
    this.actionError = undefined;
    this.emailError = '';
    this.busy = true;
    try {
      if (!adapter) throw new MissingAdapterError();
      this.saved(await adapter.linkContact(candidate.contactId, this.address), true);
    } catch (error) {
      this.fail('link', error);
    } finally {
      this.busy = false;
    }
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    this.actionError = undefined;
    this.emailError = '';
    const name = this.contactName.trim();
    if (!name) {
      this.nameError = this.i18n.t('contactDialog.nameRequired');
      this.nameInput?.focus();
      return;
    }
    this.nameError = '';
    const adapter = this.effectiveAdapter;
    this.busy = true;
    try {
      if (!adapter) throw new MissingAdapterError();
      const phone = this.phone.trim();
      const contact = await adapter.createContact({
        name,
        emails: [this.address],
        ...(phone ? { phone } : {}),
      });
      this.saved(contact, false);
    } catch (error) {
      this.fail('create', error);
    } finally {
      this.busy = false;
    }
  }

  private renderError(where: ActionError['where']) {
    const e = this.actionError;
    if (!e || e.where !== where) return nothing;
    return this.renderActionError(e.error, this.i18n.t('contactDialog.conflict'));
  }

  private renderContact(c: { name: string; emails: string[]; phone?: string }) {
    return html`<span class="contact-text">
      <span class="contact-name">${c.name || this.i18n.t('contactDialog.noName')}</span>
      <span class="contact-emails"
        >${[...c.emails, ...(c.phone ? [c.phone] : [])].join(' · ')}</span
      >
    </span>`;
  }

  private renderOwned(owners: Contact[]) {
    const t = this.i18n;
    return html`<p class="owned" role="status">
        ${t.t('contactDialog.owned', {
          name: owners.map((c) => c.name || t.t('contactDialog.noName')).join(', '),
        })}
      </p>
      <ul class="contacts" aria-label=${t.t('contactDialog.matches')}>
        ${owners.map((c) => html`<li class="contact">${this.renderContact(c)}</li>`)}
      </ul>`;
  }

  private renderSearchResults() {
    const t = this.i18n;
    const q = this.query.trim();
    if (!q) return nothing;
    return this.search.render({
      pending: () => html`<p class="status" role="status">${t.t('contactDialog.searching')}</p>`,
      error: (error) => this.renderLoadError(error, () => this.search.run()),
      complete: (candidates) =>
        candidates.length === 0
          ? html`<p class="status" role="status">
              ${t.t('contactDialog.searchEmpty', { query: q })}
            </p>`
          : html`<ul class="contacts" aria-label=${t.t('contactDialog.results')}>
              ${repeat(
                candidates,
                (c) => c.contactId,
                (c) =>
                  html`<li class="contact">
                    ${this.renderContact({ name: c.name, emails: c.addresses })}
                    <button
                      part="link-button"
                      class="button small"
                      type="button"
                      aria-label=${t.t('contactDialog.linkTo', {
                        name: c.name || c.addresses[0]!,
                      })}
                      ?disabled=${this.busy}
                      @click=${() => this.link(c)}
                    >
                      ${t.t('contactDialog.link')}
                    </button>
                  </li>`,
              )}
            </ul>`,
    });
  }

  private renderUnowned() {
    const t = this.i18n;
    const nameInvalid = Boolean(this.nameError);
    const emailInvalid = Boolean(this.emailError);
    return html`<p>${t.t('contactDialog.noMatch')}</p>
      <section aria-labelledby="link-title">
        <h3 id="link-title">${t.t('contactDialog.linkTitle')}</h3>
        <input
          id="search"
          part="search"
          class="search"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-label=${t.t('contactDialog.search')}
          placeholder=${t.t('contactDialog.search')}
          .value=${this.query}
          @input=${(e: InputEvent) => (this.query = (e.target as HTMLInputElement).value)}
        />
        ${this.renderSearchResults()} ${this.renderError('link')}
      </section>
      <section aria-labelledby="create-title">
        <h3 id="create-title">${t.t('contactDialog.createTitle')}</h3>
        <form id="create-form" part="create-form" novalidate @submit=${this.create}>
          <div class="field">
            <label for="contact-name">${t.t('contactDialog.name')}</label>
            <input
              id="contact-name"
              name="name"
              autocomplete="off"
              required
              aria-invalid=${nameInvalid ? 'true' : 'false'}
              aria-describedby=${nameInvalid ? 'name-error' : nothing}
              .value=${this.contactName}
              @input=${(e: InputEvent) => {
                this.contactName = (e.target as HTMLInputElement).value;
                this.nameError = '';
              }}
            />
            ${
              nameInvalid
                ? html`<span id="name-error" class="field-error">${this.nameError}</span>`
                : nothing
            }
          </div>
          <div class="field">
            <label for="contact-email">${t.t('contactDialog.email')}</label>
            <input
              id="contact-email"
              name="email"
              type="email"
              readonly
              aria-invalid=${emailInvalid ? 'true' : 'false'}
              aria-describedby=${emailInvalid ? 'email-error' : nothing}
              .value=${this.address}
            />
            ${
              emailInvalid
                ? html`<span id="email-error" class="field-error">${this.emailError}</span>`
                : nothing
            }
          </div>
          <div class="field">
            <label for="contact-phone">${t.t('contactDialog.phone')}</label>
            <input
              id="contact-phone"
              name="phone"
              type="tel"
              autocomplete="off"
              .value=${this.phone}
              @input=${(e: InputEvent) => (this.phone = (e.target as HTMLInputElement).value)}
            />
          </div>
          ${this.renderError('create')}
          <div class="actions">
            <button class="button primary" type="submit" ?disabled=${this.busy}>
              ${t.t('contactDialog.create')}
            </button>
          </div>
        </form>
      </section>`;
  }

  override render() {
    const t = this.i18n;
    const sender = this.name?.trim() ? `${this.name.trim()} <${this.address}>` : this.address;
    const owners = this.owners.value;
    const loading = () => this.renderLoading(t.t('contactDialog.loading'));
    return this.renderDialog(
      t.t('contactDialog.title'),
      html`<p>${t.t('contactDialog.sender')}: <span class="address">${sender}</span></p>
        ${this.owners.render({
          initial: loading,
          pending: loading,
          error: (error) =>
            this.renderLoadError(error, () => this.owners.run(), t.t('contactDialog.loadError')),
          complete: (found) => (found.length ? this.renderOwned(found) : this.renderUnowned()),
        })}
        <button slot="footer" class="button" type="button" @click=${() => this.close()}>
          ${owners?.length ? t.t('dialog.close') : t.t('common.cancel')}
        </button>`,
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mail-contact-dialog': MailContactDialog;
  }
  interface GlobalEventHandlersEventMap {
    'mail-contact-saved': CustomEvent<ContactSavedDetail>;
  }
}

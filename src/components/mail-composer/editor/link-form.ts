import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LocalizeController } from '../../../i18n/localize-controller.js';

/** The small inline form that sets or removes a link (Mod-K or the toolbar's link button). */

export interface LinkFormState {
  /** What the URL field holds. */
  value: string;
  /** The last Apply had an address the form can't use. */
  invalid: boolean;
  /** The selection already has a link: "Remove link" is offered. */
  existing: boolean;
}

export interface LinkFormActions {
  input: (value: string) => void;
  apply: () => void;
  remove: () => void;
  cancel: () => void;
}

export function renderLinkForm(i18n: LocalizeController, form: LinkFormState, on: LinkFormActions) {
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    on.cancel();
  };
  return html`<form
    part="link-form"
    class="link-form"
    aria-label=${i18n.t('editor.linkForm')}
    novalidate
    @keydown=${onKeydown}
    @submit=${(e: SubmitEvent) => {
      e.preventDefault();
      on.apply();
    }}
  >
    <label for="link-url" class="link-label">${i18n.t('editor.linkUrl')}</label>
    <input
      id="link-url"
      part="link-input"
      class="link-input"
      type="text"
      inputmode="url"
      autocomplete="off"
      spellcheck="false"
      placeholder="https://"
      aria-invalid=${form.invalid ? 'true' : 'false'}
      aria-describedby=${form.invalid ? 'link-error' : nothing}
      .value=${live(form.value)}
      @input=${(e: InputEvent) => on.input((e.target as HTMLInputElement).value)}
    />
    <span class="link-actions">
      <button type="submit" part="link-apply" class="button small primary">
        ${i18n.t('editor.linkApply')}
      </button>
      ${
        form.existing
          ? html`<button type="button" part="link-remove" class="button small" @click=${on.remove}>
              ${i18n.t('editor.linkRemove')}
            </button>`
          : nothing
      }
      <button type="button" part="link-cancel" class="button small" @click=${on.cancel}>
        ${i18n.t('common.cancel')}
      </button>
    </span>
    ${
      form.invalid
        ? html`<p id="link-error" part="link-error" class="link-error" role="alert">
            ${i18n.t('editor.linkInvalid')}
          </p>`
        : nothing
    }
  </form>`;
}

import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { MissingAdapterError } from './error-message.js';

/**
 * What an element shows when its data could not be loaded (part `state`, an alert): `title` in
 * bold and `detail` after it, then a retry button (part `retry-button`), left out when no adapter
 * is connected because retrying cannot help then.
 */
export function renderLoadError(
  i18n: LocalizeController,
  error: unknown,
  retry: () => void,
  { title, detail }: { title: string; detail: unknown },
) {
  return html`<div part="state" class="state error" role="alert">
    <p>
      <strong>${title}</strong>
      ${detail}
    </p>
    ${
      error instanceof MissingAdapterError
        ? nothing
        : html`<button part="retry-button" class="button" type="button" @click=${retry}>
            ${i18n.t('common.retry')}
          </button>`
    }
  </div>`;
}

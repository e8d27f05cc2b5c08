/** The states `<mail-thread>` shows instead of (or above) the feed. */
import { html, nothing } from 'lit';
import { AdapterError } from '../../adapters/adapter.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { errorMessage } from '../internal/error-message.js';
import { renderLoadError } from '../internal/load-error.js';
import type { SideCall, SideCallError } from './thread-side-calls.js';

export function renderLoading(i18n: LocalizeController) {
  return html`<div part="state" class="state-loading" role="status" aria-busy="true">
    <span class="visually-hidden">${i18n.t('thread.loading')}</span>
    <div class="skeleton-wrap" aria-hidden="true">
      <span class="skeleton title"></span>
      <span class="skeleton"></span>
      <span class="skeleton"></span>
      <span class="skeleton tall"></span>
    </div>
  </div>`;
}

/** No `conversation-id`: nothing is loading, the host has not chosen a case yet. */
export function renderNoCase(i18n: LocalizeController) {
  return html`<div part="state" class="state no-case">
    <p>${i18n.t('thread.noCase')}</p>
  </div>`;
}

/** The case has no messages. */
export function renderEmpty(i18n: LocalizeController) {
  return html`<div part="state" class="state"><p>${i18n.t('thread.empty')}</p></div>`;
}

/** The case could not be loaded: the reason, and a retry unless no adapter is connected. */
export function renderError(i18n: LocalizeController, error: unknown, retry: () => void) {
  const offline = AdapterError.is(error, 'offline');
  return renderLoadError(i18n, error, retry, {
    title: i18n.t(offline ? 'thread.offline' : 'thread.loadError'),
    detail: offline ? nothing : errorMessage(i18n, error),
  });
}

/** Loading older messages or another interaction failed. */
export function renderOperationError(i18n: LocalizeController, error: unknown) {
  return html`<div part="state" class="older-status" role="alert">
    ${i18n.t('thread.olderError')} ${errorMessage(i18n, error)}
  </div>`;
}

const SIDE_CALL_KEYS = {
  markRead: 'thread.markReadError',
  blocked: 'thread.blockedError',
  refresh: 'thread.refreshError',
} as const satisfies Record<SideCall, string>;

/** Small inline alerts for the side calls that failed, each with its own retry. */
export function renderSideErrors(i18n: LocalizeController, errors: SideCallError[]) {
  if (errors.length === 0) return nothing;
  return html`<div class="side-errors">
    ${errors.map(
      ({ call, error, retry }) =>
        html`<div part="side-error" class="side-error" role="alert" data-call=${call}>
          <span>${i18n.t(SIDE_CALL_KEYS[call])} ${errorMessage(i18n, error)}</span>
          <button part="side-retry" class="button small" type="button" @click=${retry}>
            ${i18n.t('common.retry')}
          </button>
        </div>`,
    )}
  </div>`;
}

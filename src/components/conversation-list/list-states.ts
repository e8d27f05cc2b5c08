/** The states the list shows instead of (or around) its rows. */
import { html, nothing } from 'lit';
import { AdapterError } from '../../adapters/adapter.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { errorMessage } from '../internal/error-message.js';
import { renderLoadError } from '../internal/load-error.js';
import type { ConversationListFilter } from './list-model.js';
import { renderSkeletonRow } from './list-row.js';

const SKELETON_ROWS = 8;

export function renderLoading(i18n: LocalizeController) {
  return html`<div part="state" class="state-loading" role="status" aria-busy="true">
    <span class="visually-hidden">${i18n.t('conversationList.loading')}</span>
    <div class="skeletons">
      ${Array.from({ length: SKELETON_ROWS }, (_, i) => renderSkeletonRow(i))}
    </div>
  </div>`;
}

/** Nothing matches: says which filter is empty, with "Clear filters" when filters narrow it. */
export function renderEmpty(
  i18n: LocalizeController,
  filter: ConversationListFilter,
  search: string,
  narrowed: boolean,
  clear: () => void,
) {
  const query = search.trim();
  const message = query
    ? i18n.t('conversationList.emptySearch', { query })
    : narrowed
      ? i18n.t('conversationList.emptyFiltered')
      : filter.status === 'open'
        ? i18n.t('conversationList.emptyOpen')
        : filter.status === 'completed'
          ? i18n.t('conversationList.emptyCompleted')
          : i18n.t('conversationList.emptyAll');
  return html`<div part="state" class="state empty">
    <p>${message}</p>
    ${
      narrowed
        ? html`<button part="clear-filters" class="button" type="button" @click=${clear}>
            ${i18n.t('conversationList.clearFilters')}
          </button>`
        : nothing
    }
  </div>`;
}

/** The first page could not be loaded: the reason and a retry (none without an adapter). */
export function renderError(i18n: LocalizeController, error: unknown, retry: () => void) {
  const offline = AdapterError.is(error, 'offline');
  return renderLoadError(i18n, error, retry, {
    title: i18n.t(offline ? 'conversationList.offline' : 'conversationList.loadError'),
    detail: offline ? i18n.t('conversationList.offlineHint') : errorMessage(i18n, error),
  });
}

/** The browser says it is offline while a list is shown: it may be out of date. */
export function renderOfflineBanner(i18n: LocalizeController) {
  return html`<div part="offline" class="banner" role="status">
    <strong>${i18n.t('conversationList.offline')}</strong>
    ${i18n.t('conversationList.offlineHint')}
  </div>`;
}

/** A refresh or the next page failed while rows are shown. */
export function renderInlineError(
  i18n: LocalizeController,
  message: 'conversationList.loadError' | 'conversationList.moreError',
  error: unknown,
  retry: () => void,
) {
  return html`<div part="inline-error" class="banner error" role="alert">
    <span>${i18n.t(message)} ${errorMessage(i18n, error)}</span>
    <button part="retry-button" class="button small" type="button" @click=${retry}>
      ${i18n.t('common.retry')}
    </button>
  </div>`;
}

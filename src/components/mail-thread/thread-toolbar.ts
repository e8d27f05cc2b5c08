import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';

export interface ToolbarState {
  /** "Load history" is offered (older messages exist). */
  older: boolean;
  olderLoading: boolean;
  /** Navigation or history loading in progress: previous/next wait. */
  busy: boolean;
  /** 1-based position of the shown interaction among the open ones (0: closed or none). */
  index: number;
  /** Number of open interactions. */
  total: number;
}

export interface ToolbarActions {
  loadHistory: () => void;
  previous: () => void;
  next: () => void;
  expandAll: () => void;
  collapseAll: () => void;
}

/** "Load history", the "1 of 14" counter with previous/next, expand/collapse all (F-1.2, F-1.3). */
export function renderToolbar(i18n: LocalizeController, state: ToolbarState, on: ToolbarActions) {
  const { index, total, busy } = state;
  return html`<div
    part="toolbar"
    class="toolbar"
    role="group"
    aria-label=${i18n.t('thread.toolbar')}
  >
    ${
      state.older
        ? html`<button
            part="load-history"
            class="button"
            type="button"
            ?disabled=${state.olderLoading}
            @click=${on.loadHistory}
          >
            ${i18n.t('thread.loadHistory')}
          </button>`
        : nothing
    }
    ${
      total
        ? html`<span class="nav">
            <button
              part="previous"
              class="button icon-only"
              type="button"
              aria-label=${i18n.t('thread.previous')}
              title=${i18n.t('thread.previous')}
              aria-keyshortcuts="p Alt+ArrowUp"
              ?disabled=${index <= 1 || busy}
              @click=${on.previous}
            >
              <span aria-hidden="true">‹</span>
            </button>
            <span
              part="counter"
              class="counter"
              role="status"
              title=${i18n.t('thread.counterLabel', { index, total })}
              >${i18n.t('thread.counter', { index, total })}</span
            >
            <button
              part="next"
              class="button icon-only"
              type="button"
              aria-label=${i18n.t('thread.next')}
              title=${i18n.t('thread.next')}
              aria-keyshortcuts="n Alt+ArrowDown"
              ?disabled=${index === 0 || index >= total || busy}
              @click=${on.next}
            >
              <span aria-hidden="true">›</span>
            </button>
          </span>`
        : html`<span class="nav"></span>`
    }
    <span class="expand">
      <button part="expand-all" class="button" type="button" @click=${on.expandAll}>
        ${i18n.t('thread.expandAll')}
      </button>
      <button part="collapse-all" class="button" type="button" @click=${on.collapseAll}>
        ${i18n.t('thread.collapseAll')}
      </button>
    </span>
  </div>`;
}

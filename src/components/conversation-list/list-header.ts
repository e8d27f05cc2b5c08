/** The list header: title, new-chat indicator, search box, status segments and filter toggles. */
import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { icon } from '../internal/icons.js';
import { SEARCH } from './list-icons.js';
import type { ConversationListFilter } from './list-model.js';

export type StatusChoice = 'open' | 'completed' | 'all';
export type ToggleKey = 'unread' | 'chat' | 'email' | 'mine';

export interface HeaderView {
  hasNew: boolean;
  searchText: string;
  filter: ConversationListFilter;
  /** Matching cases, once known. */
  count?: number;
}

export interface HeaderActions {
  searchInput: (event: InputEvent) => void;
  searchKeydown: (event: KeyboardEvent) => void;
  status: (choice: StatusChoice) => void;
  toggle: (key: ToggleKey) => void;
}

const STATUS_LABELS = {
  open: 'conversationList.statusOpen',
  completed: 'conversationList.statusCompleted',
  all: 'conversationList.statusAll',
} as const;

const TOGGLE_LABELS = {
  unread: 'conversationList.unread',
  chat: 'conversationList.chat',
  email: 'conversationList.email',
  mine: 'conversationList.mine',
} as const;

export function isToggled(filter: ConversationListFilter, key: ToggleKey): boolean {
  if (key === 'unread') return filter.unread === true;
  if (key === 'mine') return filter.mine === true;
  return filter.channel === key;
}

/** The filter after pressing a toggle (chat and email exclude each other: one channel filter). */
export function toggled(filter: ConversationListFilter, key: ToggleKey): ConversationListFilter {
  const next = { ...filter };
  const on = !isToggled(filter, key);
  if (key === 'unread') {
    if (on) next.unread = true;
    else delete next.unread;
  } else if (key === 'mine') {
    if (on) next.mine = true;
    else delete next.mine;
  } else if (on) next.channel = key;
  else delete next.channel;
  return next;
}

export function renderHeader(i18n: LocalizeController, view: HeaderView, on: HeaderActions) {
  const status: StatusChoice = view.filter.status ?? 'all';
  return html`<header part="header" class="header">
    <div class="title-row">
      <h2 part="title" id="title" class="title">${i18n.t('conversationList.title')}</h2>
      <span class="new-wrap" role="status">
        ${
          view.hasNew
            ? html`<span part="new-indicator" class="new-indicator"
                ><span class="new-dot" aria-hidden="true"></span
                ><span class="visually-hidden">${i18n.t('conversationList.newChat')}</span></span
              >`
            : nothing
        }
      </span>
      ${
        view.count === undefined
          ? nothing
          : html`<span part="count" class="count"
              >${i18n.t('conversationList.count', {
                count: view.count,
                formatted: i18n.number(view.count),
              })}</span
            >`
      }
    </div>
    <div part="search-box" class="search-box">
      ${icon(SEARCH, { className: 'search-icon' })}
      <input
        id="search"
        part="search"
        type="search"
        autocomplete="off"
        spellcheck="false"
        aria-label=${i18n.t('conversationList.search')}
        placeholder=${i18n.t('conversationList.searchPlaceholder')}
        .value=${view.searchText}
        @input=${on.searchInput}
        @keydown=${on.searchKeydown}
      />
    </div>
    <div class="filters">
      <fieldset part="status-filter" class="segmented">
        <legend class="visually-hidden">${i18n.t('conversationList.status')}</legend>
        ${(['open', 'completed', 'all'] as const).map(
          (choice) =>
            html`<label class="segment">
              <input
                type="radio"
                name="status"
                value=${choice}
                .checked=${status === choice}
                @change=${() => on.status(choice)}
              /><span>${i18n.t(STATUS_LABELS[choice])}</span>
            </label>`,
        )}
      </fieldset>
      <div
        part="toggles"
        class="toggles"
        role="group"
        aria-label=${i18n.t('conversationList.filters')}
      >
        ${(['unread', 'chat', 'email', 'mine'] as const).map(
          (key) =>
            html`<button
              type="button"
              part="toggle toggle-${key}"
              class="toggle"
              aria-pressed=${isToggled(view.filter, key) ? 'true' : 'false'}
              @click=${() => on.toggle(key)}
            >
              ${i18n.t(TOGGLE_LABELS[key])}
            </button>`,
        )}
      </div>
    </div>
  </header>`;
}

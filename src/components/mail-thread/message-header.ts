import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { Message } from '../../model/index.js';
import { icon, REPLY } from '../internal/icons.js';
import '../internal/menu-button.js';
import type { MenuItem, MenuSelectDetail } from '../internal/menu-button.js';
import { renderChannelTag, renderDate, renderStatus } from './message-meta.js';

/** The expanded email's header: who sent it, and the date, "Reply" and "More options". */

export function renderOpenSummary(i18n: LocalizeController, message: Message) {
  const { kind, name, address } = message.from;
  const shownName = name?.trim() || address?.trim() || i18n.t('message.noSender');
  return html`<span part="sender" class="sender strong" dir="auto">${shownName}</span>
    ${
      kind === 'agent'
        ? html`<span part="agent-tag" class="agent-tag">${i18n.t('message.agent')}</span>`
        : nothing
    }
    ${
      name?.trim() && address
        ? html`<span part="sender-address" class="sender-address" dir="ltr"
            >&lt;${address}&gt;</span
          >`
        : nothing
    }
    <span class="marks">${renderStatus(i18n, message)} ${renderChannelTag(i18n, message)}</span>`;
}

export function renderActions(
  i18n: LocalizeController,
  message: Message,
  menu: {
    items: MenuItem[];
    onReply: () => void;
    onSelect: (event: CustomEvent<MenuSelectDetail>) => void;
  },
) {
  return html`<div part="actions" class="actions">
    ${renderDate(i18n, message, true)}
    <button part="reply-button" class="button reply" type="button" @click=${menu.onReply}>
      ${icon(REPLY)} ${i18n.t('message.reply')}
    </button>
    <atento-menu-button
      part="more-button"
      class="more"
      label=${i18n.t('message.more')}
      .items=${menu.items}
      @atento-menu-select=${menu.onSelect}
    ></atento-menu-button>
  </div>`;
}

import { html, nothing, svg } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import {
  formatCaseNumber,
  type BlockListEntry,
  type Channel,
  type ConversationDetail,
} from '../../model/index.js';

const CHANNEL_ICONS: Record<Channel, ReturnType<typeof svg>> = {
  email: svg`<rect x="3" y="5" width="18" height="14" rx="2"/><path d="m3 7 9 6 9-6"/>`,
  chat: svg`<path d="M4 5h16v11H9l-5 4z"/>`,
};
const CHECK = svg`<path d="m5 12 5 5 9-10"/>`;
const SHIELD = svg`<path d="M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6z"/><path d="m9 9 6 6m0-6-6 6"/>`;

export function icon(shape: ReturnType<typeof svg>) {
  return html`<svg
    class="icon"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
    aria-hidden="true"
  >
    ${shape}
  </svg>`;
}

export function channelIcon(channel: Channel) {
  return icon(CHANNEL_ICONS[channel]);
}

export function channelLabel(i18n: LocalizeController, channel: Channel): string {
  return i18n.t(channel === 'chat' ? 'thread.channelChat' : 'thread.channelEmail');
}

/** Subject, case number, status, customer and channel marks (F-1.1). Text only, never HTML. */
export function renderHeader(
  i18n: LocalizeController,
  detail: ConversationDetail,
  blocked: BlockListEntry | undefined,
  onBlockedClick: () => void,
) {
  const { conversation, contact } = detail;
  const completed = conversation.status === 'completed';
  const address = contact.emails[0];
  return html`<div part="header" class="header">
    <div class="title-row">
      <h2 part="subject" class="subject" dir="auto">
        ${conversation.subject.trim() || i18n.t('thread.noSubject')}
      </h2>
      <span part="case-number" class="case-number" title=${i18n.t('thread.caseNumber')}
        >${formatCaseNumber(conversation.number)}</span
      >
      <span part="status" class="status-mark ${completed ? 'completed' : 'open'}">
        ${completed ? icon(CHECK) : nothing}
        ${i18n.t(completed ? 'thread.statusCompleted' : 'thread.statusOpen')}
      </span>
    </div>
    <div class="meta-row">
      <span part="customer" class="customer">
        <span class="visually-hidden">${i18n.t('thread.customer')}:</span>
        <span part="customer-name" class="customer-name" dir="auto"
          >${contact.name || detail.visitor?.name || address || ''}</span
        >
        ${
          address
            ? html`<span part="customer-address" class="customer-address">&lt;${address}&gt;</span>`
            : nothing
        }
      </span>
      <ul part="channels" class="channels" aria-label=${i18n.t('thread.channels')}>
        ${conversation.channels.map(
          (c) =>
            html`<li part="channel channel-${c}" class="channel">
              ${channelIcon(c)}<span>${channelLabel(i18n, c)}</span>
            </li>`,
        )}
      </ul>
      ${
        blocked
          ? html`<button
              part="blocked"
              class="blocked"
              type="button"
              title=${blocked.reason}
              @click=${onBlockedClick}
            >
              ${icon(SHIELD)} ${i18n.t('thread.blocked', { name: blocked.blockedBy.name })}
            </button>`
          : nothing
      }
    </div>
  </div>`;
}

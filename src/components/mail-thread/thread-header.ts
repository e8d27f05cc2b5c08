import { html, nothing, svg, type SVGTemplateResult } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import {
  formatCaseNumber,
  type BlockListEntry,
  type Channel,
  type ConversationDetail,
} from '../../model/index.js';
import { CHANNEL_ICONS, CHECK, icon as baseIcon, SHIELD } from '../internal/icons.js';

function icon(shape: SVGTemplateResult) {
  return baseIcon(shape, { strokeWidth: 2, className: 'icon' });
}

export function channelIcon(channel: Channel) {
  return icon(CHANNEL_ICONS[channel]);
}

export function channelLabel(i18n: LocalizeController, channel: Channel): string {
  return i18n.t(channel === 'chat' ? 'thread.channelChat' : 'thread.channelEmail');
}

export interface HeaderState {
  blocked: BlockListEntry | undefined;
  /** A Complete / Reopen call is under way. */
  statusPending: boolean;
}

export interface HeaderActions {
  blockedClick(): void;
  /** "Completar" on an open case, "Reabrir" on a completed one (F-4.3). */
  toggleStatus(): void;
}

/** An arrow turning back: "Reabrir". */
const REOPEN = svg`<path d="M4 12a8 8 0 1 0 2.3-5.7"/><path d="M4 4v4h4"/>`;

/**
 * Subject, case number, status with its Complete / Reopen button, customer and channel marks
 * (F-1.1, F-4.3). Text only, never HTML.
 */
export function renderHeader(
  i18n: LocalizeController,
  detail: ConversationDetail,
  state: HeaderState,
  actions: HeaderActions,
) {
  const { conversation, contact } = detail;
  const { blocked } = state;
  const completed = conversation.status === 'completed';
  const address = contact.emails[0];
  return html`<div part="header" class="header">
    <div class="title-row">
      <h2 part="subject" class="subject" dir="auto">
        ${
          conversation.subject.trim() ||
          i18n.t(conversation.channels[0] === 'chat' ? 'thread.chatSubject' : 'thread.noSubject')
        }
      </h2>
      <span part="case-number" class="case-number" title=${i18n.t('thread.caseNumber')}
        >${formatCaseNumber(conversation.number)}</span
      >
      <span part="status" class="status-mark ${completed ? 'completed' : 'open'}">
        ${completed ? icon(CHECK) : nothing}
        ${i18n.t(completed ? 'thread.statusCompleted' : 'thread.statusOpen')}
      </span>
      <button
        part="status-button"
        class="button small status-button ${completed ? 'reopen' : 'complete'}"
        type="button"
        aria-disabled=${state.statusPending ? 'true' : 'false'}
        @click=${actions.toggleStatus}
      >
        ${icon(completed ? REOPEN : CHECK)}
        ${i18n.t(completed ? 'thread.reopen' : 'thread.complete')}
      </button>
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
      ${
        detail.visitor?.identityVerified
          ? html`<span part="verified" class="verified" title=${i18n.t('thread.verifiedHint')}>
              ${icon(CHECK)} ${i18n.t('thread.verified')}
            </span>`
          : nothing
      }
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
              @click=${actions.blockedClick}
            >
              ${icon(SHIELD)} ${i18n.t('thread.blocked', { name: blocked.blockedBy.name })}
            </button>`
          : nothing
      }
    </div>
  </div>`;
}

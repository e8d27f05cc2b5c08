/** The message feed of `<mail-thread>`: a windowed WAI-ARIA feed of `<mail-message>` rows. */
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { Id, Message } from '../../model/index.js';
import './message-card.js';
import type {
  MailMessageActionDetail,
  MailMessageToggleDetail,
  MailReplyDetail,
} from './message-card.js';
import type { MailShowImagesDetail } from './mail-body.js';
import type { Segment } from './thread-data.js';
import { channelIcon, channelLabel } from './thread-header.js';
import { MAX_RENDERED, span, type Range } from './thread-window.js';

export interface FeedView {
  /** Every loaded message, oldest first. */
  messages: Message[];
  /** The loaded interactions, to put a divider before the first message of each. */
  segments: Segment[];
  /** 1-based position of each message in the whole case (`aria-posinset`). */
  positions: Map<Id, number>;
  /** Number of messages in the whole case (`aria-setsize`). */
  setsize: number;
  agentAddresses: string[];
  range: Range;
  heights: Map<Id, number>;
  expandedIds: Set<Id>;
  /** Senders (lower case) whose remote images are shown. */
  showImagesFor: Set<string>;
  /** The message whose composer slot is open. */
  composingId: Id | undefined;
  /** The built-in composer, shown in the slot unless the host slots its own. */
  composer: (message: Message) => unknown;
  busy: boolean;
  olderLoading: boolean;
}

export interface FeedHandlers {
  keydown: (event: KeyboardEvent) => void;
  toggle: (event: CustomEvent<MailMessageToggleDetail>) => void;
  reply: (event: CustomEvent<MailReplyDetail>) => void;
  action: (event: CustomEvent<MailMessageActionDetail>) => void;
  showImages: (event: CustomEvent<MailShowImagesDetail>) => void;
}

export function renderFeed(i18n: LocalizeController, view: FeedView, on: FeedHandlers) {
  const { messages, heights } = view;
  const ids = messages.map((m) => m.id);
  const { start, end } = ids.length > MAX_RENDERED ? view.range : { start: 0, end: ids.length };
  const firstOf = new Map<Id, Segment>(
    view.segments.filter((s) => s.messages.length).map((s) => [s.messages[0]!.id, s]),
  );
  const setsize = Math.max(view.setsize, messages.length);
  const before = span(ids, heights, 0, start);
  const after = span(ids, heights, end, ids.length);
  return html`
    ${
      view.olderLoading
        ? html`<div class="older-status" role="status">${i18n.t('thread.loadingOlder')}</div>`
        : nothing
    }
    <div
      part="feed"
      class="feed"
      role="feed"
      aria-busy=${view.busy ? 'true' : 'false'}
      aria-label=${i18n.t('thread.feed')}
      @keydown=${on.keydown}
      @mail-message-toggle=${on.toggle}
      @mail-reply=${on.reply}
      @mail-message-action=${on.action}
      @mail-show-images=${on.showImages}
    >
      ${start > 0 ? html`<div class="spacer" aria-hidden="true" style="height:${before}px"></div>` : nothing}
      ${repeat(
        messages.slice(start, end),
        (m) => m.id,
        (m, i) =>
          renderRow(
            i18n,
            view,
            m,
            view.positions.get(m.id) ?? start + i + 1,
            setsize,
            firstOf.get(m.id),
          ),
      )}
      ${end < ids.length ? html`<div class="spacer" aria-hidden="true" style="height:${after}px"></div>` : nothing}
    </div>
  `;
}

function renderRow(
  i18n: LocalizeController,
  view: FeedView,
  message: Message,
  posinset: number,
  setsize: number,
  segment: Segment | undefined,
) {
  const composing = view.composingId === message.id;
  const sender = message.from.address?.toLowerCase();
  const expanded = view.expandedIds.has(message.id);
  return html`<div class="row ${expanded ? 'expanded' : 'collapsed'}" data-id=${message.id}>
    ${segment ? renderDivider(i18n, segment) : nothing}
    <mail-message
      part="message"
      .message=${message}
      .agentAddresses=${view.agentAddresses}
      .expanded=${expanded}
      .showRemote=${sender ? view.showImagesFor.has(sender) : false}
      .composing=${composing}
      .posinset=${posinset}
      .setsize=${setsize}
      >${
        composing
          ? html`<slot name="composer" slot="composer">${view.composer(message)}</slot>`
          : nothing
      }</mail-message
    >
  </div>`;
}

/** The line naming an interaction (channel, subject, start date) before its first message. */
function renderDivider(i18n: LocalizeController, { interaction }: Segment) {
  const subject =
    interaction.subject.trim() ||
    i18n.t(interaction.channel === 'chat' ? 'thread.chatSubject' : 'thread.noSubject');
  return html`<div part="divider" class="divider" role="none">
    <span class="divider-text">
      ${channelIcon(interaction.channel)}
      <span class="visually-hidden">${channelLabel(i18n, interaction.channel)}</span>
      <span dir="auto">${subject}</span> ·
      <time datetime=${interaction.startedAt}>${i18n.date(interaction.startedAt)}</time>
      ${interaction.status === 'closed' ? html`· ${i18n.t('thread.interactionClosed')}` : nothing}
    </span>
  </div>`;
}

/** One row of the list: a listbox option summarizing a case. Text is text, never HTML. */
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { formatCaseNumber, type ConversationSummary, type Id } from '../../model/index.js';
import { CHANNEL_ICONS, CHECK, icon } from '../internal/icons.js';
import { PERSON } from './list-icons.js';
import { FULL_FORMAT, TIME_FORMATS, timeKind } from './list-time.js';

export interface RowView {
  /** Position in the loaded list (0-based). */
  index: number;
  /** `aria-setsize`: every case matching, loaded or not. */
  setSize: number;
  selected: boolean;
  active: boolean;
  /** The visitor is typing. */
  typing: boolean;
  now: Date;
}

/** The DOM id of a case's row (the listbox's `aria-activedescendant`). */
export function rowId(id: Id): string {
  return `row-${id}`;
}

/** Up to two initials of a name (`Jorge Taype` → `JT`). */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toLocaleUpperCase()).join('');
}

/** A stable hue for a contact's avatar. */
export function hueOf(id: string): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return h % 360;
}

/** The name shown for a case: the contact's name, else their address, else "Anonymous visitor". */
export function displayName(i18n: LocalizeController, c: ConversationSummary): string {
  return c.contact.name.trim() || c.contact.emails[0] || i18n.t('conversationList.anonymous');
}

/** The second line: the subject of an email case, the last line of a chat, or "typing…". */
export function secondLine(i18n: LocalizeController, c: ConversationSummary, typing: boolean) {
  if (typing) return i18n.t('conversationList.typing');
  const preview = c.lastMessage?.preview.trim();
  const subject = c.subject.trim();
  if (subject && c.lastMessage?.channel !== 'chat') return subject;
  return preview || subject || i18n.t('conversationList.noMessages');
}

export function renderRow(
  i18n: LocalizeController,
  c: ConversationSummary,
  view: RowView,
  select: (c: ConversationSummary) => void,
) {
  const name = displayName(i18n, c);
  const anonymous = !c.contact.name.trim() && !c.contact.emails[0];
  const at = new Date(c.lastMessage?.at ?? c.updatedAt);
  const unread = !c.read;
  const classes = [
    'row',
    unread ? 'unread' : '',
    view.selected ? 'selected' : '',
    view.active ? 'active' : '',
  ].join(' ');
  const parts = ['row', view.selected ? 'row-selected' : '', view.active ? 'row-active' : '']
    .filter(Boolean)
    .join(' ');
  // Keyboard users reach rows through the listbox's keys (aria-activedescendant, APG listbox);
  // rows take no focus of their own.
  // eslint-disable-next-line lit-a11y/click-events-have-key-events
  return html`<div
    id=${rowId(c.id)}
    part=${parts}
    class=${classes}
    role="option"
    aria-selected=${view.selected ? 'true' : 'false'}
    aria-posinset=${view.index + 1}
    aria-setsize=${view.setSize}
    data-id=${c.id}
    style=${styleMap({ '--i': String(view.index), '--h': String(hueOf(c.contact.id || c.id)) })}
    @click=${() => select(c)}
  >
    <span part="unread-dot" class="unread-dot" aria-hidden="true"></span>
    <span part="avatar" class="avatar" aria-hidden="true">
      ${anonymous ? icon(PERSON, { className: 'avatar-icon' }) : initialsOf(name)}
      ${c.visitorOnline ? html`<span part="online-dot" class="online-dot"></span>` : nothing}
    </span>
    <span class="line first">
      <span part="name" class="name">${name}</span>
      ${unread ? html`<span class="visually-hidden">${i18n.t('conversationList.unreadMark')}</span>` : nothing}
      ${c.visitorOnline ? html`<span class="visually-hidden">${i18n.t('conversationList.online')}</span>` : nothing}
      <time
        part="time"
        class="time"
        datetime=${at.toISOString()}
        title=${i18n.date(at, FULL_FORMAT)}
        >${i18n.date(at, TIME_FORMATS[timeKind(at, view.now)])}</time
      >
    </span>
    <span class="line second">
      <span part="preview" class="preview ${view.typing ? 'typing' : ''}"
        >${secondLine(i18n, c, view.typing)}</span
      >
      <span part="channels" class="channels">
        ${c.channels.map(
          (ch) =>
            html`<span
              class="channel"
              title=${i18n.t(ch === 'chat' ? 'conversationList.channelChat' : 'conversationList.channelEmail')}
              >${icon(CHANNEL_ICONS[ch], { className: 'icon' })}<span class="visually-hidden"
                >${i18n.t(ch === 'chat' ? 'conversationList.channelChat' : 'conversationList.channelEmail')}</span
              ></span
            >`,
        )}
      </span>
      <span part="case-number" class="number">${formatCaseNumber(c.number)}</span>
      ${
        c.status === 'completed'
          ? html`<span
              part="completed"
              class="completed"
              title=${i18n.t('conversationList.completed')}
              >${icon(CHECK, { className: 'icon', strokeWidth: 2.4 })}<span class="visually-hidden"
                >${i18n.t('conversationList.completed')}</span
              ></span
            >`
          : nothing
      }
    </span>
  </div>`;
}

/** A placeholder row of the loading state (decorative). */
export function renderSkeletonRow(index: number) {
  return html`<div
    class="row skeleton-row"
    aria-hidden="true"
    style=${styleMap({ '--i': String(index) })}
  >
    <span class="avatar skeleton"></span>
    <span class="line first"><span class="skeleton bar wide"></span></span>
    <span class="line second"><span class="skeleton bar"></span></span>
  </div>`;
}

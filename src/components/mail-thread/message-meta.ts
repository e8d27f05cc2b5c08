import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import type { DeliveryStatus, Message } from '../../model/index.js';
import { icon, PAPERCLIP } from '../internal/icons.js';

/** Pieces of `<mail-message>` shared by the email card and the chat bubble. */

/** Outbound statuses worth a badge (`sent` is the normal case and stays quiet). */
const BADGED: ReadonlySet<DeliveryStatus> = new Set([
  'scheduled',
  'sending',
  'failed',
  'cancelled',
]);

export const FULL_DATE: Intl.DateTimeFormatOptions = { dateStyle: 'full', timeStyle: 'short' };

function sameDay(a: Date, b: Date): boolean {
  return (
    a.getFullYear() === b.getFullYear() &&
    a.getMonth() === b.getMonth() &&
    a.getDate() === b.getDate()
  );
}

/** Today: the time; this year: day, month and time; before: the full date and time. */
export function dateStyleFor(date: Date, now = new Date()): Intl.DateTimeFormatOptions {
  if (sameDay(date, now)) return { hour: 'numeric', minute: '2-digit' };
  if (date.getFullYear() === now.getFullYear())
    return { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
  return { dateStyle: 'medium', timeStyle: 'short' };
}

/** Name, else address, else "(no sender)"; agents are "(Agent)" in the summary. */
export function senderLabel(i18n: LocalizeController, message: Message, full = false): string {
  const { kind, name, address } = message.from;
  const who = name?.trim() || address?.trim();
  if (kind === 'agent') {
    return full && who ? `${who} ${i18n.t('message.agent')}` : i18n.t('message.agent');
  }
  if (who) return who;
  return message.channel === 'chat' && message.direction === 'inbound'
    ? i18n.t('message.visitor')
    : i18n.t('message.noSender');
}

export function renderDate(i18n: LocalizeController, message: Message, small = false) {
  const date = new Date(message.registeredAt);
  if (Number.isNaN(date.getTime())) return nothing;
  return html`<time
    part="date"
    class="date ${small ? 'small' : ''}"
    datetime=${message.registeredAt}
    title=${i18n.date(date, FULL_DATE)}
    >${i18n.date(date, dateStyleFor(date))}</time
  >`;
}

export function renderStatus(i18n: LocalizeController, message: Message, all = false) {
  if (message.direction !== 'outbound') return nothing;
  if (!all && !BADGED.has(message.status)) return nothing;
  const title =
    message.status === 'failed' && message.error
      ? i18n.t('message.failedReason', { error: message.error })
      : nothing;
  return html`<span part="status" class="status status-${message.status}" title=${title}
    >${i18n.t(`message.status.${message.status}` as const)}</span
  >`;
}

export function renderChannelTag(i18n: LocalizeController, message: Message) {
  return html`<span part="channel-tag" class="channel-tag"
    >${i18n.t(message.channel === 'chat' ? 'message.channel.chat' : 'message.channel.email')}</span
  >`;
}

export function renderPaperclip() {
  return icon(PAPERCLIP, { className: 'icon' });
}

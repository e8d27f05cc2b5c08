import { html, nothing } from 'lit';
import type { LocalizeController } from '../../i18n/localize-controller.js';
import { localPart, normalizeAddress, type Message } from '../../model/index.js';
import { ATTRIBUTION } from './email-html/quotes.js';
import {
  renderChannelTag,
  renderDate,
  renderPaperclip,
  renderStatus,
  senderLabel,
} from './message-meta.js';

/** The collapsed email's one-line summary: sender, recipient, snippet and marks. */

/**
 * The summary's snippet: the text from its first meaningful line, on one line. Blank lines,
 * quoted lines (`>`), the attribution above a quote and a signature (`-- `) are left out.
 */
export function snippetOf(text: string, max = 200): string {
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '--' || raw.startsWith('-- ') || ATTRIBUTION.test(line)) break;
    if (!line || line.startsWith('>') || !/[\p{L}\p{N}]/u.test(line)) continue;
    lines.push(line);
    if (lines.join(' ').length >= max) break;
  }
  const joined = lines.join(' ').replace(/\s+/g, ' ');
  return joined.length > max ? joined.slice(0, max) : joined;
}

/** An inbound email to or copying one of `agentAddresses` (any inbound one when empty). */
export function isToMe(message: Message, agentAddresses: string[]): boolean {
  if (message.direction !== 'inbound') return false;
  if (agentAddresses.length === 0) return true;
  const mine = new Set(agentAddresses.map(normalizeAddress));
  return [...message.to, ...message.cc].some((r) => mine.has(normalizeAddress(r.address)));
}

export function renderClosedSummary(i18n: LocalizeController, message: Message, toMe: boolean) {
  const listed = message.attachments.filter((a) => !a.inline).length;
  return html`<span part="sender" class="sender" dir="auto">${senderLabel(i18n, message)}</span>
    ${renderRecipientSummary(i18n, message, toMe)}
    <span part="snippet" class="snippet" dir="auto">${snippetOf(message.text)}</span>
    <span class="marks">
      ${
        listed > 0
          ? html`<span part="attachment-mark" class="attachment-mark">
              ${renderPaperclip()}<span aria-hidden="true">${listed}</span>
              <span class="visually-hidden"
                >${i18n.t('message.attachments', { count: listed })}</span
              >
            </span>`
          : nothing
      }
      ${renderStatus(i18n, message)} ${renderChannelTag(i18n, message)} ${renderDate(i18n, message)}
    </span>`;
}

function renderRecipientSummary(i18n: LocalizeController, message: Message, toMe: boolean) {
  if (toMe) {
    return html`<span part="recipient" class="recipient">${i18n.t('message.toMe')}</span>`;
  }
  const all = [...message.to, ...message.cc];
  const first = all[0];
  if (!first) {
    return html`<span part="recipient" class="recipient">${i18n.t('message.noRecipient')}</span>`;
  }
  const more = all.length - 1;
  return html`<span part="recipient" class="recipient"
    ><span class="recipient-name" dir="auto">${localPart(first.address)}</span>${
      more > 0
        ? html` <span class="more-count" aria-hidden="true"
              >${i18n.t('message.moreCount', { count: more })}</span
            ><span class="visually-hidden"
              >${i18n.t('message.moreCountLabel', { count: more })}</span
            >`
        : nothing
    }</span
  >`;
}

/**
 * What a new composer starts with (F-2.1, F-2.7): recipients per mode, the subject with one
 * localized prefix, the forwarded-message block, and the campaign's greeting and signature.
 * Pure functions of the answered message; the element only calls them.
 */
import type { ComposeMode, EmailAddress, Message } from '../../model/index.js';
import { escapeHtml } from '../../model/escape-html.js';
import { normalizeAddress } from '../../model/index.js';

/** Prefixes mail clients put in front of subjects, in the languages our customers write. */
const PREFIX =
  /^\s*(?:(?:re|rv|fw|fwd|aw|sv|vs|wg|res|enc|tr|antw|odp)\s*(?:\[\d+\])?\s*[:：]\s*)+/i;

/** The subject without any pile of `Re:` / `RV:` / `Fwd:` / `AW:` … prefixes. */
export function baseSubject(subject: string): string {
  return subject.replace(PREFIX, '').trim();
}

/** `Re: subject` for replies, `Fwd: subject` for forwards (prefixes localized by the caller). */
export function composeSubject(
  mode: ComposeMode,
  subject: string,
  prefixes: { reply: string; forward: string },
): string {
  const base = baseSubject(subject);
  if (mode === 'new' || mode === 'chat') return subject;
  const prefix = mode === 'forward' ? prefixes.forward : prefixes.reply;
  return base ? `${prefix} ${base}` : prefix;
}

function uniqueExcept(list: EmailAddress[], except: Set<string>): EmailAddress[] {
  const seen = new Set(except);
  const out: EmailAddress[] = [];
  for (const entry of list) {
    const key = normalizeAddress(entry.address);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(entry.name ? { name: entry.name, address: key } : { address: key });
  }
  return out;
}

function senderOf(message: Message): EmailAddress[] {
  const { name, address } = message.from;
  if (!address) return [];
  return [name ? { name, address } : { address }];
}

/**
 * To and CC for a mode (F-2.1). Reply: the sender (or, answering the agent's own outbound mail,
 * its recipients). Reply all: the sender in To; every other To and CC in CC, without the agent's
 * own addresses and without duplicates. Forward and new: empty.
 */
export function initialRecipients(
  mode: ComposeMode,
  message: Message | undefined,
  ownAddresses: readonly string[],
): { to: EmailAddress[]; cc: EmailAddress[] } {
  if (!message || mode === 'forward' || mode === 'new' || mode === 'chat')
    return { to: [], cc: [] };
  const own = new Set(ownAddresses.map(normalizeAddress));
  const outbound = message.direction === 'outbound';
  const to = uniqueExcept(outbound ? message.to : senderOf(message), own);
  if (mode === 'reply') return { to, cc: [] };
  const taken = new Set([...own, ...to.map((a) => a.address)]);
  const others = outbound ? message.cc : [...message.to, ...message.cc];
  return { to, cc: uniqueExcept(others, taken) };
}

/**
 * To and subject of a new email on a case (F-4.4: answering a chat whose visitor left): the
 * case's contact, when an address is known, and the case's subject as it is.
 */
export function newMessageDefaults(
  contact: { name?: string; email?: string } | undefined,
  conversation: { subject?: string } | undefined,
): { to: EmailAddress[]; subject: string } {
  const address = contact?.email ? normalizeAddress(contact.email) : '';
  const name = contact?.name?.trim();
  const to = address ? [name ? { name, address } : { address }] : [];
  return { to, subject: conversation?.subject ?? '' };
}

/** Plain text as paragraphs (blank lines) and line breaks, escaped. */
export function textToHtml(text: string): string {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n{2,}/);
  return blocks
    .filter((b) => b.trim() !== '')
    .map((b) => `<p>${b.split('\n').map(escapeHtml).join('<br>')}</p>`)
    .join('');
}

/** Campaign texts may be plain text with line breaks or HTML (a signature with a logo). */
export function isHtml(value: string): boolean {
  return /<([a-z][a-z0-9]*)\b[^>]*>/i.test(value);
}

/** The labels of the forwarded-message block, localized by the caller. */
export interface ForwardLabels {
  heading: string;
  from: string;
  date: string;
  subject: string;
  to: string;
  cc: string;
}

const addressList = (list: EmailAddress[]) =>
  list.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');

/**
 * The block a forward starts with (F-2.1): the original's subject, date, sender and recipients,
 * then its content. Returned as HTML for the editor, which keeps only what its schema knows.
 */
export function forwardBlockHtml(
  message: Message,
  labels: ForwardLabels,
  formatDate: (iso: string) => string,
): string {
  const from = message.from.address
    ? `${message.from.name} <${message.from.address}>`
    : message.from.name;
  const rows: Array<[string, string]> = [
    [labels.from, from],
    [labels.date, formatDate(message.originDate)],
    [labels.subject, message.subject],
    [labels.to, addressList(message.to)],
  ];
  if (message.cc.length) rows.push([labels.cc, addressList(message.cc)]);
  const header = rows.map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(v)}`).join('<br>');
  const body = message.html ? message.html : textToHtml(message.text);
  return `<p>---------- ${escapeHtml(labels.heading)} ----------<br>${header}</p>${body}`;
}

import { escapeHtml } from '../../../model/escape-html.js';
import type { Conversation, Message } from '../../../model/index.js';
import type { Store } from '../store.js';

/**
 * The chat transcript an email reply carries (F-4.5): the chat messages of the case the email
 * thread has not carried yet — who, when, what — below the reply, in `html` (escaped: chat text
 * is never HTML) and in `text`. Added when the send is committed, so a send cancelled inside its
 * undo window gives back the draft as the agent wrote it.
 *
 * The labels need no language: "Chat", names and UTC times (`2024-05-03 14:05 UTC`), so a reply
 * reads the same in a Spanish and an English campaign.
 */

/** Most chat messages a transcript lists: the newest ones, after a `…` line. */
export const MAX_TRANSCRIPT_MESSAGES = 200;

/** Marks the transcript block in `html`. */
export const TRANSCRIPT_ATTRIBUTE = 'data-atento-transcript';

/** Where the transcript starts in `text`: a signature delimiter (`-- `) and the heading. */
const TEXT_MARKER = '\n\n-- \nChat\n';

/**
 * The text of a message without its transcript: what the visitor's widget shows, since the widget
 * already holds the chat itself (F-5.4).
 */
export function withoutTranscript(m: Pick<Message, 'channel' | 'direction' | 'text'>): string {
  if (m.channel !== 'email' || m.direction !== 'outbound') return m.text;
  const at = m.text.indexOf(TEXT_MARKER);
  return at === -1 ? m.text : m.text.slice(0, at);
}

/** `2024-05-03 14:05 UTC`. */
function utcMinute(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function authorOf(s: Store, c: Conversation, m: Message): string {
  if (m.from.name.trim() !== '') return m.from.name;
  if (m.from.kind === 'agent') return s.agents.get(m.from.id ?? '')?.name ?? 'Agent';
  const contact = s.contacts.get(c.contactId);
  return contact?.name.trim() || contact?.emails[0] || m.from.address || 'Visitor';
}

/** A chat message's text, plus the names of its files. */
function bodyOf(m: Message): string {
  const files = m.attachments.map((a) => `[${a.name}]`);
  return [m.text.trim(), ...files].filter((part) => part !== '').join(' ');
}

/**
 * The chat messages the email thread has not carried yet: those of the case (that reached the
 * visitor) after the last email an agent sent in it, oldest first. The first email after a chat
 * carries the whole chat; a later reply only what was said since.
 */
function chatMessagesFor(s: Store, c: Conversation, email: Message): Message[] {
  const all = s.messagesOf(c.id);
  let from = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    const m = all[i]!;
    const committed = m.status === 'sending' || m.status === 'sent';
    if (m.id !== email.id && m.channel === 'email' && m.direction === 'outbound' && committed) {
      from = i + 1;
      break;
    }
  }
  return all.slice(from).filter((m) => m.channel === 'chat' && m.status === 'sent');
}

/**
 * Appends the transcript of the case's chat to an email being committed (no-op for chat messages
 * and for cases without chat).
 */
export function appendTranscript(s: Store, m: Message): void {
  if (m.channel !== 'email') return;
  const c = s.conversation(m.conversationId);
  const all = chatMessagesFor(s, c, m);
  if (all.length === 0) return;
  const shown = all.slice(-MAX_TRANSCRIPT_MESSAGES);
  const omitted = all.length > shown.length;
  const lines = shown.map((chat) => ({
    who: authorOf(s, c, chat),
    when: utcMinute(chat.registeredAt),
    body: bodyOf(chat),
  }));

  const textLines = [
    ...(omitted ? ['…'] : []),
    // Continuation lines of a multi-line chat message are indented under its first line.
    ...lines.map((l) => `[${l.when}] ${l.who}: ${l.body.replace(/\r?\n/g, '\n    ')}`),
  ];
  const reply = m.text.replace(/\s+$/, '');
  m.text = `${reply}${TEXT_MARKER}${textLines.join('\n')}\n`;

  const htmlLines = lines.map(
    (l) =>
      `<p style="margin:0 0 6px"><strong>${escapeHtml(l.who)}</strong> ` +
      `<span style="color:#6b7280">${escapeHtml(l.when)}</span><br>` +
      `${escapeHtml(l.body).replace(/\r?\n/g, '<br>')}</p>`,
  );
  const block =
    `<hr><div ${TRANSCRIPT_ATTRIBUTE}="">` +
    `<p style="margin:0 0 6px"><strong>Chat</strong></p>` +
    (omitted ? '<p style="margin:0 0 6px">…</p>' : '') +
    htmlLines.join('') +
    '</div>';
  m.html = `${m.html ?? htmlOfText(reply)}${block}`;
  s.touch('message', m.id);
}

/** A plain-text body as HTML paragraphs (a reply sent without `html`). */
function htmlOfText(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

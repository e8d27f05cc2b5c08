/**
 * A chat reply moved to email (the visitor went offline mid-reply, F-4.4): the typed text goes
 * where the agent writes in the email — the empty line between the campaign's greeting and
 * signature — and the uploaded files join the email's attachments.
 */
import type { ComposerValue } from '../../mail-composer/mail-composer.js';
import { textToHtml } from '../../mail-composer/compose-defaults.js';
import type { ChatContent } from './chat-composer.js';

/** The first empty paragraph of the editor's HTML (`<p><br></p>`, or `<p></p>`). */
const EMPTY_LINE = /<p>(?:<br\s*\/?>)?<\/p>/i;

export function withCarriedContent(value: ComposerValue, content: ChatContent): ComposerValue {
  const body = textToHtml(content.text);
  let html = value.html;
  if (body) html = EMPTY_LINE.test(html) ? html.replace(EMPTY_LINE, body) : body + html;
  const known = new Set(value.attachments.map((a) => a.id));
  return {
    ...value,
    html,
    text: content.text.trim() ? `${content.text.trim()}\n\n${value.text}`.trim() : value.text,
    attachments: [...value.attachments, ...content.attachments.filter((a) => !known.has(a.id))],
  };
}

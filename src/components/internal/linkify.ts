import { html, type TemplateResult } from 'lit';

/** `http://` or `https://` followed by anything up to whitespace or an angle bracket. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;

/** Drops punctuation that ends a sentence rather than the URL (`see https://x.pe/a.`). */
function trimUrl(url: string): string {
  let end = url.length;
  const count = (ch: string) => url.slice(0, end).split(ch).length - 1;
  while (end > 0) {
    const ch = url[end - 1]!;
    if (/[.,;:!?'"»”’]/.test(ch)) end--;
    else if (ch === ')' && count('(') < count(')')) end--;
    else if (ch === ']' || ch === '}') end--;
    else break;
  }
  return url.slice(0, end);
}

/** Text and URL pieces of `text`, in order (pure, for tests). */
export function splitLinks(text: string): Array<{ text: string; href?: string }> {
  const pieces: Array<{ text: string; href?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    if (!/^https?:\/\/[^/?#\s]/i.test(url)) continue;
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ text: url, href: url });
    last = match.index + url.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/**
 * Untrusted text as a template: text nodes, with `http(s)` URLs as links opening in a new tab
 * with `rel="noopener noreferrer"`. Never parses HTML.
 */
export function linkify(text: string): Array<TemplateResult | string> {
  return splitLinks(text).map((piece) =>
    piece.href
      ? html`<a href=${piece.href} target="_blank" rel="noopener noreferrer">${piece.text}</a>`
      : piece.text,
  );
}

import { html, type TemplateResult } from 'lit';

/**
 * Links found in untrusted plain text, without ever parsing HTML. Two vocabularies:
 * - `web` (chat text): `http(s)://` URLs with a host;
 * - `mail` (plain-text email bodies): also `mailto:` and bare addresses, linked as `mailto:`.
 */
export type LinkKind = 'web' | 'mail';

const PATTERNS: Record<LinkKind, RegExp> = {
  /** `http://` or `https://` followed by anything up to whitespace, `"` or an angle bracket. */
  web: /\bhttps?:\/\/[^\s<>"]+/gi,
  /** http(s) and mailto: up to whitespace, a quote or an angle bracket, and bare addresses. */
  mail: /\b(?:https?:\/\/|mailto:)[^\s<>"'`]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu,
};

/** Drops punctuation that ends a sentence rather than the URL (`see https://x.pe/a.`). */
function trimUrl(url: string): string {
  let end = url.length;
  const count = (ch: string) => url.slice(0, end).split(ch).length - 1;
  while (end > 0) {
    const ch = url[end - 1]!;
    if (/[.,;:!?'"»”’]/.test(ch)) end--;
    else if (ch === ')' && count('(') < count(')')) end--;
    else if (ch === ']' || ch === '}' || ch === '>') end--;
    else break;
  }
  return url.slice(0, end);
}

/** The link target of a trimmed match, or null when it is not one. */
function hrefOf(found: string, kind: LinkKind): string | null {
  if (kind === 'web') return /^https?:\/\/[^/?#\s]/i.test(found) ? found : null;
  if (!found) return null;
  return /^(?:https?|mailto):/i.test(found) ? found : `mailto:${found}`;
}

/** Text and link pieces of `text`, in order (pure, for tests). */
export function splitLinks(
  text: string,
  kind: LinkKind = 'web',
): Array<{ text: string; href?: string }> {
  const pieces: Array<{ text: string; href?: string }> = [];
  let last = 0;
  for (const match of text.matchAll(PATTERNS[kind])) {
    const found = trimUrl(match[0]);
    const href = hrefOf(found, kind);
    if (href === null) continue;
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    pieces.push({ text: found, href });
    last = match.index + found.length;
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

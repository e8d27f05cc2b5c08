/** Text helpers shared by search, threading and previews. */

const folded = new Map<string, string>();

/**
 * Lower-case without accents (`Lucía` → `lucia`), for case- and accent-insensitive matching.
 * Searches fold the same subjects and names on every call, so results are remembered (the cache
 * is dropped whole when it grows large).
 */
export function fold(text: string): string {
  let out = folded.get(text);
  if (out === undefined) {
    out = text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    if (folded.size >= 100_000) folded.clear();
    folded.set(text, out);
  }
  return out;
}

const REPLY_PREFIX = /^\s*(?:re|rv|fwd?|fw|aw|sv|tr|wg|res|enc)\s*(?:\[\d+\])?\s*:\s*/i;

/**
 * The subject without reply/forward prefixes (`Re: RV: Fwd: Pedido` → `pedido`), folded and with
 * collapsed whitespace: the key of subject threading (F-4.6).
 */
export function normalizeSubject(subject: string): string {
  let s = subject;
  for (let previous = ''; previous !== s;) {
    previous = s;
    s = s.replace(REPLY_PREFIX, '');
  }
  return fold(s).replace(/\s+/g, ' ').trim();
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/** A plain-text rendering of an HTML body, for `text` when only HTML was given and for previews. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
      if (name[0] === '#') {
        const code =
          name[1] === 'x' || name[1] === 'X'
            ? parseInt(name.slice(2), 16)
            : parseInt(name.slice(1), 10);
        return Number.isFinite(code) ? String.fromCodePoint(code) : all;
      }
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The first non-empty line of a text, at most 140 characters (inbox preview). */
export function previewOf(text: string): string {
  const line =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '') ?? '';
  return line.length > 140 ? `${line.slice(0, 139)}…` : line;
}

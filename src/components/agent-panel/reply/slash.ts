/** A `/word` right before the caret: what it replaces and the query after the slash. */
export interface SlashMatch {
  /** Index of the `/`. */
  from: number;
  /** The caret (end of the word). */
  to: number;
  /** The text typed after the slash (may be empty). */
  query: string;
}

/**
 * The `/word` the caret is in, when the slash starts the text or follows a space or a line break
 * (F-3.3): `Hola /env|` → `{ from: 5, to: 9, query: 'env' }`. A slash inside a word or a URL
 * (`1/2`, `https://…`) is text.
 */
export function slashAt(value: string, caret: number): SlashMatch | null {
  const match = /(^|\s)\/([^\s/]*)$/.exec(value.slice(0, caret));
  if (!match) return null;
  const from = match.index + match[1]!.length;
  return { from, to: caret, query: match[2]! };
}

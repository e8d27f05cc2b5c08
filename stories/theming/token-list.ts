/**
 * The public design tokens, read from the elements' own stylesheet (src/styles/tokens.ts), so
 * the theming page lists exactly what the elements read, with their real defaults.
 */
import { tokens } from '../../src/styles/tokens.js';

export type TokenKind = 'color' | 'font' | 'shadow' | 'size';

export interface Token {
  /** The public custom property, `--atento-…`. */
  name: string;
  /** The default, as written (`light-dark(…)` for colours). */
  fallback: string;
  /** The light and dark halves of a `light-dark()` default. */
  light?: string;
  dark?: string;
  kind: TokenKind;
}

/** The text from `start` (just after an opening parenthesis) to its closing parenthesis. */
function untilClose(text: string, start: number): string {
  let depth = 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(start, i);
  }
  throw new Error(`unbalanced parentheses after ${text.slice(start, start + 40)}`);
}

/** Splits at commas that are not inside parentheses. */
function topLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    else if (text[i] === ',' && depth === 0) {
      parts.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  parts.push(text.slice(from).trim());
  return parts;
}

const kindOf = (name: string): TokenKind =>
  name.includes('-color-')
    ? 'color'
    : name.includes('font-family')
      ? 'font'
      : name.includes('shadow')
        ? 'shadow'
        : 'size';

/** Every `--atento-*` token with its default, in the stylesheet's order. */
export function tokenList(cssText: string = tokens.cssText): Token[] {
  const list: Token[] = [];
  const pattern = /--_[\w-]+\s*:\s*var\(/g;
  for (let match = pattern.exec(cssText); match; match = pattern.exec(cssText)) {
    const [name = '', ...rest] = topLevel(untilClose(cssText, match.index + match[0].length));
    if (!name.startsWith('--atento-')) continue;
    const fallback = rest.join(', ').replace(/\s+/g, ' ').trim();
    const token: Token = { name, fallback, kind: kindOf(name) };
    const lightDark = /^light-dark\(/.exec(fallback);
    if (lightDark) {
      const inner = untilClose(fallback, lightDark[0].length);
      if (inner.length + lightDark[0].length + 1 === fallback.length) {
        [token.light, token.dark] = topLevel(inner);
      }
    }
    list.push(token);
  }
  return list;
}

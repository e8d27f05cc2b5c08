import type { EmailAddress } from './common.js';

/**
 * A practical check of an email address's shape (what a user can type in a recipient field):
 * one `@`, a non-empty local part without spaces, and a dotted domain of letters, digits and
 * hyphens. It does not try to accept every RFC 5322 oddity (quoted local parts, IP literals).
 */
const ADDRESS = /^[^\s@"<>(),;:\\[\]]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

export function isValidAddress(address: string): boolean {
  return address.length <= 254 && ADDRESS.test(address);
}

/** Lower-cases and trims an address; the canonical form used for comparison and storage. */
export function normalizeAddress(address: string): string {
  return address.trim().toLowerCase();
}

/** The part before `@`: what the thread shows as the recipient of an agent's mail (`jorge.taype96`). */
export function localPart(address: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 ? address : address.slice(0, at);
}

/** `Name <address>` when a name is known, else the bare address. Plain text, never HTML. */
export function formatAddress({ name, address }: EmailAddress): string {
  return name ? `${name} <${address}>` : address;
}

/**
 * Parses one address as a user types or pastes it: `jorge@x.pe`, `Jorge <jorge@x.pe>` or
 * `"Taype, Jorge" <jorge@x.pe>`. Returns `null` when no valid address is found.
 */
export function parseAddress(input: string): EmailAddress | null {
  const text = input.trim();
  const angle = /^(.*)<([^<>]+)>$/.exec(text);
  const raw = angle ? angle[2]! : text;
  const address = normalizeAddress(raw);
  if (!isValidAddress(address)) return null;
  const name = angle
    ? angle[1]!
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .trim()
    : '';
  return name ? { name, address } : { address };
}

/**
 * Splits a pasted list (`a@x.pe, B <b@y.pe>; c@z.pe`, one per line, or separated by spaces with
 * junk words between) into entries, keeping commas inside quoted names. Each entry is either
 * parsed or returned as invalid text, so that nothing the user pasted is silently lost; a segment
 * without any `@` stays one invalid entry (`Ana Pérez`), while one with an `@` is split into its
 * addresses and the words between them (`hola`, `—`), each its own invalid entry.
 */
export function parseAddressList(input: string): Array<EmailAddress | { invalid: string }> {
  const entries: string[] = [];
  let current = '';
  let quoted = false;
  let angled = false;
  for (const ch of input) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<') angled = true;
    else if (ch === '>') angled = false;
    // A line break always ends an entry, so a stray quote or `<` cannot swallow the next lines.
    if (ch === '\n' || (!quoted && !angled && (ch === ',' || ch === ';'))) {
      entries.push(current);
      current = '';
      quoted = angled = false;
    } else current += ch;
  }
  entries.push(current);
  return entries
    .map((e) => e.trim())
    .filter(Boolean)
    .flatMap((e) => {
      const parsed = parseAddress(e);
      if (parsed && !isJunkName(e, parsed.name)) return [parsed];
      return e.includes('@') ? splitSegment(e) : [{ invalid: e }];
    });
}

/**
 * `foo@ Ana <a@x.pe>`, `xx "Ana" <a@x.pe>` or `<a@x.pe> Ana <b@y.pe>` is junk or addresses before
 * an address, not a name: only a wholly quoted name may hold an `@` or a quote, none `<` or `>`.
 */
function isJunkName(entry: string, name: string | undefined): boolean {
  if (!name) return false;
  const quoted = /^"[^"]*"\s*</.test(entry);
  return /[<>]/.test(name) || (!quoted && (name.includes('@') || name.includes('"')));
}

/** Punctuation that often wraps a bare address in running text: `(a@x.pe)`, `a@x.pe.`, `'a@x.pe'`. */
const WRAPPING = /^[([{'"`]+|[)\]}'"`.:!?]+$/g;

/**
 * Splits one segment that is not a single address into words, quoted names and `<address>`
 * groups, then pairs each `<address>` with the quoted name or the words just before it.
 */
function splitSegment(segment: string): Array<EmailAddress | { invalid: string }> {
  const out: Array<EmailAddress | { invalid: string }> = [];
  let pending: string[] = [];
  const flushJunk = () => {
    for (const word of pending) out.push({ invalid: word });
    pending = [];
  };
  const tokens = tokenize(segment);
  tokens.forEach((token, i) => {
    if (token.startsWith('<')) {
      // The name is the quoted word before it, else the words after the last one with an `@`.
      const quotedAt = pending.findLastIndex((w) => w.startsWith('"'));
      const nameWords = pending.slice(
        quotedAt !== -1 ? quotedAt : pending.findLastIndex((w) => w.includes('@')) + 1,
      );
      pending = pending.slice(0, pending.length - nameWords.length);
      flushJunk();
      const parsed = parseAddress(`${nameWords.join(' ')} ${token}`);
      out.push(parsed ?? { invalid: [...nameWords, token].join(' ') });
      return;
    }
    // A quoted word right before `<address>` is its name, not an address of its own.
    const isName = token.startsWith('"') && tokens[i + 1]?.startsWith('<');
    const bare = isName ? null : parseAddress(token.replace(WRAPPING, ''));
    if (bare) {
      flushJunk();
      out.push(bare);
    } else pending.push(token);
  });
  flushJunk();
  return out;
}

/** Whitespace-separated words, keeping `"quoted names"` and `<angle groups>` whole. */
function tokenize(segment: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let close = '';
  const flush = () => {
    if (current.trim()) tokens.push(current.trim());
    current = '';
  };
  for (const ch of segment) {
    if (close) {
      current += ch;
      if (ch === close) {
        close = '';
        flush();
      }
    } else if (ch === '"' || ch === '<') {
      flush();
      current = ch;
      close = ch === '"' ? '"' : '>';
    } else if (/\s/.test(ch)) flush();
    else current += ch;
  }
  // An unclosed quote or `<` is just a character: split what followed it into words.
  if (close) tokens.push(...current.split(/\s+/).filter(Boolean));
  else flush();
  return tokens;
}

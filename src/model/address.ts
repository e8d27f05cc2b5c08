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
 * Splits a pasted list (`a@x.pe, B <b@y.pe>; c@z.pe` or one per line) into entries, keeping
 * commas inside quoted names. Each entry is either parsed or returned as invalid text, so that
 * nothing the user pasted is silently lost.
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
    if (!quoted && !angled && (ch === ',' || ch === ';' || ch === '\n')) {
      entries.push(current);
      current = '';
    } else current += ch;
  }
  entries.push(current);
  return entries
    .map((e) => e.trim())
    .filter(Boolean)
    .map((e) => parseAddress(e) ?? { invalid: e });
}

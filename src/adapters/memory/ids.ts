/**
 * Identifiers minted at run time. Ids are `<prefix>_<counter>` with a zero-padded base-36 counter,
 * so ids minted later sort after earlier ones (the tie-breaker of message order) and never look
 * like the seed's or the generators' ids (`msg-6597-…`, `g1-…`).
 */
export class IdSource {
  private counter = 0;

  /** The counter of the last id minted (persisted, so ids never repeat after a restart). */
  get last(): number {
    return this.counter;
  }

  /** Continues after `counter` (never goes back). */
  resume(counter: number): void {
    if (Number.isSafeInteger(counter) && counter > this.counter) this.counter = counter;
  }

  next(prefix: string, taken?: (id: string) => boolean): string {
    for (;;) {
      this.counter += 1;
      const id = `${prefix}_${this.counter.toString(36).padStart(6, '0')}`;
      if (!taken?.(id)) return id;
    }
  }
}

/** A random lower-case hex string (crypto when available). */
function randomHex(bytes = 8): string {
  const buffer = new Uint8Array(bytes);
  const crypto = globalThis.crypto as Crypto | undefined;
  if (crypto?.getRandomValues) crypto.getRandomValues(buffer);
  else for (let i = 0; i < bytes; i++) buffer[i] = Math.floor(Math.random() * 256);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An RFC 5322 Message-ID without angle brackets: `<time>.<random>@<domain>`. */
export function newMessageId(domain: string, now: Date): string {
  return `${now.getTime().toString(36)}.${randomHex(8)}@${domain}`;
}

/** A Message-ID as stored: trimmed and without angle brackets (`<a@b>` → `a@b`). */
export function bareMessageId(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '');
}

/** The domain of an address (`tiendaandina.pe`), or `localhost` when there is none. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 || at === address.length - 1 ? 'localhost' : address.slice(at + 1);
}

/** Most Message-IDs a `References` list keeps (see `referencesOf`). */
export const MAX_REFERENCES = 20;

/**
 * The `References` of a reply: the parent's `references` plus its `messageId`, trimmed as
 * mail software does (RFC 5537 §3.4.4) to the thread's first message and the newest ones. Without
 * the trim, every message of an n-message thread would carry up to n ids (O(n²) in the store and
 * in every copy the backend returns).
 */
export function referencesOf(references: readonly string[], messageId: string): string[] {
  const chain = [...references, messageId];
  return chain.length <= MAX_REFERENCES
    ? chain
    : [chain[0]!, ...chain.slice(chain.length - (MAX_REFERENCES - 1))];
}

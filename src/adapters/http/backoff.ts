/**
 * Reconnection delays: exponential backoff with full jitter (a random delay between 0 and the
 * exponential bound), so thousands of clients dropped by one server restart do not come back in
 * lockstep. The attempt count is reset only after a connection stayed up for `stableMs`: a server
 * that accepts and then drops at once is not hammered.
 */
export interface ReconnectOptions {
  /** The bound of the first delay, in ms; default 500. */
  baseMs?: number;
  /** The largest bound, in ms; default 30 000. */
  capMs?: number;
  /** How long a connection must stay up before the attempts are forgotten; default 10 000. */
  stableMs?: number;
  /** A number in [0, 1); default `Math.random` (tests pin it). */
  random?: () => number;
}

export class Backoff {
  private attempt = 0;
  private readonly baseMs: number;
  private readonly capMs: number;
  readonly stableMs: number;
  private readonly random: () => number;

  constructor(options: ReconnectOptions = {}) {
    this.baseMs = options.baseMs ?? 500;
    this.capMs = options.capMs ?? 30_000;
    this.stableMs = options.stableMs ?? 10_000;
    this.random = options.random ?? Math.random;
  }

  /** The delay before the next attempt; each call widens the bound until `capMs`. */
  next(): number {
    const bound = Math.min(this.capMs, this.baseMs * 2 ** this.attempt);
    this.attempt = Math.min(this.attempt + 1, 30);
    return Math.floor(this.random() * bound);
  }

  reset(): void {
    this.attempt = 0;
  }
}

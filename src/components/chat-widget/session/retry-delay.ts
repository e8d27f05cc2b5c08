/** Exponential backoff with jitter for resending: a delay in [bound/2, bound), bound doubling to `capMs`. */
export function retryDelay(
  attempt: number,
  { baseMs = 500, capMs = 30_000 }: { baseMs?: number; capMs?: number } = {},
  random: () => number = Math.random,
): number {
  const bound = Math.min(capMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(bound / 2 + (random() * bound) / 2);
}

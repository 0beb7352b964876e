/**
 * Exponential backoff with jitter (half fixed, half random, so a burst of failed events does not
 * retry in lockstep); a server's Retry-After is a floor, never shortened.
 */
export function retryDelayMs(
  attempts: number,
  options: { baseMs: number; maxMs: number; retryAfterMs?: number },
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  const jittered = ceiling / 2 + random() * (ceiling / 2);
  return Math.round(Math.max(jittered, options.retryAfterMs ?? 0));
}

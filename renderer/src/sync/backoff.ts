/**
 * Exponential backoff with full jitter: a whole classroom of kiosks coming back online after an outage
 * must not retry in lockstep. `random` is injected so tests are exact.
 */
export function backoffDelayMs(attempts: number, random: () => number, baseMs = 1000, capMs = 5 * 60_000): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling * random());
}

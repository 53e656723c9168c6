/** Wrong passphrases allowed before the first lock. */
export const FREE_ATTEMPTS = 5;
const FIRST_LOCK_MS = 30_000;
const MAX_LOCK_MS = 60 * 60_000;

/**
 * How long to lock after this many consecutive failures: nothing for the first few (typos happen), then
 * 30 s doubling with every further wrong attempt up to an hour, so guessing a passphrase at a kiosk
 * takes years while an instructor who mistyped waits half a minute.
 */
export function lockMsAfter(failures: number): number | null {
  if (failures < FREE_ATTEMPTS) return null;
  return Math.min(FIRST_LOCK_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_MS);
}

export function attemptsLeft(failures: number): number {
  return Math.max(0, FREE_ATTEMPTS - failures);
}

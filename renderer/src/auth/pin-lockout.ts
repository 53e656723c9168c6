/** Four- to eight-digit PINs fall to guessing unless attempts are limited. */
export const PIN_ATTEMPTS_BEFORE_LOCK = 5;

/**
 * Each lock in a row lasts longer: a minute, five, a quarter of an hour, then an hour for every further
 * five wrong PINs. A good sign-in, or an instructor resetting the PIN, starts again from the first.
 * At an hour per five guesses a 4-digit PIN takes weeks of solid guessing, and a learner who forgot
 * theirs asks the instructor long before that.
 */
const LONGEST_LOCK_MS = 60 * 60_000;
export const PIN_LOCK_STEPS_MS = [60_000, 5 * 60_000, 15 * 60_000, LONGEST_LOCK_MS] as const;

export function pinLockMs(level: number): number {
  const index = Math.min(Math.max(0, Math.floor(level)), PIN_LOCK_STEPS_MS.length - 1);
  return PIN_LOCK_STEPS_MS[index] ?? LONGEST_LOCK_MS;
}

import { timingSafeEqual } from 'node:crypto';

/** Constant-time comparison, so response timing does not reveal how much of a guessed token was right. */
export function tokenMatches(offered: string, expected: string): boolean {
  const a = Buffer.from(offered);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

import { relativeTimeFormat } from './formatters';

const STEPS: ReadonlyArray<readonly [Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/**
 * "5 minutes ago" / "5分钟前" in the UI language. Under 45 seconds reads "now", so a fresh sync does not
 * tick through seconds; each larger unit takes over once the smaller one runs out.
 */
export function formatRelativeTime(iso: string, now: Date, locale: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const format = relativeTimeFormat(locale, { numeric: 'auto' });
  let amount = (then - now.getTime()) / 1000;
  if (Math.abs(amount) < 45) return format.format(0, 'second');
  for (const [unit, size] of STEPS) {
    if (Math.abs(Math.round(amount)) < size || unit === 'year') return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return iso;
}

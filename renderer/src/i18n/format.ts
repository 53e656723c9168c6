import { dateTimeFormat, numberFormat } from './formatters';

/**
 * Dates in the UI language's own conventions (e.g. "2026年3月2日 17:00" for Chinese), in the kiosk's
 * time zone. The timeZone parameter exists for tests; the app leaves it to the system.
 */
export function formatDateTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** Scores and minutes may be fractional (69.5); two decimals at most, grouped the UI language's way. */
export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A time of day today (a lock's end, a countdown's deadline), e.g. "09:05" or "上午9:05". */
export function formatTime(iso: string, locale: string, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return dateTimeFormat(locale, { timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(date);
}

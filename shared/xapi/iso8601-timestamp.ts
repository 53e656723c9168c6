/**
 * ISO 8601 combined date and time (xAPI 1.0.3 Data 4.5.s1.b1), in the extended (`2025-01-15T11:30:00.000Z`) or the
 * basic (`20250115T113000Z`) format; RFC 3339 is the SHOULD* profile of it. The time zone is only a SHOULD*
 * (Data 4.5.s1.b4), so a local time without one is well-formed. Not accepted: a space instead of "T", a date without
 * a time, hour 24, and a negative zero offset ("-00", "-0000", "-00:00"), which ISO 8601 forbids and which the ADL
 * LRS conformance suite rejects (RFC 3339 uses "-00:00" for "offset unknown").
 */
const EXTENDED = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?::\d{2})?)?$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?([Zz]|[+-]\d{2}(?:\d{2})?)?$/;

interface Parsed {
  /** Milliseconds since the epoch, or null for a local time without a zone (its instant is unknown). */
  readonly epochMs: number | null;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Offset in minutes east of UTC, or null if out of range or a negative zero. */
function offsetMinutes(zone: string): number | null {
  if (zone === 'Z' || zone === 'z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return null;
  if (zone.startsWith('-') && hours === 0 && minutes === 0) return null;
  return (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
}

function parse(value: string): Parsed | null {
  const match = EXTENDED.exec(value) ?? BASIC.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  // Second 60 is a leap second (RFC 3339 §5.7).
  if (hour > 23 || minute > 59 || second > 60) return null;
  if (zone === undefined) return { epochMs: null };
  const offset = offsetMinutes(zone);
  if (offset === null) return null;
  const millis = fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999. A leap second counts as :59.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, Math.min(second, 59), millis);
  return { epochMs: utc.getTime() - offset * 60_000 };
}

export function isIso8601Timestamp(value: string): boolean {
  return parse(value) !== null;
}

/** The instant a timestamp denotes, or null when it is malformed or has no time zone. */
export function iso8601TimestampToEpochMs(value: string): number | null {
  return parse(value)?.epochMs ?? null;
}

import { parseIso8601Duration } from '../xapi/iso8601-duration';

/** A day per sitting at most: a course reporting more is wrong, and one bad value must not swamp the total. */
export const MAX_SITTING_SECONDS = 86_400;

/**
 * A SCO's session time in seconds: SCORM 1.2 CMITimespan ("HHHH:MM:SS.SS") or SCORM 2004 ISO 8601
 * ("PT1H2M3.5S"). Anything unreadable is 0, and a value is capped at one day.
 */
export function sessionSeconds(value: string | undefined): number {
  if (!value) return 0;
  const legacy = /^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/.exec(value.trim());
  const seconds = legacy ? Number(legacy[1]) * 3600 + Number(legacy[2]) * 60 + Number(`${legacy[3]}${legacy[4] ?? ''}`) : (parseIso8601Duration(value.trim()) ?? 0);
  return Math.min(MAX_SITTING_SECONDS, Math.max(0, Math.round(seconds)));
}

/** Seconds as the ISO 8601 duration the seed's PUT carries ("PT15M30S"). */
export function isoDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = s % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest || (!h && !m) ? `${rest}S` : ''}`;
}

/** A total across sittings: ten thousand hours at most (1.2's CMITimespan has four digits of hours). */
export const MAX_TOTAL_SECONDS = 9_999 * 3600 + 59 * 60 + 59;

/** A stored total time (either version's format) in seconds; unreadable is 0, capped at MAX_TOTAL_SECONDS. */
export function totalSeconds(value: string | undefined): number {
  if (!value) return 0;
  const legacy = /^(\d{2,4}):([0-5]\d):([0-5]\d)(\.\d{1,2})?$/.exec(value.trim());
  const seconds = legacy ? Number(legacy[1]) * 3600 + Number(legacy[2]) * 60 + Number(`${legacy[3]}${legacy[4] ?? ''}`) : (parseIso8601Duration(value.trim()) ?? 0);
  return Math.min(MAX_TOTAL_SECONDS, Math.max(0, Math.round(seconds)));
}

/** Seconds as SCORM 1.2's CMITimespan ("HHHH:MM:SS"), capped at MAX_TOTAL_SECONDS. */
export function cmiTimespan(seconds: number): string {
  const s = Math.min(MAX_TOTAL_SECONDS, Math.max(0, Math.round(seconds)));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(s / 3600), 4)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** The element the LMS keeps an item's accumulated time in: cmi.core.total_time (1.2) or cmi.total_time (2004). */
export function totalTimeKey(version: '1.2' | '2004'): string {
  return version === '1.2' ? 'cmi.core.total_time' : 'cmi.total_time';
}

/** An item's total time as its version writes it. */
export function formatTotalTime(version: '1.2' | '2004', seconds: number): string {
  return version === '1.2' ? cmiTimespan(seconds) : isoDuration(Math.min(MAX_TOTAL_SECONDS, seconds));
}

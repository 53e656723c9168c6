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

/**
 * ISO 8601:2004 §4.4.3.2 durations, the only form xAPI 1.0.3 Data 4.6 allows: `PnYnMnDTnHnMnS` or `PnW`.
 * The alternative format (`PYYYY-MM-DDThh:mm:ss`, §4.4.3.3) MUST NOT be used, and weeks cannot be combined with
 * other components ("P4W1D" is invalid). Only the lowest-order component present may carry a decimal fraction, with
 * "." or "," as the separator. SCORM 2004 session_time uses the same format; SCORM 1.2 "HHHH:MM:SS.SS" is not this.
 */
const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const DATE_TIME_FORM = new RegExp(
  `^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}D)?(?:(T)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`,
);
const WEEK_FORM = new RegExp(`^P${NUMBER}W$`);

const SECONDS_PER_DAY = 86_400;
// Years and months have no fixed length (Data 2.3.1.b8); parsing uses the mean Gregorian year so that an exotic
// "P1M" still yields a usable figure. Days are taken as 24 hours.
const SECONDS_PER_YEAR = 365.2425 * SECONDS_PER_DAY;
const SECONDS_PER_MONTH = SECONDS_PER_YEAR / 12;
const DATE_TIME_UNITS = [SECONDS_PER_YEAR, SECONDS_PER_MONTH, SECONDS_PER_DAY, 3600, 60, 1] as const;

/** The components of a well-formed duration, in order Y M D H M S (undefined when absent), or null. */
function components(value: string): Array<string | undefined> | null {
  const week = WEEK_FORM.exec(value);
  if (week) return [undefined, undefined, String(Number(week[1]?.replace(',', '.')) * 7)];
  const match = DATE_TIME_FORM.exec(value);
  if (!match) return null;
  const [, years, months, days, designatorT, hours, minutes, seconds] = match;
  const parts = [years, months, days, hours, minutes, seconds];
  const present = parts.filter((part) => part !== undefined);
  if (present.length === 0) return null; // "P" alone
  if (designatorT !== undefined && hours === undefined && minutes === undefined && seconds === undefined) return null;
  const fractional = present.findIndex((part) => /[.,]/.test(part ?? ''));
  if (fractional !== -1 && fractional !== present.length - 1) return null; // only the lowest order may be fractional
  return parts;
}

export function isIso8601Duration(value: string): boolean {
  return components(value) !== null;
}

/** Total seconds in an ISO 8601 duration (e.g. SCORM 2004 session_time "PT15M30S" -> 930), or null if malformed. */
export function parseIso8601Duration(value: string): number | null {
  const parts = components(value);
  if (parts === null) return null;
  let total = 0;
  parts.forEach((part, index) => {
    if (part !== undefined) total += Number(part.replace(',', '.')) * (DATE_TIME_UNITS[index] ?? 0);
  });
  return total;
}

/**
 * Seconds as `PT[nH][nM][nS]`, rounded to the 0.01 s precision xAPI recommends (Data 4.6.s1.b2). Hours are not folded
 * into days because a day is not always 24 hours. Throws RangeError for negative or non-finite input.
 */
export function toIso8601Duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new RangeError(`duration must be a finite, non-negative number of seconds, got ${seconds}`);
  }
  const centiseconds = Math.round(seconds * 100);
  const hours = Math.floor(centiseconds / 360_000);
  const minutes = Math.floor((centiseconds % 360_000) / 6_000);
  const wholeSeconds = Math.floor((centiseconds % 6_000) / 100);
  const fraction = centiseconds % 100;
  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (wholeSeconds > 0 || fraction > 0 || out === 'PT') {
    const decimals = fraction > 0 ? `.${String(fraction).padStart(2, '0').replace(/0$/, '')}` : '';
    out += `${wholeSeconds}${decimals}S`;
  }
  return out;
}

/** The longest wait a remote may ask for: a misconfigured Retry-After must not stall a kiosk for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

const SECONDS = /^\d{1,10}$/;
const HTTP_DATE_START = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;

/**
 * Reads an HTTP Retry-After value (RFC 9110 §10.2.3): delay-seconds, or an HTTP-date. A date is measured
 * against the answer's own Date header when it has one, so a kiosk whose clock is wrong still waits what
 * the server meant. Returns a delay in ms (capped), or null when the value is missing or unreadable.
 */
export function parseRetryAfter(value: string | null, serverDate: string | null, localNowMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (SECONDS.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  // An HTTP-date starts with the day's name (IMF-fixdate, RFC 850 and asctime all do).
  if (text.length > 64 || !HTTP_DATE_START.test(text)) return null;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return null;
  const server = serverDate === null ? Number.NaN : Date.parse(serverDate);
  const reference = Number.isFinite(server) ? server : localNowMs;
  return Math.min(Math.max(0, at - reference), MAX_RETRY_AFTER_MS);
}

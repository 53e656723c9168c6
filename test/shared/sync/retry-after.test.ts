import { describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, parseRetryAfter } from '../../../shared/sync/retry-after';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-02T09:00:00Z');
  it('reads delay-seconds and caps them', () => {
    expect(parseRetryAfter('30', null, now)).toBe(30_000);
    expect(parseRetryAfter(' 0 ', null, now)).toBe(0);
    expect(parseRetryAfter('999999', null, now)).toBe(MAX_RETRY_AFTER_MS);
  });
  it('reads an HTTP-date against the answer’s Date, else the local clock; a past date is now', () => {
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:02:00 GMT', 'Mon, 02 Mar 2026 09:01:00 GMT', 0)).toBe(60_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 09:02:00 GMT', null, now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:00:00 GMT', null, now)).toBe(0);
  });
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter(null, null, now)).toBeNull();
    expect(parseRetryAfter('soon', null, now)).toBeNull();
    expect(parseRetryAfter('-5', null, now)).toBeNull();
    expect(parseRetryAfter('x'.repeat(500), null, now)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isIso8601Timestamp, iso8601TimestampToEpochMs } from '../../../shared/xapi/iso8601-timestamp';

describe('isIso8601Timestamp', () => {
  it('accepts ISO 8601 combined date-times in extended and basic format', () => {
    for (const value of [
      '2025-01-15T11:30:00Z',
      '2025-01-15T11:30:00.123Z',
      '2013-05-18T05:32:34.804+00:00',
      '2015-11-18T12:17:00+08:00',
      '2015-11-18T12:17:00-05:30',
      '2015-11-18T12:17+01',
      '2015-11-18t12:17:00z',
      '2015-11-18T12:17:00', // the zone is only a SHOULD
      '2016-12-31T23:59:60Z', // leap second
      '2024-02-29T00:00:00Z',
      '20250115T113000Z',
      '20250115T113000.5+0100',
    ]) {
      expect(isIso8601Timestamp(value), value).toBe(true);
    }
  });

  it('rejects malformed, impossible and negative-zero-offset timestamps', () => {
    for (const bad of [
      '',
      'should fail',
      '01/011/2015',
      '2025-01-15',
      '2025-01-15 11:30:00Z',
      '2025-13-01T00:00:00Z',
      '2025-02-29T00:00:00Z',
      '2025-04-31T00:00:00Z',
      '2025-01-15T24:00:00Z',
      '2025-01-15T11:60:00Z',
      '2025-01-15T11:30:61Z',
      '2025-01-15T11:30:00+24:00',
      '2008-09-15T15:53:00.601-00',
      '2008-09-15T15:53:00.601-0000',
      '2008-09-15T15:53:00.601-00:00',
      '2025-01-15T11:30:00.Z',
    ]) {
      expect(isIso8601Timestamp(bad), bad).toBe(false);
    }
  });
});

describe('iso8601TimestampToEpochMs', () => {
  it('returns the instant, applying the offset', () => {
    expect(iso8601TimestampToEpochMs('2025-01-15T11:30:00Z')).toBe(Date.UTC(2025, 0, 15, 11, 30));
    expect(iso8601TimestampToEpochMs('2025-01-15T12:30:00.250+01:00')).toBe(Date.UTC(2025, 0, 15, 11, 30, 0, 250));
    expect(iso8601TimestampToEpochMs('20250115T063000-0500')).toBe(Date.UTC(2025, 0, 15, 11, 30));
  });

  it('returns null when the instant is unknown or the value malformed', () => {
    expect(iso8601TimestampToEpochMs('2025-01-15T11:30:00')).toBeNull();
    expect(iso8601TimestampToEpochMs('nope')).toBeNull();
  });
});

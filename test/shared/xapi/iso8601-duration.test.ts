import { describe, expect, it } from 'vitest';
import { isIso8601Duration, parseIso8601Duration, toIso8601Duration } from '../../../shared/xapi/iso8601-duration';

describe('isIso8601Duration', () => {
  it('accepts the ISO 8601 §4.4.3.2 forms, including the spec and conformance-suite examples', () => {
    for (const value of [
      'PT4H35M59.14S',
      'PT16559.14S',
      'P3Y1M29DT4H35M59.14S',
      'P3Y',
      'P4W',
      'PT1H0M0S',
      'PT1H0M0.1S',
      'PT0S',
      'P1D',
      'PT15M30S',
      'PT0,5S',
      'PT1.5H',
      'P1DT12H',
    ]) {
      expect(isIso8601Duration(value), value).toBe(true);
    }
  });

  it('rejects malformed durations', () => {
    for (const bad of [
      '',
      'P',
      'PT',
      'P1H', // time components need the T designator
      'PT1D',
      'P4W1D', // weeks do not combine
      'PA1H0M0S',
      'PT1.5H30M', // only the lowest-order component may be fractional
      'PT.5S',
      'PT5.S',
      '-PT5S',
      'P0003-01-29T04:35:59', // alternative format (§4.4.3.3) is not allowed
      'pt5s',
      '00:15:30', // SCORM 1.2 CMITimespan is a different format
      'should fail',
    ]) {
      expect(isIso8601Duration(bad), bad).toBe(false);
    }
  });
});

describe('parseIso8601Duration', () => {
  it('returns total seconds', () => {
    expect(parseIso8601Duration('PT15M30S')).toBe(930);
    expect(parseIso8601Duration('PT30M')).toBe(1800);
    expect(parseIso8601Duration('PT1H2M5.5S')).toBe(3725.5);
    expect(parseIso8601Duration('PT0,5S')).toBe(0.5);
    expect(parseIso8601Duration('PT1.5H')).toBe(5400);
    expect(parseIso8601Duration('P1DT1S')).toBe(86_401);
    expect(parseIso8601Duration('P2W')).toBe(14 * 86_400);
    expect(parseIso8601Duration('PT0S')).toBe(0);
  });

  it('converts years and months with the mean Gregorian year', () => {
    expect(parseIso8601Duration('P1Y')).toBeCloseTo(365.2425 * 86_400, 6);
    expect(parseIso8601Duration('P12M')).toBeCloseTo(365.2425 * 86_400, 6);
  });

  it('returns null for malformed input', () => {
    expect(parseIso8601Duration('P1H')).toBeNull();
    expect(parseIso8601Duration('00:15:30')).toBeNull();
  });
});

describe('toIso8601Duration', () => {
  it('formats seconds as PT[nH][nM][nS]', () => {
    expect(toIso8601Duration(1800)).toBe('PT30M');
    expect(toIso8601Duration(0)).toBe('PT0S');
    expect(toIso8601Duration(3725.5)).toBe('PT1H2M5.5S');
    expect(toIso8601Duration(3605)).toBe('PT1H5S');
    expect(toIso8601Duration(3600)).toBe('PT1H');
    expect(toIso8601Duration(90_000)).toBe('PT25H');
    expect(toIso8601Duration(0.07)).toBe('PT0.07S');
  });

  it('rounds to 0.01 s, carrying into larger units', () => {
    expect(toIso8601Duration(59.999)).toBe('PT1M');
    expect(toIso8601Duration(1.004)).toBe('PT1S');
    expect(toIso8601Duration(0.001)).toBe('PT0S');
  });

  it('refuses negative and non-finite input', () => {
    expect(() => toIso8601Duration(-1)).toThrow(RangeError);
    expect(() => toIso8601Duration(Number.NaN)).toThrow(RangeError);
    expect(() => toIso8601Duration(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('round-trips through parseIso8601Duration at 0.01 s precision', () => {
    for (const seconds of [0, 0.01, 0.5, 1, 59.99, 60, 61.25, 930, 1800, 3599.99, 3600, 3725.5, 86_400, 123_456.78]) {
      const text = toIso8601Duration(seconds);
      expect(isIso8601Duration(text), text).toBe(true);
      expect(parseIso8601Duration(text), text).toBeCloseTo(seconds, 9);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { validateResult } from '../../../shared/xapi/validate-result';
import type { XapiValidationErrors } from '../../../shared/xapi/validation-issue';

function result(value: unknown): XapiValidationErrors {
  const errors: XapiValidationErrors = [];
  validateResult(value, 'result', errors);
  return errors;
}

describe('validateResult', () => {
  it('accepts a complete result', () => {
    expect(
      result({
        score: { scaled: 0.85, raw: 85, min: 0, max: 100 },
        success: true,
        completion: true,
        response: 'Completed all safety scenarios',
        duration: 'PT30M',
        extensions: { 'https://outpost.example/ext/notes': 'ok' },
      }),
    ).toEqual([]);
    expect(result({ score: { scaled: -1 } })).toEqual([]);
    expect(result({ score: { raw: 100, min: 0, max: 100 } })).toEqual([]);
  });

  it('keeps scaled within [-1, 1]', () => {
    expect(result({ score: { scaled: 1.5 } })).toEqual([
      { path: 'result.score.scaled', message: 'must be between -1 and 1 inclusive, got 1.5' },
    ]);
    expect(result({ score: { scaled: -1.00001 } })[0]?.path).toBe('result.score.scaled');
  });

  it('keeps raw between min and max, and min below max', () => {
    expect(result({ score: { raw: 120, min: 0, max: 100 } })).toEqual([
      { path: 'result.score.raw', message: 'must not be greater than max (100), got 120' },
    ]);
    expect(result({ score: { raw: -1, min: 0 } })).toEqual([
      { path: 'result.score.raw', message: 'must not be less than min (0), got -1' },
    ]);
    expect(result({ score: { min: 100, max: 100 } })).toEqual([
      { path: 'result.score.min', message: 'must be less than max (100), got 100' },
    ]);
    expect(result({ score: { min: 50, max: 10 } })[0]?.path).toBe('result.score.min');
  });

  it('refuses strings for numbers and booleans, and unknown score keys', () => {
    expect(result({ score: { raw: '85' } })[0]?.path).toBe('result.score.raw');
    expect(result({ success: 'true' })[0]?.path).toBe('result.success');
    expect(result({ completion: 1 })[0]?.path).toBe('result.completion');
    expect(result({ score: { percent: 85 } })).toEqual([{ path: 'result.score.percent', message: 'unknown property' }]);
    expect(result({ score: 85 })[0]?.path).toBe('result.score');
  });

  it('requires an ISO 8601 duration', () => {
    expect(result({ duration: 'P1H' })).toEqual([
      { path: 'result.duration', message: 'must be an ISO 8601 duration such as "PT1H30M", got "P1H"' },
    ]);
    expect(result({ duration: 1800 })[0]?.path).toBe('result.duration');
  });
});

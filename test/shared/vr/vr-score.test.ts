import { describe, expect, it } from 'vitest';
import { minutesToSeconds, vrScore } from '../../../shared/vr/vr-score';

describe('vrScore', () => {
  it('builds raw/max/scaled and passes at 70', () => {
    expect(vrScore(85)).toEqual({ score: { raw: 85, max: 100, scaled: 0.85 }, success_status: 'passed' });
    expect(vrScore(70).success_status).toBe('passed');
    expect(vrScore(69.99).success_status).toBe('failed');
    expect(vrScore(undefined)).toEqual({ score: null, success_status: null });
  });

  it('turns minutes into whole seconds', () => {
    expect(minutesToSeconds(30)).toBe(1800);
    expect(minutesToSeconds(2.5)).toBe(150);
    expect(minutesToSeconds(0.01)).toBe(1);
  });
});

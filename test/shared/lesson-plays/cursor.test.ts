import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../../shared/lesson-plays/cursor';
import { comparePlays, sortFieldOf, sortValueOf } from '../../../shared/lesson-plays/sorting';

describe('lesson-play cursors', () => {
  it('round-trips (value, id) for text and number fields', () => {
    expect(decodeCursor(encodeCursor('2026-03-02T09:00:00.000Z', 'p1'), 'createdAt')).toEqual({ value: '2026-03-02T09:00:00.000Z', id: 'p1' });
    expect(decodeCursor(encodeCursor(0.875, 'p2'), 'averagePoseSimilarity')).toEqual({ value: 0.875, id: 'p2' });
  });

  it("accepts the seed's bare value (id null), reading numbers as numbers", () => {
    expect(decodeCursor('40', 'caloriesBurned')).toEqual({ value: 40, id: null });
    expect(decodeCursor('A', 'averageGrade')).toEqual({ value: 'A', id: null });
  });

  it.each([
    ['abc', 'caloriesBurned'],
    ['[1]', 'caloriesBurned'],
    ['[1,""]', 'caloriesBurned'],
    ['["x","id"]', 'totalRepCount'],
    ['[1,"id"]', 'createdAt'],
    ['[not json', 'createdAt'],
    ['x'.repeat(2000), 'createdAt'],
  ] as const)('refuses %s for %s', (text, field) => {
    expect(() => decodeCursor(text, field)).toThrow(InvalidCursorError);
  });
});

describe('lesson-play sorting', () => {
  it('maps the seed example "score" to averagePoseSimilarity', () => {
    expect(sortFieldOf('score')).toBe('averagePoseSimilarity');
    expect(sortFieldOf('createdAt')).toBe('createdAt');
  });

  it('treats null and wrong types as no value', () => {
    expect(sortValueOf({ averageGrade: null }, 'averageGrade')).toBeUndefined();
    expect(sortValueOf({ caloriesBurned: '5' }, 'caloriesBurned')).toBeUndefined();
    expect(sortValueOf({ caloriesBurned: 5 }, 'caloriesBurned')).toBe(5);
  });

  it('breaks ties by id', () => {
    expect(comparePlays({ value: 1, id: 'a' }, { value: 1, id: 'b' })).toBeLessThan(0);
    expect(comparePlays({ value: 2, id: 'a' }, { value: 1, id: 'b' })).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { firstIndexMeetingWindow, masteryWindow } from '../../../shared/mastery/mastery-window';

const T = true;
const F = false;

describe('masteryWindow', () => {
  it('takes m and n from m_of_n and turns each streak model into m = n', () => {
    expect(masteryWindow({ type: 'm_of_n', m: 3, n: 5 })).toEqual({ m: 3, n: 5 });
    expect(masteryWindow({ type: 'num_correct_in_a_row_10' })).toEqual({ m: 10, n: 10 });
    expect(masteryWindow({ type: 'num_correct_in_a_row_5' })).toEqual({ m: 5, n: 5 });
    expect(masteryWindow({ type: 'num_correct_in_a_row_3' })).toEqual({ m: 3, n: 3 });
    expect(masteryWindow({ type: 'num_correct_in_a_row_2' })).toEqual({ m: 2, n: 2 });
  });

  it('has no window for do_all and quiz', () => {
    expect(masteryWindow({ type: 'do_all' })).toBeNull();
    expect(masteryWindow({ type: 'quiz', coach_assigned: true })).toBeNull();
  });
});

describe('firstIndexMeetingWindow', () => {
  it('is met early when the first m answers are right', () => {
    expect(firstIndexMeetingWindow([T, T, T], { m: 3, n: 5 })).toBe(2);
  });

  it('slides: old right answers fall out of the window', () => {
    // Windows of 3 ending at 2..5: [T,F,F] [F,F,T] [F,T,F] [T,F,T] -> 2 of 3 first met at index 5.
    expect(firstIndexMeetingWindow([T, F, F, T, F, T], { m: 2, n: 3 })).toBe(5);
    expect(firstIndexMeetingWindow([T, F, F, T, F, F, T], { m: 2, n: 2 })).toBeNull();
  });

  it('returns null for an empty history or a window that can never be met', () => {
    expect(firstIndexMeetingWindow([], { m: 1, n: 1 })).toBeNull();
    expect(firstIndexMeetingWindow([T, T, T], { m: 4, n: 3 })).toBeNull();
    expect(firstIndexMeetingWindow([T, T, T], { m: 0, n: 3 })).toBeNull();
  });

  it('matches a brute-force count over every window', () => {
    // A fixed pseudo-random history keeps this deterministic.
    let seed = 7;
    const history = Array.from({ length: 200 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % 3 !== 0;
    });
    for (const [m, n] of [[1, 1], [2, 3], [3, 5], [5, 5], [8, 10], [10, 10]] as const) {
      let expected: number | null = null;
      for (let i = 0; i < history.length && expected === null; i += 1) {
        if (history.slice(Math.max(0, i - n + 1), i + 1).filter(Boolean).length >= m) expected = i;
      }
      expect(firstIndexMeetingWindow(history, { m, n }), `${m} of ${n}`).toBe(expected);
    }
  });
});

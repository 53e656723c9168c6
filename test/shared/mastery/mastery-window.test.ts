import { describe, expect, it } from 'vitest';
import { masteryRequirement, MAX_PAST_ATTEMPTS, pastAttemptLimit } from '../../../shared/mastery/mastery-window';

describe('masteryRequirement (Kolibri MasteryModelGenerators)', () => {
  it('reduces every exercise model to m of the newest w', () => {
    expect(masteryRequirement({ type: 'm_of_n', m: 3, n: 5 })).toEqual({ m: 3, w: 5 });
    expect(masteryRequirement({ type: 'num_correct_in_a_row_2' })).toEqual({ m: 2, w: 2 });
    expect(masteryRequirement({ type: 'num_correct_in_a_row_3' })).toEqual({ m: 3, w: 3 });
    expect(masteryRequirement({ type: 'num_correct_in_a_row_5' })).toEqual({ m: 5, w: 5 });
    expect(masteryRequirement({ type: 'num_correct_in_a_row_10' })).toEqual({ m: 10, w: 10 });
    expect(masteryRequirement({ type: 'do_all' }, 7)).toEqual({ m: 7, w: 7 });
  });

  it('has no window for quizzes, nor for do_all without a question count', () => {
    expect(masteryRequirement({ type: 'quiz' }, 5)).toBeNull();
    expect(masteryRequirement({ type: 'do_all' })).toBeNull();
    expect(masteryRequirement({ type: 'do_all' }, 0)).toBeNull();
  });
});

describe('pastAttemptLimit (how many past attempts a start returns)', () => {
  it('is n, k, or every attempt (bounded) for quizzes and do_all', () => {
    expect(pastAttemptLimit({ type: 'm_of_n', m: 2, n: 8 })).toBe(8);
    expect(pastAttemptLimit({ type: 'num_correct_in_a_row_5' })).toBe(5);
    expect(pastAttemptLimit({ type: 'quiz', coach_assigned: true })).toBe(MAX_PAST_ATTEMPTS);
    expect(pastAttemptLimit({ type: 'do_all' })).toBe(MAX_PAST_ATTEMPTS);
  });
});

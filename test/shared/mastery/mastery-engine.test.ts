import { describe, expect, it } from 'vitest';
import { evaluateMastery, isCorrectAnswer } from '../../../shared/mastery/mastery-engine';
import type { MasteryAttempt } from '../../../shared/mastery/mastery-engine';
import type { MasteryModel } from '../../../shared/schemas/mastery-model';

/** "1" right, "0" wrong, "h" half right, "?" unchecked; items q0, q1, ... in order unless given. */
function answers(pattern: string, items?: readonly string[]): MasteryAttempt[] {
  return [...pattern].map((mark, index) => ({
    item: items?.[index] ?? `q${index}`,
    correct: mark === '1' ? 1 : mark === 'h' ? 0.5 : 0,
    complete: mark !== '?',
  }));
}

const threeOfFive: MasteryModel = { type: 'm_of_n', m: 3, n: 5 };

describe('isCorrectAnswer', () => {
  it('counts only a fully correct answer', () => {
    expect(isCorrectAnswer(1)).toBe(true);
    expect(isCorrectAnswer(0.99)).toBe(false);
    expect(isCorrectAnswer(0)).toBe(false);
  });
});

describe('evaluateMastery: m_of_n', () => {
  it('is complete and mastered at the answer that puts m right answers in the last n', () => {
    expect(evaluateMastery(threeOfFive, answers('10101'))).toEqual({ complete: true, mastered: true, completedAt: 4, correct: 3, answered: 5 });
  });

  it('is not complete when the right answers are spread wider than n', () => {
    expect(evaluateMastery(threeOfFive, answers('1001001001'))).toMatchObject({ complete: false, mastered: false, completedAt: null, correct: 4 });
  });

  it('stays complete after later wrong answers', () => {
    expect(evaluateMastery(threeOfFive, answers('11100000'))).toMatchObject({ complete: true, completedAt: 2, correct: 3, answered: 8 });
  });

  it('does not count partial credit as right', () => {
    expect(evaluateMastery(threeOfFive, answers('11hhh'))).toMatchObject({ complete: false, correct: 2 });
  });

  it('ignores unchecked attempts, and reports the completing answer by its place in the full list', () => {
    const outcome = evaluateMastery(threeOfFive, answers('1?1??1'));
    expect(outcome).toEqual({ complete: true, mastered: true, completedAt: 5, correct: 3, answered: 3 });
  });

  it('is not complete with no attempts', () => {
    expect(evaluateMastery(threeOfFive, [])).toEqual({ complete: false, mastered: false, completedAt: null, correct: 0, answered: 0 });
  });
});

describe('evaluateMastery: num_correct_in_a_row_N', () => {
  it.each([
    ['num_correct_in_a_row_2', '01011', 4],
    ['num_correct_in_a_row_3', '110111', 5],
    ['num_correct_in_a_row_5', '1111011111', 9],
    ['num_correct_in_a_row_10', '0'.concat('1'.repeat(10)), 10],
  ] as const)('%s completes at the end of the first streak (%s)', (type, pattern, at) => {
    expect(evaluateMastery({ type }, answers(pattern))).toMatchObject({ complete: true, mastered: true, completedAt: at });
  });

  it('breaks a streak on a wrong or half-right answer', () => {
    expect(evaluateMastery({ type: 'num_correct_in_a_row_3' }, answers('1101101h11'))).toMatchObject({ complete: false, correct: 7 });
  });

  it('is not broken by an unchecked attempt in between', () => {
    expect(evaluateMastery({ type: 'num_correct_in_a_row_3' }, answers('11?1'))).toMatchObject({ complete: true, completedAt: 3 });
  });
});

describe('evaluateMastery: do_all', () => {
  it('completes once every question has been answered right, retries allowed', () => {
    const history = answers('10111', ['a', 'b', 'b', 'c', 'd']);
    expect(evaluateMastery({ type: 'do_all' }, history, { itemCount: 4 })).toEqual({ complete: true, mastered: true, completedAt: 4, correct: 4, answered: 5 });
  });

  it('judges each question by its latest answer', () => {
    // b is right, then wrong: at the end only a and c stand right.
    expect(evaluateMastery({ type: 'do_all' }, answers('1101', ['a', 'b', 'b', 'c']), { itemCount: 3 })).toMatchObject({ complete: false });
  });

  it('does not complete on right answers to the same question repeated', () => {
    expect(evaluateMastery({ type: 'do_all' }, answers('1111', ['a', 'a', 'a', 'a']), { itemCount: 2 })).toMatchObject({ complete: false, correct: 4 });
  });

  it('cannot be decided without the question count', () => {
    expect(evaluateMastery({ type: 'do_all' }, answers('1111'))).toMatchObject({ complete: false, mastered: false, correct: 4 });
  });
});

describe('evaluateMastery: quiz', () => {
  const quiz: MasteryModel = { type: 'quiz', coach_assigned: true };

  it('is complete but not mastered once every question has an answer, some wrong', () => {
    expect(evaluateMastery(quiz, answers('101'), { itemCount: 3 })).toEqual({ complete: true, mastered: false, completedAt: 2, correct: 2, answered: 3 });
  });

  it('is mastered when every question stands answered right', () => {
    expect(evaluateMastery(quiz, answers('1011', ['a', 'b', 'c', 'b']), { itemCount: 3 })).toMatchObject({ complete: true, mastered: true, completedAt: 2 });
  });

  it('is not complete while a question is unanswered or still being worked on', () => {
    expect(evaluateMastery(quiz, answers('11?'), { itemCount: 3 })).toMatchObject({ complete: false, mastered: false, answered: 2 });
    expect(evaluateMastery(quiz, answers('111'))).toMatchObject({ complete: false });
  });
});

describe('evaluateMastery: input checks', () => {
  it('refuses a question count that is not a positive integer', () => {
    for (const itemCount of [0, -1, 2.5, Number.NaN]) {
      expect(() => evaluateMastery({ type: 'do_all' }, [], { itemCount })).toThrow(RangeError);
    }
  });

  it('works on frozen input (it never mutates the history)', () => {
    const history = Object.freeze(answers('111').map((a) => Object.freeze(a)));
    expect(evaluateMastery({ type: 'num_correct_in_a_row_3' }, history)).toMatchObject({ complete: true });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextItemId, shuffledItems } from '../../../shared/mastery/next-question';
import { quizProgress } from '../../../shared/mastery/quiz-progress';

const items = ['a', 'b', 'c', 'd', 'e'];

describe('nextItemId (Kolibri: attempt count modulo item count)', () => {
  it('walks the exercise in order and wraps around', () => {
    expect([0, 1, 4, 5, 7].map((n) => nextItemId(items, n, { randomize: false, seed: 'u1' }))).toEqual(['a', 'b', 'e', 'a', 'c']);
  });

  it('shuffles per learner when the exercise randomises, the same way every visit', () => {
    const first = shuffledItems(items, 'learner-1');
    expect(shuffledItems(items, 'learner-1')).toEqual(first);
    expect(nextItemId(items, 6, { randomize: true, seed: 'learner-1' })).toBe(first[1]);
    const orders = new Set(['learner-1', 'learner-2', 'learner-3', 'learner-4'].map((seed) => shuffledItems(items, seed).join('')));
    expect(orders.size).toBeGreaterThan(1);
  });

  it('refuses an exercise without questions', () => {
    expect(() => nextItemId([], 0, { randomize: false, seed: 's' })).toThrow(RangeError);
  });

  it('over one round every question is asked exactly once, whatever the seed', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 }), fc.string(), fc.nat({ max: 50 }), fc.boolean(), (ids, seed, round, randomize) => {
        const asked = ids.map((_, i) => nextItemId(ids, round * ids.length + i, { randomize, seed }));
        expect([...asked].sort()).toEqual([...ids].sort());
      }),
    );
  });
});

describe('quizProgress (Kolibri QuizRenderer)', () => {
  it('is the share answered, between 0.001 and 0.99 until submitted', () => {
    expect(quizProgress(0, 5)).toBe(0);
    expect(quizProgress(2, 5)).toBe(0.4);
    expect(quizProgress(5, 5)).toBe(0.99);
    expect(quizProgress(1, 2000)).toBe(0.001);
  });
});

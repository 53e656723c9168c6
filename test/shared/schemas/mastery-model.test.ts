import { describe, expect, it } from 'vitest';
import { masteryModelSchema } from '../../../shared/schemas/mastery-model';
import { masteryModels } from './fixtures/progress-seed-examples';
import { rejectionMessages, rejectionPaths } from './fixtures/rejection';

describe('masteryModelSchema', () => {
  it.each(masteryModels)('parses the seed example %o', (model) => {
    expect(masteryModelSchema.parse(model)).toEqual(model);
  });

  it('accepts m equal to n', () => {
    expect(masteryModelSchema.safeParse({ type: 'm_of_n', m: 5, n: 5 }).success).toBe(true);
  });

  it('rejects m greater than n on m', () => {
    const tooMany = { type: 'm_of_n', m: 6, n: 5 };
    expect(rejectionPaths(masteryModelSchema, tooMany)).toEqual(['m']);
    expect(rejectionMessages(masteryModelSchema, tooMany)).toEqual(['m must not exceed n']);
  });

  it('rejects non-positive or fractional m and n', () => {
    expect(rejectionPaths(masteryModelSchema, { type: 'm_of_n', m: 0, n: 5 })).toEqual(['m']);
    expect(rejectionPaths(masteryModelSchema, { type: 'm_of_n', m: 2, n: 2.5 })).toEqual(['n']);
  });

  it('rejects m_of_n without its numbers, above the bound or with m > n; a practice quiz has no coach_assigned', () => {
    expect(rejectionPaths(masteryModelSchema, { type: 'm_of_n' })).toEqual(['m', 'n']);
    expect(rejectionPaths(masteryModelSchema, { type: 'm_of_n', m: 3, n: 101 })).toEqual(['n']);
    expect(rejectionPaths(masteryModelSchema, { type: 'm_of_n', m: 4, n: 3 })).toEqual(['m']);
    expect(masteryModelSchema.parse({ type: 'quiz' })).toEqual({ type: 'quiz' });
  });

  it('rejects an unknown type on the discriminator', () => {
    expect(rejectionPaths(masteryModelSchema, { type: 'num_correct_in_a_row_4' })).toEqual(['type']);
  });
});

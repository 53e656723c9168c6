import { z } from 'zod';

/** Bounds Kolibri does not set; no real exercise asks for more than a few dozen answers. */
export const MAX_MASTERY_N = 100;
const count = z.number().int().positive().max(MAX_MASTERY_N);

/**
 * Complete when m of the newest n answers are correct. Kolibri accepts m > n, which can never be met
 * (the window holds at most n correct answers); decision: refuse it (400) so an exercise that cannot
 * be mastered is caught when it is started, not after a learner has practised in vain.
 */
export const mOfNMasteryModelSchema = z
  .object({ type: z.literal('m_of_n'), m: count, n: count })
  .refine((model) => model.m <= model.n, { path: ['m'], message: 'm must not exceed n' });
export type MOfNMasteryModel = z.infer<typeof mOfNMasteryModelSchema>;

export const NUM_CORRECT_IN_A_ROW_TYPES = [
  'num_correct_in_a_row_10',
  'num_correct_in_a_row_5',
  'num_correct_in_a_row_3',
  'num_correct_in_a_row_2',
] as const;

/**
 * How an exercise or quiz counts as mastered; `type` decides which other fields exist. A practice quiz
 * is `{ type: 'quiz' }`; a coach-assigned quiz (started by quiz_id) is recorded with coach_assigned true,
 * which is what locks it once submitted.
 */
export const masteryModelSchema = z.discriminatedUnion('type', [
  mOfNMasteryModelSchema,
  ...NUM_CORRECT_IN_A_ROW_TYPES.map((type) => z.object({ type: z.literal(type) })),
  z.object({ type: z.literal('do_all') }),
  z.object({ type: z.literal('quiz'), coach_assigned: z.boolean().optional() }),
]);
export type MasteryModel = z.infer<typeof masteryModelSchema>;
export type MasteryModelType = MasteryModel['type'];

export function isCoachQuiz(model: MasteryModel): boolean {
  return model.type === 'quiz' && model.coach_assigned === true;
}

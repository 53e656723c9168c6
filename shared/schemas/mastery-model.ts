import { z } from 'zod';

const positiveInt = z.number().int().positive();

/** Complete when m of the last n answers are correct; m > n could never be met. */
export const mOfNMasteryModelSchema = z
  .object({ type: z.literal('m_of_n'), m: positiveInt, n: positiveInt })
  .refine((model) => model.m <= model.n, { path: ['m'], message: 'm must not exceed n' });
export type MOfNMasteryModel = z.infer<typeof mOfNMasteryModelSchema>;

export const NUM_CORRECT_IN_A_ROW_TYPES = [
  'num_correct_in_a_row_10',
  'num_correct_in_a_row_5',
  'num_correct_in_a_row_3',
  'num_correct_in_a_row_2',
] as const;

/** How an exercise or quiz counts as mastered; `type` decides which other fields exist. */
export const masteryModelSchema = z.discriminatedUnion('type', [
  mOfNMasteryModelSchema,
  ...NUM_CORRECT_IN_A_ROW_TYPES.map((type) => z.object({ type: z.literal(type) })),
  z.object({ type: z.literal('do_all') }),
  z.object({ type: z.literal('quiz'), coach_assigned: z.boolean() }),
]);
export type MasteryModel = z.infer<typeof masteryModelSchema>;
export type MasteryModelType = MasteryModel['type'];

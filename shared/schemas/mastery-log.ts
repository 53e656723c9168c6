import { z } from 'zod';
import { attemptLogSchema } from './attempt-log';
import { isoDateTimeSchema, nonEmptyStringSchema, queryBooleanSchema } from './common';
import { masteryModelSchema } from './mastery-model';

/**
 * One attempt at mastering an exercise or quiz. completion_timestamp is nullable because the log exists
 * from the first answer, long before mastery is (if ever) reached.
 */
export const masteryLogSchema = z.object({
  id: nonEmptyStringSchema,
  mastery_criterion: masteryModelSchema,
  start_timestamp: isoDateTimeSchema,
  end_timestamp: isoDateTimeSchema,
  completion_timestamp: isoDateTimeSchema.nullable(),
  complete: z.boolean(),
  correct: z.number().int().nonnegative(),
  time_spent: z.number().nonnegative(),
});
export type MasteryLog = z.infer<typeof masteryLogSchema>;

/** GET /api/logger/masterylog; query-string values arrive as text and are coerced here. */
export const listMasteryLogsQuerySchema = z.object({
  content: nonEmptyStringSchema,
  user: nonEmptyStringSchema,
  complete: queryBooleanSchema.optional(),
  /** true: quiz attempts only; false: exercise attempts only. */
  quiz: queryBooleanSchema.optional(),
  facility: nonEmptyStringSchema.optional(),
  classroom: nonEmptyStringSchema.optional(),
  learner_group: nonEmptyStringSchema.optional(),
  page_size: z.coerce.number().int().positive().optional(),
});
export type ListMasteryLogsQuery = z.infer<typeof listMasteryLogsQuerySchema>;

/** GET /api/logger/masterylog/:index/diff; index 0 is the most recent attempt. */
export const masteryLogDiffParamsSchema = z.object({
  index: z.coerce.number().int().nonnegative(),
});
export type MasteryLogDiffParams = z.infer<typeof masteryLogDiffParamsSchema>;

export const masteryLogDiffQuerySchema = listMasteryLogsQuerySchema.pick({ content: true, user: true });
export type MasteryLogDiffQuery = z.infer<typeof masteryLogDiffQuerySchema>;

/**
 * The target attempt plus its differences from the attempt before it. diff is null for the first attempt,
 * which has nothing to compare with. The seed does not describe the per-attempt diff, so it stays opaque.
 */
export const masteryLogDiffResponseSchema = masteryLogSchema.extend({
  diff: z.object({ correct: z.number(), time_spent: z.number() }).nullable(),
  attemptlogs: z.array(
    attemptLogSchema.extend({ diff: z.record(z.string(), z.unknown()).nullable().optional() }),
  ),
});
export type MasteryLogDiffResponse = z.infer<typeof masteryLogDiffResponseSchema>;

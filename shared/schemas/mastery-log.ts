import { z } from 'zod';
import { attemptLogSchema } from './attempt-log';
import { isoDateTimeSchema, nonEmptyStringSchema, queryBooleanSchema } from './common';
import { masteryModelSchema } from './mastery-model';

/**
 * One try at mastering an exercise or quiz. completion_timestamp is nullable because the log exists
 * from the session start, long before mastery is (if ever) reached. `correct` is the sum of its attempts'
 * correctness as a whole number (Kolibri sums them into an integer column, which truncates).
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

/** page_size (1..1000) switches a list to pages, as Kolibri's optional pagination does; page starts at 1. */
export const MAX_PAGE_SIZE = 1000;
export const pagingQuerySchema = z.object({
  page_size: z.coerce.number().int().positive().max(MAX_PAGE_SIZE).optional(),
  page: z.coerce.number().int().positive().max(1_000_000).optional(),
});

/** A paged list: the page's rows plus how many there are in all. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ page: z.number().int().positive(), count: z.number().int().nonnegative(), total_pages: z.number().int().nonnegative(), results: z.array(item) });
}

/** GET /api/logger/masterylog; query-string values arrive as text and are coerced here. */
export const listMasteryLogsQuerySchema = pagingQuerySchema.extend({
  content: nonEmptyStringSchema,
  user: nonEmptyStringSchema,
  complete: queryBooleanSchema.optional(),
  /** true: quiz tries only (negative mastery levels); false: exercise tries only. */
  quiz: queryBooleanSchema.optional(),
  facility: nonEmptyStringSchema.optional(),
  classroom: nonEmptyStringSchema.optional(),
  learner_group: nonEmptyStringSchema.optional(),
});
export type ListMasteryLogsQuery = z.infer<typeof listMasteryLogsQuerySchema>;

/** GET /api/logger/masterylog/:index/diff; index 0 is the most recent try (by end_timestamp). */
export const masteryLogDiffParamsSchema = z.object({
  index: z.coerce.number().int().nonnegative().max(1_000_000),
});
export type MasteryLogDiffParams = z.infer<typeof masteryLogDiffParamsSchema>;

export const masteryLogDiffQuerySchema = listMasteryLogsQuerySchema.omit({ page: true, page_size: true });
export type MasteryLogDiffQuery = z.infer<typeof masteryLogDiffQuerySchema>;

/**
 * The target try plus its differences from the try before it: diff is null for the oldest try. Each of
 * its attempts carries diff.correct, its correctness minus that of the previous try's newest attempt at
 * the same question (null when there is none), as Kolibri's attempts_diff computes it.
 */
export const masteryLogDiffResponseSchema = masteryLogSchema.extend({
  diff: z.object({ correct: z.number(), time_spent: z.number() }).nullable(),
  attemptlogs: z.array(attemptLogSchema.extend({ diff: z.object({ correct: z.number().nullable() }) })),
});
export type MasteryLogDiffResponse = z.infer<typeof masteryLogDiffResponseSchema>;

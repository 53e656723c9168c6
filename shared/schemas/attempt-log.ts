import { z } from 'zod';
import { isoDateTimeSchema, nonEmptyStringSchema, queryBooleanSchema, unitIntervalSchema } from './common';

/**
 * One question attempt inside an exercise or quiz. Content ids in this API are Kolibri-style (often dashless
 * hex), so ids are opaque strings rather than uuids. completion_timestamp is nullable because an attempt
 * exists before it is marked complete.
 */
export const attemptLogSchema = z.object({
  id: nonEmptyStringSchema,
  item: nonEmptyStringSchema,
  start_timestamp: isoDateTimeSchema,
  end_timestamp: isoDateTimeSchema,
  completion_timestamp: isoDateTimeSchema.nullable(),
  time_spent: z.number().nonnegative(),
  complete: z.boolean(),
  correct: unitIntervalSchema,
  hinted: z.boolean(),
  answer: z.record(z.string(), z.unknown()),
  simple_answer: z.string(),
  /** One entry per answer, hint or error given, in order (see interactionEntrySchema). */
  interaction_history: z.array(z.record(z.string(), z.unknown())),
  error: z.boolean(),
  user: nonEmptyStringSchema,
  masterylog: nonEmptyStringSchema,
  sessionlog: nonEmptyStringSchema,
});
export type AttemptLog = z.infer<typeof attemptLogSchema>;

/**
 * The "attempt objects" in a content session's pastattempts and in update replies. The seed does not list
 * their fields; item and correct are required because mastery cannot be judged without them.
 */
export const attemptSummarySchema = attemptLogSchema.partial().required({ item: true, correct: true });
export type AttemptSummary = z.infer<typeof attemptSummarySchema>;

/**
 * A history entry, typed as Kolibri writes it: an error, a hint (with the answer shown when it was taken)
 * or an answer with its correctness.
 */
export const interactionEntrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('error') }),
  z.object({ type: z.literal('hint'), answer: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('answer'), answer: z.record(z.string(), z.unknown()), correct: unitIntervalSchema }),
]);
export type InteractionEntry = z.infer<typeof interactionEntrySchema>;

/** GET /api/logger/attemptlog; query-string values arrive as text and are coerced here. */
export const listAttemptLogsQuerySchema = z.object({
  masterylog: nonEmptyStringSchema.optional(),
  user: nonEmptyStringSchema.optional(),
  content: nonEmptyStringSchema.optional(),
  item: nonEmptyStringSchema.optional(),
  complete: queryBooleanSchema.optional(),
  mastery_level: z.coerce.number().int().optional(),
  page_size: z.coerce.number().int().positive().max(1000).optional(),
  page: z.coerce.number().int().positive().max(1_000_000).optional(),
});
export type ListAttemptLogsQuery = z.infer<typeof listAttemptLogsQuerySchema>;

import { z } from 'zod';
import { isoDateTimeSchema, nonEmptyStringSchema, unitIntervalSchema } from './common';
import { loggedKindSchema } from './content-session';

/**
 * Everything one user has done with one piece of content, across sessions. The seed names the concept
 * without fields; these are the values a session start hands back (progress, time_spent, extra_fields,
 * complete) plus the keys they are aggregated by.
 */
export const contentSummaryLogSchema = z.object({
  id: nonEmptyStringSchema,
  user: nonEmptyStringSchema,
  content_id: nonEmptyStringSchema,
  channel_id: nonEmptyStringSchema.nullable(),
  kind: loggedKindSchema.nullable(),
  start_timestamp: isoDateTimeSchema,
  end_timestamp: isoDateTimeSchema,
  /** Null until progress first reaches 1. */
  completion_timestamp: isoDateTimeSchema.nullable(),
  time_spent: z.number().nonnegative(),
  progress: unitIntervalSchema,
  extra_fields: z.record(z.string(), z.unknown()),
});
export type ContentSummaryLog = z.infer<typeof contentSummaryLogSchema>;

/** GET /api/logger/totalcontentprogress/:user_id */
export const totalContentProgressResponseSchema = z.object({
  /** The user's id. */
  id: nonEmptyStringSchema,
  /** A count of completed items, not a fraction: each completed try at an exercise or quiz counts once. */
  progress: z.number().int().nonnegative(),
});
export type TotalContentProgressResponse = z.infer<typeof totalContentProgressResponseSchema>;

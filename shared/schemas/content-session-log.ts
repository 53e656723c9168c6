import { z } from 'zod';
import { isoDateTimeSchema, nonEmptyStringSchema, unitIntervalSchema } from './common';
import { loggedKindSchema } from './content-session';

/**
 * One sitting with one piece of content. The seed calls session logs internal and lists no fields; these
 * are the values the start and update endpoints take and return, which is all a session can know.
 */
export const contentSessionLogSchema = z.object({
  id: nonEmptyStringSchema,
  user: nonEmptyStringSchema,
  node_id: nonEmptyStringSchema.nullable(),
  content_id: nonEmptyStringSchema.nullable(),
  channel_id: nonEmptyStringSchema.nullable(),
  kind: loggedKindSchema.nullable(),
  lesson_id: nonEmptyStringSchema.nullable(),
  quiz_id: nonEmptyStringSchema.nullable(),
  course_session_id: nonEmptyStringSchema.nullable(),
  start_timestamp: isoDateTimeSchema,
  end_timestamp: isoDateTimeSchema,
  time_spent: z.number().nonnegative(),
  /** Progress made in this sitting only; the summary log holds the running total. */
  progress: unitIntervalSchema,
  extra_fields: z.record(z.string(), z.unknown()),
  /** The try at an exercise or quiz this sitting belongs to (Kolibri keeps it in the session's context). */
  mastery_level: z.number().int().nullable(),
});
export type ContentSessionLog = z.infer<typeof contentSessionLogSchema>;

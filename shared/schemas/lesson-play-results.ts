import { z } from 'zod';
import { isoDateTimeSchema } from './common';
import { lessonPlaySchema } from './lesson-play';
import { lessonPlaySessionObjectSchema, withRepPairRule } from './lesson-play-session';

/** A lesson has a handful of sessions; 100 bounds a request without limiting any real lesson. */
export const LESSON_PLAY_SESSIONS_MAX = 100;
/** One day, in seconds: the bound the VR completion uses for time spent. */
export const LESSON_PLAY_ACTIVITY_TIME_MAX = 86_400;

/** One session's result as a client records it: no title (the lesson's), an index below the bound. */
export const lessonPlaySessionResultSchema = withRepPairRule(
  lessonPlaySessionObjectSchema
    .omit({ title: true })
    .extend({ index: z.number().int().min(0).max(LESSON_PLAY_SESSIONS_MAX - 1) })
    .strict(),
);
export type LessonPlaySessionResult = z.infer<typeof lessonPlaySessionResultSchema>;

/**
 * PUT /api/lesson-plays/:lessonPlayId/results: Outpost's extension of the seed, which documents the
 * results a play holds but no way to write them (the remote's player writes them itself). The body is
 * the play's whole result so far, so a replay is harmless and the last write wins: the sessions (each at
 * most once, by index; titles are the lesson's and are not sent), the activity time, calories and when
 * the play was completed. The aggregates (grade maps, averages, totals) are derived from the sessions by
 * shared/lesson-plays/aggregates.ts on whichever side stores them, never sent.
 */
export const lessonPlayResultsRequestSchema = z
  .object({
    sessions: z
      .array(lessonPlaySessionResultSchema)
      .max(LESSON_PLAY_SESSIONS_MAX)
      .refine((sessions) => new Set(sessions.map((s) => s.index)).size === sessions.length, 'Each session index may appear once'),
    activityTime: z.number().nonnegative().max(LESSON_PLAY_ACTIVITY_TIME_MAX).optional(),
    caloriesBurned: z.number().nonnegative().max(100_000).optional(),
    completedAt: isoDateTimeSchema.nullable().optional(),
  })
  .strict();
export type LessonPlayResultsRequest = z.infer<typeof lessonPlayResultsRequestSchema>;

/** The answer to a results write: the play as GET returns it, aggregates included. */
export const lessonPlayResultsResponseSchema = z.object({
  success: z.literal(true),
  lessonPlayId: z.string().min(1),
  data: lessonPlaySchema,
});
export type LessonPlayResultsResponse = z.infer<typeof lessonPlayResultsResponseSchema>;

import { z } from 'zod';
import { isoDateTimeSchema, isoDurationSchema, nonEmptyStringSchema, uuidSchema } from './common';

export const SCORM_COMPLETION_STATUSES = ['completed', 'incomplete', 'not attempted', 'unknown'] as const;
export const scormCompletionStatusSchema = z.enum(SCORM_COMPLETION_STATUSES);
export type ScormCompletionStatus = z.infer<typeof scormCompletionStatusSchema>;

export const SCORM_SUCCESS_STATUSES = ['passed', 'failed', 'unknown'] as const;
export const scormSuccessStatusSchema = z.enum(SCORM_SUCCESS_STATUSES);
export type ScormSuccessStatus = z.infer<typeof scormSuccessStatusSchema>;

/**
 * Every part may be missing or null: a course need not report min/max, and 1.2 courses have no scaled score.
 * scaled follows SCORM 2004's -1..1 range.
 */
export const scormScoreSchema = z.object({
  scaled: z.number().min(-1).max(1).nullish(),
  raw: z.number().nullish(),
  max: z.number().nullish(),
  min: z.number().nullish(),
});
export type ScormScore = z.infer<typeof scormScoreSchema>;

/** Flattened CMI keys ("cmi.core.score.raw") to values; the SCORM runtime only ever deals in strings. */
export const cmiDataSchema = z.record(nonEmptyStringSchema, z.string());
export type CmiData = z.infer<typeof cmiDataSchema>;

/**
 * A SCORM session as GET /api/v1/sessions/:id returns it. Ids other than tenant_id are opaque strings in
 * the seed ("session-456", "user-123", "pkg_abc123"). `score` may be absent or null before the course
 * reports one; the seed only shows it filled in.
 */
export const scormSessionSchema = z.object({
  id: nonEmptyStringSchema,
  tenant_id: uuidSchema,
  user_id: nonEmptyStringSchema,
  package_id: nonEmptyStringSchema,
  cmi_data: cmiDataSchema,
  completion_status: scormCompletionStatusSchema,
  success_status: scormSuccessStatusSchema,
  score: scormScoreSchema.nullish(),
  time_spent_seconds: z.number().int().nonnegative(),
  /** Optimistic-locking counter: a PUT carrying an older version gets 409. */
  version: z.number().int().nonnegative(),
  created_at: isoDateTimeSchema,
  updated_at: isoDateTimeSchema,
});
export type ScormSession = z.infer<typeof scormSessionSchema>;

/** PUT /api/v1/sessions/:id. Only `version` is required; the rest is whatever the player has to save. */
export const updateScormSessionRequestSchema = z.object({
  version: z.number().int().nonnegative(),
  cmi_data: cmiDataSchema.optional(),
  completion_status: scormCompletionStatusSchema.optional(),
  success_status: scormSuccessStatusSchema.optional(),
  score: scormScoreSchema.optional(),
  /** Duration of the sitting being committed; the server adds it to time_spent_seconds. */
  session_time: isoDurationSchema.optional(),
});
export type UpdateScormSessionRequest = z.infer<typeof updateScormSessionRequestSchema>;

/** The seed does not show the PUT reply; Outpost answers with the updated session (new version included). */
export const updateScormSessionResponseSchema = scormSessionSchema;
export type UpdateScormSessionResponse = z.infer<typeof updateScormSessionResponseSchema>;

export const listScormSessionsQuerySchema = z.object({
  package_id: nonEmptyStringSchema.optional(),
  user_id: nonEmptyStringSchema.optional(),
});
export type ListScormSessionsQuery = z.infer<typeof listScormSessionsQuerySchema>;

export const listScormSessionsResponseSchema = z.object({
  sessions: z.array(scormSessionSchema),
});
export type ListScormSessionsResponse = z.infer<typeof listScormSessionsResponseSchema>;

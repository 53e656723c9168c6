import { z } from 'zod';
import { isoDateTimeSchema, nonEmptyStringSchema, uuidSchema } from './common';

/**
 * Deliberately minimal: the seeds only refer to learning activities (a VR session's activity_id, the
 * activity_progress rows its completion updates) and never show the activity entity. This is what Outpost
 * needs to launch one; the types are the ones it knows how to launch, so an unknown type fails here and
 * the catalog pull can skip it instead of listing something unplayable.
 */
export const ACTIVITY_TYPES = ['vr_apk', 'scorm', 'content'] as const;
export const activityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const activitySchema = z
  .object({
    id: uuidSchema,
    title: nonEmptyStringSchema,
    type: activityTypeSchema,
    vr_package_id: uuidSchema.optional(),
    /** SCORM package ids are opaque strings in the seed (e.g. "pkg_abc123"), not uuids. */
    scorm_package_id: nonEmptyStringSchema.optional(),
    /** Content node id for the progress-tracking API; Kolibri-style ids are dashless hex, so not a uuid. */
    node_id: nonEmptyStringSchema.optional(),
  })
  .refine((a) => a.type !== 'vr_apk' || a.vr_package_id !== undefined, {
    path: ['vr_package_id'],
    message: 'A vr_apk activity needs vr_package_id',
  })
  .refine((a) => a.type !== 'scorm' || a.scorm_package_id !== undefined, {
    path: ['scorm_package_id'],
    message: 'A scorm activity needs scorm_package_id',
  })
  .refine((a) => a.type !== 'content' || a.node_id !== undefined, {
    path: ['node_id'],
    message: 'A content activity needs node_id',
  });
export type Activity = z.infer<typeof activitySchema>;

export const ACTIVITY_PROGRESS_STATUSES = ['not_started', 'in_progress', 'completed'] as const;
export const activityProgressStatusSchema = z.enum(ACTIVITY_PROGRESS_STATUSES);
export type ActivityProgressStatus = z.infer<typeof activityProgressStatusSchema>;

/** One learner's progress on one activity; VR completion writes status, score, completed_at and time here. */
export const activityProgressSchema = z.object({
  id: uuidSchema,
  activity_id: uuidSchema,
  user_id: uuidSchema,
  status: activityProgressStatusSchema,
  /** Same 0-100 scale as the VR complete endpoint's score, which is copied here as-is. */
  score: z.number().min(0).max(100).nullable(),
  completed_at: isoDateTimeSchema.nullable(),
  time_spent_seconds: z.number().int().nonnegative(),
  updated_at: isoDateTimeSchema,
});
export type ActivityProgress = z.infer<typeof activityProgressSchema>;

import { z } from 'zod';

export const COURSE_ID_PATTERN = /^pkg-[0-9a-f]{24}$/;
/** Session ids are chosen by the caller (the seed's "session-456"); the remote's plain-id rule applies. */
export const SCORM_SESSION_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** Launch tokens live at least a minute and at most a day; the seed's default is four hours. */
export const LAUNCH_TTL_BOUNDS = { min: 60, max: 86_400, default: 14_400 } as const;

export function clampLaunchTtl(requested: number | undefined): number {
  const ttl = requested ?? LAUNCH_TTL_BOUNDS.default;
  return Math.min(LAUNCH_TTL_BOUNDS.max, Math.max(LAUNCH_TTL_BOUNDS.min, Math.round(ttl)));
}

/**
 * 'scorm:sign-launch': main signs the player URL of one session with a key only main holds. Public because
 * learners launch their own courses; the local API has already checked who is asking.
 */
export const signLaunchRequestSchema = z
  .object({
    package_id: z.string().regex(COURSE_ID_PATTERN),
    session_id: z.string().regex(SCORM_SESSION_ID_PATTERN),
    learner_id: z.string().min(1).max(128),
    ttl_seconds: z.number().int().positive().max(10_000_000).optional(),
  })
  .strict();
export type SignLaunchRequest = z.infer<typeof signLaunchRequestSchema>;

export const signLaunchResponseSchema = z.object({
  launch_url: z.string().url(),
  /** The course's origin for this learner: what the player's messages must come from. */
  origin: z.string().min(1),
  expires_in_seconds: z.number().int().positive(),
});
export type SignLaunchResponse = z.infer<typeof signLaunchResponseSchema>;

export const SCORM_UPLOAD_PATH = '/upload/scorm';

/** 'scorm:delete-course' (instructor): main removes a course's files; `deleted` is false when there were none. */
export const deleteCourseRequestSchema = z.object({ package_id: z.string().regex(COURSE_ID_PATTERN) }).strict();
export const deleteCourseResponseSchema = z.object({ deleted: z.boolean() });

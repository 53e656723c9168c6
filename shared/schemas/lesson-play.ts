import { z } from 'zod';
import { LESSON_PLAY_ERROR_MESSAGES } from './api-error';
import { isoDateTimeSchema, LOCALES, localeSchema, nonEmptyStringSchema, unitIntervalSchema } from './common';
import { lessonConfigSchema } from './lesson-config';
import { LESSON_PLAY_SORT_NAMES } from './lesson-play-sort';
import { lessonGradeSchema, lessonPlaySessionSchema } from './lesson-play-session';

// Field validators for request bodies. Each reports exactly the seed's 400 message for its field whatever
// went wrong (bad format, wrong type), so a server can answer with the first issue's message unchanged.

export const lessonPlayEmailSchema = z.email({ error: LESSON_PLAY_ERROR_MESSAGES.invalidEmail });

/**
 * Only http(s): the app shows photoURL in an <img> and navigates to returnUrl, and other schemes
 * (javascript:, file:) would turn a stored value into script or local file access.
 */
const WEB_URL_PROTOCOL = /^https?$/;

export const lessonPlayPhotoUrlSchema = z.url({
  protocol: WEB_URL_PROTOCOL,
  error: LESSON_PLAY_ERROR_MESSAGES.invalidPhotoUrl,
});

export const lessonPlayReturnUrlSchema = z.url({
  protocol: WEB_URL_PROTOCOL,
  error: LESSON_PLAY_ERROR_MESSAGES.invalidReturnUrl,
});

export const lessonPlayLocaleSchema = z.enum(LOCALES, { error: LESSON_PLAY_ERROR_MESSAGES.invalidLocale });

/**
 * The seed allows "ISO date or Firestore timestamp". A Firestore Timestamp reaches JSON as
 * {_seconds,_nanoseconds} (Admin SDK) or {seconds,nanoseconds} (client SDK); both are turned into an ISO
 * string here so the rest of the app only ever sees one representation.
 */
const firestoreTimestampSchema = z
  .union([
    z.object({ _seconds: z.number().int(), _nanoseconds: z.number().int().min(0).max(999_999_999) }),
    z.object({ seconds: z.number().int(), nanoseconds: z.number().int().min(0).max(999_999_999) }),
  ])
  .transform((t) => {
    const [seconds, nanos] = '_seconds' in t ? [t._seconds, t._nanoseconds] : [t.seconds, t.nanoseconds];
    return new Date(seconds * 1000 + Math.floor(nanos / 1_000_000)).toISOString();
  });
export const lessonPlayTimestampSchema = z.union([isoDateTimeSchema, firestoreTimestampSchema]);
export type LessonPlayTimestamp = z.infer<typeof lessonPlayTimestampSchema>;

/** Per-session maps are keyed by the session index as a string ("0", "1", ...), as JSON object keys must be. */
function bySessionIndex<T extends z.ZodType>(value: T) {
  return z.record(z.string().regex(/^\d+$/, 'Must be a session index'), value);
}

export const lessonPlaySchema = z.object({
  id: nonEmptyStringSchema,
  /** The client (organisation) whose users this play belongs to. */
  clientId: nonEmptyStringSchema,
  userId: z.string().optional(),
  lessonId: nonEmptyStringSchema,
  createdAt: lessonPlayTimestampSchema,
  completedAt: lessonPlayTimestampSchema.nullable().optional(),
  /** Seconds. */
  activityTime: z.number().nonnegative().optional(),
  lessonSessionGradeMap: bySessionIndex(lessonGradeSchema).optional(),
  averageGrade: lessonGradeSchema.nullable().optional(),
  lessonSessionEngagementLevelMap: bySessionIndex(unitIntervalSchema).optional(),
  averageEngagementLevel: unitIntervalSchema.nullable().optional(),
  lessonSessionRepCountMap: bySessionIndex(z.number().nonnegative()).optional(),
  totalRepCount: z.number().nonnegative().optional(),
  totalTargetRepCount: z.number().nonnegative().optional(),
  lessonSessionSimilarityScoreMap: bySessionIndex(unitIntervalSchema).optional(),
  averagePoseSimilarity: unitIntervalSchema.nullable().optional(),
  caloriesBurned: z.number().nonnegative().optional(),
  sessions: z.array(lessonPlaySessionSchema),
  // Stored values are not re-validated as email/URL: the create endpoint already did, and a stricter
  // rule added later must not make old plays unreadable.
  email: z.string().optional(),
  displayName: z.string().optional(),
  photoURL: z.string().optional(),
  skipCalibration: z.boolean().optional(),
  skipWarmUp: z.boolean().optional(),
  skipCoolDown: z.boolean().optional(),
  locale: localeSchema.optional(),
  lesson: lessonConfigSchema.optional(),
  playbackSpeed: z.number().positive().optional(),
  /** PATCH with null removes it, so a stored play never holds null here. */
  returnUrl: z.string().optional(),
});
export type LessonPlay = z.infer<typeof lessonPlaySchema>;

export const getLessonPlayResponseSchema = z.object({ data: lessonPlaySchema });
export type GetLessonPlayResponse = z.infer<typeof getLessonPlayResponseSchema>;

export const LESSON_PLAY_SORT_ORDERS = ['asc', 'desc'] as const;
export const LESSON_PLAY_PAGE_SIZE_MAX = 100;

/**
 * GET /api/lesson-plays. Query-string values arrive as text; numbers are coerced and defaults filled.
 * Each refusal names its parameter ("Invalid pageSize", "Invalid sortBy", ...), so a server answers 400
 * with the first issue's message; clientId alone is different (the seed's 500 "Client ID not found").
 */
export const listLessonPlaysQuerySchema = z.object({
  clientId: nonEmptyStringSchema,
  page: z.coerce.number({ error: 'Invalid page' }).int({ error: 'Invalid page' }).min(1, { error: 'Invalid page' }).default(1),
  pageSize: z.coerce
    .number({ error: 'Invalid pageSize' })
    .int({ error: 'Invalid pageSize' })
    .min(1, { error: 'Invalid pageSize' })
    .max(LESSON_PLAY_PAGE_SIZE_MAX, { error: 'Invalid pageSize' })
    .default(20),
  /** createdAt, the results and `score` (shared/lesson-plays/sorting.ts); anything else is a 400, never a 500. */
  sortBy: z.enum(LESSON_PLAY_SORT_NAMES, { error: 'Invalid sortBy' }).default('createdAt'),
  sortOrder: z.enum(LESSON_PLAY_SORT_ORDERS, { error: 'Invalid sortOrder' }).default('desc'),
  userId: nonEmptyStringSchema.optional(),
  lessonId: nonEmptyStringSchema.optional(),
  /** The previous page's nextPageToken (shared/lesson-plays/cursor.ts), or a bare sortBy value as the seed has it. */
  startAfter: z.string().optional(),
});
export type ListLessonPlaysQuery = z.infer<typeof listLessonPlaysQuerySchema>;

export const listLessonPlaysResponseSchema = z.object({
  data: z.array(lessonPlaySchema),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1).max(LESSON_PLAY_PAGE_SIZE_MAX),
  hasMore: z.boolean(),
  /** Opaque cursor (shared/lesson-plays/cursor.ts); pass it back as startAfter. null on the last page. */
  nextPageToken: z.union([z.string(), z.number()]).nullable(),
});
export type ListLessonPlaysResponse = z.infer<typeof listLessonPlaysResponseSchema>;

/** POST /api/lesson-plays */
export const createLessonPlayRequestSchema = z.object({
  lessonId: nonEmptyStringSchema,
  /** Must match the ID token's uid when one is used. */
  userId: nonEmptyStringSchema.optional(),
  email: lessonPlayEmailSchema.optional(),
  displayName: z.string().optional(),
  photoURL: lessonPlayPhotoUrlSchema.optional(),
  skipWarmUp: z.boolean().optional(),
  skipCoolDown: z.boolean().optional(),
  skipCalibration: z.boolean().optional(),
  locale: lessonPlayLocaleSchema.optional(),
  playbackSpeed: z.number().positive().optional(),
  returnUrl: lessonPlayReturnUrlSchema.optional(),
});
export type CreateLessonPlayRequest = z.infer<typeof createLessonPlayRequestSchema>;

export const createLessonPlayResponseSchema = z.object({
  lessonPlayId: nonEmptyStringSchema,
  /** Always redirectUrlFor(lessonPlayId). */
  redirectUrl: z.string().startsWith('/move/lesson/play/'),
  createdAt: isoDateTimeSchema,
});
export type CreateLessonPlayResponse = z.infer<typeof createLessonPlayResponseSchema>;

/** Where the app sends a learner to play; the seed fixes the format. */
export function redirectUrlFor(lessonPlayId: string): string {
  return `/move/lesson/play/${encodeURIComponent(lessonPlayId)}`;
}

export const LESSON_PLAY_UPDATABLE_FIELDS = ['returnUrl'] as const;

/**
 * PATCH /api/lesson-plays/:id. null removes returnUrl. A body that names no updatable field is the seed's
 * 400 "No valid fields to update", so that is a validation failure here too.
 */
export const updateLessonPlayRequestSchema = z
  .object({ returnUrl: lessonPlayReturnUrlSchema.nullable().optional() })
  .refine((body) => body.returnUrl !== undefined, { message: LESSON_PLAY_ERROR_MESSAGES.noValidFields });
export type UpdateLessonPlayRequest = z.infer<typeof updateLessonPlayRequestSchema>;

export const updateLessonPlayResponseSchema = z.object({
  success: z.literal(true),
  lessonPlayId: nonEmptyStringSchema,
  updatedFields: z.array(z.enum(LESSON_PLAY_UPDATABLE_FIELDS)),
});
export type UpdateLessonPlayResponse = z.infer<typeof updateLessonPlayResponseSchema>;

import { z } from 'zod';

/**
 * Error codes of the VR session APIs. INVALID_TRANSITION is Outpost's own (409): the seeds define the
 * status order downloading -> downloaded -> in_progress -> completed but no code for refusing a step back.
 */
export const VR_ERROR_CODES = [
  'VALIDATION_ERROR',
  'ALREADY_COMPLETED',
  'UNAUTHORIZED',
  'PROFILE_NOT_FOUND',
  'SESSION_NOT_FOUND',
  'PACKAGE_NOT_FOUND',
  'DB_ERROR',
  'INVALID_TRANSITION',
] as const;
export const vrErrorCodeSchema = z.enum(VR_ERROR_CODES);
export type VrErrorCode = z.infer<typeof vrErrorCodeSchema>;

/** One table for the local API and the reference server, so both answer with the seed's status codes. */
export const VR_ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  ALREADY_COMPLETED: 400,
  UNAUTHORIZED: 401,
  PROFILE_NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  PACKAGE_NOT_FOUND: 404,
  DB_ERROR: 500,
  INVALID_TRANSITION: 409,
} as const satisfies Record<VrErrorCode, number>;

export const vrApiErrorSchema = z.object({
  /** Human-readable; clients branch on `code`, never on this text. */
  error: z.string(),
  code: vrErrorCodeSchema,
  details: z.unknown().optional(),
});
export type VrApiError = z.infer<typeof vrApiErrorSchema>;

/** The lesson-plays API has no codes; `details` only appears on "Firestore index required". */
export const lessonPlayErrorSchema = z.object({
  error: z.string(),
  details: z.string().optional(),
});
export type LessonPlayError = z.infer<typeof lessonPlayErrorSchema>;

/** Messages the lesson-plays seed spells out; clients match on them because there is no code field. */
export const LESSON_PLAY_ERROR_MESSAGES = {
  invalidEmail: 'Invalid email',
  invalidPhotoUrl: 'Invalid photoURL',
  invalidReturnUrl: 'Invalid returnUrl',
  invalidLocale: 'Invalid locale',
  userIdMismatch: 'User ID does not match auth token',
  userNotFound: 'User does not exist',
  lessonNotFound: 'Lesson does not exist',
  noValidFields: 'No valid fields to update',
  lessonPlayNotFound: 'LessonPlay not found',
  unauthorized: 'Unauthorized',
  clientNotFound: 'Client ID not found',
  authenticationError: 'Authentication error',
  internal: 'Internal Server Error',
  firestoreIndexRequired: 'Firestore index required',
} as const;

/** The SCORM seed shows no error body; `code` is optional so a bare `{error}` from the remote still parses. */
export const scormErrorSchema = z.object({
  error: z.string(),
  code: z.string().optional(),
});
export type ScormError = z.infer<typeof scormErrorSchema>;

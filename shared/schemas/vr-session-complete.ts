import { z } from 'zod';
import { codePointLength } from '../text/code-point-length';
import { vrSessionReplySchema } from './vr-session';

/** score.max is always this; score.scaled = raw / SCORE_MAX. */
export const SCORE_MAX = 100;
/** success_status is "passed" at or above this score, otherwise "failed". */
export const PASSING_SCORE = 70;
/** In characters as a person counts them (code points; see codePointLength). */
export const NOTES_MAX_LENGTH = 1000;
/**
 * One session lasts at most a day. Without a bound, a huge value was stored as a number of seconds no
 * list could serialise again, and the xAPI duration built from it failed as a 500.
 */
export const TIME_SPENT_MAX_MINUTES = 1440;

/** Notes limited in code points, reported as zod's own too_big so clients treat it like any length limit. */
const notesSchema = z.string().superRefine((notes, ctx) => {
  if (codePointLength(notes) <= NOTES_MAX_LENGTH) return;
  ctx.addIssue({ code: 'too_big', origin: 'string', maximum: NOTES_MAX_LENGTH, inclusive: true, input: notes, message: `Too big: expected string to have <=${NOTES_MAX_LENGTH} characters` });
});

/**
 * Every field is optional: `{}` is a plain self-reported completion. zod refuses NaN and ±Infinity for
 * z.number() (JSON's 1e400 parses to Infinity), so only finite numbers within the bounds pass.
 */
export const completeVrSessionRequestSchema = z.object({
  score: z.number().min(0).max(SCORE_MAX).optional(),
  time_spent_minutes: z.number().nonnegative().max(TIME_SPENT_MAX_MINUTES).optional(),
  notes: notesSchema.optional(),
});
export type CompleteVrSessionRequest = z.infer<typeof completeVrSessionRequestSchema>;

export const VR_SESSION_COMPLETED_MESSAGE = 'VR experience completed successfully';

export const completeVrSessionResponseSchema = z.object({
  session: vrSessionReplySchema,
  message: z.literal(VR_SESSION_COMPLETED_MESSAGE),
});
export type CompleteVrSessionResponse = z.infer<typeof completeVrSessionResponseSchema>;

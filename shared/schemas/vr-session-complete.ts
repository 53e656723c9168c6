import { z } from 'zod';
import { vrSessionReplySchema } from './vr-session';

/** score.max is always this; score.scaled = raw / SCORE_MAX. */
export const SCORE_MAX = 100;
/** success_status is "passed" at or above this score, otherwise "failed". */
export const PASSING_SCORE = 70;
export const NOTES_MAX_LENGTH = 1000;

/** Every field is optional: `{}` is a plain self-reported completion. */
export const completeVrSessionRequestSchema = z.object({
  score: z.number().min(0).max(SCORE_MAX).optional(),
  time_spent_minutes: z.number().nonnegative().optional(),
  notes: z.string().max(NOTES_MAX_LENGTH).optional(),
});
export type CompleteVrSessionRequest = z.infer<typeof completeVrSessionRequestSchema>;

export const VR_SESSION_COMPLETED_MESSAGE = 'VR experience completed successfully';

export const completeVrSessionResponseSchema = z.object({
  session: vrSessionReplySchema,
  message: z.literal(VR_SESSION_COMPLETED_MESSAGE),
});
export type CompleteVrSessionResponse = z.infer<typeof completeVrSessionResponseSchema>;

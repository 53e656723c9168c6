import { z } from 'zod';
import { isoDateTimeSchema } from '../schemas/common';
import { vrSessionReplySchema } from '../schemas/vr-session';

/**
 * Outpost's extension of the seed API (docs/api/vr-sessions.md#headset-steps): the headset steps of a
 * session, `PATCH /api/vr-sessions/:id` with the new status and the stamps the kiosk recorded. A remote that
 * does not implement it answers 404/405/501, and the steps stay on the kiosk.
 */
export const vrSessionStepRequestSchema = z
  .object({
    status: z.enum(['downloaded', 'in_progress']),
    download_started_at: isoDateTimeSchema.nullable(),
    download_completed_at: isoDateTimeSchema.nullable(),
    first_launch_at: isoDateTimeSchema.nullable(),
  })
  .strict();
export type VrSessionStepRequest = z.infer<typeof vrSessionStepRequestSchema>;

export const vrSessionStepResponseSchema = z.object({ session: vrSessionReplySchema });

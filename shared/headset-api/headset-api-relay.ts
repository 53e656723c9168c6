import { z } from 'zod';
import { HEADSET_ACTIONS } from './headset-api-wire';

/**
 * main -> renderer: one authenticated headset request, already bounded and shape-checked by main. Only
 * the window named by `responder` answers it; the others ignore it.
 */
export const headsetApiRequestSchema = z.object({
  id: z.uuid(),
  responder: z.string().min(1).max(64),
  serial: z.string().min(1).max(128),
  session_id: z.uuid(),
  action: z.enum(HEADSET_ACTIONS),
  body: z.unknown(),
});
export type HeadsetApiRequest = z.infer<typeof headsetApiRequestSchema>;

/** renderer -> main: the answer main sends to the headset. */
export const headsetApiRespondSchema = z
  .object({
    id: z.uuid(),
    status: z.number().int().min(200).max(599),
    body: z.record(z.string(), z.unknown()),
    /** The session is over for the headset (completed): main revokes its token and its reverse port. */
    session_ended: z.boolean().optional(),
  })
  .strict();
export type HeadsetApiRespond = z.infer<typeof headsetApiRespondSchema>;

/** A window says it can apply headset requests; it renews this lease while it lives. */
export const headsetApiAttachSchema = z.object({ responder: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) }).strict();
export const headsetApiAttachReplySchema = z.object({ lease_ms: z.number().int().positive() });

import { z } from 'zod';

/**
 * A request the renderer's sync asks main to send to the remote API, in the outbox's own words. Main
 * sends it only if it is one of its named operations (main/services/remote/remote-operations.ts),
 * matched strictly; otherwise the answer is the error REMOTE_OPERATION_REFUSED.
 */
export const remoteRequestSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
    path: z.string().startsWith('/').max(2048),
    body: z.unknown().optional(),
    idempotency_key: z.uuid().optional(),
    /** Sent as X-Outpost-User: the learner a kiosk's device token acts for. */
    on_behalf_of: z.uuid().optional(),
  })
  .strict();
export type RemoteRequest = z.infer<typeof remoteRequestSchema>;

export const remoteResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('response'), status: z.number().int(), body: z.unknown() }),
  z.object({ kind: z.literal('network'), message: z.string() }),
  z.object({ kind: z.literal('timeout') }),
  z.object({ kind: z.literal('not_configured') }),
]);
export type RemoteResult = z.infer<typeof remoteResultSchema>;

export const remoteStatusSchema = z.object({
  configured: z.boolean(),
  reachable: z.boolean(),
  signed_in: z.boolean(),
  checked_at: z.iso.datetime().nullable(),
});
export type RemoteStatus = z.infer<typeof remoteStatusSchema>;

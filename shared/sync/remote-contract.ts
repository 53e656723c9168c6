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
  z.object({
    kind: z.literal('response'),
    status: z.number().int(),
    body: z.unknown(),
    /**
     * Why the answer's body could not be read as JSON (cut short, too large, HTML, empty where JSON was
     * due). Set only then; a 2xx with a problem is not a delivery (sync retries it with this reason).
     */
    body_problem: z.string().max(300).optional(),
    /** The remote's Retry-After, as a delay from when the answer came (seconds or HTTP-date), capped. */
    retry_after_ms: z.number().int().nonnegative().optional(),
    /** Where a 3xx pointed. Writes never follow it; it is only shown as the reason of the retry. */
    location: z.string().max(300).optional(),
  }),
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

import { z } from 'zod';
import { nonEmptyStringSchema } from './common';

/**
 * POST /api/v1/packages/:id/dispatches: hand-off of a package to an external LMS, one dispatch per
 * destination. The seed shows both fields in its only example and describes neither, so both are required.
 */
export const createScormDispatchRequestSchema = z.object({
  label: nonEmptyStringSchema,
  destination: nonEmptyStringSchema,
});
export type CreateScormDispatchRequest = z.infer<typeof createScormDispatchRequestSchema>;

/** Dispatch URLs are durable and record-backed, so unlike launch URLs they carry no token. */
export const createScormDispatchResponseSchema = z.object({
  dispatch: z.object({
    id: nonEmptyStringSchema,
    launchUrl: z.url(),
  }),
  dispatch_url: z.url(),
});
export type CreateScormDispatchResponse = z.infer<typeof createScormDispatchResponseSchema>;

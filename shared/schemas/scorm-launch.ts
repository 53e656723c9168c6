import { z } from 'zod';
import { nonEmptyStringSchema } from './common';

/** POST /api/v1/packages/:id/launch. The caller picks the session id, so a resume reuses the old one. */
export const scormLaunchRequestSchema = z.object({
  user_id: nonEmptyStringSchema,
  session_id: nonEmptyStringSchema,
});
export type ScormLaunchRequest = z.infer<typeof scormLaunchRequestSchema>;

/** The seed's default launch-token TTL (4 hours); replies report the effective TTL after clamping. */
export const DEFAULT_LAUNCH_TOKEN_TTL_SECONDS = 14_400;

/**
 * The player 401s without a signed token, and the seed forbids building player URLs by hand, so a launch
 * URL without one is refused here rather than discovered by a learner. Any scheme is allowed because the
 * local player is served from a custom protocol.
 */
export const signedLaunchUrlSchema = z
  .url()
  .refine(
    (url) => /\?(?:.*&)?token=[^&]/.test(url.split('#', 1)[0] ?? ''),
    'Launch URL must carry a ?token= query parameter',
  );
export type SignedLaunchUrl = z.infer<typeof signedLaunchUrlSchema>;

export const scormLaunchResponseSchema = z.object({
  package_id: nonEmptyStringSchema,
  session_id: nonEmptyStringSchema,
  learner_id: nonEmptyStringSchema,
  content_type: z.literal('scorm'),
  /** Where the package files live, e.g. "r2" remotely; opaque to clients. */
  storage_backend: nonEmptyStringSchema,
  launch_url: signedLaunchUrlSchema,
  expires_in_seconds: z.number().int().positive(),
});
export type ScormLaunchResponse = z.infer<typeof scormLaunchResponseSchema>;

/**
 * POST /api/v1/sessions/{sessionId}/refresh-token. The seed names this endpoint but does not spell out
 * its reply, so only the TTL is required; a reply must still carry a new token or launch URL, or there
 * would be nothing to refresh with.
 */
export const scormRefreshTokenResponseSchema = z
  .object({
    token: nonEmptyStringSchema.optional(),
    launch_url: signedLaunchUrlSchema.optional(),
    expires_in_seconds: z.number().int().positive(),
  })
  .refine((r) => r.token !== undefined || r.launch_url !== undefined, {
    message: 'A refresh reply needs a token or a launch_url',
  });
export type ScormRefreshTokenResponse = z.infer<typeof scormRefreshTokenResponseSchema>;

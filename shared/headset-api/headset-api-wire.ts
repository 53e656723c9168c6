import { z } from 'zod';

/**
 * What a VR app on a headset sends to the kiosk through `adb reverse` (docs/api/headset-api.md). Pure
 * TypeScript, shared by main (which checks every request before the renderer sees it), the renderer
 * (which applies it) and the reference client's test.
 */

/** The scheme of the Authorization header; learners' `Bearer` tokens are never accepted here. */
export const HEADSET_AUTH_SCHEME = 'Outpost-Headset';
/** Intent extras `am start` passes to the app (docs/api/headset-api.md#launch). */
export const HEADSET_EXTRAS = {
  sessionId: 'outpost.session_id',
  token: 'outpost.token',
  port: 'outpost.port',
} as const;
export const HEADSET_API_PREFIX = '/headset/v1/sessions/';
export const HEADSET_ACTIONS = ['progress', 'complete', 'events'] as const;
export type HeadsetAction = (typeof HEADSET_ACTIONS)[number];

/** A request body is at most this many bytes; the largest legal one is far below. */
export const HEADSET_BODY_MAX_BYTES = 8 * 1024;
/** A headset's time in one session counts at most a day, as the seed's time_spent_minutes does. */
export const HEADSET_TIME_MAX_SECONDS = 86_400;

export const headsetProgressSchema = z.object({ progress: z.number().min(0).max(1) }).strict();
export type HeadsetProgress = z.infer<typeof headsetProgressSchema>;

export const headsetScoreSchema = z
  .object({ raw: z.number().min(0), max: z.number().positive().max(1e9) })
  .strict()
  .refine((s) => s.raw <= s.max, { message: 'raw must not be above max', path: ['raw'] });

/** Everything optional: `{}` says "done" without a score, like the seed's empty completion. */
export const headsetCompleteSchema = z
  .object({
    score: headsetScoreSchema.optional(),
    time_spent_seconds: z.number().int().min(0).max(HEADSET_TIME_MAX_SECONDS).optional(),
  })
  .strict();
export type HeadsetComplete = z.infer<typeof headsetCompleteSchema>;

/** xAPI-style verbs an experience may report while it runs (kept on the kiosk, not sent yet). */
export const HEADSET_EVENT_VERBS = ['initialized', 'progressed', 'interacted', 'paused', 'resumed', 'terminated'] as const;
export const headsetEventSchema = z
  .object({
    verb: z.enum(HEADSET_EVENT_VERBS),
    object: z.string().regex(/^[A-Za-z0-9._:/-]{1,128}$/).optional(),
    result: z.object({ progress: z.number().min(0).max(1).optional(), success: z.boolean().optional() }).strict().optional(),
  })
  .strict();
export type HeadsetEvent = z.infer<typeof headsetEventSchema>;

export const HEADSET_BODY_SCHEMAS = {
  progress: headsetProgressSchema,
  complete: headsetCompleteSchema,
  events: headsetEventSchema,
} as const satisfies Record<HeadsetAction, z.ZodType>;

/** Codes the headset API answers with besides the seed's (UNAUTHORIZED, SESSION_NOT_FOUND, ...). */
export const HEADSET_TRANSPORT_CODES = {
  /** No kiosk window is open to apply the request: retry later (Retry-After). */
  KIOSK_UNAVAILABLE: 503,
  /** The window did not answer in time: retry with the same request. */
  KIOSK_TIMEOUT: 504,
  RATE_LIMITED: 429,
  TOO_LARGE: 413,
  BAD_HOST: 421,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
} as const;

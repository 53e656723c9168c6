import { z } from 'zod';
import { isoDateTimeSchema, unitIntervalSchema, uuidSchema } from './common';
import { vrPackageSummarySchema } from './vr-package';

export const VR_SESSION_STATUSES = ['downloading', 'downloaded', 'in_progress', 'completed'] as const;
export const vrSessionStatusSchema = z.enum(VR_SESSION_STATUSES);
export type VrSessionStatus = z.infer<typeof vrSessionStatusSchema>;

export const VR_COMPLETION_MODES = ['self_report', 'score_entry', 'auto_detect'] as const;
export const vrCompletionModeSchema = z.enum(VR_COMPLETION_MODES);
export type VrCompletionMode = z.infer<typeof vrCompletionModeSchema>;

export const DEFAULT_COMPLETION_MODE = 'self_report' satisfies VrCompletionMode;

/** Built by the complete endpoint as {raw, max: 100, scaled: raw / max}; see vr-session-complete.ts. */
export const vrSessionScoreSchema = z.object({
  raw: z.number().nonnegative(),
  max: z.number().positive(),
  scaled: unitIntervalSchema,
});
export type VrSessionScore = z.infer<typeof vrSessionScoreSchema>;

/**
 * A VR session with every field of the seed's GET example. activity_id is nullable because the create
 * body makes it optional, so an unlinked session has to carry something in that column.
 */
export const vrSessionSchema = z.object({
  id: uuidSchema,
  package_id: uuidSchema,
  activity_id: uuidSchema.nullable(),
  tenant_id: uuidSchema,
  user_id: uuidSchema,
  status: vrSessionStatusSchema,
  completion_mode: vrCompletionModeSchema,
  attempts: z.number().int().nonnegative(),
  download_started_at: isoDateTimeSchema.nullable(),
  download_completed_at: isoDateTimeSchema.nullable(),
  first_launch_at: isoDateTimeSchema.nullable(),
  completed_at: isoDateTimeSchema.nullable(),
  score: vrSessionScoreSchema.nullable(),
  success_status: z.enum(['passed', 'failed']).nullable(),
  time_spent_seconds: z.number().int().nonnegative(),
  self_reported: z.boolean(),
  created_at: isoDateTimeSchema,
  package: vrPackageSummarySchema,
});
export type VrSession = z.infer<typeof vrSessionSchema>;

/**
 * The session inside create and complete replies. The seed's examples of those replies show only some
 * fields, so a remote that answers exactly like them must still parse: only what both examples share is
 * required. The local API always sends the full session, which also satisfies this.
 */
export const vrSessionReplySchema = vrSessionSchema.partial().required({
  id: true,
  package_id: true,
  status: true,
  completion_mode: true,
  package: true,
});
export type VrSessionReply = z.infer<typeof vrSessionReplySchema>;

export const createVrSessionRequestSchema = z.object({
  package_id: uuidSchema,
  activity_id: uuidSchema.optional(),
  completion_mode: vrCompletionModeSchema.default(DEFAULT_COMPLETION_MODE),
});
export type CreateVrSessionRequest = z.infer<typeof createVrSessionRequestSchema>;
/** What a caller may send: completion_mode can be left out. */
export type CreateVrSessionRequestInput = z.input<typeof createVrSessionRequestSchema>;

export const VR_SESSION_CREATE_MESSAGES = {
  /** 201 */
  created: 'VR session created',
  /** 200: an incomplete session for the same package/activity already existed. */
  existing: 'Existing session returned',
} as const;

export const createVrSessionResponseSchema = z.object({
  session: vrSessionReplySchema,
  message: z.enum([VR_SESSION_CREATE_MESSAGES.created, VR_SESSION_CREATE_MESSAGES.existing]),
});
export type CreateVrSessionResponse = z.infer<typeof createVrSessionResponseSchema>;

export const listVrSessionsQuerySchema = z.object({
  package_id: uuidSchema.optional(),
  activity_id: uuidSchema.optional(),
});
export type ListVrSessionsQuery = z.infer<typeof listVrSessionsQuerySchema>;

export const listVrSessionsResponseSchema = z.object({
  sessions: z.array(vrSessionSchema),
});
export type ListVrSessionsResponse = z.infer<typeof listVrSessionsResponseSchema>;

import { z } from 'zod';
import { attemptSummarySchema } from './attempt-log';
import { nonEmptyStringSchema, unitIntervalSchema } from './common';
import { masteryModelSchema } from './mastery-model';

export const CONTENT_KINDS = ['video', 'audio', 'document', 'exercise', 'html5', 'topic'] as const;
export const contentKindSchema = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof contentKindSchema>;

const extraFieldsSchema = z.record(z.string(), z.unknown());

/** POST /api/logger/contentsession. Ids are opaque strings: the API's content ids are often dashless hex. */
export const startContentSessionRequestSchema = z
  .object({
    node_id: nonEmptyStringSchema.optional(),
    content_id: nonEmptyStringSchema.optional(),
    channel_id: nonEmptyStringSchema.optional(),
    kind: contentKindSchema.optional(),
    lesson_id: nonEmptyStringSchema.optional(),
    /** Coach-assigned quizzes are identified by quiz and need no content node. */
    quiz_id: nonEmptyStringSchema.optional(),
    mastery_model: masteryModelSchema.optional(),
    /** true discards earlier progress on this content and starts over. */
    repeat: z.boolean().default(false),
    course_session_id: nonEmptyStringSchema.optional(),
  })
  .refine((body) => body.node_id !== undefined || body.quiz_id !== undefined, {
    path: ['node_id'],
    message: 'node_id is required unless quiz_id is provided',
  })
  .refine((body) => body.kind !== 'exercise' || body.mastery_model !== undefined, {
    path: ['mastery_model'],
    message: 'mastery_model is required when kind is "exercise"',
  });
export type StartContentSessionRequest = z.infer<typeof startContentSessionRequestSchema>;
/** What a caller may send: defaulted fields can be left out. */
export type StartContentSessionRequestInput = z.input<typeof startContentSessionRequestSchema>;

export const startContentSessionResponseSchema = z.object({
  session_id: nonEmptyStringSchema,
  context: z.object({
    node_id: nonEmptyStringSchema.optional(),
    lesson_id: nonEmptyStringSchema.optional(),
    quiz_id: nonEmptyStringSchema.optional(),
    mastery_level: z.number().int().optional(),
  }),
  /** Progress and time carried over from earlier sessions on the same content. */
  progress: unitIntervalSchema,
  time_spent: z.number().nonnegative(),
  extra_fields: extraFieldsSchema,
  complete: z.boolean(),
  /** The next three only come back for exercises and quizzes. */
  mastery_criterion: masteryModelSchema.optional(),
  pastattempts: z.array(attemptSummarySchema).optional(),
  totalattempts: z.number().int().nonnegative().optional(),
});
export type StartContentSessionResponse = z.infer<typeof startContentSessionResponseSchema>;

/** One answer to one question, sent with a session update. */
export const interactionSchema = z.object({
  item: nonEmptyStringSchema,
  correct: unitIntervalSchema,
  time_spent: z.number().nonnegative(),
  complete: z.boolean().default(false),
  answer: z.record(z.string(), z.unknown()).optional(),
  simple_answer: z.string().optional(),
  error: z.boolean().default(false),
  hinted: z.boolean().default(false),
  /** true overwrites the existing attempt for the same item instead of adding one. */
  replace: z.boolean().default(false),
  /** Set when updating an attempt the server already returned. */
  id: nonEmptyStringSchema.optional(),
});
export type Interaction = z.infer<typeof interactionSchema>;
export type InteractionInput = z.input<typeof interactionSchema>;

/** PUT /api/logger/contentsession/:session_id */
export const updateContentSessionRequestSchema = z
  .object({
    progress_delta: unitIntervalSchema.optional(),
    progress: unitIntervalSchema.optional(),
    time_spent_delta: z.number().nonnegative().optional(),
    /** Replaces the stored extra_fields wholesale; it is not merged. */
    extra_fields: extraFieldsSchema.optional(),
    interactions: z.array(interactionSchema).optional(),
  })
  .refine((body) => body.progress === undefined || body.progress_delta === undefined, {
    path: ['progress'],
    message: 'Send either progress or progress_delta, not both',
  });
export type UpdateContentSessionRequest = z.infer<typeof updateContentSessionRequestSchema>;
export type UpdateContentSessionRequestInput = z.input<typeof updateContentSessionRequestSchema>;

export const updateContentSessionResponseSchema = z.object({
  complete: z.boolean(),
  /** Present only when the request carried interactions. */
  attempts: z.array(attemptSummarySchema).optional(),
});
export type UpdateContentSessionResponse = z.infer<typeof updateContentSessionResponseSchema>;

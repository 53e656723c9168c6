import { z } from 'zod';
import { attemptSummarySchema } from './attempt-log';
import { nonEmptyStringSchema, unitIntervalSchema } from './common';
import { masteryModelSchema } from './mastery-model';

export const CONTENT_KINDS = ['video', 'audio', 'document', 'exercise', 'html5', 'topic'] as const;
export const contentKindSchema = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof contentKindSchema>;
/** What logs record as kind: a content kind, or 'quiz' for a coach-assigned quiz (Kolibri's own). */
export const loggedKindSchema = z.union([contentKindSchema, z.literal('quiz')]);
export type LoggedKind = z.infer<typeof loggedKindSchema>;

/** Bounds the seed leaves open: ids and answers are small; a request carries at most 100 answers. */
export const MAX_INTERACTIONS = 100;
const idSchema = nonEmptyStringSchema.max(128);
const extraFieldsSchema = z.record(z.string(), z.unknown()).refine((value) => JSON.stringify(value).length <= 65_536, 'extra_fields must be at most 64 KiB of JSON');
const answerSchema = z.record(z.string(), z.unknown()).refine((value) => JSON.stringify(value).length <= 16_384, 'answer must be at most 16 KiB of JSON');

/** POST /api/logger/contentsession. Ids are opaque strings: the API's content ids are often dashless hex. */
export const startContentSessionRequestSchema = z
  .object({
    node_id: idSchema.optional(),
    content_id: idSchema.optional(),
    channel_id: idSchema.optional(),
    kind: contentKindSchema.optional(),
    lesson_id: idSchema.optional(),
    /** Coach-assigned quizzes are identified by quiz and need no content node. */
    quiz_id: idSchema.optional(),
    mastery_model: masteryModelSchema.optional(),
    /** true discards earlier progress on this content and starts over. */
    repeat: z.boolean().default(false),
    course_session_id: idSchema.optional(),
  })
  // Kolibri's StartSessionSerializer rules, each reported on its field.
  .superRefine((body, ctx) => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (body.quiz_id !== undefined && (body.node_id !== undefined || body.lesson_id !== undefined)) fail('quiz_id', 'quiz_id must not be mixed with node_id or lesson_id');
    if (body.node_id === undefined && body.quiz_id === undefined) fail('node_id', 'node_id is required unless quiz_id is provided');
    if (body.node_id === undefined) return;
    if (body.kind === undefined) fail('kind', 'kind is required with node_id');
    else if (body.kind === 'exercise' && body.mastery_model === undefined) fail('mastery_model', 'mastery_model is required when kind is "exercise"');
    else if (body.kind !== 'exercise' && body.mastery_model !== undefined) fail('mastery_model', 'mastery_model is only for kind "exercise"');
    if (body.content_id === undefined) fail('content_id', 'content_id is required with node_id');
    if (body.channel_id === undefined) fail('channel_id', 'channel_id is required with node_id');
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
export const interactionSchema = z
  .object({
    item: idSchema,
    correct: unitIntervalSchema,
    time_spent: z.number().nonnegative().max(86_400),
    complete: z.boolean().default(false),
    answer: answerSchema.optional(),
    simple_answer: z.string().max(4096).optional(),
    error: z.boolean().default(false),
    hinted: z.boolean().default(false),
    /** true overwrites the stored correctness and answer of the attempt it updates. */
    replace: z.boolean().default(false),
    /** Set when updating an attempt the server already returned. */
    id: idSchema.optional(),
  })
  .refine((interaction) => interaction.error || interaction.answer !== undefined, { path: ['answer'], message: 'answer is required unless error is true' });
export type Interaction = z.infer<typeof interactionSchema>;
export type InteractionInput = z.input<typeof interactionSchema>;

/** PUT /api/logger/contentsession/:session_id */
export const updateContentSessionRequestSchema = z
  .object({
    progress_delta: unitIntervalSchema.optional(),
    progress: unitIntervalSchema.optional(),
    time_spent_delta: z.number().nonnegative().max(86_400).optional(),
    /** Replaces the stored extra_fields wholesale; it is not merged. */
    extra_fields: extraFieldsSchema.optional(),
    interactions: z.array(interactionSchema).max(MAX_INTERACTIONS).optional(),
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

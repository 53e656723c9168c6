import { z } from 'zod';

/**
 * The Perseus widgets Outpost plays, as @khanacademy/perseus-core (v35) defines their options. Only the
 * fields the kiosk uses are read; Perseus's other fields are allowed and ignored (items exported from
 * Perseus carry many), so `.loose()` objects. Every list and string is bounded: items are bundled today,
 * but the same schema will read items from a channel.
 */
export const MAX_WIDGET_TEXT = 2_000;
export const MAX_CHOICES = 10;
export const MAX_ANSWERS = 10;

const text = z.string().max(MAX_WIDGET_TEXT);
const status = z.enum(['correct', 'wrong', 'ungraded']);
const simplify = z.enum(['required', 'enforced', 'optional']);
/** Perseus's MathFormat, less "pi" (no local parser for multiples of π). */
export const NUMBER_FORMS = ['integer', 'decimal', 'proper', 'improper', 'mixed', 'percent'] as const;
export type NumberForm = (typeof NUMBER_FORMS)[number];

const radioChoice = z.object({ id: z.string().min(1).max(64), content: text, correct: z.boolean().optional(), rationale: text.optional() }).loose();

/** Multiple choice (and true/false, which Perseus writes as a radio with two choices). */
export const radioOptionsSchema = z
  .object({ choices: z.array(radioChoice).min(2).max(MAX_CHOICES), randomize: z.boolean().optional(), multipleSelect: z.boolean().optional() })
  .loose()
  .refine((o) => o.choices.some((c) => c.correct === true), { message: 'A radio widget needs a correct choice', path: ['choices'] })
  .refine((o) => new Set(o.choices.map((c) => c.id)).size === o.choices.length, { message: 'Choice ids must be unique', path: ['choices'] })
  .refine((o) => o.multipleSelect === true || o.choices.filter((c) => c.correct === true).length === 1, { message: 'A single-select radio has exactly one correct choice', path: ['choices'] });

const numericAnswer = z
  .object({
    value: z.number().finite().nullable().optional(),
    status,
    message: text.default(''),
    answerForms: z.array(z.enum(NUMBER_FORMS)).max(NUMBER_FORMS.length).optional(),
    strict: z.boolean().default(false),
    maxError: z.number().nonnegative().finite().nullable().optional(),
    simplify: simplify.default('required'),
  })
  .loose();
export type NumericAnswer = z.infer<typeof numericAnswer>;

export const numericInputOptionsSchema = z
  .object({ answers: z.array(numericAnswer).min(1).max(MAX_ANSWERS), labelText: text.optional(), size: z.string().max(16).optional(), coefficient: z.boolean().optional() })
  .loose()
  .refine((o) => o.answers.some((a) => a.status === 'correct' && typeof a.value === 'number'), { message: 'A numeric input needs a correct answer with a value', path: ['answers'] });
export type NumericInputOptions = z.infer<typeof numericInputOptionsSchema>;

/** input-number's first version (still in Kolibri channels): one value and an answer type. */
const ANSWER_TYPE_FORMS: Record<string, readonly NumberForm[] | undefined> = {
  number: undefined,
  integer: ['integer'],
  decimal: ['integer', 'decimal'],
  rational: ['integer', 'proper', 'improper', 'mixed'],
  improper: ['integer', 'proper', 'improper'],
  mixed: ['integer', 'proper', 'mixed'],
  percent: ['percent'],
};
const inputNumberV0Schema = z
  .object({
    value: z.union([z.number().finite(), z.string().max(64).regex(/^-?\d+(\.\d+)?$/, 'value must be a number')]),
    simplify: simplify.default('required'),
    inexact: z.boolean().optional(),
    maxError: z.union([z.number().nonnegative().finite(), z.string().max(32).regex(/^\d+(\.\d+)?$/)]).optional(),
    answerType: z.enum(['number', 'integer', 'decimal', 'rational', 'improper', 'mixed', 'percent']).optional(),
    size: z.string().max(16).optional(),
  })
  .loose()
  // Read as the numeric-input options it stands for, as perseus-core's migration does.
  .transform((o): NumericInputOptions => {
    const forms = ANSWER_TYPE_FORMS[o.answerType ?? 'number'];
    const maxError = o.inexact ? Number(o.maxError ?? 0) : 0;
    return { answers: [{ value: Number(o.value), status: 'correct', message: '', strict: forms !== undefined, maxError, simplify: o.simplify, ...(forms ? { answerForms: [...forms] } : {}) }] };
  });

/** input-number is either shape: the migrated one equals numeric-input's. */
export const inputNumberOptionsSchema = z.union([numericInputOptionsSchema, inputNumberV0Schema]);

/**
 * Outpost's one extension: Perseus has no graded free-text widget (free-response is scored by a model on
 * Khan's servers, expression compares algebra). perseus-core declares PerseusWidgetTypes open for added
 * widgets; this one is a typed word checked against a list, shaped like numeric-input's answers.
 */
export const outpostTextOptionsSchema = z
  .object({
    answers: z.array(z.object({ value: z.string().min(1).max(200), status, message: text.default('') }).loose()).min(1).max(MAX_ANSWERS),
    caseSensitive: z.boolean().default(false),
    labelText: text.optional(),
  })
  .loose()
  .refine((o) => o.answers.some((a) => a.status === 'correct'), { message: 'A text input needs a correct answer', path: ['answers'] });
export type OutpostTextOptions = z.infer<typeof outpostTextOptionsSchema>;

import type { z } from 'zod';
import { completeVrSessionRequestSchema } from '../../../shared/schemas/vr-session-complete';
import type { CompleteVrSessionRequest } from '../../../shared/schemas/vr-session-complete';
import type { VrCompletionMode } from '../../../shared/schemas/vr-session';
import type { FieldIssue } from '../local-server/api-result';

export const COMPLETION_FIELDS = ['score', 'time_spent_minutes', 'notes'] as const;
export type CompletionField = (typeof COMPLETION_FIELDS)[number];

/** i18n keys under sessions.form.errors, never English text. */
export type CompletionFieldError = 'scoreRequired' | 'notANumber' | 'scoreRange' | 'minutesNegative' | 'minutesTooMany' | 'notesTooLong' | 'rejected';
export type CompletionErrors = Partial<Record<CompletionField, CompletionFieldError>>;

/** What the learner typed, as the inputs hold it. */
export interface CompletionInput {
  readonly mode: VrCompletionMode;
  readonly score: string;
  readonly minutes: string;
  readonly notes: string;
}

export type CompletionCheck = { ok: true; body: CompleteVrSessionRequest } | { ok: false; errors: CompletionErrors };

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Blank is "not given"; anything else must be a plain decimal (no "1e3", no "0x10"). */
function numberFrom(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return DECIMAL.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function isField(value: unknown): value is CompletionField {
  return (COMPLETION_FIELDS as readonly unknown[]).includes(value);
}

const OUT_OF_RANGE: Record<CompletionField, Record<'too_big' | 'too_small', CompletionFieldError>> = {
  score: { too_big: 'scoreRange', too_small: 'scoreRange' },
  time_spent_minutes: { too_big: 'minutesTooMany', too_small: 'minutesNegative' },
  notes: { too_big: 'notesTooLong', too_small: 'notesTooLong' },
};

function errorOf(field: CompletionField, issue: z.core.$ZodIssue): CompletionFieldError {
  return issue.code === 'too_big' || issue.code === 'too_small' ? OUT_OF_RANGE[field][issue.code] : 'rejected';
}

/**
 * The seed's rules, checked before sending: the same zod schema the local API applies, plus the one rule
 * of the form itself (a score_entry session is finished by entering a score).
 */
export function checkCompletion(input: CompletionInput): CompletionCheck {
  const score = numberFrom(input.score);
  const minutes = numberFrom(input.minutes);
  const errors: CompletionErrors = {};
  if (score === undefined && input.mode === 'score_entry') errors.score = 'scoreRequired';
  if (Number.isNaN(score)) errors.score = 'notANumber';
  if (Number.isNaN(minutes)) errors.time_spent_minutes = 'notANumber';
  // Four hundred nines are a plain decimal too, but Infinity as a number: out of range, not "not a number".
  if (score !== undefined && Math.abs(score) === Infinity) errors.score = OUT_OF_RANGE.score[score > 0 ? 'too_big' : 'too_small'];
  if (minutes !== undefined && Math.abs(minutes) === Infinity) errors.time_spent_minutes = OUT_OF_RANGE.time_spent_minutes[minutes > 0 ? 'too_big' : 'too_small'];

  const body: CompleteVrSessionRequest = {
    ...(score !== undefined && !Number.isNaN(score) ? { score } : {}),
    ...(minutes !== undefined && !Number.isNaN(minutes) ? { time_spent_minutes: minutes } : {}),
    ...(input.notes.trim() !== '' ? { notes: input.notes } : {}),
  };
  const parsed = completeVrSessionRequestSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (isField(field)) errors[field] ??= errorOf(field, issue);
    }
  }
  return Object.keys(errors).length > 0 || !parsed.success ? { ok: false, errors } : { ok: true, body: parsed.data };
}

/** A 400 VALIDATION_ERROR's details, placed next to the fields they name; the rest stay form-level. */
export function errorsFromDetails(details: readonly FieldIssue[]): { errors: CompletionErrors; unplaced: FieldIssue[] } {
  const errors: CompletionErrors = {};
  const unplaced: FieldIssue[] = [];
  for (const detail of details) {
    const field = detail.path.split('.')[0];
    if (isField(field)) errors[field] ??= 'rejected';
    else unplaced.push(detail);
  }
  return { errors, unplaced };
}

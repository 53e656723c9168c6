import type { z } from 'zod';
import { updateLessonPlayRequestSchema } from '../../../shared/schemas/lesson-play';
import { completeVrSessionRequestSchema } from '../../../shared/schemas/vr-session-complete';
import { createVrSessionRequestSchema } from '../../../shared/schemas/vr-session';

/**
 * The refused operations an instructor may correct before resending, each checked by the seed's own
 * request schema: a corrected body the remote's documentation would refuse is refused here, in words.
 */
const EDITABLE: Readonly<Record<string, z.ZodType>> = {
  'vr_session.complete': completeVrSessionRequestSchema,
  'vr_session.create': createVrSessionRequestSchema,
  'lesson_play.update': updateLessonPlayRequestSchema,
};

export type BodyCheck = { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly issues: readonly string[] };

export function isEditable(kind: string): boolean {
  return Object.hasOwn(EDITABLE, kind);
}

export function checkEditedBody(kind: string, body: unknown): BodyCheck {
  const schema = Object.hasOwn(EDITABLE, kind) ? EDITABLE[kind] : undefined;
  if (!schema) return { ok: false, issues: [`${kind} cannot be edited`] };
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, body: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`) };
}

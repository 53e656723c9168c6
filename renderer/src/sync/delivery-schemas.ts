import type { z } from 'zod';
import { startContentSessionResponseSchema, updateContentSessionResponseSchema } from '../../../shared/schemas/content-session';
import { createLessonPlayResponseSchema, updateLessonPlayResponseSchema } from '../../../shared/schemas/lesson-play';
import { lessonPlayResultsResponseSchema } from '../../../shared/schemas/lesson-play-results';
import { scormLaunchResponseSchema } from '../../../shared/schemas/scorm-launch';
import { updateScormSessionResponseSchema } from '../../../shared/schemas/scorm-session';
import { completeVrSessionResponseSchema } from '../../../shared/schemas/vr-session-complete';
import { createVrSessionResponseSchema } from '../../../shared/schemas/vr-session';
import { vrSessionStepResponseSchema } from '../../../shared/sync/vr-session-step';
import { lrsPostAnswerSchema } from '../../../shared/xapi/lrs-answer';

/**
 * What a successful answer to each operation must look like (the seed's response schemas). An answer that
 * does not parse was not read, so it is not a delivery: a portal's page, a cut-short body or a proxy's
 * empty 200 are retried, never recorded as done.
 */
const DELIVERY_SCHEMAS: Readonly<Record<string, z.ZodType>> = {
  'vr_session.create': createVrSessionResponseSchema,
  'vr_session.complete': completeVrSessionResponseSchema,
  'vr_session.step': vrSessionStepResponseSchema,
  'xapi.statement': lrsPostAnswerSchema,
  'scorm_session.launch': scormLaunchResponseSchema,
  'scorm_session.update': updateScormSessionResponseSchema,
  'content_session.start': startContentSessionResponseSchema,
  'content_session.update': updateContentSessionResponseSchema,
  'lesson_play.create': createLessonPlayResponseSchema,
  'lesson_play.update': updateLessonPlayResponseSchema,
  'lesson_play.results': lessonPlayResultsResponseSchema,
};

/** null when the answer is a delivery; otherwise why not, in words for the Sync page. */
export function deliveryProblem(kind: string, status: number, body: unknown): string | null {
  const schema = Object.hasOwn(DELIVERY_SCHEMAS, kind) ? DELIVERY_SCHEMAS[kind] : undefined;
  // A kind this build does not know has no schema to read its answer with: it cannot be called delivered.
  if (!schema) return `No response schema for ${kind}: the answer cannot be checked`;
  const parsed = schema.safeParse(status === 204 ? null : body);
  if (parsed.success) return null;
  const first = parsed.error.issues[0];
  const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
  return `HTTP ${status}, but the answer does not match the API's response${where}: ${first?.message ?? 'unreadable'}`.slice(0, 300);
}

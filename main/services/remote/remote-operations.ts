import { z } from 'zod';
import { startContentSessionRequestSchema, updateContentSessionRequestSchema } from '../../../shared/schemas/content-session';
import { createLessonPlayRequestSchema, updateLessonPlayRequestSchema } from '../../../shared/schemas/lesson-play';
import { lessonPlayResultsRequestSchema } from '../../../shared/schemas/lesson-play-results';
import { scormLaunchRequestSchema } from '../../../shared/schemas/scorm-launch';
import { updateScormSessionRequestSchema } from '../../../shared/schemas/scorm-session';
import { completeVrSessionRequestSchema } from '../../../shared/schemas/vr-session-complete';
import { createVrSessionRequestSchema } from '../../../shared/schemas/vr-session';
import { vrSessionStepRequestSchema } from '../../../shared/sync/vr-session-step';
import { MAX_STATEMENTS_PER_POST } from '../../../shared/xapi/lrs-config';
import { validateStatement } from '../../../shared/xapi/validate-statement';

/** A path parameter: checked against its pattern as sent, never decoded, then encoded again by main. */
export type ParamKind = 'uuid' | 'id';

export const PARAM_PATTERNS: Readonly<Record<ParamKind, RegExp>> = {
  uuid: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
  // Ids the remote assigns (uuids, "session-456", Firestore-style keys): no dot, slash or percent sign.
  id: /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/,
};

export interface RemoteOperation {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** Literal segments and `:name` parameters. */
  readonly path: string;
  readonly params?: Readonly<Record<string, ParamKind>>;
  /** null: the request carries no body. */
  readonly body: z.ZodType | null;
  /** Where it goes: the API (default, with the device token) or the configured LRS (with its credentials). */
  readonly target?: 'api' | 'lrs';
}

/** The validator's own words reach the dead letter: a statement it refuses is a bug to be read, not guessed. */
const xapiStatementSchema = z.unknown().superRefine((value, ctx) => {
  const check = validateStatement(value);
  if (check.valid) return;
  for (const error of check.errors.slice(0, 5)) ctx.addIssue({ code: 'custom', message: `not a valid xAPI statement: ${error.path}: ${error.message}` });
});

/**
 * Everything Outpost may send to the remote API with the device token: the writes sync replays from the
 * outbox and the catalog it pulls. Anything else is refused before a token is even looked up, so a
 * compromised page cannot turn main into a general proxy holding the kiosk's credentials.
 */
export const REMOTE_OPERATIONS = {
  'vr_session.create': { method: 'POST', path: '/api/vr-sessions', body: createVrSessionRequestSchema },
  'vr_session.complete': { method: 'POST', path: '/api/vr-sessions/:sessionId/complete', params: { sessionId: 'id' }, body: completeVrSessionRequestSchema },
  // Outpost's extension (docs/api/vr-sessions.md#headset-steps): sent only once the remote has shown it supports it.
  'vr_session.step': { method: 'PATCH', path: '/api/vr-sessions/:sessionId', params: { sessionId: 'id' }, body: vrSessionStepRequestSchema },
  'scorm_session.launch': { method: 'POST', path: '/api/v1/packages/:packageId/launch', params: { packageId: 'id' }, body: scormLaunchRequestSchema },
  'scorm_session.update': { method: 'PUT', path: '/api/v1/sessions/:sessionId', params: { sessionId: 'id' }, body: updateScormSessionRequestSchema },
  'content_session.start': { method: 'POST', path: '/api/logger/contentsession', body: startContentSessionRequestSchema },
  'content_session.update': { method: 'PUT', path: '/api/logger/contentsession/:sessionId', params: { sessionId: 'id' }, body: updateContentSessionRequestSchema },
  'lesson_play.create': { method: 'POST', path: '/api/lesson-plays', body: createLessonPlayRequestSchema },
  'lesson_play.update': { method: 'PATCH', path: '/api/lesson-plays/:lessonPlayId', params: { lessonPlayId: 'id' }, body: updateLessonPlayRequestSchema },
  // Outpost's extension of the lesson-plays API (docs/api/lesson-plays.md): a play's results from the kiosk.
  'lesson_play.results': { method: 'PUT', path: '/api/lesson-plays/:lessonPlayId/results', params: { lessonPlayId: 'id' }, body: lessonPlayResultsRequestSchema },
  // Standard xAPI to the school's LRS, when one is configured (docs/api/xapi.md): a batch of statements.
  'xapi.statements': { method: 'POST', path: '/statements', body: z.array(xapiStatementSchema).min(1).max(MAX_STATEMENTS_PER_POST), target: 'lrs' },
  'catalog.roster': { method: 'GET', path: '/api/roster', body: null },
  'catalog.vr_packages': { method: 'GET', path: '/api/vr-packages', body: null },
  'catalog.activities': { method: 'GET', path: '/api/activities', body: null },
  'catalog.lessons': { method: 'GET', path: '/api/lessons', body: null },
} as const satisfies Record<string, RemoteOperation>;

export type RemoteOperationName = keyof typeof REMOTE_OPERATIONS;

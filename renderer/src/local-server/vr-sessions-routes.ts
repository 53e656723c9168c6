import { createVrSessionRequestSchema, listVrSessionsQuerySchema, VR_SESSION_CREATE_MESSAGES } from '../../../shared/schemas/vr-session';
import { createVrSession as createSession } from '../data/vr-session-create';
import { listLearnerSessions } from '../data/vr-session-queries';
import type { LearnerRow } from '../db/rows';
import { json, vrError } from './api-response';
import type { LocalApiDeps } from './local-api-deps';
import { parseQuery, readJsonBody } from './read-json-body';
import { toApiSession, toApiSessions } from './vr-session-view';

/** GET /api/vr-sessions: the caller's sessions, newest first, filtered by package and/or activity. */
export async function listVrSessions(deps: LocalApiDeps, learner: LearnerRow, request: Request): Promise<Response> {
  const query = parseQuery(request.url, listVrSessionsQuerySchema);
  return json({ sessions: toApiSessions(await listLearnerSessions(deps.db, learner.id, query)) });
}

/** POST /api/vr-sessions: 201 with a new session, or 200 with the learner's open one (data/vr-session-create.ts). */
export async function createVrSession(deps: LocalApiDeps, learner: LearnerRow, request: Request): Promise<Response> {
  const body = await readJsonBody(request, createVrSessionRequestSchema);
  const result = await createSession(deps, learner, body);
  if (!result.ok) return vrError('PACKAGE_NOT_FOUND', 'VR package not found');
  const message = result.created ? VR_SESSION_CREATE_MESSAGES.created : VR_SESSION_CREATE_MESSAGES.existing;
  return json({ session: toApiSession(result.session, result.pkg), message }, result.created ? 201 : 200);
}

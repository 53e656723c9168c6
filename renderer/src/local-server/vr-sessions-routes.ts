import { createVrSessionRequestSchema, listVrSessionsQuerySchema, VR_SESSION_CREATE_MESSAGES } from '../../../shared/schemas/vr-session';
import { createVrSession as createSession } from '../data/vr-session-create';
import { learnerSessionPage, VR_SESSION_PAGE_MAX } from '../data/vr-session-page';
import { listLearnerSessions } from '../data/vr-session-queries';
import type { LearnerRow } from '../db/rows';
import { ApiFailure, json, vrError } from './api-response';
import type { LocalApiDeps } from './local-api-deps';
import { parseQuery, readJsonBody } from './read-json-body';
import { startedRead } from './started-read';
import { decodeSessionCursor, encodeSessionCursor, pagingQuerySchema } from './session-cursor';
import { toApiSession, toApiSessions } from './vr-session-view';

const vrPagingSchema = pagingQuerySchema(VR_SESSION_PAGE_MAX);

/**
 * GET /api/vr-sessions: the caller's sessions, newest first, filtered by package and/or activity.
 * Without `limit` the seed's unpaged answer; with `limit` (Outpost's extension) one page and `next_cursor`.
 * The list needs only the token's user, so it is read while the roster check (`profile`) runs; the answer
 * waits for both, and a refusal comes in the same order as on every route: 401, then 404, then 400.
 */
export async function listVrSessions(deps: LocalApiDeps, userId: string, profile: Promise<LearnerRow>, request: Request): Promise<Response> {
  const answer = startedRead(() => readVrSessionList(deps, userId, request));
  await profile;
  return answer();
}

async function readVrSessionList(deps: LocalApiDeps, userId: string, request: Request): Promise<Response> {
  const query = parseQuery(request.url, listVrSessionsQuerySchema);
  const paging = parseQuery(request.url, vrPagingSchema);
  if (paging.limit === undefined) return json({ sessions: toApiSessions(await listLearnerSessions(deps.db, userId, query)) });
  const cursor = paging.cursor === undefined ? null : decodeSessionCursor(paging.cursor);
  if (paging.cursor !== undefined && cursor === null) throw new ApiFailure(vrError('VALIDATION_ERROR', 'Invalid query parameters', [{ path: 'cursor', message: 'not a cursor this API issued' }]));
  const page = await learnerSessionPage(deps.db, userId, query, paging.limit, cursor);
  return json({ sessions: toApiSessions(page.items), next_cursor: page.next && encodeSessionCursor(page.next) });
}

/** POST /api/vr-sessions: 201 with a new session, or 200 with the learner's open one (data/vr-session-create.ts). */
export async function createVrSession(deps: LocalApiDeps, learner: LearnerRow, request: Request): Promise<Response> {
  const body = await readJsonBody(request, createVrSessionRequestSchema);
  const result = await createSession(deps, learner, body);
  if (!result.ok) return vrError('PACKAGE_NOT_FOUND', 'VR package not found');
  const message = result.created ? VR_SESSION_CREATE_MESSAGES.created : VR_SESSION_CREATE_MESSAGES.existing;
  return json({ session: toApiSession(result.session, result.pkg), message }, result.created ? 201 : 200);
}

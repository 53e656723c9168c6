import { listScormSessionsQuerySchema, updateScormSessionRequestSchema } from '../../../shared/schemas/scorm-session';
import type { ScormRefreshTokenResponse } from '../../../shared/schemas/scorm-launch';
import { SCORM_SESSION_PAGE_MAX, scormSessionPage } from '../data/scorm-session-page';
import { findScormSession, listScormSessions } from '../data/scorm-session-queries';
import { sessionView } from '../data/scorm-session-table';
import { updateScormSession } from '../data/scorm-session-update';
import type { ScormSessionLocalRow } from '../db/schema-v7';
import { ApiFailure, json, vrError } from './api-response';
import type { LocalApiDeps } from './local-api-deps';
import { parseQuery, readJsonBody } from './read-json-body';
import { scormCaller } from './scorm-caller';
import type { ScormCaller } from './scorm-caller';
import { scormError } from './scorm-api-response';
import { signFor } from './scorm-launch-route';
import { decodeSessionCursor, encodeSessionCursor, pagingQuerySchema } from './session-cursor';

const scormPagingSchema = pagingQuerySchema(SCORM_SESSION_PAGE_MAX);

/** A learner sees only their own sessions; anything else (another learner's, another tenant's) is not found. */
function visible(caller: ScormCaller, row: ScormSessionLocalRow | undefined): row is ScormSessionLocalRow {
  return row !== undefined && (caller.kind === 'instructor' || (row.user_id === caller.learner.id && row.tenant_id === caller.learner.tenant_id));
}

export async function getSessionRoute(deps: LocalApiDeps, sessionId: string, request: Request): Promise<Response> {
  const caller = await scormCaller(deps, request);
  const row = await findScormSession(deps.db, sessionId);
  if (!visible(caller, row)) return scormError('SESSION_NOT_FOUND', 'Session not found');
  return json(sessionView(row));
}

/**
 * GET /api/v1/sessions: the seed's unpaged list; with `limit` (Outpost's extension, docs/api/scorm.md) one
 * page, newest change first, and `next_cursor`.
 */
export async function listSessionsRoute(deps: LocalApiDeps, request: Request): Promise<Response> {
  const caller = await scormCaller(deps, request);
  const query = parseQuery(request.url, listScormSessionsQuerySchema);
  const paging = parseQuery(request.url, scormPagingSchema);
  const cursor = paging.limit === undefined || paging.cursor === undefined ? null : decodeSessionCursor(paging.cursor);
  if (paging.limit !== undefined && paging.cursor !== undefined && cursor === null) throw new ApiFailure(vrError('VALIDATION_ERROR', 'Invalid query parameters', [{ path: 'cursor', message: 'not a cursor this API issued' }]));
  if (caller.kind === 'learner' && query.user_id !== undefined && query.user_id !== caller.learner.id) return json(paging.limit === undefined ? { sessions: [] } : { sessions: [], next_cursor: null });
  const tenants = caller.kind === 'learner' ? [caller.learner.tenant_id] : [...new Set((await deps.db.learners.toArray()).map((l) => l.tenant_id))];
  const userId = caller.kind === 'learner' ? caller.learner.id : query.user_id;
  if (paging.limit !== undefined) {
    const page = await scormSessionPage(deps.db, { packageId: query.package_id, userId, tenantIds: new Set(tenants) }, paging.limit, cursor);
    return json({ sessions: page.items.map(sessionView), next_cursor: page.next && encodeSessionCursor(page.next) });
  }
  const rows = (await Promise.all(tenants.map((tenantId) => listScormSessions(deps.db, { ...(query.package_id ? { packageId: query.package_id } : {}), ...(userId ? { userId } : {}), tenantId })))).flat();
  return json({ sessions: rows.map(sessionView) });
}

export async function updateSessionRoute(deps: LocalApiDeps, sessionId: string, request: Request): Promise<Response> {
  const caller = await scormCaller(deps, request);
  const body = await readJsonBody(request, updateScormSessionRequestSchema);
  const outcome = await updateScormSession(deps, caller.kind === 'learner' ? caller.learner : null, sessionId, body);
  if (outcome.ok) return json(sessionView(outcome.session));
  if (outcome.error === 'VERSION_CONFLICT') return scormError('VERSION_CONFLICT', 'Version conflict', { session: sessionView(outcome.session) });
  if (outcome.error === 'TOO_LARGE') return scormError('TOO_LARGE', 'cmi_data is larger than a session may hold');
  return scormError('SESSION_NOT_FOUND', 'Session not found');
}

/** POST /api/v1/sessions/:id/refresh-token: a new signed player link for the same session. */
export async function refreshTokenRoute(deps: LocalApiDeps, sessionId: string, request: Request): Promise<Response> {
  const caller = await scormCaller(deps, request);
  const row = await findScormSession(deps.db, sessionId);
  if (!visible(caller, row)) return scormError('SESSION_NOT_FOUND', 'Session not found');
  const signed = await signFor(deps, { package_id: row.package_id, session_id: row.id, learner_id: row.user_id });
  const response: ScormRefreshTokenResponse = { token: new URL(signed.launch_url).searchParams.get('token') ?? '', launch_url: signed.launch_url, expires_in_seconds: signed.expires_in_seconds };
  return json(response);
}

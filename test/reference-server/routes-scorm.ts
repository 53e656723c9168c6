import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { DEFAULT_LAUNCH_TOKEN_TTL_SECONDS, scormLaunchRequestSchema } from '../../shared/schemas/scorm-launch';
import type { ScormLaunchResponse, ScormRefreshTokenResponse } from '../../shared/schemas/scorm-launch';
import { listScormSessionsQuerySchema, updateScormSessionRequestSchema } from '../../shared/schemas/scorm-session';
import type { ScormSession } from '../../shared/schemas/scorm-session';
import { parseIso8601Duration } from '../../shared/xapi/iso8601-duration';
import { authenticateApiKey, hashToken } from './auth';
import { COLLECTIONS } from './records';
import type { LaunchTokenRecord, ScormSessionRecord } from './records';
import { codedFailure, reply } from './reply';
import type { Reply } from './reply';
import { route } from './route';
import type { Route } from './route';
import type { RouteContext, ServerDeps } from './server-deps';
import { codedBody, codedQuery } from './validate';

/** A new session's version; each successful PUT adds one. */
export const FIRST_SCORM_VERSION = 1;
const STORAGE_BACKEND = 'reference-server';

/**
 * The SCORM session API (scorm-session-launch seed): launch (create or resume, minting a signed launch
 * URL), read, list, PUT with optimistic locking, and token refresh. The player route only checks the
 * launch token, so a test can prove a launch_url works and a hand-built one does not.
 */
export function scormRoutes(): Route[] {
  return [
    route({ method: 'POST', path: '/api/v1/packages/:packageId/launch', family: 'coded', authenticate: authenticateApiKey, handle: launch }),
    route({ method: 'GET', path: '/api/v1/sessions', family: 'coded', authenticate: authenticateApiKey, handle: listSessions }),
    route({ method: 'GET', path: '/api/v1/sessions/:sessionId', family: 'coded', authenticate: authenticateApiKey, handle: (ctx) => reply(200, requireSession(ctx)) }),
    route({ method: 'PUT', path: '/api/v1/sessions/:sessionId', family: 'coded', authenticate: authenticateApiKey, handle: updateSession }),
    route({ method: 'POST', path: '/api/v1/sessions/:sessionId/refresh-token', family: 'coded', authenticate: authenticateApiKey, handle: refreshToken }),
    route({ method: 'GET', path: '/player/:sessionId', family: 'coded', authenticate: () => null, handle: player }),
  ];
}

function sessions(deps: ServerDeps) {
  return deps.store.collection<ScormSessionRecord>(COLLECTIONS.scormSessions);
}

function requireSession(ctx: RouteContext): ScormSessionRecord {
  const session = sessions(ctx.deps).get(ctx.params.sessionId ?? '');
  if (!session) throw codedFailure(404, 'SESSION_NOT_FOUND', 'Session not found');
  return session;
}

/** Creates the session the caller named, or resumes it; either way a fresh launch URL is minted. */
function launch(ctx: RouteContext): Reply {
  const packageId = ctx.params.packageId ?? '';
  if (!ctx.deps.seed.scorm_package_ids.includes(packageId)) throw codedFailure(404, 'PACKAGE_NOT_FOUND', 'Package not found');
  const body = codedBody(ctx, scormLaunchRequestSchema);
  const existing = sessions(ctx.deps).get(body.session_id);
  if (existing && (existing.user_id !== body.user_id || existing.package_id !== packageId)) {
    // Resuming someone else's session (or another course's) would hand over their CMI data.
    throw codedFailure(409, 'SESSION_CONFLICT', 'The session belongs to another learner or package');
  }
  if (!existing) {
    const now = ctx.deps.now().toISOString();
    sessions(ctx.deps).insert({
      id: body.session_id,
      tenant_id: ctx.deps.seed.tenant_id,
      user_id: body.user_id,
      package_id: packageId,
      cmi_data: {},
      completion_status: 'not attempted',
      success_status: 'unknown',
      score: null,
      time_spent_seconds: 0,
      version: FIRST_SCORM_VERSION,
      created_at: now,
      updated_at: now,
    });
  }
  const minted = mintLaunchToken(ctx.deps, body.session_id);
  const response: ScormLaunchResponse = {
    package_id: packageId,
    session_id: body.session_id,
    learner_id: body.user_id,
    content_type: 'scorm',
    storage_backend: STORAGE_BACKEND,
    launch_url: minted.launchUrl,
    expires_in_seconds: DEFAULT_LAUNCH_TOKEN_TTL_SECONDS,
  };
  return reply(200, response);
}

function listSessions(ctx: RouteContext): Reply {
  const query = codedQuery(ctx, listScormSessionsQuerySchema);
  const where: Record<string, string> = {};
  if (query.package_id) where.package_id = query.package_id;
  if (query.user_id) where.user_id = query.user_id;
  return reply(200, { sessions: sessions(ctx.deps).find(where) });
}

/**
 * PUT with optimistic locking: the body's version must equal the stored one, otherwise 409 with the
 * current session so the client can merge and retry. The fields sent replace the stored ones (cmi_data
 * as a whole, as the seed's retry example sends the merged map); session_time is added to the total.
 */
function updateSession(ctx: RouteContext): Reply {
  const body = codedBody(ctx, updateScormSessionRequestSchema);
  let current = requireSession(ctx);
  const otherDevice = ctx.deps.faults.takeScormConflict(current.id);
  if (otherDevice) {
    current = { ...current, cmi_data: { ...current.cmi_data, ...otherDevice }, version: current.version + 1, updated_at: ctx.deps.now().toISOString() };
    sessions(ctx.deps).put(current);
  }
  // Returned, not thrown: the other device's write above must commit even though this PUT is refused.
  if (body.version !== current.version) return reply(409, { error: 'Version conflict', code: 'VERSION_CONFLICT', session: current });

  const seconds = body.session_time === undefined ? 0 : (parseIso8601Duration(body.session_time) ?? 0);
  const updated: ScormSession = {
    ...current,
    cmi_data: body.cmi_data ?? current.cmi_data,
    completion_status: body.completion_status ?? current.completion_status,
    success_status: body.success_status ?? current.success_status,
    score: body.score ?? current.score ?? null,
    time_spent_seconds: current.time_spent_seconds + Math.round(seconds),
    version: current.version + 1,
    updated_at: ctx.deps.now().toISOString(),
  };
  sessions(ctx.deps).put(updated);
  return reply(200, updated);
}

function refreshToken(ctx: RouteContext): Reply {
  const session = requireSession(ctx);
  const minted = mintLaunchToken(ctx.deps, session.id);
  const response: ScormRefreshTokenResponse = { token: minted.token, launch_url: minted.launchUrl, expires_in_seconds: DEFAULT_LAUNCH_TOKEN_TTL_SECONDS };
  return reply(200, response);
}

const playerQuerySchema = z.object({ token: z.string().min(1) });

function player(ctx: RouteContext): Reply {
  const query = playerQuerySchema.safeParse(Object.fromEntries(ctx.url.searchParams));
  const record = query.success ? ctx.deps.store.collection<LaunchTokenRecord>(COLLECTIONS.launchTokens).get(hashToken(query.data.token)) : undefined;
  const valid = record && record.session_id === ctx.params.sessionId && record.expires_at > ctx.deps.now().toISOString();
  if (!valid) throw codedFailure(401, 'UNAUTHORIZED', 'Launch link unavailable');
  return reply(200, { session_id: record.session_id, player: 'reference-server' });
}

function mintLaunchToken(deps: ServerDeps, sessionId: string): { token: string; launchUrl: string } {
  const token = randomBytes(24).toString('base64url');
  const expires = new Date(deps.now().getTime() + DEFAULT_LAUNCH_TOKEN_TTL_SECONDS * 1000).toISOString();
  deps.store.collection<LaunchTokenRecord>(COLLECTIONS.launchTokens).insert({ id: hashToken(token), session_id: sessionId, expires_at: expires });
  return { token, launchUrl: `${deps.baseUrl}/player/${encodeURIComponent(sessionId)}?token=${token}` };
}

import { createVrSessionRequestSchema, listVrSessionsQuerySchema, VR_SESSION_CREATE_MESSAGES } from '../../shared/schemas/vr-session';
import type { VrSession } from '../../shared/schemas/vr-session';
import { completeVrSessionRequestSchema, VR_SESSION_COMPLETED_MESSAGE } from '../../shared/schemas/vr-session-complete';
import type { VrPackageSummary } from '../../shared/schemas/vr-package';
import { canTransition } from '../../shared/vr/vr-session-status';
import { completedVrSessionRecord, newVrSessionRecord } from '../../shared/vr/vr-session-record';
import { authenticateLearner } from './auth';
import type { RosterLearner } from './auth';
import { COLLECTIONS } from './records';
import type { ActivityProgressRecord, VrSessionRecord } from './records';
import { reply, vrFailure } from './reply';
import type { Reply } from './reply';
import { route } from './route';
import type { Route } from './route';
import type { RouteContext, ServerDeps } from './server-deps';
import { vrBody, vrQuery } from './validate';
import { stepSession } from './routes-vr-session-steps';

/**
 * GET/POST /api/vr-sessions and POST /api/vr-sessions/:sessionId/complete, with the local API's
 * semantics (renderer/src/local-server): an open session for the same user/package/activity is returned (200)
 * instead of a second one; another learner's session is SESSION_NOT_FOUND; completing twice is
 * ALREADY_COMPLETED; a linked activity's progress is completed in the same write. Also Outpost's PATCH
 * extension for the headset steps.
 */
export function vrSessionRoutes(): Route[] {
  return [
    route({ method: 'GET', path: '/api/vr-sessions', family: 'vr', authenticate: authenticateLearner, handle: listSessions }),
    route({ method: 'POST', path: '/api/vr-sessions', family: 'vr', authenticate: authenticateLearner, handle: createSession }),
    route({ method: 'POST', path: '/api/vr-sessions/:sessionId/complete', family: 'vr', authenticate: authenticateLearner, handle: completeSession }),
    // Outpost's extension for the headset steps (a remote without it: faults.answerNext with a 404).
    route({ method: 'PATCH', path: '/api/vr-sessions/:sessionId', family: 'vr', authenticate: authenticateLearner, handle: (ctx, learner) => stepSession(ctx, learner, (row) => toApiSession(ctx.deps, row)) }),
  ];
}

function listSessions(ctx: RouteContext, learner: RosterLearner): Reply {
  const query = vrQuery(ctx, listVrSessionsQuerySchema);
  const where: Record<string, string> = { user_id: learner.id };
  if (query.package_id) where.package_id = query.package_id;
  if (query.activity_id) where.activity_id = query.activity_id;
  // Newest first; among sessions created in the same millisecond, the later insert comes first.
  const rows = sessions(ctx.deps).find(where).reverse();
  rows.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  return reply(200, { sessions: rows.map((row) => toApiSession(ctx.deps, row)) });
}

function createSession(ctx: RouteContext, learner: RosterLearner): Reply {
  const body = vrBody(ctx, createVrSessionRequestSchema);
  if (!packageSummary(ctx.deps, body.package_id)) throw vrFailure('PACKAGE_NOT_FOUND', 'VR package not found');
  const activityId = body.activity_id ?? null;
  const earlier = sessions(ctx.deps).find({ user_id: learner.id, package_id: body.package_id, activity_id: activityId });
  const open = earlier.find((row) => row.status !== 'completed');
  if (open) return reply(200, { session: toApiSession(ctx.deps, open), message: VR_SESSION_CREATE_MESSAGES.existing });
  const row = newVrSessionRecord({
    id: ctx.deps.newId(),
    packageId: body.package_id,
    activityId,
    tenantId: ctx.deps.seed.tenant_id,
    userId: learner.id,
    completionMode: body.completion_mode,
    earlierAttempts: earlier.length,
    at: ctx.deps.now().toISOString(),
  });
  sessions(ctx.deps).insert(row);
  return reply(201, { session: toApiSession(ctx.deps, row), message: VR_SESSION_CREATE_MESSAGES.created });
}

function completeSession(ctx: RouteContext, learner: RosterLearner): Reply {
  const body = vrBody(ctx, completeVrSessionRequestSchema);
  const session = sessions(ctx.deps).get(ctx.params.sessionId ?? '');
  // Another learner's session is reported exactly like a missing one, so ids reveal nothing.
  if (!session || session.user_id !== learner.id) throw vrFailure('SESSION_NOT_FOUND', 'VR session not found');
  if (session.status === 'completed') throw vrFailure('ALREADY_COMPLETED', 'Session is already completed');
  if (!canTransition(session.status, 'completed')) throw vrFailure('INVALID_TRANSITION', `A VR session cannot go from ${session.status} to completed`);
  const now = ctx.deps.now().toISOString();
  const completed = completedVrSessionRecord(session, body, now);
  sessions(ctx.deps).put(completed);
  if (completed.activity_id) recordActivityCompletion(ctx.deps, completed, completed.activity_id, body.score ?? null, now);
  return reply(200, { session: toApiSession(ctx.deps, completed), message: VR_SESSION_COMPLETED_MESSAGE });
}

function sessions(deps: ServerDeps) {
  return deps.store.collection<VrSessionRecord>(COLLECTIONS.vrSessions);
}

function packageSummary(deps: ServerDeps, id: string): VrPackageSummary | undefined {
  const pkg = deps.seed.vr_packages.find((p) => p.id === id);
  return pkg && { id: pkg.id, title: pkg.title, version: pkg.version, target_platforms: pkg.target_platforms };
}

/** Every field of the seed's GET example, in its order, with the package embedded. */
function toApiSession(deps: ServerDeps, row: VrSessionRecord): VrSession {
  const { notes: _notes, ...fields } = row;
  return { ...fields, package: packageSummary(deps, row.package_id) ?? { id: row.package_id, title: '', version: '', target_platforms: [] } };
}

/** The seed's "Activity Progress Sync": status, score, completed_at and time follow the completion. */
function recordActivityCompletion(deps: ServerDeps, session: VrSessionRecord, activityId: string, score: number | null, at: string): void {
  const progress = deps.store.collection<ActivityProgressRecord>(COLLECTIONS.activityProgress);
  const [existing] = progress.find({ user_id: session.user_id, activity_id: activityId });
  progress.put({
    id: existing?.id ?? deps.newId(),
    activity_id: activityId,
    user_id: session.user_id,
    status: 'completed',
    score,
    completed_at: at,
    time_spent_seconds: session.time_spent_seconds,
    updated_at: at,
  });
}

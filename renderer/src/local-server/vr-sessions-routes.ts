import { createVrSessionRequestSchema, listVrSessionsQuerySchema, VR_SESSION_CREATE_MESSAGES } from '../../../shared/schemas/vr-session';
import type { CreateVrSessionRequest, ListVrSessionsQuery } from '../../../shared/schemas/vr-session';
import type { LearnerRow, VrSessionRow } from '../db/rows';
import { pendingOperationOf, queueOperation } from '../sync/outbox-writer';
import { ApiFailure, json, vrError } from './api-response';
import type { LocalApiDeps } from './local-api-deps';
import { parseQuery, readJsonBody } from './read-json-body';
import { toApiSession, toApiSessions } from './vr-session-view';

/** GET /api/vr-sessions: the caller's sessions, newest first, filtered by package and/or activity. */
export async function listVrSessions(deps: LocalApiDeps, learner: LearnerRow, request: Request): Promise<Response> {
  const query: ListVrSessionsQuery = parseQuery(request.url, listVrSessionsQuerySchema);
  const { db } = deps;
  let rows: VrSessionRow[];
  if (query.package_id) rows = await db.vrSessions.where('[user_id+package_id]').equals([learner.id, query.package_id]).toArray();
  else if (query.activity_id) rows = await db.vrSessions.where('[user_id+activity_id]').equals([learner.id, query.activity_id]).toArray();
  else rows = await db.vrSessions.where('user_id').equals(learner.id).toArray();
  if (query.activity_id) rows = rows.filter((row) => row.activity_id === query.activity_id);
  rows.sort((a, b) => (a.created_at < b.created_at ? 1 : a.created_at > b.created_at ? -1 : 0));
  return json({ sessions: await toApiSessions(db, rows) });
}

/**
 * POST /api/vr-sessions. The look-up of an open session and the insert share one read-write transaction,
 * and IndexedDB serialises overlapping read-write transactions, so two racing requests (a double tap, two
 * windows) get the same session instead of two.
 */
export async function createVrSession(deps: LocalApiDeps, learner: LearnerRow, request: Request): Promise<Response> {
  const body: CreateVrSessionRequest = await readJsonBody(request, createVrSessionRequestSchema);
  const { db } = deps;
  return db.transaction('rw', [db.vrSessions, db.vrPackages, db.outbox], async () => {
    const pkg = await db.vrPackages.get(body.package_id);
    if (!pkg) throw new ApiFailure(vrError('PACKAGE_NOT_FOUND', 'VR package not found'));
    const activityId = body.activity_id ?? null;
    const earlier = (await db.vrSessions.where('[user_id+package_id]').equals([learner.id, pkg.id]).toArray()).filter(
      (row) => row.activity_id === activityId,
    );
    const open = earlier.find((row) => row.status !== 'completed');
    if (open) return json({ session: toApiSession(open, pkg), message: VR_SESSION_CREATE_MESSAGES.existing }, 200);

    const now = deps.now().toISOString();
    const row: VrSessionRow = {
      id: deps.newId(),
      package_id: pkg.id,
      activity_id: activityId,
      tenant_id: learner.tenant_id,
      user_id: learner.id,
      status: 'downloading',
      completion_mode: body.completion_mode,
      // A learner repeating a finished experience starts attempt n+1 of the same package/activity.
      attempts: earlier.length + 1,
      download_started_at: now,
      download_completed_at: null,
      first_launch_at: null,
      completed_at: null,
      score: null,
      success_status: null,
      time_spent_seconds: 0,
      self_reported: false,
      created_at: now,
    };
    await db.vrSessions.add(row);
    // The remote returns any open session for this learner/package/activity instead of creating one, so
    // this create must not reach it before the previous attempt's completion does.
    const previousCompletions = (await Promise.all(earlier.map((s) => pendingOperationOf(db, s.id, 'vr_session.complete')))).flatMap((op) => (op ? [op.id] : []));
    await queueOperation(deps, {
      kind: 'vr_session.create',
      entity_id: row.id,
      method: 'POST',
      path: '/api/vr-sessions',
      acting_user_id: learner.id,
      body: { package_id: pkg.id, ...(activityId ? { activity_id: activityId } : {}), completion_mode: body.completion_mode },
      depends_on: previousCompletions,
    });
    return json({ session: toApiSession(row, pkg), message: VR_SESSION_CREATE_MESSAGES.created }, 201);
  });
}

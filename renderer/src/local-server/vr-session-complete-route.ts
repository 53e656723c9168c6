import { completeVrSessionRequestSchema, VR_SESSION_COMPLETED_MESSAGE } from '../../../shared/schemas/vr-session-complete';
import type { CompleteVrSessionRequest } from '../../../shared/schemas/vr-session-complete';
import { localRef } from '../../../shared/sync/local-ref';
import { assertTransition } from '../../../shared/vr/vr-session-status';
import { minutesToSeconds, vrScore } from '../../../shared/vr/vr-score';
import type { LearnerRow, VrSessionRow } from '../db/rows';
import { pendingOperationOf, queueOperation } from '../sync/outbox-writer';
import { ApiFailure, json, vrError } from './api-response';
import { recordActivityCompletion } from './activity-progress-writer';
import type { LocalApiDeps } from './local-api-deps';
import { readJsonBody } from './read-json-body';
import { toApiSession } from './vr-session-view';
import { vrCompletionStatement } from './vr-completion-statement';

/**
 * POST /api/vr-sessions/:id/complete. The session, the linked activity's progress, the request for the
 * remote API and the xAPI statement are written in one transaction: all of them, or none.
 */
export async function completeVrSession(deps: LocalApiDeps, learner: LearnerRow, sessionId: string, request: Request): Promise<Response> {
  const body: CompleteVrSessionRequest = await readJsonBody(request, completeVrSessionRequestSchema);
  const { db } = deps;
  return db.transaction('rw', [db.vrSessions, db.vrPackages, db.activityProgress, db.outbox], async () => {
    const session = await db.vrSessions.get(sessionId);
    // Another learner's session is reported exactly like a missing one, so ids reveal nothing.
    if (!session || session.user_id !== learner.id) throw new ApiFailure(vrError('SESSION_NOT_FOUND', 'VR session not found'));
    if (session.status === 'completed') throw new ApiFailure(vrError('ALREADY_COMPLETED', 'Session is already completed'));
    assertTransition(session.status, 'completed');

    const now = deps.now().toISOString();
    const { score, success_status } = vrScore(body.score);
    const completed: VrSessionRow = {
      ...session,
      status: 'completed',
      completed_at: now,
      score,
      success_status,
      time_spent_seconds: body.time_spent_minutes === undefined ? session.time_spent_seconds : minutesToSeconds(body.time_spent_minutes),
      self_reported: true,
      notes: body.notes ?? null,
    };
    await db.vrSessions.put(completed);
    if (completed.activity_id) await recordActivityCompletion(deps, { userId: learner.id, activityId: completed.activity_id, score: body.score ?? null, timeSpentSeconds: completed.time_spent_seconds, at: now });

    const create = await pendingOperationOf(db, session.id, 'vr_session.create');
    const completeOp = await queueOperation(deps, {
      kind: 'vr_session.complete',
      entity_id: session.id,
      method: 'POST',
      path: `/api/vr-sessions/${localRef('vr_session', session.id)}/complete`,
      body,
      acting_user_id: learner.id,
      depends_on: create ? [create.id] : [],
    });
    const pkg = await db.vrPackages.get(session.package_id);
    const statement = vrCompletionStatement(deps, learner, completed, pkg);
    await queueOperation(deps, {
      kind: 'xapi.statement',
      entity_id: session.id,
      method: 'PUT',
      path: `/api/xapi/statements?statementId=${statement.id}`,
      body: statement,
      acting_user_id: learner.id,
      depends_on: [completeOp.id],
    });
    return json({ session: toApiSession(completed, pkg), message: VR_SESSION_COMPLETED_MESSAGE });
  });
}

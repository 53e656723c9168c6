import type { CompleteVrSessionRequest } from '../../../shared/schemas/vr-session-complete';
import { localRef } from '../../../shared/sync/local-ref';
import { completedVrSessionRecord } from '../../../shared/vr/vr-session-record';
import { canTransition } from '../../../shared/vr/vr-session-status';
import type { LearnerRow, VrPackageRow, VrSessionRow } from '../db/rows';
import { pendingOperationOf, queueOperation } from './outbox-writer';
import { recordActivityCompletion } from './activity-progress';
import { heldReasonForPackage } from './vr-package-origin';
import { vrCompletionStatement } from './vr-completion-statement';
import type { CompletionPorts } from './vr-completion-statement';

export type CompletingLearner = Pick<LearnerRow, 'id' | 'display_name'>;

export type CompletedVrSession =
  | { readonly ok: true; readonly session: VrSessionRow; readonly pkg: VrPackageRow | undefined }
  | { readonly ok: false; readonly error: 'SESSION_NOT_FOUND' | 'ALREADY_COMPLETED' | 'INVALID_TRANSITION'; readonly message: string };

/**
 * Completes a learner's session with a validated body. The session, the linked activity's progress, the
 * request for the remote and the xAPI statement are written in one transaction: all of them, or none (a
 * refusal returns before anything is written). The complete waits on the session's create only, never on
 * a held step; for a local package it is held with the create.
 */
export async function completeVrSession(ports: CompletionPorts, learner: CompletingLearner, sessionId: string, body: CompleteVrSessionRequest): Promise<CompletedVrSession> {
  const { db } = ports;
  return db.transaction('rw', [db.vrSessions, db.vrPackages, db.activityProgress, db.outbox], async (): Promise<CompletedVrSession> => {
    const session = await db.vrSessions.get(sessionId);
    // Another learner's session is reported exactly like a missing one, so ids reveal nothing.
    if (!session || session.user_id !== learner.id) return { ok: false, error: 'SESSION_NOT_FOUND', message: 'VR session not found' };
    if (session.status === 'completed') return { ok: false, error: 'ALREADY_COMPLETED', message: 'Session is already completed' };
    if (!canTransition(session.status, 'completed')) return { ok: false, error: 'INVALID_TRANSITION', message: `A VR session cannot go from ${session.status} to completed` };

    const at = ports.now().toISOString();
    const completed = completedVrSessionRecord(session, body, at);
    await db.vrSessions.put(completed);
    if (completed.activity_id) await recordActivityCompletion(ports, { userId: learner.id, activityId: completed.activity_id, score: body.score ?? null, timeSpentSeconds: completed.time_spent_seconds, at });

    const pkg = await db.vrPackages.get(session.package_id);
    const held = heldReasonForPackage(pkg);
    const hold = held ? { held_reason: held } : {};
    const create = await pendingOperationOf(db, session.id, 'vr_session.create');
    const completeOp = await queueOperation(ports, {
      kind: 'vr_session.complete',
      entity_id: session.id,
      method: 'POST',
      path: `/api/vr-sessions/${localRef('vr_session', session.id)}/complete`,
      body,
      acting_user_id: learner.id,
      depends_on: create ? [create.id] : [],
      ...hold,
    });
    const statement = vrCompletionStatement(ports, learner, completed, pkg);
    await queueOperation(ports, {
      kind: 'xapi.statement',
      entity_id: session.id,
      method: 'PUT',
      path: `/api/xapi/statements?statementId=${statement.id}`,
      body: statement,
      acting_user_id: learner.id,
      depends_on: [completeOp.id],
      ...hold,
    });
    return { ok: true, session: completed, pkg };
  });
}

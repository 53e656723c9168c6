import type { LearnerRow } from '../db/rows';
import type { ScormCourseRow, ScormSessionLocalRow } from '../db/schema-v7';
import { queueOperation } from './outbox-writer';
import type { DataPorts } from './data-ports';
import { visibleCourse } from './scorm-courses';
import { scormSessionTable } from './scorm-session-table';

/** A new session's version, as on the remote; every saved change adds one. */
export const FIRST_SCORM_VERSION = 1;

export type LaunchOutcome =
  | { readonly ok: true; readonly created: boolean; readonly session: ScormSessionLocalRow; readonly course: ScormCourseRow }
  | { readonly ok: false; readonly error: 'PACKAGE_NOT_FOUND' | 'SESSION_NOT_FOUND' | 'SESSION_CONFLICT' };

/**
 * POST /api/v1/packages/:id/launch on the kiosk: creates the named session or resumes it, in one
 * transaction with the outbox row that creates it on the remote. A session id that belongs to another
 * learner or course is a conflict (its CMI data must not be handed over); one of another tenant does not
 * exist as far as this learner can tell.
 */
export async function launchScormSession(ports: DataPorts, learner: Pick<LearnerRow, 'id' | 'tenant_id'>, packageId: string, sessionId: string): Promise<LaunchOutcome> {
  const { db } = ports;
  const sessions = scormSessionTable(db);
  return db.transaction('rw', [db.scormSessions, db.scormCourses, db.outbox], async (): Promise<LaunchOutcome> => {
    const course = await visibleCourse(db, packageId, learner.tenant_id);
    if (!course) return { ok: false, error: 'PACKAGE_NOT_FOUND' };
    const existing = await sessions.get(sessionId);
    if (existing) {
      if (existing.tenant_id !== learner.tenant_id) return { ok: false, error: 'SESSION_NOT_FOUND' };
      if (existing.user_id !== learner.id || existing.package_id !== packageId) return { ok: false, error: 'SESSION_CONFLICT' };
      const resumed = { ...existing, attempts: (existing.attempts ?? 1) + 1 };
      await sessions.put(resumed);
      return { ok: true, created: false, session: resumed, course };
    }
    const now = ports.now().toISOString();
    const row: ScormSessionLocalRow = {
      id: sessionId,
      tenant_id: learner.tenant_id,
      user_id: learner.id,
      package_id: packageId,
      cmi_data: {},
      completion_status: 'not attempted',
      success_status: 'unknown',
      score: null,
      time_spent_seconds: 0,
      version: FIRST_SCORM_VERSION,
      created_at: now,
      updated_at: now,
      sitting_id: null,
      sitting_seq: 0,
      sitting_seconds: {},
      attempts: 1,
    };
    await sessions.add(row);
    await queueOperation(ports, {
      kind: 'scorm_session.launch',
      entity_id: sessionId,
      method: 'POST',
      path: `/api/v1/packages/${packageId}/launch`,
      acting_user_id: learner.id,
      body: { user_id: learner.id, session_id: sessionId },
    });
    return { ok: true, created: true, session: row, course };
  });
}

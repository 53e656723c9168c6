import { parseIso8601Duration } from '../../../shared/xapi/iso8601-duration';
import { MAX_SITTING_SECONDS } from '../../../shared/scorm/scorm-time';
import type { UpdateScormSessionRequest } from '../../../shared/schemas/scorm-session';
import type { LearnerRow } from '../db/rows';
import type { ScormSessionLocalRow } from '../db/schema-v7';
import type { DataPorts } from './data-ports';
import { scormSessionTable } from './scorm-session-table';
import { cmiTooLarge, saveSessionVersion, writeTables } from './scorm-session-write';

export type UpdateOutcome =
  | { readonly ok: true; readonly session: ScormSessionLocalRow }
  | { readonly ok: false; readonly error: 'SESSION_NOT_FOUND' | 'TOO_LARGE' }
  | { readonly ok: false; readonly error: 'VERSION_CONFLICT'; readonly session: ScormSessionLocalRow };

/**
 * PUT /api/v1/sessions/:id on the kiosk, as the remote does it: the body's version must be the stored one
 * (else 409 with the session as it stands); the fields sent replace the stored ones and session_time is
 * added to the total; the version goes up by one. `owner` null means an instructor's call (any learner of
 * the kiosk's tenants).
 */
export async function updateScormSession(ports: DataPorts, owner: Pick<LearnerRow, 'id' | 'tenant_id'> | null, sessionId: string, body: UpdateScormSessionRequest): Promise<UpdateOutcome> {
  const { db } = ports;
  return db.transaction('rw', writeTables(db), async (): Promise<UpdateOutcome> => {
    const row = await scormSessionTable(db).get(sessionId);
    if (!row || (owner && (row.user_id !== owner.id || row.tenant_id !== owner.tenant_id))) return { ok: false, error: 'SESSION_NOT_FOUND' };
    if (body.version !== row.version) return { ok: false, error: 'VERSION_CONFLICT', session: row };
    if (body.cmi_data && cmiTooLarge(body.cmi_data)) return { ok: false, error: 'TOO_LARGE' };
    const seconds = Math.min(MAX_SITTING_SECONDS, Math.round(body.session_time === undefined ? 0 : (parseIso8601Duration(body.session_time) ?? 0)));
    const next: ScormSessionLocalRow = {
      ...row,
      cmi_data: body.cmi_data ?? row.cmi_data,
      completion_status: body.completion_status ?? row.completion_status,
      success_status: body.success_status ?? row.success_status,
      score: body.score ?? row.score ?? null,
      time_spent_seconds: row.time_spent_seconds + seconds,
      version: row.version + 1,
      updated_at: ports.now().toISOString(),
    };
    await saveSessionVersion(ports, row, next, body, owner?.id ?? row.user_id);
    return { ok: true, session: next };
  });
}

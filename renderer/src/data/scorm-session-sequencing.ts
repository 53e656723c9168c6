import { withItemCmi } from '../../../shared/scorm/sco-keys';
import { SEQUENCING_STATE_KEY } from '../../../shared/scorm/sequencing-state';
import type { SequencingOutcome } from '../../../shared/scorm/sequencing-state';
import type { UpdateScormSessionRequest } from '../../../shared/schemas/scorm-session';
import type { LearnerRow } from '../db/rows';
import type { DataPorts } from './data-ports';
import { courseItemIds } from './scorm-courses';
import { scormSessionTable } from './scorm-session-table';
import { cmiTooLarge, furthestCompletion, saveSessionVersion, writeTables } from './scorm-session-write';

export type SequencingSaveOutcome = { readonly ok: true; readonly saved: boolean } | { readonly ok: false; readonly error: 'SESSION_NOT_FOUND' | 'PACKAGE_NOT_FOUND' | 'TOO_LARGE' };

/**
 * Saves the sequencing engine's state when no commit carries it (the learner pressed Exit, the sequencing
 * session ended): the state into the session's cmi_data, the course's status as the engine rolls it up,
 * the next version and the PUT for the remote, in one transaction. `clearItem` names an item whose new
 * attempt has not committed yet: its previous attempt's data model is dropped, so a later resume does
 * not hand it back. Nothing changes (no version, no PUT) when the state and status are already stored.
 */
export async function saveScormSequencing(ports: DataPorts, learner: Pick<LearnerRow, 'id' | 'tenant_id'>, sessionId: string, outcome: SequencingOutcome, clearItem?: string): Promise<SequencingSaveOutcome> {
  const { db } = ports;
  return db.transaction('rw', writeTables(db), async (): Promise<SequencingSaveOutcome> => {
    const row = await scormSessionTable(db).get(sessionId);
    if (!row || row.user_id !== learner.id || row.tenant_id !== learner.tenant_id) return { ok: false, error: 'SESSION_NOT_FOUND' };
    const course = await db.scormCourses.get(row.package_id);
    if (!course) return { ok: false, error: 'PACKAGE_NOT_FOUND' };
    const multi = courseItemIds(course).length > 1;
    const base = clearItem === undefined ? row.cmi_data : withItemCmi(row.cmi_data, clearItem, multi, {});
    const cmi = { ...base, [SEQUENCING_STATE_KEY]: outcome.state };
    const completion = furthestCompletion(row.completion_status, outcome.completion_status ?? row.completion_status);
    const success = outcome.success_status === 'unknown' ? row.success_status : outcome.success_status;
    const unchanged = clearItem === undefined && row.cmi_data[SEQUENCING_STATE_KEY] === outcome.state && completion === row.completion_status && success === row.success_status;
    if (unchanged) return { ok: true, saved: false };
    if (cmiTooLarge(cmi)) return { ok: false, error: 'TOO_LARGE' };
    const request: UpdateScormSessionRequest = { version: row.version, cmi_data: cmi, completion_status: completion, success_status: success };
    await saveSessionVersion(ports, row, { ...row, cmi_data: cmi, completion_status: completion, success_status: success, version: row.version + 1, updated_at: ports.now().toISOString() }, request, learner.id);
    return { ok: true, saved: true };
  });
}

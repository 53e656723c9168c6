import { scormSessionSchema, updateScormSessionRequestSchema } from '../../../shared/schemas/scorm-session';
import type { UpdateScormSessionRequest } from '../../../shared/schemas/scorm-session';
import { rebaseScormCommit } from '../../../shared/scorm/merge-cmi';
import type { RemoteView } from '../../../shared/scorm/merge-cmi';
import { sessionSeconds } from '../../../shared/scorm/scorm-time';
import type { OutpostDb } from '../db/outpost-db';
import type { OutboxRow } from '../db/rows';
import { scormSessionTable } from './scorm-session-table';
import { furthestCompletion } from './scorm-session-write';

/**
 * After a SCORM PUT that the remote refused with 409 was merged and accepted, the remote's answer is the
 * session as it now stands: this kiosk's commit merged with what another device saved. In one transaction:
 * - every later commit of the session still waiting is rebased on that answer (rebaseScormCommit: only the
 *   elements the kiosk changed since the merged commit are its news, judged against the other device's save
 *   time `otherSavedAt`, not the answer's, which is only when this kiosk's own commit arrived) and numbered
 *   from the answer's version, so it applies without another 409 and without dropping the other device's
 *   elements (a PUT replaces cmi_data); `sent` is the merged commit's CMI as the kiosk made it;
 * - the kiosk's copy takes what the remote will hold once they are delivered (CMI, statuses, score, total
 *   time, version), so the learner resumes with both devices' data and the next commit names the right version.
 * Nothing changes when the answer is not this session, the copy is gone, or a later commit is not simply
 * waiting (held, refused: a person decides). Completion never moves back; the sitting bookkeeping stays.
 */
export async function adoptMergedScormSession(db: OutpostDb, op: Pick<OutboxRow, 'seq' | 'entity_id' | 'kind'>, sent: Readonly<Record<string, string>>, answer: unknown, otherSavedAt: string): Promise<boolean> {
  const parsed = scormSessionSchema.safeParse(answer);
  if (!parsed.success || parsed.data.id !== op.entity_id) return false;
  const remote = parsed.data;
  const sessions = scormSessionTable(db);
  return db.transaction('rw', [db.scormSessions, db.outbox], async () => {
    const row = await sessions.get(op.entity_id);
    if (!row) return false;
    const later = (await db.outbox.where('entity_id').equals(op.entity_id).filter((other) => other.kind === op.kind && (other.seq ?? 0) > (op.seq ?? 0) && other.status !== 'done').toArray()).sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    if (later.some((other) => other.status !== 'pending')) return false;
    const rebased: { seq: number; body: UpdateScormSessionRequest }[] = [];
    let expected: RemoteView = remote;
    let previous = sent;
    let laterSeconds = 0;
    for (const [index, other] of later.entries()) {
      const request = updateScormSessionRequestSchema.safeParse(other.body);
      if (!request.success) return false;
      const body = rebaseScormCommit(expected, previous, { request: request.data, committedAt: other.created_at }, otherSavedAt, remote.version + index);
      rebased.push({ seq: other.seq ?? 0, body });
      expected = { cmi_data: body.cmi_data ?? expected.cmi_data, completion_status: body.completion_status ?? expected.completion_status, success_status: body.success_status ?? expected.success_status, score: body.score ?? expected.score };
      previous = request.data.cmi_data ?? previous;
      laterSeconds += sessionSeconds(request.data.session_time);
    }
    for (const { seq, body } of rebased) await db.outbox.update(seq, { body });
    await sessions.put({
      ...row,
      cmi_data: expected.cmi_data,
      completion_status: furthestCompletion(row.completion_status, expected.completion_status),
      success_status: expected.success_status,
      score: expected.score ?? row.score ?? null,
      time_spent_seconds: Math.max(row.time_spent_seconds, remote.time_spent_seconds + laterSeconds),
      version: remote.version + rebased.length,
      updated_at: remote.updated_at > row.updated_at ? remote.updated_at : row.updated_at,
    });
    return true;
  });
}

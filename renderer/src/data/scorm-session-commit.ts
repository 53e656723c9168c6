import { formatTotalTime, isoDuration, sessionSeconds, totalSeconds, totalTimeKey } from '../../../shared/scorm/scorm-time';
import { rollUp } from '../../../shared/scorm/session-rollup';
import { CURRENT_ITEM_KEY, SHARED_DATA_PREFIX, itemCmi, scoPrefix, sharedDataWrites, withItemCmi } from '../../../shared/scorm/sco-keys';
import { launchableItems, playedOrganization } from '../../../shared/scorm/course-tree';
import { SEQUENCING_STATE_KEY } from '../../../shared/scorm/sequencing-state';
import type { SequencingOutcome } from '../../../shared/scorm/sequencing-state';
import type { UpdateScormSessionRequest } from '../../../shared/schemas/scorm-session';
import type { LearnerRow } from '../db/rows';
import type { ScormSessionLocalRow } from '../db/schema-v7';
import type { DataPorts } from './data-ports';
import { courseItemIds } from './scorm-courses';
import { scormSessionTable } from './scorm-session-table';
import { cmiTooLarge, furthestCompletion, saveSessionVersion, writeTables } from './scorm-session-write';

/** One commit of the runtime in the player: one item's whole data model after LMSCommit/Commit/Terminate. */
export interface RuntimeCommit {
  readonly sittingId: string;
  /** Increasing within a sitting; a replay (after a crash, from the shell's journal) is applied once. */
  readonly seq: number;
  readonly itemId: string;
  readonly cmi: Readonly<Record<string, string>>;
  /** The item's session time so far in this sitting, as the course reported it (or the wall clock). */
  readonly sessionSeconds: number;
  /**
   * The item's total time when this sitting was launched (what the LMS handed the SCO as total_time; 0 for
   * a new attempt). Without it (a commit replayed from an earlier sitting) the stored total stands in.
   */
  readonly launchTotalSeconds?: number;
  /** SCORM 2004: the sequencing engine's state and the course's status as its rollup decides it. */
  readonly sequencing?: SequencingOutcome;
}

export type CommitOutcome =
  | { readonly ok: true; readonly applied: boolean; readonly session: ScormSessionLocalRow }
  | { readonly ok: false; readonly error: 'SESSION_NOT_FOUND' | 'PACKAGE_NOT_FOUND' | 'TOO_LARGE' };

/**
 * Persists a runtime commit: the item's CMI into the session's map, the rolled-up status and score, the
 * session time this sitting added since its last commit, the next version, and the PUT for the remote —
 * all in one transaction, so a commit is either saved and queued or neither.
 */
export async function commitScormRuntime(ports: DataPorts, learner: Pick<LearnerRow, 'id' | 'tenant_id'>, sessionId: string, commit: RuntimeCommit): Promise<CommitOutcome> {
  const { db } = ports;
  return db.transaction('rw', writeTables(db), async (): Promise<CommitOutcome> => {
    const row = await scormSessionTable(db).get(sessionId);
    if (!row || row.user_id !== learner.id || row.tenant_id !== learner.tenant_id) return { ok: false, error: 'SESSION_NOT_FOUND' };
    const sameSitting = row.sitting_id === commit.sittingId;
    if (sameSitting && commit.seq <= (row.sitting_seq ?? 0)) return { ok: true, applied: false, session: row };
    const course = await db.scormCourses.get(row.package_id);
    if (!course) return { ok: false, error: 'PACKAGE_NOT_FOUND' };
    const items = courseItemIds(course);
    const multi = items.length > 1;
    const cmi = withItemCmi(row.cmi_data, commit.itemId, multi, commit.cmi);
    if (multi) cmi[CURRENT_ITEM_KEY] = commit.itemId;
    // 4th edition shared data: what the item wrote to the stores its maps let it write, for the whole session.
    const maps = launchableItems(playedOrganization(course).items).find((item) => item.identifier === commit.itemId)?.shared_data ?? [];
    for (const [target, value] of Object.entries(sharedDataWrites(maps, commit.cmi, row.cmi_data))) cmi[`${SHARED_DATA_PREFIX}${target}`] = value;
    if (commit.sequencing) cmi[SEQUENCING_STATE_KEY] = commit.sequencing.state;
    if (cmiTooLarge(cmi)) return { ok: false, error: 'TOO_LARGE' };
    const counted = sameSitting ? (row.sitting_seconds ?? {}) : {};
    const reported = sessionSeconds(`PT${Math.max(0, Math.round(commit.sessionSeconds))}S`);
    const added = Math.max(0, reported - (counted[commit.itemId] ?? 0));
    // total_time is the LMS's to keep (RTE: the sum of the attempt's session times): the sitting's starting
    // total plus what this sitting reported, whatever the SCO's own commit said it was.
    const key = totalTimeKey(course.version);
    const storedTotal = totalSeconds(itemCmi(row.cmi_data, commit.itemId, multi)[key]);
    const launchTotal = commit.launchTotalSeconds ?? Math.max(0, storedTotal - (counted[commit.itemId] ?? 0));
    cmi[`${scoPrefix(commit.itemId, multi)}${key}`] = formatTotalTime(course.version, launchTotal + reported);
    const rolled = rollUp(course.version, cmi, items);
    // A sequenced course's status is its root activity's (authored rollup rules); until that is known, the default rollup's.
    const completion = furthestCompletion(row.completion_status, commit.sequencing?.completion_status ?? rolled.completion_status);
    const successNow = commit.sequencing ? commit.sequencing.success_status : rolled.success_status;
    const success = successNow === 'unknown' ? row.success_status : successNow;
    const score = rolled.score ?? row.score ?? null;
    const next: ScormSessionLocalRow = {
      ...row,
      cmi_data: cmi,
      completion_status: completion,
      success_status: success,
      score,
      time_spent_seconds: row.time_spent_seconds + added,
      version: row.version + 1,
      updated_at: ports.now().toISOString(),
      sitting_id: commit.sittingId,
      sitting_seq: commit.seq,
      sitting_seconds: { ...counted, [commit.itemId]: Math.max(counted[commit.itemId] ?? 0, reported) },
    };
    const request: UpdateScormSessionRequest = {
      version: row.version,
      cmi_data: cmi,
      completion_status: completion,
      success_status: success,
      ...(score ? { score } : {}),
      ...(added > 0 ? { session_time: isoDuration(added) } : {}),
    };
    await saveSessionVersion(ports, row, next, request, learner.id);
    return { ok: true, applied: true, session: next };
  });
}

import type { ScormCompletionStatus, UpdateScormSessionRequest } from '../../../shared/schemas/scorm-session';
import type { OutpostDb } from '../db/outpost-db';
import type { ScormSessionLocalRow } from '../db/schema-v7';
import { pendingOperationOf, queueOperation } from './outbox-writer';
import type { DataPorts } from './data-ports';
import { scormSessionTable } from './scorm-session-table';

/** A session's CMI map is bounded: 10,000 elements and 4 MiB of text (docs/decisions.md). */
export const CMI_LIMITS = { keys: 10_000, chars: 4 * 1024 * 1024 } as const;

export function cmiTooLarge(cmi: Readonly<Record<string, string>>): boolean {
  const entries = Object.entries(cmi);
  if (entries.length > CMI_LIMITS.keys) return true;
  let chars = 0;
  for (const [key, value] of entries) chars += key.length + value.length;
  return chars > CMI_LIMITS.chars;
}

const RANK: Record<ScormCompletionStatus, number> = { unknown: 0, 'not attempted': 1, incomplete: 2, completed: 3 };

/** Completion on the kiosk never moves back (a learner reopening a finished course does not undo it). */
export function furthestCompletion(a: ScormCompletionStatus, b: ScormCompletionStatus): ScormCompletionStatus {
  return RANK[b] > RANK[a] ? b : a;
}

/**
 * Writes the session's next version and queues the PUT that carries it to the remote, inside the caller's
 * transaction. The PUT names the version it was based on, so the remote refuses it (409, merged by sync)
 * if another device saved in between.
 */
export async function saveSessionVersion(ports: DataPorts, before: ScormSessionLocalRow, next: ScormSessionLocalRow, request: UpdateScormSessionRequest, actingUserId: string): Promise<void> {
  await scormSessionTable(ports.db).put(next);
  const launch = await pendingOperationOf(ports.db, before.id, 'scorm_session.launch');
  await queueOperation(ports, {
    kind: 'scorm_session.update',
    entity_id: before.id,
    method: 'PUT',
    path: `/api/v1/sessions/${before.id}`,
    acting_user_id: actingUserId,
    body: request,
    depends_on: launch ? [launch.id] : [],
  });
}

export function writeTables(db: OutpostDb) {
  return [db.scormSessions, db.scormCourses, db.outbox];
}

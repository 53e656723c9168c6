import type { OutpostDb } from '../db/outpost-db';
import type { AttemptLogRow } from '../db/rows';

/** The tables a logger write touches (the outbox is added by the writer). */
export function loggerTables(db: OutpostDb) {
  return [db.contentSessionLogs, db.contentSummaryLogs, db.masteryLogs, db.attemptLogs];
}

/** A try's newest attempts, newest first, read as an index range. */
export async function newestAttempts(db: OutpostDb, masteryLogId: string, limit: number): Promise<AttemptLogRow[]> {
  return db.attemptLogs
    .where('[masterylog+ordinal]')
    .between([masteryLogId, -Infinity], [masteryLogId, Infinity])
    .reverse()
    .limit(limit)
    .toArray();
}

/** A try's attempts in the order they were recorded. */
export async function attemptsOfTry(db: OutpostDb, masteryLogId: string): Promise<AttemptLogRow[]> {
  return db.attemptLogs.where('[masterylog+ordinal]').between([masteryLogId, -Infinity], [masteryLogId, Infinity]).toArray();
}

/**
 * The newest unsent logger operation for this learner's content, which a new one must follow: the remote
 * decides what a start resumes from what it has already received, so it must receive it in order.
 */
export async function previousLoggerOperation(db: OutpostDb, userId: string, contentId: string): Promise<string | undefined> {
  const sessions = await db.contentSessionLogs.where('[user+content_id]').equals([userId, contentId]).toArray();
  const latest = sessions.sort((a, b) => b.start_timestamp.localeCompare(a.start_timestamp))[0];
  if (!latest) return undefined;
  const ops = await db.outbox.where('entity_id').equals(latest.id).toArray();
  return ops.filter((op) => op.status !== 'done').sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))[0]?.id;
}

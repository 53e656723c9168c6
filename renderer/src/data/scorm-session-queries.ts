import type { OutpostDb } from '../db/outpost-db';
import type { ScormSessionLocalRow } from '../db/schema-v7';
import { scormSessionTable } from './scorm-session-table';

export async function findScormSession(db: OutpostDb, sessionId: string): Promise<ScormSessionLocalRow | undefined> {
  return scormSessionTable(db).get(sessionId);
}

/** Sessions filtered by package and/or learner, newest change first. */
export async function listScormSessions(db: OutpostDb, filter: { packageId?: string; userId?: string; tenantId: string }): Promise<ScormSessionLocalRow[]> {
  const table = scormSessionTable(db);
  const rows =
    filter.packageId && filter.userId
      ? await table.where('[package_id+user_id]').equals([filter.packageId, filter.userId]).toArray()
      : filter.userId
        ? await table.where('user_id').equals(filter.userId).toArray()
        : filter.packageId
          ? await table.where('package_id').equals(filter.packageId).toArray()
          : await table.toArray();
  return rows.filter((row) => row.tenant_id === filter.tenantId).sort((a, b) => b.updated_at.localeCompare(a.updated_at));
}

/** The learner's latest session of a course (the one "continue" resumes), if any. */
export async function latestSessionOf(db: OutpostDb, userId: string, packageId: string): Promise<ScormSessionLocalRow | undefined> {
  const rows = await scormSessionTable(db).where('[package_id+user_id]').equals([packageId, userId]).toArray();
  return rows.sort((a, b) => b.updated_at.localeCompare(a.updated_at))[0];
}

/** A learner's sessions, newest change first (their courses page). */
export async function learnerScormSessions(db: OutpostDb, userId: string): Promise<ScormSessionLocalRow[]> {
  const rows = await scormSessionTable(db).where('user_id').equals(userId).toArray();
  return rows.sort((a, b) => b.updated_at.localeCompare(a.updated_at));
}

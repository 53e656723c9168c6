import type { OutpostDb } from '../db/outpost-db';
import type { ScormCourseRow, ScormDispatchRow } from '../db/schema-v7';
import type { DataPorts } from './data-ports';
import type { InstructorGuard } from './instructor-guard';
import { scormSessionTable } from './scorm-session-table';

/** A course's dispatches not revoked yet: they still open it. */
const openDispatches = (db: OutpostDb, id: string) => db.scormDispatches.where('package_id').equals(id).filter((d) => d.revoked_at === null);

/** What deleting a course would leave behind, for the instructor's confirmation. */
export interface CourseDeleteImpact {
  /** Learners with a session of the course: their records stay and still sync. */
  readonly learners: number;
  /** Of those, learners who have not completed it: they can no longer continue. */
  readonly unfinished: number;
  /** Dispatches that still open the course (they are revoked). */
  readonly dispatches: number;
}

export async function courseDeleteImpact(ports: DataPorts, guard: InstructorGuard, id: string): Promise<CourseDeleteImpact> {
  await guard.require();
  const { db } = ports;
  const sessions = scormSessionTable(db);
  return db.transaction('r', [db.scormSessions, db.scormDispatches], async () => {
    const rows = await sessions.where('package_id').equals(id).toArray();
    const byLearner = new Map<string, boolean>();
    for (const row of rows) byLearner.set(row.user_id, (byLearner.get(row.user_id) ?? false) || row.completion_status === 'completed');
    const dispatches = await openDispatches(db, id).count();
    return { learners: byLearner.size, unfinished: [...byLearner.values()].filter((done) => !done).length, dispatches };
  });
}

/** What a removal took away, so that it can be put back if main cannot remove the files. */
export interface RemovedCourse {
  readonly course: ScormCourseRow;
  readonly dispatches: readonly ScormDispatchRow[];
}

export type CourseDelete = { ok: true; removed: RemovedCourse } | { ok: false; reason: 'gone' };

/**
 * Takes a course out of the library (instructor): its record goes and its open dispatches are revoked, in
 * one transaction; learners' sessions stay (they are their records and still sync). The caller then asks main
 * to remove the files and puts everything back with restoreCourse if main refuses.
 */
export async function removeCourse(ports: DataPorts, guard: InstructorGuard, id: string): Promise<CourseDelete> {
  await guard.require();
  const { db } = ports;
  return db.transaction('rw', [db.scormCourses, db.scormDispatches], async () => {
    const course = await db.scormCourses.get(id);
    if (!course) return { ok: false, reason: 'gone' } as const;
    const dispatches = await openDispatches(db, id).toArray();
    const at = ports.now().toISOString();
    await db.scormDispatches.bulkPut(dispatches.map((d) => ({ ...d, revoked_at: at })));
    await db.scormCourses.delete(id);
    return { ok: true, removed: { course, dispatches } } as const;
  });
}

/** Undoes removeCourse (main could not remove the files). */
export async function restoreCourse(ports: DataPorts, guard: InstructorGuard, removed: RemovedCourse): Promise<void> {
  await guard.require();
  const { db } = ports;
  await db.transaction('rw', [db.scormCourses, db.scormDispatches], async () => {
    await db.scormCourses.put(removed.course);
    await db.scormDispatches.bulkPut([...removed.dispatches]);
  });
}

export type CourseDeleteOutcome = { ok: true } | { ok: false; reason: 'gone' | 'files'; detail?: string };

/** The whole removal: the record, then main's files; the record comes back if the files cannot go. */
export async function deleteCourse(
  ports: DataPorts,
  guard: InstructorGuard,
  id: string,
  removeFiles: (id: string) => Promise<{ ok: true } | { ok: false; message: string }>,
): Promise<CourseDeleteOutcome> {
  const taken = await removeCourse(ports, guard, id);
  if (!taken.ok) return taken;
  const files = await removeFiles(id);
  if (files.ok) return { ok: true };
  await restoreCourse(ports, guard, taken.removed);
  return { ok: false, reason: 'files', detail: files.message };
}

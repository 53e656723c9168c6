import { Dexie } from 'dexie';
import { activityKey, buildGrid } from '../../../shared/progress/build-grid';
import type { GridActivity, GridLearner, GridRecords, ProgressGrid } from '../../../shared/progress/build-grid';
import type { OutpostDb } from '../db/outpost-db';
import { classMembers } from './classes';
import { scormSessionTable } from './scorm-session-table';

export type ClassLearner = GridLearner & { readonly tenant_id: string };

/** The class's learners (instructors on the list are not in the grid). */
export async function classLearners(db: OutpostDb, classId: string): Promise<ClassLearner[]> {
  // In a read transaction so that, inside a live query, the read after classMembers' own await is still observed.
  const members = await db.transaction('r', db.classMembers, db.learners, () => classMembers(db, classId));
  return members.filter((m) => m.role === 'learner').map((m) => ({ id: m.id, name: m.display_name, tenant_id: m.tenant_id }));
}

/** What the grid has columns for even before anyone starts: the library's VR packages, courses and lessons. */
export async function knownActivities(db: OutpostDb): Promise<GridActivity[]> {
  const [packages, courses, lessons] = await Promise.all([db.vrPackages.toArray(), db.scormCourses.toArray(), db.lessons.toArray()]);
  return [
    ...packages.map((p) => ({ key: activityKey('vr', p.id), kind: 'vr' as const, id: p.id, title: p.title })),
    ...courses.map((c) => ({ key: activityKey('scorm', c.id), kind: 'scorm' as const, id: c.id, title: c.title })),
    ...lessons.map((l) => ({ key: activityKey('lesson', l.id), kind: 'lesson' as const, id: l.id, title: l.title ?? null })),
  ];
}

// One reader per record type, each an index range per learner: a live query over one of them re-runs only
// when that table changes, so a VR session completing does not re-read every exercise try.
export function classVrSessions(db: OutpostDb, learners: readonly ClassLearner[]): Promise<GridRecords['vr']> {
  return db.vrSessions.where('user_id').anyOf(learners.map((l) => l.id)).toArray();
}

export function classScormSessions(db: OutpostDb, learners: readonly ClassLearner[]): Promise<GridRecords['scorm']> {
  return scormSessionTable(db).where('user_id').anyOf(learners.map((l) => l.id)).toArray();
}

export async function classTries(db: OutpostDb, learners: readonly ClassLearner[]): Promise<GridRecords['tries']> {
  return (await Promise.all(learners.map((l) => db.masteryLogs.where('[user+content_id]').between([l.id, Dexie.minKey], [l.id, Dexie.maxKey]).toArray()))).flat();
}

export async function classLessonPlays(db: OutpostDb, learners: readonly ClassLearner[]): Promise<GridRecords['plays']> {
  return (await Promise.all(learners.map((l) => db.lessonPlays.where('[clientId+userId+createdAt+id]').between([l.tenant_id, l.id, Dexie.minKey], [l.tenant_id, l.id, Dexie.maxKey]).toArray()))).flat();
}

/** The whole grid in one read (tests, benchmarks, exports without a page). */
export async function loadClassGrid(db: OutpostDb, classId: string, now: Date): Promise<ProgressGrid> {
  // One read transaction: every read is observed by a live query over this, however deep the awaits go.
  const tables = [db.classMembers, db.learners, db.vrPackages, db.scormCourses, db.lessons, db.vrSessions, db.scormSessions, db.masteryLogs, db.lessonPlays];
  return db.transaction('r', tables, async () => {
    const learners = await classLearners(db, classId);
    const [known, vr, scorm, tries, plays] = await Promise.all([knownActivities(db), classVrSessions(db, learners), classScormSessions(db, learners), classTries(db, learners), classLessonPlays(db, learners)]);
    return buildGrid(learners, known, { vr, scorm, tries, plays }, now);
  });
}
